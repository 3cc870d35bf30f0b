// Flags of `deliver team add|list|update`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

const load = () => import('./run.js');
const side = () => new Option('--side <side>', "whose staff: ours or the customer's").choices(['supplier', 'customer'] as const);

function add(team: Parent) {
  return team
    .command('add')
    .description('add a person to deliver.yaml team')
    .option('--name <name>', 'full name')
    .option('--role <role>', 'role in the project')
    .option('--email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .addOption(side())
    .option('--primary', 'the primary contact of their side (moves the flag from anyone else on that side)')
    .option('--capacity <days>', 'working days a week they can give to all projects together');
}
export type TeamAddOptions = OptionsOf<typeof add>;

function list(team: Parent) {
  return team.command('list').description('list the team, primary contacts marked').addOption(side());
}
export type TeamListOptions = OptionsOf<typeof list>;

function update(team: Parent) {
  return team
    .command('update <name>')
    .description("change a person's details (found by name or email)")
    .option('--role <role>', 'role in the project')
    .option('--email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .addOption(side())
    .option('--primary', 'make them the primary contact of their side')
    .option('--no-primary', 'no longer the primary contact')
    .option('--capacity <days>', 'working days a week they can give to all projects together');
}
export type TeamUpdateOptions = OptionsOf<typeof update>;

export function register(program: Parent, run: Runner): void {
  const team = program.command('team').description("the people on the project, ours and the customer's, with their contacts");
  add(team).action((opts, cmd) => run(cmd, async (ctx) => (await load()).teamAdd(ctx, opts)));
  list(team).action((opts, cmd) => run(cmd, async (ctx) => (await load()).teamList(ctx, opts)));
  update(team).action((name, opts, cmd) => run(cmd, async (ctx) => (await load()).teamUpdate(ctx, name, opts)));
}
