// `deliver meeting add|list|show|act`: meetings and their minutes (meetings/MT-NNN-*.yaml) — who
// attended, the agenda, the decisions and the action items, closed one by one with `act`.
import type { Context } from '../../cli/context.js';
import { romanize } from '../../store/romanize.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { choiceOption, dateOption, intOption, textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { findRecord, readProject } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { MEETING_KINDS, type MeetingActOptions, type MeetingAddOptions, type MeetingListOptions } from './command.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import { compareIds } from '../../core/id-order.js';
import { nextPrefixedId, recordPath } from '../../core/ids.js';
import { actionIsOverdue, type MeetingAction } from '../../core/kinds/meeting.js';
import type { Meeting, Project } from '../../core/model.js';
import { projectAsOf } from '../../core/period.js';
import { safeBlock, safeText } from '../../render/sanitize.js';

const texts = (v: unknown): string[] => ((v as string[] | undefined) ?? []).map((s) => s.trim()).filter(Boolean);

/** `name` or `name:customer` / `name:supplier` (a full-width colon works too). */
function attendee(ctx: Context, s: string): NonNullable<Meeting['attendees']>[number] {
  const m = /^(.+?)\s*[:：]\s*(customer|supplier)$/.exec(s.trim());
  const name = (m ? m[1]! : s).trim();
  if (!name) throw new UsageError(ctx.t('meeting.badAttendee', { value: s }));
  return m ? { name, side: m[2] as 'customer' | 'supplier' } : { name };
}

/** `owner: what to do @YYYY-MM-DD` (the due date optional). */
function action(ctx: Context, s: string): MeetingAction {
  const m = /^\s*([^:：]+?)\s*[:：]\s*(.+?)(?:\s*@\s*(\S+))?\s*$/.exec(s);
  if (!m) throw new UsageError(ctx.t('meeting.badAction', { value: s }), ctx.t('meeting.badActionHint'));
  const due = m[3] !== undefined ? dateOption(ctx, '--action', m[3]) : undefined;
  return { text: m[2]!, owner: m[1]!, ...(due ? { due } : {}) };
}

function requireKnownRequirements(ctx: Context, p: Project, ids: string[]): void {
  for (const id of ids) {
    if (!p.requirements.some((r) => r.data.id === id) && !p.brokenIds.has(id)) {
      throw new UsageError(ctx.t('err.unknownId', { kind: ctx.t('kind.requirement'), id }), ctx.t('err.unknownIdHint', { command: 'req' }));
    }
  }
}

export async function meetingAdd(ctx: Context, opts: MeetingAddOptions): Promise<Outcome> {
  const kind = choiceOption(ctx, '--kind', opts.kind, MEETING_KINDS);
  if (!kind) throw new UsageError(ctx.t('err.missingOption', { option: '--kind' }), ctx.t('err.missingOptionHint', { option: '--kind' }));
  const title = textOption(opts.title);
  if (!title)
    throw new UsageError(ctx.t('err.missingOption', { option: '--title' }), ctx.t('err.missingOptionHint', { option: '--title' }));
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  if (date > ctx.asOf) throw new RefusedError(ctx.t('meeting.future', { date, asOf: ctx.asOf }));
  const attendees = texts(opts.attendee).map((s) => attendee(ctx, s));
  const actions = texts(opts.action).map((s) => action(ctx, s));
  for (const a of actions)
    if (a.due !== undefined && a.due < date) throw new RefusedError(ctx.t('meeting.dueBeforeMeeting', { due: a.due, date }));
  const retro = { highlights: texts(opts.highlight), problems: texts(opts.problem), improvements: texts(opts.improvement) };
  const hasRetro = retro.highlights.length + retro.problems.length + retro.improvements.length > 0;
  if (hasRetro && kind !== 'retrospective') throw new UsageError(ctx.t('meeting.retroOnly'));
  const requirements = texts(opts.req);
  const notes = textOption(opts.notes);
  const id = changeProject(ctx, (p) => {
    requireKnownRequirements(ctx, p, requirements);
    const id = nextPrefixedId('MT-', [...p.meetings.map((m) => m.data.id), ...p.brokenIds]);
    const list = (key: string, xs: unknown[]) => (xs.length ? { [key]: xs } : {});
    const record: Record<string, unknown> = {
      id,
      kind,
      date,
      title,
      ...list('attendees', attendees),
      ...list('agenda', texts(opts.agenda)),
      ...list('decisions', texts(opts.decision)),
      ...list('actions', actions),
      ...(hasRetro ? { retrospective: Object.fromEntries(Object.entries(retro).filter(([, v]) => v.length)) } : {}),
      ...list('requirements', requirements),
      ...(notes ? { notes } : {}),
    };
    return { changes: [{ kind: 'meeting', rel: recordPath('meeting', record, romanize), create: record }], result: id };
  });
  if (ctx.json) printJson(ctx, 'meeting.add', { id });
  else println(ctx, id);
  return WROTE;
}

interface Row {
  m: Meeting;
  open: number;
  overdue: number;
}

