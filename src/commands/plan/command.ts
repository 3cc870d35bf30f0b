// Flags of `deliver plan baseline|show` (`schedule` is another name for `show`).
import type { Command } from 'commander';
import type { Runner } from '../../cli/program.js';

export function register(program: Command, run: Runner): void {
  const plan = program.command('plan').description('the plan as a whole: schedule and baselines');
  const impl = () => import('./run.js');
  plan
    .command('baseline')
    .description('freeze the current computed dates as a named baseline to measure slip against')
    .option('--name <text>', 'baseline name (default: baseline-<as-of date>)')
    .action(run(async (ctx, _a, opts) => (await impl()).planBaseline(ctx, opts)));
  plan
    .command('show')
    .alias('schedule')
    .description('the computed schedule: dates, float, critical path, project end against the due date')
    .option('--baseline <name>', 'measure slip against this baseline (default: the latest)')
    .action(run(async (ctx, _a, opts) => (await impl()).planShow(ctx, opts)));
}
