// Schedule rules that need the working-day calendar (the plan reaching years the built-in calendar
// does not know), and the one place that turns a Project into the scheduler's input.
import { LIMIT_DAYS, makeCalendar, type WorkCalendar } from '../calendar.js';
import { dayOrNaN, isIsoDate, toDay, type IsoDate } from '../dates.js';
import { diag, type Diagnostic } from '../diagnostics.js';
import { topologicalOrder } from '../graph.js';
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

/** The plan already computed for these very lists and dates, if any (no work beyond a lookup). */
function plannedFor(p: Project, asOf: IsoDate, baseline: string | undefined, start = projectStart(p, asOf)): Planned['plan'] | undefined {
  const hit = planned.get(p.tasks);
  return hit &&
    hit.manifest === p.manifest &&
    hit.milestones === p.milestones &&
    hit.baselines === p.baselines &&
    hit.baseline === baseline &&
    hit.start === start &&
    hit.asOf === asOf
    ? hit.plan
    : undefined;
}

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
  const hit = plannedFor(p, asOf, baseline, start);
  if (hit) return hit;
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
 * DLV-E054: an item the scheduler cannot place because its dates reach outside the calendar's range
 * (MAX_YEARS either side of the first day it is asked about: work of 10,000 days after work of
 * 10,000 days, a calendar whose every day is a day off). DLV-W052 / W053: the computed plan (or the
 * due date) reaches a year the built-in calendar has no, or only provisional, data for. The plan
 * dates do not depend on the report date; `asOf` (the command's) only lets the command that shows
 * the forecast reuse this computation.
 */
export function checkSchedule(p: Project, asOf?: IsoDate): Diagnostic[] {
  const m = p.manifest;
  if (!m) return [];
  const baseCalendar = (m.data.calendar?.base ?? 'none') !== 'none';
  const at = asOf !== undefined && isIsoDate(asOf) ? asOf : projectStart(p, '');
  // A plain calendar is scheduled here only when the plan might leave its range (a cheap bound),
  // unless the command has scheduled it already (status, gantt): then the plan itself answers.
  if (!baseCalendar && !plannedFor(p, at, undefined) && !mayLeaveCalendarRangeOnce(p, at)) return [];
  const { calendar, schedule: s } = scheduleProject(p, at);
  const out = outOfRange(p, s, at);
  if (calendar.base === 'none' || s.items.size === 0) return out;
  let from = toDay(s.projectStart);
  let to = from;
  for (const it of s.items.values()) {
    from = Math.min(from, toDay(it.plannedStart));
    to = Math.max(to, toDay(it.plannedEnd));
  }
  if (s.due !== undefined) to = Math.max(to, toDay(s.due));
  for (const g of calendarGaps(calendar, from, to))
    out.push(
      diag(g.status === 'provisional' ? 'DLV-W053' : 'DLV-W052', m.file, { year: g.year, base: calendar.base }, ['calendar', 'base']),
    );
  return out;
}

/**
 * The schedule's date_range problems, each at its task or milestone. When nothing could be scheduled
 * at all, the calendar is blamed only if the report date is near the start: a report date a century
 * away is the command's, and the commands that show the plan say so themselves.
 */
function outOfRange(p: Project, s: Schedule, asOf: IsoDate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const problems = s.problems.filter((x) => x.kind === 'date_range');
  if (problems.length === 0) return out;
  // By id, first record wins (as the scheduler reports a repeated id once): a plan of 10,000 tasks
  // dated centuries out has a problem for each.
  const byId = new Map<string, Project['tasks'][number] | Project['milestones'][number]>();
  for (const r of [...p.tasks, ...p.milestones]) if (!byId.has(r.data.id)) byId.set(r.data.id, r);
  for (const problem of problems) {
    const at = byId.get(problem.id);
    const args = { id: problem.id, message: problem.message };
    if (at) out.push(diag('DLV-E054', at.file, args, at.path));
    else if (p.manifest && Math.abs(dayOrNaN(asOf) - dayOrNaN(s.projectStart)) < LIMIT_DAYS / 2)
      out.push(diag('DLV-E054', p.manifest.file, args, p.manifest.data.calendar ? ['calendar'] : ['start']));
  }
  return out;
}

/** The last bound by the plan records themselves: `diff` reads an unchanged plan once for both sides. */
let lastBound: { records: unknown[]; asOf: IsoDate; mayLeave: boolean } | undefined;

function mayLeaveCalendarRangeOnce(p: Project, asOf: IsoDate): boolean {
  const records = planRecordsOf(p);
  if (lastBound && lastBound.asOf === asOf && sameRecords(lastBound.records, records)) return lastBound.mayLeave;
  const mayLeave = mayLeaveCalendarRange(p, asOf);
  lastBound = { records, asOf, mayLeave };
  return mayLeave;
}

/**
 * Whether scheduling might ask a plain calendar for a day outside its range. It cannot when every
 * date the plan names, widened on both sides by the most work one chain of dependencies holds (at
 * the workweek's working days a week, every listed day off taking one of them), spans less than the range:
 * the calendar is first asked about the project start, one of those dates, and the forward and
 * backward passes move from the named dates by at most that chain.
 */
function mayLeaveCalendarRange(p: Project, asOf: IsoDate): boolean {
  const spec = p.manifest?.data.calendar;
  const perWeek = makeCalendar(spec).workweekDays;
  if (perWeek === 0) return true;
  // The earliest and latest date named, compared as text (YYYY-MM-DD sorts as dates do); a value
  // that is not a date (a finding of its own) sends it to the scheduler.
  let lo = asOf,
    hi = asOf,
    odd = false;
  const see = (iso: unknown) => {
    if (iso === undefined) return;
    if (typeof iso !== 'string' || iso.length !== 10) odd = true;
    else if (iso < lo) lo = iso;
    else if (iso > hi) hi = iso;
  };
  const m = p.manifest?.data;
  see(m?.start);
  see(m?.due);
  see(m?.contract?.due);
  let total = 0;
  for (const { data: t } of p.tasks) {
    see(t.start);
    see(t.end);
    see(t.actual_start);
    see(t.actual_end);
    total += workOf(t);
  }
  for (const { data: x } of p.milestones) {
    see(x.due);
    see(x.done);
  }
  for (const { data: b } of p.baselines)
    for (const it of b.items ?? []) {
      see(it.start);
      see(it.end);
    }
  const span = dayOrNaN(hi) - dayOrNaN(lo);
  if (odd || Number.isNaN(span)) return true;
  const daysOff = (spec?.holidays?.length ?? 0) + (spec?.days_off?.length ?? 0);
  // Each day off takes one working weekday: n working days lie within (n + days off) workweek days.
  const fits = (work: number) => span + 2 * (Math.ceil((work + daysOff) / perWeek) * 7 + 14) < LIMIT_DAYS;
  // All the work end to end is the cheap bound; the heaviest chain the close one.
  return !fits(total) && !fits(heaviestChain(p, total));
}

/** A task's working days as the scheduler may lay them out: its days or remaining days, plus one. */
function workOf(t: Project['tasks'][number]['data']): number {
  return Math.max(typeof t.days === 'number' ? t.days : 0, typeof t.remaining === 'number' ? t.remaining : 0, 0) + 1;
}

/**
 * Working days on the heaviest chain of the plan (depends_on, and a milestone after the tasks that
 * name it); with a cycle (reported by the plan rule), `total`, all the plan's work.
 */
function heaviestChain(p: Project, total: number): number {
  const tasks = p.tasks,
    milestones = p.milestones;
  const nTasks = tasks.length;
  const n = nTasks + milestones.length;
  const index = new Map<string, number>();
  for (let i = 0; i < nTasks; i++) if (!index.has(tasks[i]!.data.id)) index.set(tasks[i]!.data.id, i);
  for (let i = 0; i < milestones.length; i++) if (!index.has(milestones[i]!.data.id)) index.set(milestones[i]!.data.id, nTasks + i);
  const from: number[] = [];
  const to: number[] = [];
  const edge = (a: number | undefined, b: number) => {
    if (a === undefined || a === b) return;
    from.push(a);
    to.push(b);
  };
  const weight = new Float64Array(n);
  for (let i = 0; i < nTasks; i++) {
    const t = tasks[i]!.data;
    weight[i] = workOf(t);
    const ms = typeof t.milestone === 'string' ? index.get(t.milestone) : undefined;
    if (ms !== undefined) edge(i, ms);
    if (Array.isArray(t.depends_on)) for (const ref of t.depends_on) edge(index.get(ref), i);
  }
  for (let i = nTasks; i < n; i++) {
    const refs = milestones[i - nTasks]!.data.depends_on;
    if (Array.isArray(refs)) for (const ref of refs) edge(index.get(ref), i);
  }
  const { order, size, start, succ } = topologicalOrder(n, from, to);
  if (size < n) return total;
  // The heaviest chain ending at each node, in dependency order.
  const reach = weight.slice();
  let heaviest = 0;
  for (let o = 0; o < n; o++) {
    const i = order[o]!;
    if (reach[i]! > heaviest) heaviest = reach[i]!;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const j = succ[k]!;
      if (reach[i]! + weight[j]! > reach[j]!) reach[j] = reach[i]! + weight[j]!;
    }
  }
  return heaviest;
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
