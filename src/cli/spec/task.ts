// Flags of `deliver task add|list|show|start|done|block|reopen|update|remove`.
import type { Command } from 'commander';
import { collect, type Runner } from '../program.js';

export function register(program: Command, run: Runner): void {
  const task = program.command('task').description('plan tasks: add, list, and record progress');
  const impl = () => import('../../commands/task.js');
  task
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
    .option('-y, --yes', 'never prompt')
    .action(run(async (ctx, _a, opts) => (await impl()).taskAdd(ctx, opts)));
  task
    .command('list')
    .description('tasks with computed dates, float, critical path, lateness and slip')
    .option('--owner <name>', 'only this owner (repeatable)', collect)
    .option('--status <status>', 'only this status: todo, in_progress, done, blocked (repeatable)', collect)
    .option('--late', 'only tasks past their planned end as of --as-of')
    .option('--milestone <id>', 'only tasks of this milestone')
    .option('--baseline <name>', 'measure slip against this baseline (default: the latest)')
    .action(run(async (ctx, _a, opts) => (await impl()).taskList(ctx, opts)));
  task
    .command('show <id>')
    .description('one task with its schedule, dependencies and actual dates')
    .option('--baseline <name>', 'measure slip against this baseline (default: the latest)')
    .action(run(async (ctx, args, opts) => (await impl()).taskShow(ctx, String(args[0]), opts)));
  const move = (action: 'start' | 'done' | 'block' | 'reopen', description: string, withDate: boolean) => {
    const cmd = task.command(`${action} <id>`).description(description);
    if (withDate) cmd.option('--date <date>', 'the day it happened (default: --as-of)');
    if (action === 'block') cmd.option('--reason <text>', 'why the task is blocked (required)');
    if (action === 'done') cmd.option('--start <date>', 'the day work actually started (recorded only when given or already known)');
    if (action === 'reopen') cmd.option('--todo', 'back to todo, clearing the actual start too');
    cmd.action(run(async (ctx, args, opts) => (await impl()).taskMove(ctx, action, String(args[0]), opts)));
  };
  move('start', 'mark a task in progress and record its actual start', true);
  move('done', 'mark a task done and record its actual end', true);
  move('block', 'mark a task blocked, with the reason', false);
  move('reopen', 'undo done (clears the actual end) or unblock a task', false);
  const edit = () => import('../../commands/task-edit.js');
  task
    .command('update <id>')
    .description('change a task\'s plan: name, owner, duration or end, start, predecessors, remaining work, milestone, requirement')
    .option('--name <text>', 'what is done')
    .option('--owner <name>', 'who does it')
    .option('--days <n>', 'duration in working days (replaces --end)')
    .option('--start <date>', 'planned start ("not earlier than" with predecessors)')
    .option('--end <date>', 'planned end (replaces --days)')
    .option('--after <id...>', 'replace the predecessors (repeatable; "none" for none)')
    .option('--remaining <n>', 'working days still needed from the report date (forecast)')
    .option('--milestone <id>', 'the milestone the task belongs to ("none" to clear)')
    .option('--req <id>', 'the requirement the task serves ("none" to clear)')
    .action(run(async (ctx, args, opts) => (await edit()).taskUpdate(ctx, String(args[0]), opts)));
  task
    .command('remove <id>')
    .description('remove a task that nothing references')
    .action(run(async (ctx, args) => (await edit()).taskRemove(ctx, String(args[0]))));
}
