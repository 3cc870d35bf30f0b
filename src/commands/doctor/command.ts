// Flags of `deliver doctor`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import type { Parent, Runner } from '../../cli/program.js';

function doctor(program: Parent) {
  return program.command('doctor').description('check that git is set up for deliver (merge driver)');
}

export function register(program: Parent, run: Runner): void {
  doctor(program).action((_opts, cmd) => run(cmd, async (ctx) => (await import('./run.js')).doctor(ctx)));
}
