// Flags of `deliver training add|list`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

const load = () => import('./run.js');

function add(training: Parent) {
  return training
    .command('add')
    .description('record a training session; prints its id')
    .option('--topic <text>', 'what was taught')
    .option('--date <date>', 'date of the session (default: --as-of)')
    .option('--audience <text>', 'who it was for')
    .option('--trainer <name>', 'who gave it')
    .addOption(new Option('--method <method>', 'how').choices(['onsite', 'remote', 'hands_on', 'document', 'other'] as const))
    .option('--hours <n>', 'length in hours')
    .option('--invited <n>', 'people invited')
    .option('--attended <n>', 'people who attended (default: the number of --attendee)')
    .option('--attendee <name>', 'a name from the sign-in sheet (repeatable)', collect)
    .option('--material <text>', 'material handed out: a title or a file in the project (repeatable)', collect)
    .option('--task <id>', "the plan's training task it carries out")
    .option('--notes <text>', 'notes');
}
export type TrainingAddOptions = OptionsOf<typeof add>;

function list(training: Parent) {
  return training.command('list').description('list training sessions with attendance');
}

export function register(program: Parent, run: Runner): void {
  const training = program.command('training').description("training sessions for the customer's users");
  add(training).action((opts, cmd) => run(cmd, async (ctx) => (await load()).trainingAdd(ctx, opts)));
  list(training).action((_opts, cmd) => run(cmd, async (ctx) => (await load()).trainingList(ctx)));
}
