// Flags of `deliver plan baseline|show` (`schedule` is another name for `show`).
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

const load = () => import('./run.js');

function baseline(plan: Parent) {
  return plan
    .command('baseline')
    .description('freeze the current computed dates as a named baseline to measure slip against')
    .option('--name <text>', 'baseline name (default: baseline-<as-of date>)');
}
export type PlanBaselineOptions = OptionsOf<typeof baseline>;

function show(plan: Parent) {
  return plan
    .command('show')
    .alias('schedule')
    .description('the computed schedule: dates, float, critical path, project end against the due date')
    .option('--baseline <name>', 'measure slip against this baseline (default: the latest)');
}
export type PlanShowOptions = OptionsOf<typeof show>;

export function register(program: Parent, run: Runner): void {
  const plan = program.command('plan').description('the plan as a whole: schedule and baselines');
  baseline(plan).action((opts, cmd) => run(cmd, async (ctx) => (await load()).planBaseline(ctx, opts)));
  show(plan).action((opts, cmd) => run(cmd, async (ctx) => (await load()).planShow(ctx, opts)));
}
