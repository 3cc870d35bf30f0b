// Flags of `deliver import requirements|tasks|risks <file.xlsx|.csv>`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

function importCommand(program: Parent) {
  return program
    .command('import <kind> <file>')
    .description("records from a spreadsheet (.xlsx or .csv in the toolkit's layout): requirements, tasks or risks; all rows or none")
    .option('--sheet <name>', 'the sheet to read (default: the first whose header row names the columns)')
    .option('--map <column=field>', 'read a column under another name as a field, e.g. --map 提出人=contact (repeatable)', collect)
    .option('--dry-run', 'check every row and show what would be created, without writing');
}
export type ImportOptions = OptionsOf<typeof importCommand>;

export function register(program: Parent, run: Runner): void {
  importCommand(program).action((kind, file, opts, cmd) =>
    run(cmd, async (ctx) => (await import('./run.js')).importRecords(ctx, kind, file, opts)),
  );
}
