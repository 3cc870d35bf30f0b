// Flags of `deliver milestone add|list|done|update|show`.
import type { Command } from 'commander';
import type { Runner } from '../program.js';

export function register(program: Command, run: Runner): void {
  const ms = program.command('milestone').description('plan milestones');
  const impl = () => import('../../commands/milestone.js');
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
  const edit = () => import('../../commands/milestone-edit.js');
  ms
    .command('done <id>')
    .description('mark a milestone reached (a reached milestone is never overdue)')
    .option('--date <date>', 'the day it was reached (default: --as-of)')
    .action(run(async (ctx, args, opts) => (await edit()).milestoneDone(ctx, String(args[0]), opts)));
  ms
    .command('update <id>')
    .description('change a milestone\'s due date or name, or mark its due date fixed (contractual)')
    .option('--due <date>', 'the date agreed for it')
    .option('--name <text>', 'milestone name')
    .option('--fixed', 'the due date is contractual: never forecast earlier than it')
    .option('--not-fixed', 'the due date is a target only')
    .action(run(async (ctx, args, opts) => (await edit()).milestoneUpdate(ctx, String(args[0]), opts)));
  ms
    .command('show <id>')
    .description('one milestone: reached or forecast, due, what it waits for, float')
    .option('--baseline <name>', 'measure slip against this baseline (default: the latest)')
    .action(run(async (ctx, args, opts) => (await edit()).milestoneShow(ctx, String(args[0]), opts)));
}
