// Flags of `deliver diff`.
import { Option, type Command } from 'commander';
import type { Runner } from '../../cli/program.js';

export function register(program: Command, run: Runner): void {
  program
    .command('diff [base] [head]')
    .description('what a change set does to the delivery, from git revisions (default: merge base with the default branch → working tree)')
    .addOption(new Option('--format <format>', 'output format; md is written for a pull-request comment').choices(['text', 'md', 'json']).default('text'))
    .action(run(async (ctx, args, opts) => (await import('./run.js')).diff(ctx, args, opts)));
}
