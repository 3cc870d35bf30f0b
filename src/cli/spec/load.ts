// Flags of `deliver load [dirs…]`.
import { Option, type Command } from 'commander';
import type { Runner } from '../program.js';

export function register(program: Command, run: Runner): void {
  program
    .command('load [dirs...]')
    .description('people\'s booked working days per week across projects, over-allocation flagged')
    .option('--from <date>', 'first day (default: the Monday of the --as-of week)')
    .option('--to <date>', 'last day (default: eight weeks from --from)')
    .addOption(new Option('--scale <scale>', 'one column per').choices(['week']).default('week'))
    .action(run(async (ctx, a, opts) => (await import('../../commands/load.js')).load(ctx, (a[0] as string[] | undefined) ?? [], opts)));
}
