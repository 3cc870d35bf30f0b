// Flags of `deliver risk add|list|show|update|act|close`.
import { Option, type Command } from 'commander';
import { collect, type Runner } from '../../cli/program.js';

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
function actionFlags(cmd: Command): Command {
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

const load = () => import('./run.js');

function riskFields(cmd: Command): Command {
  return cmd
    .option('--title <text>', 'the risk in a sentence')
    .addOption(new Option('--category <category>', 'category').choices(['market', 'technical', 'production', 'quality', 'delivery', 'legal']))
    .option('--probability <1-5>', 'how likely: 1 rare … 5 almost certain')
    .option('--impact <1-5>', 'how bad: 1 minor … 5 severe')
    .addOption(new Option('--response <response>', 'response strategy').choices(['avoid', 'mitigate', 'transfer', 'accept']))
    .option('--owner <name>', 'who owns the risk')
    .option('--affects <what>', 'schedule, cost, quality or satisfaction (repeatable)', collect)
    .option('--description <text>', 'longer description');
}

export function register(program: Command, run: Runner): void {
  const risk = program.command('risk').description('the risk register');
  actionFlags(riskFields(risk.command('add').description('register a risk; prints its id')))
    .option('--identified <date>', 'date identified (default: --as-of)')
    .option('-y, --yes', 'never prompt')
    .action(run(async (ctx, _a, opts) => (await load()).riskAdd(ctx, opts)));
  risk
    .command('list')
    .description('risks by score (probability × impact), highest first; overdue actions flagged')
    .option('--open', 'only risks that are not closed')
    .option('--status <status>', 'only this status (repeatable)', collect)
    .option('--matrix', 'draw the 5×5 probability × impact matrix')
    .action(run(async (ctx, _a, opts) => (await load()).riskList(ctx, opts)));
  risk
    .command('show <id>')
    .description('one risk with its numbered actions')
    .action(run(async (ctx, args) => (await load()).riskShow(ctx, String(args[0]))));
  actionFlags(riskFields(risk.command('update <id>').description('change a risk; --action adds planned actions')))
    .addOption(new Option('--status <status>', 'new status').choices(['open', 'monitoring', 'occurred', 'closed']))
    .action(run(async (ctx, args, opts) => (await load()).riskUpdate(ctx, String(args[0]), opts)));
  risk
    .command('act <id> <action-number>')
    .description('record what happened to planned action N (1, 2, …)')
    .option('--done', 'the action was carried out')
    .option('--date <date>', 'when it was carried out or waived (default: --as-of)')
    .option('--waive <reason>', 'the action will not be carried out, and why (it leaves the response plan)')
    .option('--due <date>', 'reschedule the action')
    .action(run(async (ctx, args, opts) => (await load()).riskAct(ctx, String(args[0]), String(args[1]), opts)));
  risk
    .command('close <id>')
    .description('close a risk (every action must be done or waived)')
    .option('--reason <text>', 'why it is closed')
    .option('--date <date>', 'date closed (default: --as-of)')
    .action(run(async (ctx, args, opts) => (await load()).riskClose(ctx, String(args[0]), opts)));
}
