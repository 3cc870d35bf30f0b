// Flags of `deliver accept add|round|list|show`.
import { Option, type Command } from 'commander';
import { collect, type Runner } from '../../cli/program.js';

const load = () => import('./run.js');

export function register(program: Command, run: Runner): void {
  const accept = program.command('accept').description('acceptance records: deliverables handed over and the customer\'s rounds of inspection');
  accept
    .command('add')
    .description('record a deliverable handed to the customer; prints its id')
    .option('--deliverable <text>', 'what was delivered')
    .option('--req <id>', 'a requirement it fulfils (repeatable, at least one)', collect)
    .option('--delivered <date>', 'delivery date (default: --as-of)')
    .option('--agreed <date>', 'agreed delivery date, when it differs from the requirements\' due date')
    .option('--items <text>', 'what the customer checks (repeatable)', collect)
    .option('-y, --yes', 'never prompt')
    .action(run(async (ctx, _a, opts) => (await load()).acceptAdd(ctx, opts)));
  accept
    .command('round <id>')
    .description('record a round of inspection; a passing final round moves the requirements to accepted')
    .addOption(new Option('--result <result>', 'outcome').choices(['pass', 'fail']))
    .option('--by <contact>', 'customer contact who inspected')
    .option('--date <date>', 'date of the round (default: --as-of)')
    .option('--reason <text>', 'why it failed: a rectification item (repeatable; needed for a fail)', collect)
    .option('--checked <item>', 'an item checked in this round (repeatable)', collect)
    .addOption(new Option('--kind <kind>', 'pre-acceptance or final (default final)').choices(['pre', 'final']))
    .option('--signed-by <name>', 'who signed the acceptance record')
    .action(run(async (ctx, args, opts) => (await load()).acceptRound(ctx, String(args[0]), opts)));
  accept
    .command('list')
    .description('acceptance records: rounds, first-pass, latest result and what waits for the customer')
    .option('--waiting', 'only records still waiting for the customer\'s pass')
    .action(run(async (ctx, _a, opts) => (await load()).acceptList(ctx, opts)));
  accept
    .command('show <id>')
    .description('one acceptance record with its rounds')
    .action(run(async (ctx, args) => (await load()).acceptShow(ctx, String(args[0]))));
}
