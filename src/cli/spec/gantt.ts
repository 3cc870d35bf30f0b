// Flags of `deliver gantt`.
import { Option, type Command } from 'commander';
import type { Runner } from '../program.js';

export function register(program: Command, run: Runner): void {
  program
    .command('gantt')
    .description('Gantt chart of the plan: as-of marker, milestones, critical path, baseline slip')
    .option('--from <date>', 'first day shown')
    .option('--to <date>', 'last day shown')
    .addOption(new Option('--scale <scale>', 'one column per day or per week (default: by span)').choices(['day', 'week', 'auto']))
    .option('--width <n>', 'columns available (default: the terminal width)')
    .addOption(new Option('--format <format>', 'text chart, or a Mermaid block for a pull request').choices(['text', 'mermaid']).default('text'))
    .option('--baseline <name>', 'baseline to compare with (default: the latest)')
    .action(run(async (ctx, _a, opts) => (await import('../../commands/gantt.js')).gantt(ctx, opts)));
}
