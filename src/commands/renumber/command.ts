// Flags of `deliver renumber`.
import type { Command } from 'commander';
import { collect, type Runner } from '../../cli/program.js';

export function register(program: Command, run: Runner): void {
  program
    .command('renumber <id>')
    .description('give a record the next free id and update every reference to it (repairs ids duplicated by a merge)')
    .option('--in <file>', 'the file holding the copy to renumber, project-relative (when the id is duplicated)')
    .option('--line <n>', 'the line of the copy\'s `id:` (when one file, e.g. plan.yaml, holds two copies)')
    .option('--ref-from <id>', 'references held by this record follow the renumbered copy (repeatable; for a duplicated id)', collect)
    .option('--dry-run', 'show what would change, write nothing')
    .action(run(async (ctx, args, opts) => (await import('./run.js')).renumber(ctx, String(args[0]), opts)));
}
