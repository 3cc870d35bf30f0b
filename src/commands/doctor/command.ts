// Flags of `deliver doctor`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

function doctor(program: Parent) {
  return program
    .command('doctor')
    .description('check that the project is set up for deliver: git merge driver and editor schemas')
    .option('--fix', "rewrite the project's missing or outdated editor schemas (.deliver/schemas)");
}
export type DoctorOptions = OptionsOf<typeof doctor>;

export function register(program: Parent, run: Runner): void {
  doctor(program).action((opts, cmd) => run(cmd, async (ctx) => (await import('./run.js')).doctor(ctx, opts)));
}
