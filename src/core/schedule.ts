// Pure scheduling: forward/backward pass in working days, float, critical path, lateness, baseline slip.
//
// Conventions (all counts in the calendar's working days, see calendar.ts):
// - A task occupies `days` working days from its start (moved to the next working day when needed);
//   `end` instead of `days` gives the duration as working days from start to end inclusive (from the
//   computed start when the task has no `start`); neither gives 1 day; `days: 0` is a one-day event.
// - Finish-to-start: a task starts the working day after its latest predecessor ends; its own `start`
//   is "not earlier than". Without predecessors it starts at `start`, else at the project start.
// - A milestone sits at the latest end of its predecessors (same day), else at its `due`, else at the
//   project start; a task after a milestone starts the working day after it.
// - Actual dates are facts and override the plan: done + actual_end fixes both ends; actual_start alone
//   moves the start and keeps the duration; a milestone's `done` fixes its date.
// - A milestone also waits for every task that names it in `milestone:` (unless that would close a
//   cycle); a `fixed` milestone never sits before its `due`.
//
// Two passes forward in one loop: the PLAN (the dates above, no report date) and the FORECAST as of
// the report date (README "Forecast"), which is what every command shows:
// - done work keeps its actual dates;
// - started work (actual_start, or in_progress) keeps its start; it still needs `remaining` working
//   days, else the planned duration minus the working days spent before the report date (at least 1),
//   counted from the first working day on or after the report date;
// - work not started begins no earlier than the first working day on or after the report date;
// - an unreached milestone is never forecast before the report date.
// Late = unfinished and its PLAN end is before the report date; lateBy counts the working days since.
// - The backward pass (over the forecast) ends at the last working day on or before `due` when given,
//   else the project end; an unreached milestone's own `due` is a further deadline for everything it
//   waits for. Total float = workingDaysBetween(earlyFinish, lateFinish), negative when a due is missed.
import type { WorkCalendar } from './calendar.js';
import { fromDay, isIsoDate, type IsoDate } from './dates.js';
import { day, forwardAll, rememberForward, type Node } from './schedule-forward.js';
import type { Plan, Status } from './generated/plan.js';

export type Task = NonNullable<Plan['tasks']>[number];
export type Milestone = NonNullable<Plan['milestones']>[number];
export type Baseline = NonNullable<Plan['baselines']>[number];

export interface ScheduleInput {
  /** Project start: tasks without predecessors or start begin on its first working day. */
  start: IsoDate;
  /** Agreed due date: the backward pass ends there, so float can be negative. */
  due?: IsoDate;
  asOf: IsoDate;
  tasks: readonly Task[];
  milestones: readonly Milestone[];
  baselines?: readonly Baseline[];
  /** Baseline name to measure slip against; default the latest (greatest `taken`, then last listed). */
  baseline?: string;
  calendar: WorkCalendar;
}

export type ScheduleProblem =
  /** ids in depends-on direction, closed: [A, B, A] = A depends on B, B depends on A. */
  | { kind: 'cycle'; ids: string[] }
  | { kind: 'unknown_ref'; id: string; ref: string }
  | { kind: 'duplicate_id'; id: string }
  /** Not scheduled because predecessor `by` is in a cycle or could not be scheduled. */
  | { kind: 'blocked'; id: string; by: string }
  /** A date was malformed or absurdly far away (the calendar refused it). */
  | { kind: 'date_range'; id: string; message: string }
  | { kind: 'unknown_baseline'; name: string };

export interface ScheduledItem {
  id: string;
  kind: 'task' | 'milestone';
  name: string;
  /** Milestones: 'done' once reached, else 'todo'. */
  status: Status;
  /** Finished: a done task or a reached milestone (never late, never critical). */
  finished: boolean;
  /** Dates come from actuals rather than the plan. */
  actual: boolean;
  /** Forecast dates as of the report date (README "Forecast"). */
  start: IsoDate;
  end: IsoDate;
  /** The plan's dates, without the report date (what `late` is measured against). */
  plannedStart: IsoDate;
  plannedEnd: IsoDate;
  /** Working days occupied by the bar (0 for milestones and one-day events). */
  days: number;
  earlyStart: IsoDate;
  earlyFinish: IsoDate;
  lateStart: IsoDate;
  lateFinish: IsoDate;
  totalFloat: number;
  critical: boolean;
  late: boolean;
  /** Working days past the planned end as of asOf (at least 1 when late), else 0. */
  lateBy: number;
  /** end − baseline end in working days (positive = later than the baseline). */
  slip?: number;
  baselineStart?: IsoDate;
  baselineEnd?: IsoDate;
  /** Milestones with `due`: computed date − due in working days (positive = after due). */
  dueVariance?: number;
  dependsOn: string[];
  /** Milestones: the tasks that name it in `milestone:` and that it therefore waits for. */
  waitsFor?: string[];
  /** The milestone a task is grouped under. */
  milestone?: string;
}

