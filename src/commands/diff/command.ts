// `deliver diff [base] [head]`: its flags, which give the typed options run.ts receives (loaded only
// when the command runs).
import { Option } from '@commander-js/extra-typings';
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

const diff = (program: Parent) => program
  .command('diff [base] [head]')
  .description('what a change set does to the delivery, from git revisions (default: merge base with the default branch → working tree)')
  .addOption(new Option('--format <format>', 'output format; md is written for a pull-request comment').choices(['text', 'md', 'json'] as const).default('text' as const));
export type DiffOptions = OptionsOf<typeof diff>;

export function register(program: Parent, run: Runner): void {
  diff(program).action((base, head, opts, cmd) => run(cmd, async (ctx) => (await import('./run.js')).diff(ctx, base, head, opts)));
}
