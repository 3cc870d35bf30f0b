// Flags of `deliver req add|list|show|move`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

const load = () => import('./run.js');

function add(req: Parent) {
  return req
    .command('add')
    .description('register a customer request; prints its id')
    .option('--title <text>', 'short description')
    .option('--customer <text>', 'customer organisation')
    .option('--contact <name>', 'customer contact')
    .addOption(new Option('--urgency <level>', 'urgency').choices(['high', 'medium', 'low']))
    .option('--received <date>', 'date received (default: --as-of)')
    .option('--due <date>', 'expected delivery date')
    .option('--receiver <name>', 'who registered it')
    .addOption(new Option('--channel <channel>', 'how it arrived').choices(['phone', 'email', 'form', 'meeting', 'other']))
    .option('--description <text>', 'longer description')
    .option('-y, --yes', 'never prompt');
}
export type ReqAddOptions = OptionsOf<typeof add>;

function list(req: Parent) {
  return req
    .command('list')
    .description('list requirements')
    .option('--status <status>', 'only this status (repeatable)', collect)
    .option('--urgency <level>', 'only this urgency (repeatable)', collect);
}
export type ReqListOptions = OptionsOf<typeof list>;

function show(req: Parent) {
  return req
    .command('show <id>')
    .description('one requirement with its tasks, change slips and acceptance');
}

function move(req: Parent) {
  return req
    .command('move <id> <status>')
    .description('move a requirement along its lifecycle')
    .option('--date <date>', 'date of the move (default: --as-of)')
    .option('--by <name>', 'who moved it')
    .option('--note <text>', 'why');
}
export type ReqMoveOptions = OptionsOf<typeof move>;

export function register(program: Parent, run: Runner): void {
  const req = program.command('req').description('the requirement register');
  add(req).action((opts, cmd) => run(cmd, async (ctx) => (await load()).reqAdd(ctx, opts)));
  list(req).action((opts, cmd) => run(cmd, async (ctx) => (await load()).reqList(ctx, opts)));
  show(req).action((id, _opts, cmd) => run(cmd, async (ctx) => (await load()).reqShow(ctx, id)));
  move(req).action((id, status, opts, cmd) => run(cmd, async (ctx) => (await load()).reqMove(ctx, id, status, opts)));
}
