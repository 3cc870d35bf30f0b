// Flags of `deliver kpi [dirs…]`.
// Each declaration gives the options type its run function receives; run.ts loads only when it
// runs, after the remembered-output check (cli/memo.ts).
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

function kpi(program: Parent) {
  return program
    .command('kpi [dirs...]')
    .description('KPIs against target for the project, a project folder, or a portfolio (a folder of projects, or several folders)')
    .option(
      '--period <period>',
      'what happened in 2026 | 2026-Q3 | 2026-11 | 2026-W47 | 2026-10-01..2026-10-31 (default: everything to --as-of)',
    );
}
export type KpiOptions = OptionsOf<typeof kpi>;

export function register(program: Parent, run: Runner): void {
  kpi(program).action((given, opts, cmd) =>
    run(cmd, async (ctx) => {
      const dirs = given ?? [];
      const { memoizedTargets } = await import('../../cli/memo.js');
      return memoizedTargets(ctx, dirs, 'kpi', opts, async () => (await import('./run.js')).kpi(ctx, dirs, opts));
    }),
  );
}
