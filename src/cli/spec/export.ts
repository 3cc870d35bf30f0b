// Flags of `deliver export`.
import { Option, type Command } from 'commander';
import type { Runner } from '../program.js';

export const EXPORT_KINDS = ['requirements', 'tasks', 'milestones', 'risks', 'changes', 'acceptance', 'surveys', 'tickets', 'visits', 'dispatches', 'training'] as const;

export function register(program: Command, run: Runner): void {
  program
    .command('export')
    .description('records for spreadsheets (CSV), scripts (JSON) and calendars (ICS)')
    .addOption(new Option('--format <format>', 'csv (default), json or ics').choices(['csv', 'json', 'ics']))
    .addOption(new Option('--kind <kind>', 'which records (csv default: requirements; json and ics default: all)').choices([...EXPORT_KINDS]))
    .action(run(async (ctx, _a, opts) => (await import('../../commands/export.js')).exportRecords(ctx, opts)));
}
