// Flags of `deliver renumber`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

function renumber(program: Parent) {
  return program
    .command('renumber <id>')
    .description('give a record the next free id and update every reference to it (repairs ids duplicated by a merge)')
    .option('--in <file>', 'the file holding the copy to renumber, project-relative (when the id is duplicated)')
    .option('--line <n>', "the line of the copy's `id:` (when one file, e.g. plan.yaml, holds two copies)")
    .option('--ref-from <id>', 'references held by this record follow the renumbered copy (repeatable; for a duplicated id)', collect)
    .option('--dry-run', 'show what would change, write nothing');
}
export type RenumberOptions = OptionsOf<typeof renumber>;

export function register(program: Parent, run: Runner): void {
  renumber(program).action((id, opts, cmd) => run(cmd, async (ctx) => (await import('./run.js')).renumber(ctx, id, opts)));
}
