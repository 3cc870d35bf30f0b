// Flags of `deliver visit add|list`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

const load = () => import('./run.js');

function add(visit: Parent) {
  return visit
    .command('add')
    .description('record a follow-up visit; prints its id')
    .option('--date <date>', 'date of the visit (default: --as-of)')
    .option('--contact <name>', 'the customer contact visited')
    .option('--by <name>', 'who visited on our side')
    .addOption(new Option('--channel <channel>', 'how').choices(['phone', 'onsite', 'email', 'im', 'meeting', 'other'] as const))
    .option('--raised <text>', 'what the customer raised')
    .option('--satisfaction <0-100>', 'how satisfied the customer is, out of 100')
    .option('--ticket <id>', 'a ticket the visit opened (repeatable)', collect)
    .option('--plan <step>', 'the step of deliver.yaml visit_plan it carries out (1w, 1m, 3m…)')
    .option('--notes <text>', 'notes');
}
export type VisitAddOptions = OptionsOf<typeof add>;

function list(visit: Parent) {
  return visit.command('list').description('list visits and the visit plan with each step done, due or overdue');
}

export function register(program: Parent, run: Runner): void {
  const visit = program.command('visit').description('follow-up visits after delivery and the visit plan');
  add(visit).action((opts, cmd) => run(cmd, async (ctx) => (await load()).visitAdd(ctx, opts)));
  list(visit).action((_opts, cmd) => run(cmd, async (ctx) => (await load()).visitList(ctx)));
}
