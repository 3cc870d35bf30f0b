// Flags of `deliver report weekly`.
import { Option, type Command } from 'commander';
import type { Runner } from '../../cli/program.js';

export function register(program: Command, run: Runner): void {
  const report = program.command('report').description('reports for the customer');
  report
    .command('weekly')
    .description('the weekly report: done, next week, milestones, risks, changes, what the customer must provide, acceptance, KPIs')
    .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: the week containing --as-of)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html']).default('md'))
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .action(run(async (ctx, _a, opts) => (await import('./run.js')).reportWeekly(ctx, opts)));
}
