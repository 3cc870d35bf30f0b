// Flags of `deliver task add|list|show|start|done|block|reopen|update|remove`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

const load = () => import('./run.js');

function add(task: Parent) {
  return task
    .command('add')
    .description('add a task to plan.yaml; prints its id')
    .option('--name <text>', 'what is done')
    .option('--owner <name>', 'who does it')
    .option('--start <date>', 'planned start; with --after it means "not earlier than"')
    .option('--days <n>', 'duration in working days (default 1; 0 = a one-day event)')
    .option('--end <date>', 'planned end, instead of --days')
    .option('--after <id...>', 'tasks or milestones that must finish first (repeatable)')
    .option('--milestone <id>', 'the milestone the task belongs to')
    .option('--req <id>', 'the requirement the task serves')
    .option('--deliverable <text>', 'what the task hands over')
    .option('-y, --yes', 'never prompt');
}
export type TaskAddOptions = OptionsOf<typeof add>;

function list(task: Parent) {
  return task
    .command('list')
    .description('tasks with computed dates, float, critical path, lateness and slip')
    .option('--owner <name>', 'only this owner (repeatable)', collect)
    .option('--status <status>', 'only this status: todo, in_progress, done, blocked (repeatable)', collect)
    .option('--late', 'only tasks past their planned end as of --as-of')
    .option('--milestone <id>', 'only tasks of this milestone')
    .option('--baseline <name>', 'measure slip against this baseline (default: the latest)');
}
export type TaskListOptions = OptionsOf<typeof list>;

function show(task: Parent) {
  return task
    .command('show <id>')
    .description('one task with its schedule, dependencies and actual dates')
    .option('--baseline <name>', 'measure slip against this baseline (default: the latest)');
}
export type TaskShowOptions = OptionsOf<typeof show>;

function start(task: Parent) {
  return task
    .command('start <id>')
    .description('mark a task in progress and record its actual start')
    .option('--date <date>', 'the day it happened (default: --as-of)');
}

function done(task: Parent) {
  return task
    .command('done <id>')
    .description('mark a task done and record its actual end')
    .option('--date <date>', 'the day it happened (default: --as-of)')
    .option('--start <date>', 'the day work actually started (recorded only when given or already known)');
}

function block(task: Parent) {
  return task
    .command('block <id>')
    .description('mark a task blocked, with the reason')
    .option('--reason <text>', 'why the task is blocked (required)');
}

function reopen(task: Parent) {
  return task
    .command('reopen <id>')
    .description('undo done (clears the actual end) or unblock a task')
    .option('--todo', 'back to todo, clearing the actual start too');
}

/** What start, done, block and reopen may be given (each takes its own part of it). */
export type TaskMoveOptions = OptionsOf<typeof start> & OptionsOf<typeof done> & OptionsOf<typeof block> & OptionsOf<typeof reopen>;

function update(task: Parent) {
  return task
    .command('update <id>')
    .description("change a task's plan: name, owner, duration or end, start, predecessors, remaining work, milestone, requirement")
    .option('--name <text>', 'what is done')
    .option('--owner <name>', 'who does it')
    .option('--days <n>', 'duration in working days (replaces --end)')
    .option('--start <date>', 'planned start ("not earlier than" with predecessors)')
    .option('--end <date>', 'planned end (replaces --days)')
    .option('--after <id...>', 'replace the predecessors (repeatable; "none" for none)')
    .option('--remaining <n>', 'working days still needed from the report date (forecast)')
    .option('--milestone <id>', 'the milestone the task belongs to ("none" to clear)')
    .option('--req <id>', 'the requirement the task serves ("none" to clear)');
}
export type TaskUpdateOptions = OptionsOf<typeof update>;

function remove(task: Parent) {
  return task.command('remove <id>').description('remove a task that nothing references');
}

const loadEdit = () => import('./edit.js');

export function register(program: Parent, run: Runner): void {
  const task = program.command('task').description('plan tasks: add, list, and record progress');
  add(task).action((opts, cmd) => run(cmd, async (ctx) => (await load()).taskAdd(ctx, opts)));
  list(task).action((opts, cmd) => run(cmd, async (ctx) => (await load()).taskList(ctx, opts)));
  show(task).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).taskShow(ctx, id, opts)));
  start(task).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).taskMove(ctx, 'start', id, opts)));
  done(task).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).taskMove(ctx, 'done', id, opts)));
  block(task).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).taskMove(ctx, 'block', id, opts)));
  reopen(task).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).taskMove(ctx, 'reopen', id, opts)));
  update(task).action((id, opts, cmd) => run(cmd, async (ctx) => (await loadEdit()).taskUpdate(ctx, id, opts)));
  remove(task).action((id, _opts, cmd) => run(cmd, async (ctx) => (await loadEdit()).taskRemove(ctx, id)));
}
