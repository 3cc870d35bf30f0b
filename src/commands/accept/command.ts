// Flags of `deliver accept add|round|list|show|deliverable|rectify`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

const load = () => import('./run.js');
const loadHandover = () => import('./handover.js');

function add(accept: Parent) {
  return accept
    .command('add')
    .description('record a deliverable handed to the customer; prints its id')
    .option('--deliverable <text>', 'what was delivered')
    .option('--req <id>', 'a requirement it fulfils (repeatable; at least one when the project has requirements)', collect)
    .option('--delivered <date>', 'delivery date (default: --as-of)')
    .option('--agreed <date>', "agreed delivery date, when it differs from the requirements' due date")
    .option('--items <text>', 'what the customer checks (repeatable)', collect)
    .option('-y, --yes', 'never prompt');
}
export type AcceptAddOptions = OptionsOf<typeof add>;

function round(accept: Parent) {
  return accept
    .command('round <id>')
    .description('record a round of inspection; a passing final round moves the requirements to accepted')
    .addOption(new Option('--result <result>', 'outcome').choices(['pass', 'fail']))
    .option('--by <contact>', 'customer contact who inspected')
    .option('--date <date>', 'date of the round (default: --as-of)')
    .option('--reason <text>', 'why it failed: a rectification item (repeatable; needed for a fail)', collect)
    .option('--checked <item>', 'an item checked in this round (repeatable)', collect)
    .addOption(new Option('--kind <kind>', 'pre-acceptance or final (default final)').choices(['pre', 'final']))
    .option('--signed-by <name>', 'the customer who signed the acceptance form (客户签字; a final pass needs it)')
    .option('--signed-on <date>', "the date of the customer's signature (客户日期; a final pass needs it)")
    .option('--accept-open <n>', 'the customer accepts rectification item n open at this final pass (repeatable)', collect)
    .option('--owner <name>', 'a failed round: who fixes its findings (a person or the contractor responsible)')
    .option('--due <date>', 'a failed round: when the findings must be fixed');
}
export type AcceptRoundOptions = OptionsOf<typeof round>;

function list(accept: Parent) {
  return accept
    .command('list')
    .description('acceptance records: rounds, first-pass, latest result and what waits for the customer')
    .option('--waiting', "only records still waiting for the customer's pass");
}
export type AcceptListOptions = OptionsOf<typeof list>;

function show(accept: Parent) {
  return accept.command('show <id>').description('one acceptance record with its rounds');
}

function deliverable(accept: Parent) {
  return accept
    .command('deliverable <id>')
    .description("add a deliverable to the record's list (交付物清单)")
    .addOption(new Option('--type <type>', 'kind of deliverable').choices(['document', 'product', 'test_report', 'other']))
    .option('--name <text>', 'name')
    .option('--ver <text>', "its version (--version is the program's own)")
    .option('--file <path-or-link>', 'the file (relative to the project folder) or a link')
    .option('--date <date>', 'date handed over (default: --as-of)');
}
export type AcceptDeliverableOptions = OptionsOf<typeof deliverable>;

function rectify(accept: Parent) {
  return accept
    .command('rectify <id> [item]')
    .description(
      'rectification items (整改单): without [item] add one to the latest failed round; with it, record the fix or the verification',
    )
    .option('--finding <text>', 'what was found (new item)')
    .option('--owner <name>', 'who fixes it: a person or the contractor responsible (new item)')
    .option('--due <date>', 'fix by (new item)')
    .option('--round <n>', 'the failed round that found it (new item; default: the latest failed round)')
    .option('--fixed', 'the item was fixed (on --date)')
    .option('--verified-by <name>', 'who verified the fix (on --date)')
    .option('--date <date>', 'date of the fix or verification (default: --as-of)');
}
export type AcceptRectifyOptions = OptionsOf<typeof rectify>;

export function register(program: Parent, run: Runner): void {
  const accept = program
    .command('accept')
    .description("acceptance records: deliverables handed over and the customer's rounds of inspection");
  add(accept).action((opts, cmd) => run(cmd, async (ctx) => (await load()).acceptAdd(ctx, opts)));
  round(accept).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).acceptRound(ctx, id, opts)));
  list(accept).action((opts, cmd) => run(cmd, async (ctx) => (await load()).acceptList(ctx, opts)));
  show(accept).action((id, _opts, cmd) => run(cmd, async (ctx) => (await load()).acceptShow(ctx, id)));
  deliverable(accept).action((id, opts, cmd) => run(cmd, async (ctx) => (await loadHandover()).acceptDeliverable(ctx, id, opts)));
  rectify(accept).action((id, item, opts, cmd) => run(cmd, async (ctx) => (await loadHandover()).acceptRectify(ctx, id, item, opts)));
}
