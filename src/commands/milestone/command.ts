// Flags of `deliver milestone add|list`.
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

export function register(program: Parent, run: Runner): void {
  const ms = program.command('milestone').description('plan milestones');
  add(ms).action((opts, cmd) => run(cmd, async (ctx) => (await load()).milestoneAdd(ctx, opts)));
  list(ms).action((opts, cmd) => run(cmd, async (ctx) => (await load()).milestoneList(ctx, opts)));
}
