// Flags of `deliver milestone add|list|done|update|show`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

const load = () => import('./run.js');

function add(ms: Parent) {
  return ms
    .command('add')
    .description('add a milestone to plan.yaml; prints its id')
    .option('--name <text>', 'milestone name')
    .option('--due <date>', 'the date agreed for it')
    .option('--after <id...>', 'tasks or milestones that must finish first (repeatable)')
    .option('-y, --yes', 'never prompt');
}
export type MilestoneAddOptions = OptionsOf<typeof add>;

function list(ms: Parent) {
  return ms
    .command('list')
    .description('milestones: computed date, due, variance, reached, late')
    .option('--late', 'only milestones not reached and past their computed date')
    .option('--baseline <name>', 'measure slip against this baseline (default: the latest)');
}
export type MilestoneListOptions = OptionsOf<typeof list>;

function done(ms: Parent) {
  return ms
    .command('done <id>')
    .description('mark a milestone reached (a reached milestone is never overdue)')
    .option('--date <date>', 'the day it was reached (default: --as-of)');
}
export type MilestoneDoneOptions = OptionsOf<typeof done>;

function update(ms: Parent) {
  return ms
    .command('update <id>')
    .description("change a milestone's due date or name, or mark its due date fixed (contractual)")
    .option('--due <date>', 'the date agreed for it')
    .option('--name <text>', 'milestone name')
    .option('--fixed', 'the due date is contractual: never forecast earlier than it')
    .option('--not-fixed', 'the due date is a target only');
}
export type MilestoneUpdateOptions = OptionsOf<typeof update>;

function show(ms: Parent) {
  return ms
    .command('show <id>')
    .description('one milestone: reached or forecast, due, what it waits for, float')
    .option('--baseline <name>', 'measure slip against this baseline (default: the latest)');
}
export type MilestoneShowOptions = OptionsOf<typeof show>;

const loadEdit = () => import('./edit.js');

export function register(program: Parent, run: Runner): void {
  const ms = program.command('milestone').description('plan milestones');
  add(ms).action((opts, cmd) => run(cmd, async (ctx) => (await load()).milestoneAdd(ctx, opts)));
  list(ms).action((opts, cmd) => run(cmd, async (ctx) => (await load()).milestoneList(ctx, opts)));
  done(ms).action((id, opts, cmd) => run(cmd, async (ctx) => (await loadEdit()).milestoneDone(ctx, id, opts)));
  update(ms).action((id, opts, cmd) => run(cmd, async (ctx) => (await loadEdit()).milestoneUpdate(ctx, id, opts)));
  show(ms).action((id, opts, cmd) => run(cmd, async (ctx) => (await loadEdit()).milestoneShow(ctx, id, opts)));
}
