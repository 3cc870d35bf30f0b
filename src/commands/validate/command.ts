// `deliver validate`: its flags, which give the typed options run.ts receives. The remembered-output
// check (cli/memo.ts) runs before run.ts is even loaded.
import { Option } from '@commander-js/extra-typings';
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

const validate = (program: Parent) => program
  .command('validate')
  .description('check every record: schema, references and rules')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github'] as const).default('text' as const))
  .option('--strict', 'treat warnings as errors');
export type ValidateOptions = OptionsOf<typeof validate>;

export function register(program: Parent, run: Runner): void {
  validate(program).action((opts, cmd) => run(cmd, async (ctx) => {
    const { memoizedProject } = await import('../../cli/memo.js');
    return memoizedProject(ctx, 'validate', opts, async () => (await import('./run.js')).validate(ctx, opts));
  }));
}
