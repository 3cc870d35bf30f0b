// Flags of `deliver kpi [dirs…]`.
import type { Command } from 'commander';
import type { Runner } from '../../cli/program.js';

export function register(program: Command, run: Runner): void {
  program
    .command('kpi [dirs...]')
    .description('KPIs against target for the project, a project folder, or a portfolio (a folder of projects, or several folders)')
    .option('--period <period>', 'what happened in 2026 | 2026-Q3 | 2026-11 | 2026-W47 | 2026-10-01..2026-10-31 (default: everything to --as-of)')
    .action(run(async (ctx, args, opts) => {
      const dirs = (args[0] as string[] | undefined) ?? [];
      const { memoizedTargets } = await import('../../cli/memo.js');
      return memoizedTargets(ctx, dirs, 'kpi', opts, async () => (await import('./run.js')).kpi(ctx, dirs, opts));
    }));
}
