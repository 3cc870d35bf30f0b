// Flags of `deliver training add|list`.
import { Option, type Command } from 'commander';
import { collect, type Runner } from '../program.js';

const load = () => import('../../commands/training.js');

export function register(program: Command, run: Runner): void {
  const training = program.command('training').description('training sessions for the customer\'s users');
  training
    .command('add')
    .description('record a training session; prints its id')
    .option('--topic <text>', 'what was taught')
    .option('--date <date>', 'date of the session (default: --as-of)')
    .option('--audience <text>', 'who it was for')
    .option('--trainer <name>', 'who gave it')
    .addOption(new Option('--method <method>', 'how').choices(['onsite', 'remote', 'hands_on', 'document', 'other']))
    .option('--hours <n>', 'length in hours')
    .option('--invited <n>', 'people invited')
    .option('--attended <n>', 'people who attended (default: the number of --attendee)')
    .option('--attendee <name>', 'a name from the sign-in sheet (repeatable)', collect)
    .option('--material <text>', 'material handed out: a title or a file in the project (repeatable)', collect)
    .option('--task <id>', 'the plan\'s training task it carries out')
    .option('--notes <text>', 'notes')
    .action(run(async (ctx, _a, opts) => (await load()).trainingAdd(ctx, opts)));
  training
    .command('list')
    .description('list training sessions with attendance')
    .action(run(async (ctx) => (await load()).trainingList(ctx)));
}
