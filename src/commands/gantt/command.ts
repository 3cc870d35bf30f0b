// Flags of `deliver gantt`.
// Each declaration gives the options type its run function receives; run.ts loads only when it
// runs, after the remembered-output check (cli/memo.ts).
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

function gantt(program: Parent) {
  return (
    program
      .command('gantt')
      .description('Gantt chart of the plan: as-of marker, milestones, critical path, baseline slip')
      .option('--from <date>', 'first day shown')
      .option('--to <date>', 'last day shown')
      // Choices are checked by the command (choiceOption): a message in the user's language, exit 2.
      .option('--scale <scale>', 'day, week or auto: one column per day or per week (default: auto, by span)')
      .option('--width <n>', 'columns available (default: the terminal width)')
      .option('--format <format>', 'text (default), or mermaid: a Mermaid block for a pull request')
      .option('--baseline <name>', 'baseline to compare with, shown under every task (default: the latest, shown where dates moved)')
  );
}
export type GanttOptions = OptionsOf<typeof gantt>;

export function register(program: Parent, run: Runner): void {
  gantt(program).action((opts, cmd) =>
    run(cmd, async (ctx) => {
      const { memoizedProject } = await import('../../cli/memo.js');
      return memoizedProject(ctx, 'gantt', opts, async () => (await import('./run.js')).gantt(ctx, opts));
    }),
  );
}
