// `deliver gantt`: its flags, which give the typed options run.ts receives. The remembered-output
// check (cli/memo.ts) runs before run.ts is even loaded.
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

const gantt = (program: Parent) => program
  .command('gantt')
  .description('Gantt chart of the plan: as-of marker, milestones, critical path, baseline slip')
  .option('--from <date>', 'first day shown')
  .option('--to <date>', 'last day shown')
  // Choices are checked by the command (choiceOption): a message in the user's language, exit 2.
  .option('--scale <scale>', 'day, week or auto: one column per day or per week (default: auto, by span)')
  .option('--width <n>', 'columns available (default: the terminal width)')
  .option('--format <format>', 'text (default), or mermaid: a Mermaid block for a pull request')
  .option('--baseline <name>', 'baseline to compare with (default: the latest)');
export type GanttOptions = OptionsOf<typeof gantt>;

export function register(program: Parent, run: Runner): void {
  gantt(program).action((opts, cmd) => run(cmd, async (ctx) => {
    const { memoizedProject } = await import('../../cli/memo.js');
    return memoizedProject(ctx, 'gantt', opts, async () => (await import('./run.js')).gantt(ctx, opts));
  }));
}
