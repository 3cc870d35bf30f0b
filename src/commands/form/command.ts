// Flags of `deliver form requirement|analysis|change|acceptance <id>`: the toolkit's printable forms.
import { Option } from '@commander-js/extra-typings';
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

export const FORM_KINDS = ['requirement', 'analysis', 'change', 'acceptance'] as const;

function form(program: Parent) {
  return program
    .command('form <kind> <id>')
    .description(
      'print a form filled from the records, with signature and stamp blanks (A4): requirement (客户需求登记表), analysis (需求分析说明书), change (需求变更申请单), acceptance (客户验收表)',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['html', 'md']).default('html'))
    .option('--out <file>', 'write the form to this file (atomically) instead of stdout');
}
export type FormOptions = OptionsOf<typeof form>;

export function register(program: Parent, run: Runner): void {
  form(program).action((kind, id, opts, cmd) => run(cmd, async (ctx) => (await import('./run.js')).formPrint(ctx, kind, id, opts)));
}
