// Schedule rules that need the working-day calendar (the plan reaching years the built-in calendar
// does not know), and the one place that turns a Project into the scheduler's input.
import { makeCalendar, type WorkCalendar } from '../calendar.js';
import { isIsoDate, toDay, type IsoDate } from '../dates.js';
import { diag, type Diagnostic } from '../diagnostics.js';
import type { Project } from '../model.js';
import { schedule, type Schedule, type ScheduleInput } from '../schedule.js';

/** The date float is measured against: the agreed `due`, else the contract's. */
export function projectDue(p: Project): IsoDate | undefined {
  const m = p.manifest?.data;
  const due = m?.due ?? m?.contract?.due;
  return due !== undefined && isIsoDate(due) ? due : undefined;
}

/**
 * Project start: the manifest's; without a readable manifest, the earliest planned start in the
 * plan, else the report date (so a plan is still drawn while deliver.yaml is being repaired).
 */
export function projectStart(p: Project, asOf: IsoDate): IsoDate {
  const start = p.manifest?.data.start;
  if (start !== undefined && isIsoDate(start)) return start;
  let min: IsoDate | undefined;
  for (const t of p.tasks)
    if (t.data.start !== undefined && isIsoDate(t.data.start) && (min === undefined || t.data.start < min)) min = t.data.start;
  return min ?? asOf;
}

function scheduleInput(p: Project, asOf: IsoDate, calendar: WorkCalendar, baseline?: string): ScheduleInput {
  const due = projectDue(p);
  return {
    start: projectStart(p, asOf),
    ...(due !== undefined ? { due } : {}),
    asOf,
    tasks: p.tasks.map((t) => t.data),
    milestones: p.milestones.map((m) => m.data),
    baselines: p.baselines.map((b) => b.data),
    ...(baseline !== undefined ? { baseline } : {}),
    calendar,
  };
}

/** The last plan computed for a task list, with everything else it was computed from. */
interface Planned {
  manifest: Project['manifest'];
  milestones: Project['milestones'];
  baselines: Project['baselines'];
  baseline: string | undefined;
  start: IsoDate;
  asOf: IsoDate;
  plan: { calendar: WorkCalendar; schedule: Schedule };
}

/**
 * Plans already computed, by task list. The records are never changed once read (a change makes
 * new ones), and the as-of view keeps the same lists when the date cuts nothing from them, so the
 * calendar rule and the command that shows the plan share one computation when they use the same
 * report date (the forecast depends on it; the plan dates do not).
 */
const planned = new WeakMap<Project['tasks'], Planned>();

/**
 * The last plan by the records themselves: two projects that hold the very same record objects
 * (diff reads a plan.yaml unchanged between its two sides once) share one computation.
 */
let lastByRecords: { records: unknown[]; baseline: string | undefined; start: IsoDate; asOf: IsoDate; plan: Planned['plan'] } | undefined;

function planRecordsOf(p: Project): unknown[] {
  const out: unknown[] = [p.manifest?.data];
  for (const list of [p.tasks, p.milestones, p.baselines] as readonly (readonly { data: unknown }[])[]) {
    out.push(list.length);
    for (const r of list) out.push(r.data);
  }
  return out;
}

function sameRecords(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The computed plan. A project-level date the calendar refuses (a start centuries away) cannot be
 * scheduled at all: the result is then empty with a `date_range` problem, never an exception.
 *
 * Cached by object identity: the plan is kept for `p.tasks` (the array) together with the
 * manifest, milestone and baseline objects, the baseline name, the start and the report date it was
 * computed for; a later call with the same objects and dates gets the same plan back. So callers
 * must never change a project's records or lists in place (a changed project is built anew, as the
 * store does), and must not change the returned plan, which other callers share.
 */
export function scheduleProject(p: Project, asOf: IsoDate, baseline?: string): { calendar: WorkCalendar; schedule: Schedule } {
  const start = projectStart(p, asOf);
  const hit = planned.get(p.tasks);
  if (
    hit &&
    hit.manifest === p.manifest &&
    hit.milestones === p.milestones &&
    hit.baselines === p.baselines &&
    hit.baseline === baseline &&
    hit.start === start &&
    hit.asOf === asOf
  )
    return hit.plan;
  const records = planRecordsOf(p);
  const last = lastByRecords;
  if (last && last.asOf === asOf && last.baseline === baseline && last.start === start && sameRecords(last.records, records)) {
    planned.set(p.tasks, {
      manifest: p.manifest,
      milestones: p.milestones,
      baselines: p.baselines,
      baseline,
      start,
      asOf,
      plan: last.plan,
    });
    return last.plan;
  }
  const calendar = makeCalendar(p.manifest?.data.calendar);
  const input = scheduleInput(p, asOf, calendar, baseline);
  let plan: { calendar: WorkCalendar; schedule: Schedule };
  try {
    plan = { calendar, schedule: schedule(input) };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    plan = {
      calendar,
      schedule: {
        items: new Map(),
        order: [],
        projectStart: input.start,
        criticalPath: [],
        problems: [{ kind: 'date_range', id: 'deliver.yaml', message: e.message }],
      },
    };
  }
  planned.set(p.tasks, { manifest: p.manifest, milestones: p.milestones, baselines: p.baselines, baseline, start, asOf, plan });
  lastByRecords = { records, baseline, start, asOf, plan };
  return plan;
}

/**
 * DLV-W052 / W053: the computed plan (or the due date) reaches a year the built-in calendar has no,
 * or only provisional, data for. The plan dates do not depend on the report date; `asOf` (the
 * command's) only lets the command that shows the forecast reuse this computation.
 */
export function checkSchedule(p: Project, asOf?: IsoDate): Diagnostic[] {
  const m = p.manifest;
  if (!m || (m.data.calendar?.base ?? 'none') === 'none') return [];
  const at = asOf !== undefined && isIsoDate(asOf) ? asOf : projectStart(p, '');
  const { calendar, schedule: s } = scheduleProject(p, at);
  if (calendar.base === 'none' || s.items.size === 0) return [];
  let from = toDay(s.projectStart);
  let to = from;
  for (const it of s.items.values()) {
    from = Math.min(from, toDay(it.plannedStart));
    to = Math.max(to, toDay(it.plannedEnd));
  }
  if (s.due !== undefined) to = Math.max(to, toDay(s.due));
  return calendarGaps(calendar, from, to).map((g) =>
    diag(g.status === 'provisional' ? 'DLV-W053' : 'DLV-W052', m.file, { year: g.year, base: calendar.base }, ['calendar', 'base']),
  );
}

/** Years of [from, to] the calendar has no or only provisional data for; none for absurd spans (reported elsewhere). */
export function calendarGaps(calendar: WorkCalendar, from: number, to: number): ReturnType<WorkCalendar['coverage']> {
  if (calendar.base === 'none') return [];
  try {
    return calendar.coverage(from, to);
  } catch (e) {
    if (e instanceof RangeError) return [];
    throw e;
  }
}
