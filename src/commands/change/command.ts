// Flags of `deliver change add|list|show|approve|reject|withdraw|apply`.
// Each declaration gives the options type its run function receives; run.ts (apply.ts for apply)
// loads only when the subcommand runs.
import { Option } from '@commander-js/extra-typings';
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

const load = () => import('./run.js');

function add(change: Parent) {
  return change
    .command('add')
    .description('register a change slip in status submitted; prints its id')
    .option('--title <text>', 'the change in a sentence')
    .option('--reason <text>', 'why the change is needed')
    .option('--req <id>', 'a requirement it touches (repeatable)', collect)
    .option('--task <id>', 'a plan task it touches (repeatable)', collect)
    .option('--schedule-days <n>', 'schedule impact in working days (negative pulls work in)')
    .option('--cost <amount>', 'cost impact, e.g. 12000 or "12000 CNY"')
    .option('--currency <code>', "currency of --cost (default: the contract's, else CNY)")
    .option('--requested-by <name>', 'who asked for the change')
    .option('--description <text>', 'longer description')
    .option('--date <date>', 'date submitted (default: --as-of)')
    .option('-y, --yes', 'never prompt');
}
export type ChangeAddOptions = OptionsOf<typeof add>;

function list(change: Parent) {
  return change.command('list').description('change slips').option('--status <status>', 'only this status (repeatable)', collect);
}
export type ChangeListOptions = OptionsOf<typeof list>;

function show(change: Parent) {
  return change.command('show <id>').description('one change slip with its approvals and what applying it moved');
}

function approve(change: Parent) {
  return change
    .command('approve <id>')
    .description('sign the slip for one side; it becomes approved once both sides have signed')
    .addOption(new Option('--as <side>', 'which side signs').choices(['customer', 'internal']))
    .option('--by <name>', 'who signs')
    .option('--date <date>', 'date signed (default: --as-of)')
    .option('--comment <text>', 'remark with the signature');
}
export type ChangeApproveOptions = OptionsOf<typeof approve>;

function reject(change: Parent) {
  return change
    .command('reject <id>')
    .description('reject the slip')
    .option('--by <name>', 'who rejects it')
    .option('--reason <text>', 'why')
    .option('--date <date>', 'date rejected (default: --as-of)');
}
export type ChangeRejectOptions = OptionsOf<typeof reject>;

function withdraw(change: Parent) {
  return change.command('withdraw <id>').description('withdraw a slip that is no longer wanted');
}

function apply(change: Parent) {
  return change
    .command('apply <id>')
    .description('move the touched tasks and their dependants by the schedule impact (approved slips only, once)')
    .option('--date <date>', 'date applied (default: --as-of)')
    .option('--by <name>', 'who applied it');
}
export type ChangeApplyOptions = OptionsOf<typeof apply>;

export function register(program: Parent, run: Runner): void {
  const change = program.command('change').description('change slips: approvals by both sides, then applied to the plan');
  add(change).action((opts, cmd) => run(cmd, async (ctx) => (await load()).changeAdd(ctx, opts)));
  list(change).action((opts, cmd) => run(cmd, async (ctx) => (await load()).changeList(ctx, opts)));
  show(change).action((id, _opts, cmd) => run(cmd, async (ctx) => (await load()).changeShow(ctx, id)));
  approve(change).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).changeApprove(ctx, id, opts)));
  reject(change).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).changeReject(ctx, id, opts)));
  withdraw(change).action((id, _opts, cmd) => run(cmd, async (ctx) => (await load()).changeWithdraw(ctx, id)));
  apply(change).action((id, opts, cmd) => run(cmd, async (ctx) => (await import('./apply.js')).changeApply(ctx, id, opts)));
}
