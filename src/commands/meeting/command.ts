// Flags of `deliver meeting add|list|show|act`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

export const MEETING_KINDS = ['kickoff', 'sync', 'review', 'retrospective', 'other'] as const;

const load = () => import('./run.js');

function add(meeting: Parent) {
  return meeting
    .command('add')
    .description('record a meeting with its minutes; prints its id')
    .addOption(new Option('--kind <kind>', 'kind of meeting').choices(MEETING_KINDS))
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
    .option('--notes <text>', 'free-text minutes');
}
export type MeetingAddOptions = OptionsOf<typeof add>;

function list(meeting: Parent) {
  return meeting
    .command('list')
    .description('meetings with their open and overdue action items')
    .addOption(new Option('--kind <kind>', 'only this kind').choices(MEETING_KINDS))
    .option('--open', 'only meetings with open action items');
}
export type MeetingListOptions = OptionsOf<typeof list>;

function show(meeting: Parent) {
  return meeting.command('show <id>').description('one meeting: attendees, agenda, decisions and action items');
}

function act(meeting: Parent) {
  return meeting
    .command('act <id> <action-number>')
    .description('mark an action item of a meeting done')
    .option('--date <date>', 'the day it was carried out (default: --as-of)');
}
export type MeetingActOptions = OptionsOf<typeof act>;

export function register(program: Parent, run: Runner): void {
  const meeting = program.command('meeting').description('meetings and minutes: kick-off, weekly sync, review, retrospective');
  add(meeting).action((opts, cmd) => run(cmd, async (ctx) => (await load()).meetingAdd(ctx, opts)));
  list(meeting).action((opts, cmd) => run(cmd, async (ctx) => (await load()).meetingList(ctx, opts)));
  show(meeting).action((id, _opts, cmd) => run(cmd, async (ctx) => (await load()).meetingShow(ctx, id)));
  act(meeting).action((id, n, opts, cmd) => run(cmd, async (ctx) => (await load()).meetingAct(ctx, id, n, opts)));
}
