// Flags of `deliver status`.
// Each declaration gives the options type its run function receives; run.ts loads only when it
// runs, after the remembered-output check (cli/memo.ts).
import type { Parent, Runner } from '../../cli/program.js';

function status(program: Parent) {
  return program
    .command('status')
    .description('one-screen dashboard: health, progress, milestones, late and blocked tasks, risks, changes, acceptance, KPIs');
}

export function register(program: Parent, run: Runner): void {
  status(program).action((_opts, cmd) =>
    run(cmd, async (ctx) => {
      const { memoizedProject } = await import('../../cli/memo.js');
      return memoizedProject(ctx, 'status', {}, async () => (await import('./run.js')).status(ctx));
    }),
  );
}