export interface Schedule {
  items: Map<string, ScheduledItem>;
  /** Scheduled ids, predecessors first. */
  order: string[];
  projectStart: IsoDate;
  projectEnd?: IsoDate;
  due?: IsoDate;
  /** due − project end in working days (negative = the plan misses the due). */
  dueFloat?: number;
  /** One driving chain of critical items, first to last. */
  criticalPath: string[];
  /** Name of the baseline slip was measured against. */
  baseline?: string;
  problems: ScheduleProblem[];
}

// The forward pass (nodes, graph order, early dates) is in schedule-forward.ts; the passes here
// follow its rule: each its own function with indexed loops (see there why).

/** Items in the order a chart or list shows them: by start, tasks before milestones, then by end and id. */
export function compareByStart(a: ScheduledItem, b: ScheduledItem): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.kind !== b.kind) return a.kind === 'task' ? -1 : 1;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return a.id < b.id ? -1 : 1;
}

export function schedule(input: ScheduleInput): Schedule {
  const cal = input.calendar;
  const problems: ScheduleProblem[] = [];
  const { state: forward, order, due } = forwardAll(input, problems);
  const { nodes, ps0, asOf } = forward;
  const items = new Map<string, ScheduledItem>();
  if (order.length === 0) {
    const none: Schedule = {
      items,
      order: [],
      projectStart: fromDay(ps0),
      ...(input.due ? { due: input.due } : {}),
      criticalPath: [],
      problems,
    };
    rememberForward(none, forward);
    return none;
  }

  let projectEnd = -Infinity;
  for (let o = 0; o < order.length; o++) projectEnd = Math.max(projectEnd, nodes[order[o]!]!.ef);
  backwardPass(nodes, order, cal.previousWorkingDay(due ?? projectEnd), cal);
  const minFloat = floats(nodes, order, cal);
  const base = pickBaseline(input, problems);
  buildItems(items, nodes, order, minFloat, asOf, base, cal);

  const ids: string[] = new Array(order.length);
  for (let o = 0; o < order.length; o++) ids[o] = nodes[order[o]!]!.id;
  const out: Schedule = {
    items,
    order: ids,
    projectStart: fromDay(ps0),
    projectEnd: fromDay(projectEnd),
    criticalPath: criticalChain(nodes, order, minFloat),
    problems,
  };
  if (input.due !== undefined && due !== undefined) {
    out.due = input.due;
    out.dueFloat = cal.workingDaysBetween(projectEnd, due);
  }
  if (base) out.baseline = base.name;
  rememberForward(out, forward);
  return out;
}

/** Late dates back from `target` (the last working day on or before the due, else the project end). */
function backwardPass(nodes: Node[], order: number[], target: number, cal: WorkCalendar): void {
  for (let o = order.length - 1; o >= 0; o--) {
    const node = nodes[order[o]!]!;
    let lf = target;
    for (let k = 0; k < node.succs.length; k++) {
      const succ = nodes[node.succs[k]!]!;
      if (!succ.ok) continue;
      // A task successor must start after us; a milestone successor sits on our finish day.
      lf = Math.min(lf, succ.task ? cal.addWorkingDays(succ.ls, -1) : succ.lf);
    }
    if (node.ms !== undefined) {
      // An unreached milestone's due is a deadline for what it waits for (its own date may be any day).
      const d = node.finished ? undefined : day(node.ms.due);
      if (d !== undefined) lf = Math.min(lf, d);
    } else lf = cal.previousWorkingDay(lf);
    node.lf = lf;
    node.ls = node.task && node.work > 1 ? cal.addWorkingDays(lf, -(node.work - 1)) : lf;
  }
}

/** Total float of every scheduled node; returns the least float of unfinished work (what is critical). */
function floats(nodes: Node[], order: number[], cal: WorkCalendar): number {
  let minFloat = Infinity;
  for (let o = 0; o < order.length; o++) {
    const n = nodes[order[o]!]!;
    n.float = cal.workingDaysBetween(n.ef, n.lf);
    if (!n.finished) minFloat = Math.min(minFloat, n.float);
  }
  return minFloat;
}

