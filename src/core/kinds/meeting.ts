// Meetings and their minutes (会议纪要): one file each in meetings/ — kick-off, weekly sync, review,
// retrospective — with decisions and the action items they give out.
import type { IsoDate } from '../dates.js';
import type { Meeting } from '../model.js';
import { listCell, type KindSpec } from './spec.js';

export type MeetingAction = NonNullable<Meeting['actions']>[number];

/** Open = not carried out; overdue = open with a due date before the report date. */
export function actionIsOverdue(a: MeetingAction, asOf: IsoDate): boolean {
  return a.done === undefined && a.due !== undefined && a.due < asOf;
}

/** Action items carried out later are still open on the report date. */
function meetingAsOf(m: Meeting, asOf: IsoDate): Meeting {
  if (!m.actions?.some((a) => a.done !== undefined && a.done > asOf)) return m;
  return { ...m, actions: m.actions.map((a) => (a.done !== undefined && a.done > asOf ? (({ done: _d, ...rest }) => rest)(a) : a)) };
}

export const meetingKind = {
  collection: 'meetings',
  storage: { folder: 'meetings' },
  schema: 'meeting',
  id: { prefix: 'MT-', pattern: /^MT-\d{3,6}$/, def: 'meetingId', form: 'MT-NNN' },
  title: (m) => m.title,
  refs: [{ path: 'requirements[]' }],
  born: (m) => m.date,
  asOf: meetingAsOf,
  columns: [
    { key: 'id', value: (m) => m.id },
    { key: 'date', value: (m) => m.date },
    { key: 'meeting_kind', value: (m) => m.kind },
    { key: 'title', value: (m) => m.title },
    { key: 'attendees', value: (m) => (m.attendees ?? []).map((a) => a.name).join(', ') || undefined },
    { key: 'decisions', value: (m) => (m.decisions ?? []).join('\n') || undefined },
    {
      key: 'action_items',
      value: (m) =>
        (m.actions ?? [])
          .map((a, i) => `${i + 1}. ${a.text} (${a.owner}${a.due ? `, ${a.due}` : ''})${a.done ? ` ✓${a.done}` : ''}`)
          .join('\n') || undefined,
    },
    { key: 'open_action_items', value: (m) => (m.actions ?? []).filter((a) => a.done === undefined).length },
    {
      key: 'overdue_action_items',
      value: (m, x) => listCell((m.actions ?? []).flatMap((a, i) => (actionIsOverdue(a, x.asOf) ? [String(i + 1)] : []))),
    },
    { key: 'requirements', value: (m) => listCell(m.requirements) },
  ],
  diff: 'generic',
} as const satisfies KindSpec<Meeting, 'meetings'>;
