// Flags of `deliver site [dirs…] --out <dir>`.
import type { Command } from 'commander';
import type { Runner } from '../program.js';

export function register(program: Command, run: Runner): void {
  program
    .command('site [dirs...]')
    .description('a static portfolio site: an index of projects and a page per project (HTML + SVG + one CSS file, opens from file://)')
    .option('--out <dir>', 'the folder to write the site to (created when missing)')
    .action(run(async (ctx, args, opts) => (await import('../../commands/site.js')).site(ctx, (args[0] as string[] | undefined) ?? [], opts)));
}
