// Flags of `deliver accept add|round|list|show`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

const load = () => import('./run.js');

function add(accept: Parent) {
  return accept
    .command('add')
    .description('record a deliverable handed to the customer; prints its id')
    .option('--deliverable <text>', 'what was delivered')
    .option('--req <id>', 'a requirement it fulfils (repeatable, at least one)', collect)
    .option('--delivered <date>', 'delivery date (default: --as-of)')
    .option('--agreed <date>', 'agreed delivery date, when it differs from the requirements\' due date')
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
    .option('--signed-by <name>', 'who signed the acceptance record');
}
export type AcceptRoundOptions = OptionsOf<typeof round>;

function list(accept: Parent) {
  return accept
    .command('list')
    .description('acceptance records: rounds, first-pass, latest result and what waits for the customer')
    .option('--waiting', 'only records still waiting for the customer\'s pass');
}
export type AcceptListOptions = OptionsOf<typeof list>;

function show(accept: Parent) {
  return accept
    .command('show <id>')
    .description('one acceptance record with its rounds');
}

export function register(program: Parent, run: Runner): void {
  const accept = program.command('accept').description('acceptance records: deliverables handed over and the customer\'s rounds of inspection');
  add(accept).action((opts, cmd) => run(cmd, async (ctx) => (await load()).acceptAdd(ctx, opts)));
  round(accept).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).acceptRound(ctx, id, opts)));
  list(accept).action((opts, cmd) => run(cmd, async (ctx) => (await load()).acceptList(ctx, opts)));
  show(accept).action((id, _opts, cmd) => run(cmd, async (ctx) => (await load()).acceptShow(ctx, id)));
}