export async function meetingList(ctx: Context, opts: MeetingListOptions): Promise<Outcome> {
  const kind = choiceOption(ctx, '--kind', opts.kind, MEETING_KINDS);
  const read = readProject(ctx);
  const project = projectAsOf(read.project, ctx.asOf);
  const rows: Row[] = project.meetings
    .map(({ data: m }) => ({
      m,
      open: (m.actions ?? []).filter((a) => a.done === undefined).length,
      overdue: (m.actions ?? []).filter((a) => actionIsOverdue(a, ctx.asOf)).length,
    }))
    .filter((r) => (!kind || r.m.kind === kind) && (!opts.open || r.open > 0))
    .sort((a, b) => (a.m.date < b.m.date ? -1 : a.m.date > b.m.date ? 1 : compareIds(a.m.id, b.m.id)));
  if (ctx.json) {
    printJson(ctx, 'meeting.list', {
      as_of: ctx.asOf,
      items: rows.map((r) => ({ ...r.m, open_actions: r.open, overdue_actions: r.overdue })),
    });
    return readOutcome(read);
  }
  const t = ctx.t;
  printTable(
    ctx,
    [
      { header: t('exp.h.id'), value: (r: Row) => r.m.id },
      { header: t('exp.h.date'), value: (r) => r.m.date },
      { header: t('exp.h.meeting_kind'), value: (r) => t(`meeting.kind.${r.m.kind}`) },
      { header: t('exp.h.title'), value: (r) => r.m.title },
      { header: t('exp.h.open_action_items'), value: (r) => r.open, align: 'right' },
      { header: t('meeting.col.overdue'), value: (r) => r.overdue || '', align: 'right' },
    ],
    rows,
  );
  const overdue = rows.reduce((s, r) => s + r.overdue, 0);
  if (overdue) println(ctx, t('meeting.overdueSummary', { count: overdue }));
  return readOutcome(read);
}

export async function meetingShow(ctx: Context, id: string): Promise<Outcome> {
  const read = readProject(ctx);
  const project = projectAsOf(read.project, ctx.asOf);
  const m = findRecord(ctx, read, project.meetings, id, ctx.t('kind.meeting'), 'meeting').data;
  const actions = (m.actions ?? []).map((a, i) => ({ n: i + 1, ...a, overdue: actionIsOverdue(a, ctx.asOf) }));
  if (ctx.json) {
    printJson(ctx, 'meeting.show', { as_of: ctx.asOf, meeting: m, actions });
    return readOutcome(read);
  }
  const t = ctx.t;
  const c = ctx.chalk();
  const section = (label: string, items: readonly string[] | undefined) => {
    if (!items?.length) return;
    println(ctx, `${label}:`);
    for (const x of items) println(ctx, `  - ${safeText(x)}`);
  };
  println(ctx, c.bold(`${safeText(m.id)}  ${safeText(m.title)}`));
  println(ctx, `${t('exp.h.date')}: ${m.date}  ${t('exp.h.meeting_kind')}: ${t(`meeting.kind.${m.kind}`)}`);
  if (m.attendees?.length) {
    println(
      ctx,
      `${t('exp.h.attendees')}: ${m.attendees.map((a) => safeText(a.name) + (a.side ? ` (${t(`meeting.side.${a.side}`)})` : '')).join(', ')}`,
    );
  }
  section(t('meeting.agenda'), m.agenda);
  section(t('exp.h.decisions'), m.decisions);
  section(t('meeting.highlights'), m.retrospective?.highlights);
  section(t('meeting.problems'), m.retrospective?.problems);
  section(t('meeting.improvements'), m.retrospective?.improvements);
  println(ctx, `${t('exp.h.action_items')}:`);
  if (!actions.length) println(ctx, `  ${t('common.none')}`);
  for (const a of actions) {
    const state = a.done
      ? t('meeting.action.done', { date: a.done })
      : a.overdue
        ? `⚠ ${t('meeting.action.overdue', { due: a.due! })}`
        : a.due
          ? t('meeting.action.due', { due: a.due })
          : t('meeting.action.open');
    const text = `  ${a.n}. ${safeText(a.text)}  (${safeText(a.owner)})  [${state}]`;
    println(ctx, a.overdue ? c.red(text) : text);
  }
  if (m.requirements?.length) println(ctx, `${t('exp.h.requirements')}: ${m.requirements.map(safeText).join(', ')}`);
  if (m.notes) println(ctx, safeBlock(m.notes));
  return readOutcome(read);
}

export async function meetingAct(ctx: Context, id: string, numberArg: string, opts: MeetingActOptions): Promise<Outcome> {
  const n = intOption(ctx, '<action-number>', numberArg, 1, 1000)!;
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  if (date > ctx.asOf) throw new RefusedError(ctx.t('meeting.future', { date, asOf: ctx.asOf }));
  const text = changeProject(ctx, (p, loaded) => {
    const rec = findRecord(ctx, loaded, p.meetings, id, ctx.t('kind.meeting'), 'meeting');
    const list = rec.data.actions ?? [];
    const a = list[n - 1];
    if (!a) throw new UsageError(ctx.t('meeting.noSuchAction', { id, n, count: list.length }));
    if (a.done !== undefined) throw new RefusedError(ctx.t('meeting.alreadyDone', { id, n, date: a.done }));
    if (date < rec.data.date) throw new RefusedError(ctx.t('meeting.doneBeforeMeeting', { date, meeting: rec.data.date }));
    return {
      changes: [{ kind: 'meeting', rel: rec.file, edits: [{ op: 'set', path: ['actions', n - 1, 'done'], value: date }] }],
      result: a.text,
    };
  });
  if (ctx.json) printJson(ctx, 'meeting.act', { id, action: n, done: date });
  else println(ctx, ctx.t('meeting.markedDone', { id, n, date, text: safeText(text) }));
  return WROTE;
}
