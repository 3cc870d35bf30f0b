// Flags of `deliver status`.
import type { Command } from 'commander';
import type { Runner } from '../../cli/program.js';

export function register(program: Command, run: Runner): void {
  program
    .command('status')
    .description('one-screen dashboard: health, progress, milestones, late and blocked tasks, risks, changes, acceptance, KPIs')
    .action(run(async (ctx) => {
      // The remembered-output check runs before the command's code is even loaded.
      const { memoizedProject } = await import('../../cli/memo.js');
      return memoizedProject(ctx, 'status', {}, async () => (await import('./run.js')).status(ctx));
    }));
}
