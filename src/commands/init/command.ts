// Flags of `deliver init`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

function init(program: Parent) {
  return program
    .command('init [dir]')
    .description('scaffold a project from a template (asks for what is missing in a terminal)')
    .option('--template <name>', 'template: software or handover')
    .option('--name <text>', 'project name')
    .option('--client <text>', 'customer organisation')
    .option('--start <date>', 'start date, YYYY-MM-DD')
    .option('--due <date>', 'agreed completion date (for handover: the handover date)')
    .addOption(new Option('--lang <lang>', 'language of the records').choices(['zh-CN', 'en']))
    .option('--lead <name>', 'the project lead')
    .option('--specialist <name>', 'the delivery specialist (project manager); owner of the template tasks and risks')
    .option('--contact <name>', "the customer's main contact")
    .option('--contact-reach <phone-or-email>', "the contact's phone number or email")
    .option('--contract <number>', 'contract number')
    .option('--contract-date <date>', 'date the contract was signed')
    .option('-y, --yes', 'never prompt: use flags and defaults');
}
export type InitOptions = OptionsOf<typeof init>;

export function register(program: Parent, run: Runner): void {
  init(program).action((dir, opts, cmd) => run(cmd, async (ctx) => (await import('./run.js')).init(ctx, dir, opts)));
}
