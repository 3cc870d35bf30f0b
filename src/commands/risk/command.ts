// Flags of `deliver risk add|list|show|update|act|close`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option, type Command, type OptionValues } from '@commander-js/extra-typings';
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

/** A planned action given on the command line; `orphan` marks an --action-due/--action-owner with no --action before it. */
export interface ActionFlag {
  text?: string;
  due?: string;
  owner?: string;
  orphan?: string;
}

/**
 * `--action <text> [--action-due <date>] [--action-owner <name>]…`: the due date and owner belong to
 * the --action before them, so all three write into one ordered list (commander keeps repeatable
 * options apart, which would lose the pairing).
 */
function actionFlags<A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) {
  const list: ActionFlag[] = [];
  const attach = (key: 'due' | 'owner', flag: string) => (v: string) => {
    const last = list[list.length - 1];
    if (!last || last.text === undefined || last[key] !== undefined) list.push({ orphan: `${flag} ${v}` });
    else last[key] = v;
    return list;
  };
  return cmd
    .option('--action <text>', 'a planned response action (repeatable)', (v: string) => (list.push({ text: v }), list))
    .addOption(new Option('--action-due <date>', 'due date of the --action before it').argParser(attach('due', '--action-due')))
    .addOption(new Option('--action-owner <name>', 'owner of the --action before it').argParser(attach('owner', '--action-owner')));
}

function riskFields<A extends unknown[], G extends OptionValues>(cmd: Command<A, {}, G>) {
  return cmd
    .option('--title <text>', 'the risk in a sentence')
    .addOption(
      new Option('--category <category>', 'category').choices(['market', 'technical', 'production', 'quality', 'delivery', 'legal']),
    )
    .option('--probability <1-5>', 'how likely: 1 rare … 5 almost certain')
    .option('--impact <1-5>', 'how bad: 1 minor … 5 severe')
    .addOption(new Option('--response <response>', 'response strategy').choices(['avoid', 'mitigate', 'transfer', 'accept']))
    .option('--owner <name>', 'who owns the risk')
    .option('--affects <what>', 'schedule, cost, quality or satisfaction (repeatable)', collect)
    .option('--description <text>', 'longer description');
}

const load = () => import('./run.js');

function add(risk: Parent) {
  return actionFlags(riskFields(risk.command('add').description('register a risk; prints its id')))
    .option('--identified <date>', 'date identified (default: --as-of)')
    .option('-y, --yes', 'never prompt');
}
export type RiskAddOptions = OptionsOf<typeof add>;

function list(risk: Parent) {
  return risk
    .command('list')
    .description('risks by score (probability × impact), highest first; overdue actions flagged')
    .option('--open', 'only risks that are not closed')
    .option('--status <status>', 'only this status (repeatable)', collect)
    .option('--matrix', 'draw the 5×5 probability × impact matrix');
}
export type RiskListOptions = OptionsOf<typeof list>;

function show(risk: Parent) {
  return risk.command('show <id>').description('one risk with its numbered actions');
}

function update(risk: Parent) {
  return actionFlags(riskFields(risk.command('update <id>').description('change a risk; --action adds planned actions'))).addOption(
    new Option('--status <status>', 'new status').choices(['open', 'monitoring', 'occurred', 'closed']),
  );
}
export type RiskUpdateOptions = OptionsOf<typeof update>;

function act(risk: Parent) {
  return risk
    .command('act <id> <action-number>')
    .description('record what happened to planned action N (1, 2, …)')
    .option('--done', 'the action was carried out')
    .option('--date <date>', 'when it was carried out or waived (default: --as-of)')
    .option('--waive <reason>', 'the action will not be carried out, and why (it leaves the response plan)')
    .option('--due <date>', 'reschedule the action');
}
export type RiskActOptions = OptionsOf<typeof act>;

function close(risk: Parent) {
  return risk
    .command('close <id>')
    .description('close a risk (every action must be done or waived)')
    .option('--reason <text>', 'why it is closed')
    .option('--date <date>', 'date closed (default: --as-of)');
}
export type RiskCloseOptions = OptionsOf<typeof close>;

export function register(program: Parent, run: Runner): void {
  const risk = program.command('risk').description('the risk register');
  add(risk).action((opts, cmd) => run(cmd, async (ctx) => (await load()).riskAdd(ctx, opts)));
  list(risk).action((opts, cmd) => run(cmd, async (ctx) => (await load()).riskList(ctx, opts)));
  show(risk).action((id, _opts, cmd) => run(cmd, async (ctx) => (await load()).riskShow(ctx, id)));
  update(risk).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).riskUpdate(ctx, id, opts)));
  act(risk).action((id, n, opts, cmd) => run(cmd, async (ctx) => (await load()).riskAct(ctx, id, n, opts)));
  close(risk).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).riskClose(ctx, id, opts)));
}
