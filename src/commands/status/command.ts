// `deliver status`: no flags of its own. The remembered-output check (cli/memo.ts) runs before
// run.ts is even loaded.
import type { Parent, Runner } from '../../cli/program.js';

const status = (program: Parent) => program
  .command('status')
  .description('one-screen dashboard: health, progress, milestones, late and blocked tasks, risks, changes, acceptance, KPIs');

export function register(program: Parent, run: Runner): void {
  status(program).action((_opts, cmd) => run(cmd, async (ctx) => {
    const { memoizedProject } = await import('../../cli/memo.js');
    return memoizedProject(ctx, 'status', {}, async () => (await import('./run.js')).status(ctx));
  }));
}
