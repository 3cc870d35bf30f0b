// Flags of `deliver init`.
import { Option, type Command } from 'commander';
import type { Runner } from '../../cli/program.js';

export function register(program: Command, run: Runner): void {
  program
    .command('init [dir]')
    .description('scaffold a project from a template (asks for what is missing in a terminal)')
    .option('--template <name>', 'template: software or handover')
    .option('--name <text>', 'project name')
    .option('--client <text>', 'customer organisation')
    .option('--start <date>', 'start date, YYYY-MM-DD')
    .option('--due <date>', 'agreed completion date (for handover: the handover date)')
    .addOption(new Option('--lang <lang>', 'language of the records').choices(['zh-CN', 'en']))
    .option('-y, --yes', 'never prompt: use flags and defaults')
    .action(run(async (ctx, args, opts) => (await import('./run.js')).init(ctx, args[0] as string | undefined, opts)));
}
