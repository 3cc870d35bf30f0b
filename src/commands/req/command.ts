// Flags of `deliver req add|list|show|move`.
import { Option, type Command } from 'commander';
import { collect, type Runner } from '../../cli/program.js';

export function register(program: Command, run: Runner): void {
  const req = program.command('req').description('the requirement register');
  req
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
    .option('-y, --yes', 'never prompt')
    .action(run(async (ctx, _a, opts) => (await import('./run.js')).reqAdd(ctx, opts)));
  req
    .command('list')
    .description('list requirements')
    .option('--status <status>', 'only this status (repeatable)', collect)
    .option('--urgency <level>', 'only this urgency (repeatable)', collect)
    .action(run(async (ctx, _a, opts) => (await import('./run.js')).reqList(ctx, opts)));
  req
    .command('show <id>')
    .description('one requirement with its tasks, change slips and acceptance')
    .action(run(async (ctx, args) => (await import('./run.js')).reqShow(ctx, String(args[0]))));
  req
    .command('move <id> <status>')
    .description('move a requirement along its lifecycle')
    .option('--date <date>', 'date of the move (default: --as-of)')
    .option('--by <name>', 'who moved it')
    .option('--note <text>', 'why')
    .action(run(async (ctx, args, opts) => (await import('./run.js')).reqMove(ctx, String(args[0]), String(args[1]), opts)));
}
