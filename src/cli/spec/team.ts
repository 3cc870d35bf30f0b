// Flags of `deliver team add|list|update`.
import { Option, type Command } from 'commander';
import type { Runner } from '../program.js';

const load = () => import('../../commands/team.js');
const side = () => new Option('--side <side>', 'whose staff: ours or the customer\'s').choices(['supplier', 'customer']);

export function register(program: Command, run: Runner): void {
  const team = program.command('team').description('the people on the project, ours and the customer\'s, with their contacts');
  team
    .command('add')
    .description('add a person to deliver.yaml team')
    .option('--name <name>', 'full name')
    .option('--role <role>', 'role in the project')
    .option('--email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .addOption(side())
    .option('--primary', 'the primary contact of their side (moves the flag from anyone else on that side)')
    .option('--capacity <days>', 'working days a week they can give to all projects together')
    .action(run(async (ctx, _a, opts) => (await load()).teamAdd(ctx, opts)));
  team
    .command('list')
    .description('list the team, primary contacts marked')
    .addOption(side())
    .action(run(async (ctx, _a, opts) => (await load()).teamList(ctx, opts)));
  team
    .command('update <name>')
    .description('change a person\'s details (found by name or email)')
    .option('--role <role>', 'role in the project')
    .option('--email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .addOption(side())
    .option('--primary', 'make them the primary contact of their side')
    .option('--no-primary', 'no longer the primary contact')
    .option('--capacity <days>', 'working days a week they can give to all projects together')
    .action(run(async (ctx, a, opts) => (await load()).teamUpdate(ctx, String(a[0]), opts)));
}
