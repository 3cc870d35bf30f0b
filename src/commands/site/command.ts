// Flags of `deliver site [dirs…] --out <dir>`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

function siteCommand(program: Parent) {
  return program
    .command('site [dirs...]')
    .description('a static portfolio site: an index of projects and a page per project (HTML + SVG + one CSS file, opens from file://)')
    .option('--out <dir>', 'the folder to write the site to (created when missing)');
}
export type SiteOptions = OptionsOf<typeof siteCommand>;

export function register(program: Parent, run: Runner): void {
  siteCommand(program).action((dirs, opts, cmd) => run(cmd, async (ctx) => (await import('./run.js')).site(ctx, dirs ?? [], opts)));
}
