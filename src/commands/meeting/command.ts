// Flags of `deliver meeting add|list|show|act`.
import { Option, type Command } from 'commander';
import { collect, type Runner } from '../../cli/program.js';

export const MEETING_KINDS = ['kickoff', 'sync', 'review', 'retrospective', 'other'] as const;

export function register(program: Command, run: Runner): void {
  const meeting = program.command('meeting').description('meetings and minutes: kick-off, weekly sync, review, retrospective');
  const impl = () => import('./run.js');
  meeting
    .command('add')
    .description('record a meeting with its minutes; prints its id')
    .addOption(new Option('--kind <kind>', 'kind of meeting').choices([...MEETING_KINDS]))
    .option('--title <text>', 'what the meeting was about')
    .option('--date <date>', 'when it was held (default: --as-of)')
    .option('--attendee <name[:side]>', 'who attended; side customer or supplier (repeatable)', collect)
    .option('--agenda <text>', 'an agenda item (repeatable)', collect)
    .option('--decision <text>', 'a decision taken (repeatable)', collect)
    .option('--action <owner: text [@due]>', 'an action item: owner, what, optional due date (repeatable)', collect)
    .option('--highlight <text>', 'retrospective: what went well (repeatable)', collect)
    .option('--problem <text>', 'retrospective: what went wrong (repeatable)', collect)
    .option('--improvement <text>', 'retrospective: what to change next time (repeatable)', collect)
    .option('--req <id>', 'a requirement discussed (repeatable)', collect)
    .option('--notes <text>', 'free-text minutes')
    .action(run(async (ctx, _a, opts) => (await impl()).meetingAdd(ctx, opts)));
  meeting
    .command('list')
    .description('meetings with their open and overdue action items')
    .addOption(new Option('--kind <kind>', 'only this kind').choices([...MEETING_KINDS]))
    .option('--open', 'only meetings with open action items')
    .action(run(async (ctx, _a, opts) => (await impl()).meetingList(ctx, opts)));
  meeting
    .command('show <id>')
    .description('one meeting: attendees, agenda, decisions and action items')
    .action(run(async (ctx, args) => (await impl()).meetingShow(ctx, String(args[0]))));
  meeting
    .command('act <id> <action-number>')
    .description('mark an action item of a meeting done')
    .option('--date <date>', 'the day it was carried out (default: --as-of)')
    .action(run(async (ctx, args, opts) => (await impl()).meetingAct(ctx, String(args[0]), String(args[1]), opts)));
}
