// Flags of `deliver merge-driver %O %A %B %P` (git's custom merge driver protocol).
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import type { Parent, Runner } from '../../cli/program.js';

function mergeDriver(program: Parent) {
  return program
    .command('merge-driver <base> <ours> <theirs> [path]')
    .description("merge deliver's YAML records in git (git's merge driver: %O %A %B %P)");
}

export function register(program: Parent, run: Runner): void {
  mergeDriver(program).action((base, ours, theirs, path, _opts, cmd) =>
    run(cmd, async (ctx) => (await import('./run.js')).mergeDriver(ctx, base, ours, theirs, path)),
  );
}
