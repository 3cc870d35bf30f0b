// Flags of `deliver report sent` (a subcommand of `report`, kept in its own file).
import { Option, type Command } from 'commander';
import { collect, type Runner } from '../program.js';

export function register(program: Command, run: Runner): void {
  const report = program.commands.find((c) => c.name() === 'report') ?? program.command('report').description('reports for the customer');
  report
    .command('sent')
    .description('log a report sent to the customer, for the communication plan; prints its id')
    .option('--week <week>', 'the ISO week it reports on, e.g. 2026-W47')
    .option('--month <month>', 'the month it reports on, e.g. 2026-11')
    .addOption(new Option('--type <type>', 'kind of report (default: weekly with --week, monthly with --month)').choices(['weekly', 'monthly', 'other']))
    .option('--promise <name>', 'the deliver.yaml communication entry it fulfils')
    .option('--date <date>', 'date sent (default: --as-of)')
    .option('--to <name>', 'who it was sent to (repeatable)', collect)
    .option('--file <path>', 'the report file, relative to the project (as written with --out)')
    .option('--note <text>', 'a note')
    .action(run(async (ctx, _a, opts) => (await import('../../commands/report-sent.js')).reportSent(ctx, opts)));
  report
    .command('log')
    .description('reports sent, and the promised reports and meetings missing for past periods')
    .action(run(async (ctx) => (await import('../../commands/report-sent.js')).reportLog(ctx)));
}
