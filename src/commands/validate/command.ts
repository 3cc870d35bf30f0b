// Flags of `deliver validate`.
import { Option, type Command } from 'commander';
import type { Runner } from '../../cli/program.js';

export function register(program: Command, run: Runner): void {
  program
    .command('validate')
    .description('check every record: schema, references and rules')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', 'treat warnings as errors')
    .action(run(async (ctx, _args, opts) => {
      const { memoizedProject } = await import('../../cli/memo.js');
      return memoizedProject(ctx, 'validate', opts, async () => (await import('./run.js')).validate(ctx, opts));
    }));
}
