// Flags of `deliver export`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

export const EXPORT_KINDS = [
  'requirements',
  'tasks',
  'milestones',
  'risks',
  'changes',
  'acceptance',
  'surveys',
  'tickets',
  'visits',
  'dispatches',
  'training',
  'meetings',
] as const;

function exportCommand(program: Parent) {
  return program
    .command('export')
    .description('records for spreadsheets (CSV, Excel), scripts (JSON) and calendars (ICS)')
    .addOption(
      new Option('--format <format>', 'csv (default), xlsx (one workbook, a sheet per register), json or ics').choices([
        'csv',
        'xlsx',
        'json',
        'ics',
      ]),
    )
    .addOption(
      new Option('--kind <kind>', 'which records (csv default: requirements; json and ics default: all)').choices([...EXPORT_KINDS]),
    )
    .option('--out <file>', 'write to this file (atomically); required for xlsx');
}
export type ExportOptions = OptionsOf<typeof exportCommand>;

export function register(program: Parent, run: Runner): void {
  exportCommand(program).action((opts, cmd) => run(cmd, async (ctx) => (await import('./run.js')).exportRecords(ctx, opts)));
}
