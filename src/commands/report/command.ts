// Flags of `deliver report weekly|closeout|monthly|sent|log`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

function weekly(report: Parent) {
  return report
    .command('weekly')
    .description('the weekly report: done, next week, milestones, risks, changes, what the customer must provide, acceptance, KPIs')
    .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: the week containing --as-of)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html']).default('md'))
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .addOption(
      new Option('--audience <who>', 'customer (the version to send; default for html) or internal (everything)').choices([
        'customer',
        'internal',
      ]),
    );
}
export type ReportWeeklyOptions = OptionsOf<typeof weekly>;

function sent(report: Parent) {
  return report
    .command('sent')
    .description('log a report sent to the customer, for the communication plan; prints its id')
    .option('--week <week>', 'the ISO week it reports on, e.g. 2026-W47')
    .option('--month <month>', 'the month it reports on, e.g. 2026-11')
    .addOption(
      new Option('--type <type>', 'kind of report (default: weekly with --week, monthly with --month)').choices([
        'weekly',
        'monthly',
        'other',
      ] as const),
    )
    .option('--promise <name>', 'the deliver.yaml communication entry it fulfils')
    .option('--date <date>', 'date sent (default: --as-of)')
    .option('--to <name>', 'who it was sent to (repeatable)', collect)
    .option('--file <path>', 'the report file, relative to the project (as written with --out)')
    .option('--note <text>', 'a note');
}
export type ReportSentOptions = OptionsOf<typeof sent>;

function log(report: Parent) {
  return report.command('log').description('reports sent, and the promised reports and meetings missing for past periods');
}

function closeout(report: Parent) {
  return report
    .command('closeout')
    .description(
      'the delivery summary (交付总结报告): scope, schedule against the baseline, changes, acceptance and rectification, KPIs, lessons',
    )
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
  sent(report).action((opts, cmd) => run(cmd, async (ctx) => (await import('./sent.js')).reportSent(ctx, opts)));
  log(report).action((_opts, cmd) => run(cmd, async (ctx) => (await import('./sent.js')).reportLog(ctx)));
  closeout(report).action((opts, cmd) => run(cmd, async (ctx) => (await import('./closeout.js')).reportCloseout(ctx, opts)));
  monthly(report).action((opts, cmd) => run(cmd, async (ctx) => (await import('./closeout.js')).reportMonthly(ctx, opts)));
}
