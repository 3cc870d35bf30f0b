// Flags of `deliver load [dirs…]`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

function loadCommand(program: Parent) {
  return program
    .command('load [dirs...]')
    .description("people's booked working days per week across projects, over-allocation flagged")
    .option('--from <date>', 'first day (default: the Monday of the --as-of week)')
    .option('--to <date>', 'last day (default: eight weeks from --from)')
    .addOption(new Option('--scale <scale>', 'one column per').choices(['week'] as const).default('week' as const));
}
export type LoadOptions = OptionsOf<typeof loadCommand>;

export function register(program: Parent, run: Runner): void {
  loadCommand(program).action((dirs, opts, cmd) => run(cmd, async (ctx) => (await import('./run.js')).load(ctx, dirs ?? [], opts)));
}
