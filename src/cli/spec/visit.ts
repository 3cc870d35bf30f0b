// Flags of `deliver visit add|list`.
import { Option, type Command } from 'commander';
import { collect, type Runner } from '../program.js';

const load = () => import('../../commands/visit.js');

export function register(program: Command, run: Runner): void {
  const visit = program.command('visit').description('follow-up visits after delivery and the visit plan');
  visit
    .command('add')
    .description('record a follow-up visit; prints its id')
    .option('--date <date>', 'date of the visit (default: --as-of)')
    .option('--contact <name>', 'the customer contact visited')
    .option('--by <name>', 'who visited on our side')
    .addOption(new Option('--channel <channel>', 'how').choices(['phone', 'onsite', 'email', 'im', 'meeting', 'other']))
    .option('--raised <text>', 'what the customer raised')
    .option('--satisfaction <0-100>', 'how satisfied the customer is, out of 100')
    .option('--ticket <id>', 'a ticket the visit opened (repeatable)', collect)
    .option('--plan <step>', 'the step of deliver.yaml visit_plan it carries out (1w, 1m, 3m…)')
    .option('--notes <text>', 'notes')
    .action(run(async (ctx, _a, opts) => (await load()).visitAdd(ctx, opts)));
  visit
    .command('list')
    .description('list visits and the visit plan with each step done, due or overdue')
    .action(run(async (ctx) => (await load()).visitList(ctx)));
}