const isCritical = (n: Node, minFloat: number) => !n.finished && n.float === minFloat;

function buildItems(
  items: Map<string, ScheduledItem>,
  nodes: Node[],
  order: number[],
  minFloat: number,
  asOf: number,
  base: ReturnType<typeof pickBaseline>,
  cal: WorkCalendar,
): void {
  for (let o = 0; o < order.length; o++) {
    const n = nodes[order[o]!]!;
    const t = n.task;
    const rec = (t ?? n.ms)!;
    const start = fromDay(n.es),
      end = fromDay(n.ef);
    const late = lateness(n.finished, n.pef, asOf, cal);
    const dependsOn: string[] = new Array(n.nExplicit);
    for (let k = 0; k < n.nExplicit; k++) dependsOn[k] = nodes[n.preds[k]!]!.id;
    // Field by field, in the order the item type lists them (no spread: this runs 10,000 times cold).
    const item: ScheduledItem = {
      id: n.id,
      kind: t ? 'task' : 'milestone',
      name: rec.name,
      status: t ? t.status : n.finished ? 'done' : 'todo',
      finished: n.finished,
      actual: n.actual,
      start,
      end,
      plannedStart: n.pes === n.es ? start : fromDay(n.pes),
      plannedEnd: n.pef === n.ef ? end : fromDay(n.pef),
      days: t ? n.dur : 0,
      earlyStart: start,
      earlyFinish: end,
      lateStart: fromDay(n.ls),
      lateFinish: fromDay(n.lf),
      totalFloat: n.float,
      critical: isCritical(n, minFloat),
      late: late.late,
      lateBy: late.lateBy,
      dependsOn,
    };
    if (t !== undefined && t.milestone !== undefined) item.milestone = t.milestone;
    if (n.preds.length > n.nExplicit) {
      const waits: string[] = [];
      for (let k = n.nExplicit; k < n.preds.length; k++) waits.push(nodes[n.preds[k]!]!.id);
      item.waitsFor = waits;
    }
    const msDue = n.ms ? day(n.ms.due) : undefined;
    if (msDue !== undefined) item.dueVariance = cal.workingDaysBetween(msDue, n.ef);
    const b = base?.items.get(n.id);
    if (b) {
      const bEnd = day(b.end);
      if (bEnd !== undefined) {
        item.baselineEnd = b.end;
        item.slip = cal.workingDaysBetween(bEnd, n.ef);
        if (b.start !== undefined && isIsoDate(b.start)) item.baselineStart = b.start;
      }
    }
    items.set(n.id, item);
  }
}

/** Late: unfinished and its planned end before the report date; by at least one working day. */
function lateness(finished: boolean, end: number, asOf: number, cal: WorkCalendar): { late: boolean; lateBy: number } {
  const late = !finished && end < asOf;
  return { late, lateBy: late ? Math.max(1, cal.workingDaysBetween(end, asOf)) : 0 };
}

/** Walks back from the latest critical item through driving critical predecessors. */
function criticalChain(nodes: Node[], order: number[], minFloat: number): string[] {
  let cur: number | undefined;
  for (let o = 0; o < order.length; o++) {
    const i = order[o]!;
    if (isCritical(nodes[i]!, minFloat) && (cur === undefined || nodes[i]!.ef >= nodes[cur]!.ef)) cur = i; // a tie: the later in order (a milestone after its task)
  }
  const chain: string[] = [];
  while (cur !== undefined) {
    chain.push(nodes[cur]!.id);
    let next: number | undefined;
    for (const p of nodes[cur]!.preds) {
      if (isCritical(nodes[p]!, minFloat) && (next === undefined || nodes[p]!.ef > nodes[next]!.ef)) next = p;
    }
    cur = next;
  }
  return chain.reverse();
}

function pickBaseline(input: ScheduleInput, problems: ScheduleProblem[]) {
  const list = input.baselines ?? [];
  let chosen: Baseline | undefined;
  if (input.baseline !== undefined) {
    chosen = [...list].reverse().find((b) => b.name === input.baseline);
    if (!chosen) problems.push({ kind: 'unknown_baseline', name: input.baseline });
  } else {
    for (const b of list) if (!chosen || b.taken >= chosen.taken) chosen = b;
  }
  if (!chosen) return undefined;
  return { name: chosen.name, items: new Map(chosen.items.map((it) => [it.id, it])) };
}
