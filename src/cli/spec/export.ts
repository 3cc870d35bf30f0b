// Flags of `deliver export`.
import { Option, type Command } from 'commander';
import type { Runner } from '../program.js';

export const EXPORT_KINDS = ['requirements', 'tasks', 'milestones', 'risks', 'changes', 'acceptance', 'surveys'] as const;

export function register(program: Command, run: Runner): void {
  program
    .command('export')
    .description('records for spreadsheets (CSV, Excel), scripts (JSON) and calendars (ICS)')
    .addOption(new Option('--format <format>', 'csv (default), xlsx (one workbook, a sheet per register), json or ics').choices(['csv', 'xlsx', 'json', 'ics']))
    .addOption(new Option('--kind <kind>', 'which records (csv default: requirements; json and ics default: all)').choices([...EXPORT_KINDS]))
    .option('--out <file>', 'write to this file (atomically); required for xlsx')
    .action(run(async (ctx, _a, opts) => (await import('../../commands/export.js')).exportRecords(ctx, opts)));
}
