// Flags of `deliver validate`.
// Each declaration gives the options type its run function receives; run.ts loads only when it
// runs, after the remembered-output check (cli/memo.ts).
import { Option } from '@commander-js/extra-typings';
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

function validate(program: Parent) {
  return program
    .command('validate')
    .description('check every record: schema, references and rules')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', 'treat warnings as errors');
}
export type ValidateOptions = OptionsOf<typeof validate>;

export function register(program: Parent, run: Runner): void {
  validate(program).action((opts, cmd) =>
    run(cmd, async (ctx) => {
      const { memoizedProject } = await import('../../cli/memo.js');
      return memoizedProject(ctx, 'validate', opts, async () => (await import('./run.js')).validate(ctx, opts));
    }),
  );
}
