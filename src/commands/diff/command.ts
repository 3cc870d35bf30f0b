// Flags of `deliver diff`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

function diff(program: Parent) {
  return program
    .command('diff [base] [head]')
    .description('what a change set does to the delivery, from git revisions (default: merge base with the default branch → working tree)')
    .addOption(
      new Option('--format <format>', 'output format; md is written for a pull-request comment')
        .choices(['text', 'md', 'json'])
        .default('text'),
    );
}
export type DiffOptions = OptionsOf<typeof diff>;

export function register(program: Parent, run: Runner): void {
  diff(program).action((base, head, opts, cmd) => run(cmd, async (ctx) => (await import('./run.js')).diff(ctx, base, head, opts)));
}
