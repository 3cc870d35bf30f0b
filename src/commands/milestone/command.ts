// Flags of `deliver milestone add|list`.
import type { Command } from 'commander';
import type { Runner } from '../../cli/program.js';

export function register(program: Command, run: Runner): void {
  const ms = program.command('milestone').description('plan milestones');
  const impl = () => import('./run.js');
  ms
    .command('add')
    .description('add a milestone to plan.yaml; prints its id')
    .option('--name <text>', 'milestone name')
    .option('--due <date>', 'the date agreed for it')
    .option('--after <id...>', 'tasks or milestones that must finish first (repeatable)')
    .option('-y, --yes', 'never prompt')
    .action(run(async (ctx, _a, opts) => (await impl()).milestoneAdd(ctx, opts)));
  ms
    .command('list')
    .description('milestones: computed date, due, variance, reached, late')
    .option('--late', 'only milestones not reached and past their computed date')
    .option('--baseline <name>', 'measure slip against this baseline (default: the latest)')
    .action(run(async (ctx, _a, opts) => (await impl()).milestoneList(ctx, opts)));
}
