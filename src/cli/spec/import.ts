// Flags of `deliver import requirements|tasks|risks <file.xlsx|.csv>`.
import type { Command } from 'commander';
import { collect, type Runner } from '../program.js';

export function register(program: Command, run: Runner): void {
  program
    .command('import <kind> <file>')
    .description('records from a spreadsheet (.xlsx or .csv in the toolkit\'s layout): requirements, tasks or risks; all rows or none')
    .option('--sheet <name>', 'the sheet to read (default: the first whose header row names the columns)')
    .option('--map <column=field>', 'read a column under another name as a field, e.g. --map 提出人=contact (repeatable)', collect)
    .option('--dry-run', 'check every row and show what would be created, without writing')
    .action(run(async (ctx, args, opts) => (await import('../../commands/import.js')).importRecords(ctx, String(args[0]), String(args[1]), opts)));
}
