// Flags of `deliver report weekly|closeout|monthly`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

function weekly(report: Parent) {
  return report
    .command('weekly')
    .description('the weekly report: done, next week, milestones, risks, changes, what the customer must provide, acceptance, KPIs')
    .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: the week containing --as-of)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html']).default('md'))
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout');
}
export type ReportWeeklyOptions = OptionsOf<typeof weekly>;

function closeout(report: Parent) {
  return report
    .command('closeout')
    .description('the delivery summary (交付总结报告): scope, schedule against the baseline, changes, acceptance and rectification, KPIs, lessons')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html']).default('md'))
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout');
}
export type ReportCloseoutOptions = OptionsOf<typeof closeout>;

function monthly(report: Parent) {
  return report
    .command('monthly')
    .description('the monthly report (月报) with the requirement-handling figures: volume, pass rate, cycle, SLA misses, common problems')
    .option('--month <month>', 'the month, e.g. 2026-11 (default: the month of --as-of)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html']).default('md'))
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout');
}
export type ReportMonthlyOptions = OptionsOf<typeof monthly>;

export function register(program: Parent, run: Runner): void {
  const report = program.command('report').description('reports for the customer');
  weekly(report).action((opts, cmd) => run(cmd, async (ctx) => (await import('./run.js')).reportWeekly(ctx, opts)));
  closeout(report).action((opts, cmd) => run(cmd, async (ctx) => (await import('./closeout.js')).reportCloseout(ctx, opts)));
  monthly(report).action((opts, cmd) => run(cmd, async (ctx) => (await import('./closeout.js')).reportMonthly(ctx, opts)));
}
