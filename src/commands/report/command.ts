// Flags of `deliver report weekly`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

function weekly(report: Parent) {
  return report
    .command('weekly')
    .description('the weekly report: done, next week, milestones, risks, changes, what the customer must provide, acceptance, KPIs')
    .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: the week containing --as-of)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html']).default('md'))
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .addOption(new Option('--audience <who>', 'customer (the version to send; default for html) or internal (everything)').choices(['customer', 'internal']));
}
export type ReportWeeklyOptions = OptionsOf<typeof weekly>;

export function register(program: Parent, run: Runner): void {
  const report = program.command('report').description('reports for the customer');
  weekly(report).action((opts, cmd) => run(cmd, async (ctx) => (await import('./run.js')).reportWeekly(ctx, opts)));
}
