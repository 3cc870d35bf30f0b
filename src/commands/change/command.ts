// Flags of `deliver change add|list|show|approve|reject|withdraw|apply`.
import { Option, type Command } from 'commander';
import { collect, type Runner } from '../../cli/program.js';

const load = () => import('./run.js');

export function register(program: Command, run: Runner): void {
  const change = program.command('change').description('change slips: approvals by both sides, then applied to the plan');
  change
    .command('add')
    .description('register a change slip in status submitted; prints its id')
    .option('--title <text>', 'the change in a sentence')
    .option('--reason <text>', 'why the change is needed')
    .option('--req <id>', 'a requirement it touches (repeatable)', collect)
    .option('--task <id>', 'a plan task it touches (repeatable)', collect)
    .option('--schedule-days <n>', 'schedule impact in working days (negative pulls work in)')
    .option('--cost <amount>', 'cost impact, e.g. 12000 or "12000 CNY"')
    .option('--currency <code>', 'currency of --cost (default: the contract\'s, else CNY)')
    .option('--requested-by <name>', 'who asked for the change')
    .option('--description <text>', 'longer description')
    .option('--date <date>', 'date submitted (default: --as-of)')
    .option('-y, --yes', 'never prompt')
    .action(run(async (ctx, _a, opts) => (await load()).changeAdd(ctx, opts)));
  change
    .command('list')
    .description('change slips')
    .option('--status <status>', 'only this status (repeatable)', collect)
    .action(run(async (ctx, _a, opts) => (await load()).changeList(ctx, opts)));
  change
    .command('show <id>')
    .description('one change slip with its approvals and what applying it moved')
    .action(run(async (ctx, args) => (await load()).changeShow(ctx, String(args[0]))));
  change
    .command('approve <id>')
    .description('sign the slip for one side; it becomes approved once both sides have signed')
    .addOption(new Option('--as <side>', 'which side signs').choices(['customer', 'internal']))
    .option('--by <name>', 'who signs')
    .option('--date <date>', 'date signed (default: --as-of)')
    .option('--comment <text>', 'remark with the signature')
    .action(run(async (ctx, args, opts) => (await load()).changeApprove(ctx, String(args[0]), opts)));
  change
    .command('reject <id>')
    .description('reject the slip')
    .option('--by <name>', 'who rejects it')
    .option('--reason <text>', 'why')
    .option('--date <date>', 'date rejected (default: --as-of)')
    .action(run(async (ctx, args, opts) => (await load()).changeReject(ctx, String(args[0]), opts)));
  change
    .command('withdraw <id>')
    .description('withdraw a slip that is no longer wanted')
    .action(run(async (ctx, args) => (await load()).changeWithdraw(ctx, String(args[0]))));
  change
    .command('apply <id>')
    .description('move the touched tasks and their dependants by the schedule impact (approved slips only, once)')
    .option('--date <date>', 'date applied (default: --as-of)')
    .option('--by <name>', 'who applied it')
    .action(run(async (ctx, args, opts) => (await import('./apply.js')).changeApply(ctx, String(args[0]), opts)));
}
