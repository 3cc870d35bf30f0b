// The schedule side of a project diff (pure): project end and milestone movement in working days,
// critical path changes, tasks added, removed, re-planned (their plan fields changed) or shifted
// (moved only because something they depend on moved), and task status moves.
import type { WorkCalendar } from './calendar.js';
import { isIsoDate, toDay, type IsoDate } from './dates.js';
import { byId, sameJson, sortedKeys } from './diff-records.js';
import { sortIds } from './id-order.js';
import type { DiffSide } from './diff.js';
import type { Change, Milestone, Task } from './model.js';
import { projectDue } from './rules/schedule.js';
import type { ScheduledItem } from './schedule.js';

/** A date that changed; `workingDays` (to − from in the calendar) when both ends are known. */
export interface DateMove {
  from: IsoDate | null;
  to: IsoDate | null;
  workingDays: number | null;
  /** What moved it: the task at the root of the movement and why that task moved. */
  cause?: MoveCause;
}

/**
 * Why a date moved, traced back through driving predecessors to a task that moved by itself:
 * progress recorded on it (status, actual dates), a change slip applied to it, or its plan edited.
 */
export interface MoveCause {
  kind: 'progress' | 'change' | 'replan' | 'added' | 'removed';
  id: string;
  /** kind change: the slip. */
  change?: string;
}

export interface MilestoneRef {
  id: string;
  name: string;
  date: IsoDate | null;
  due: IsoDate | null;
}

export interface MilestoneMove extends DateMove {
  id: string;
  name: string;
  /** The milestone's own `due` changed. */
  due?: { from: IsoDate | null; to: IsoDate | null };
}

export interface TaskRef {
  id: string;
  name: string;
  status: Task['status'];
  start: IsoDate | null;
  end: IsoDate | null;
  days: number | null;
}

export interface TaskReplan extends DateMove {
  id: string;
  name: string;
  /** Plan fields that changed in the record: start, end, days, depends_on, milestone. */
  fields: string[];
  fromStart: IsoDate | null;
  toStart: IsoDate | null;
  fromDays: number | null;
  toDays: number | null;
}

export interface TaskShift extends DateMove {
  id: string;
  name: string;
}

export interface TaskStatusMove {
  id: string;
  name: string;
  from: Task['status'];
  to: Task['status'];
}

export interface PlanDiff {
  /** The computed project end moved (or appeared / disappeared). */
  projectEnd?: DateMove;
  /** The agreed due date in deliver.yaml changed. */
  due?: DateMove;
  milestones: { added: MilestoneRef[]; removed: MilestoneRef[]; moved: MilestoneMove[] };
  criticalPath?: { from: string[]; to: string[] };
  tasks: { added: TaskRef[]; removed: TaskRef[]; replanned: TaskReplan[]; shifted: TaskShift[]; status: TaskStatusMove[] };
}

const PLAN_FIELDS = ['start', 'end', 'days', 'depends_on', 'milestone', 'remaining'] as const;
const PROGRESS_FIELDS = ['status', 'actual_start', 'actual_end'] as const;

/** to − from in working days; null when either is missing or the calendar cannot count it. */
function workingDelta(cal: WorkCalendar, from: IsoDate | null | undefined, to: IsoDate | null | undefined): number | null {
  if (!from || !to || !isIsoDate(from) || !isIsoDate(to)) return null;
  try {
    return cal.workingDaysBetween(toDay(from), toDay(to));
  } catch {
    return null; // a date centuries away: shown without a count
  }
}

function move(cal: WorkCalendar, from: IsoDate | null | undefined, to: IsoDate | null | undefined): DateMove | undefined {
  const f = from ?? null,
    t = to ?? null;
  return f === t ? undefined : { from: f, to: t, workingDays: workingDelta(cal, f, t) };
}

/**
 * The cause of each item's movement between two schedules, memoised: an item that moved by itself
 * (its own record changed) is its own cause; otherwise the cause of its driving predecessor (the one
 * that moved and ends last on the head side).
 */
function causes(base: DiffSide, head: DiffSide): (id: string) => MoveCause | undefined {
  const sa = base.schedule,
    sb = head.schedule;
  // Made on the first question: a diff in which nothing moved asks none.
  let known: {
    ta: Map<string, Task>;
    tb: Map<string, Task>;
    ma: Map<string, Milestone>;
    mb: Map<string, Milestone>;
    applied: Map<string, string>;
  };
  const records = () => {
    if (known) return known;
    const applied = new Map<string, string>();
    const slipsBefore = byId<Change>(base.project.changes);
    for (const c of head.project.changes) {
      const before = slipsBefore.get(c.data.id);
      if (c.data.status === 'applied' && before?.status !== 'applied')
        for (const id of [...(c.data.tasks ?? []), ...(c.data.applied?.moves ?? []).map((m) => m.id)]) applied.set(id, c.data.id);
    }
    known = {
      ta: byId<Task>(base.project.tasks),
      tb: byId<Task>(head.project.tasks),
      ma: byId<Milestone>(base.project.milestones),
      mb: byId<Milestone>(head.project.milestones),
      applied,
    };
    return known;
  };
  const own = (id: string): MoveCause | undefined => {
    const { ta, tb, ma, mb, applied } = records();
    const slip = applied.get(id);
    if (slip !== undefined) return { kind: 'change', id, change: slip };
    const x = ta.get(id),
      y = tb.get(id);
    if (x && y) {
      if (PROGRESS_FIELDS.some((f) => !sameJson(x[f], y[f]))) return { kind: 'progress', id };
      if (PLAN_FIELDS.some((f) => !sameJson(x[f], y[f]))) return { kind: 'replan', id };
      return undefined;
    }
    if (!x && y) return { kind: 'added', id };
    const m = ma.get(id),
      n = mb.get(id);
    if (m && n) {
      if (!sameJson(m.done, n.done)) return { kind: 'progress', id };
      if (!sameJson(m.due, n.due) || !sameJson(m.fixed, n.fixed) || !sameJson(m.depends_on, n.depends_on)) return { kind: 'replan', id };
    }
    return undefined;
  };
  const memo = new Map<string, MoveCause | null>();
  const moved = (id: string) => sa.items.get(id)?.end !== sb.items.get(id)?.end;
  const of = (id: string): MoveCause | undefined => {
    const hit = memo.get(id);
    if (hit !== undefined) return hit ?? undefined;
    memo.set(id, null); // a cycle ends here
    let found = own(id);
    if (!found) {
      const it = sb.items.get(id);
      const preds = it ? [...it.dependsOn, ...(it.waitsFor ?? [])] : [];
      // A predecessor that disappeared still drove the move: removed work moves its successors.
      const gone = (records().ta.get(id)?.depends_on ?? []).filter((p) => !sb.items.has(p) && sa.items.has(p));
      let driver: string | undefined;
      for (const p of preds) if (moved(p) && (driver === undefined || sb.items.get(p)!.end > sb.items.get(driver)!.end)) driver = p;
      found = driver !== undefined ? of(driver) : gone.length ? { kind: 'removed', id: gone[0]! } : undefined;
    }
    memo.set(id, found ?? null);
    return found;
  };
  return of;
}

/** The item whose end is the project end (the latest; the first in schedule order on a tie). */
function lastItem(s: DiffSide['schedule']): string | undefined {
  let best: string | undefined;
  for (const id of s.order) if (best === undefined || s.items.get(id)!.end > s.items.get(best)!.end) best = id;
  return best;
}

export function diffPlan(base: DiffSide, head: DiffSide, cal: WorkCalendar): PlanDiff {
  const sa = base.schedule,
    sb = head.schedule;
  const out: PlanDiff = {
    milestones: { added: [], removed: [], moved: [] },
    tasks: { added: [], removed: [], replanned: [], shifted: [], status: [] },
  };
  const causeOf = base.exists && head.exists ? causes(base, head) : () => undefined;
  const withCause = <T extends DateMove>(m: T, id: string | undefined): T => {
    const c = id !== undefined ? causeOf(id) : undefined;
    return c ? { ...m, cause: c } : m;
  };
  const end = move(cal, base.exists ? sa.projectEnd : null, head.exists ? sb.projectEnd : null);
  if (end) out.projectEnd = withCause(end, lastItem(sb));
  const due = move(cal, projectDue(base.project), projectDue(head.project));
  if (due) out.due = due;

  const itemA = (id: string): ScheduledItem | undefined => sa.items.get(id);
  const itemB = (id: string): ScheduledItem | undefined => sb.items.get(id);

  const ma = byId<Milestone>(base.project.milestones),
    mb = byId<Milestone>(head.project.milestones);
  const msRef = (m: Milestone, it: ScheduledItem | undefined): MilestoneRef => ({
    id: m.id,
    name: m.name,
    date: it?.end ?? null,
    due: m.due ?? null,
  });
  for (const id of sortedKeys(ma, mb)) {
    const x = ma.get(id),
      y = mb.get(id);
    if (!x) out.milestones.added.push(msRef(y!, itemB(id)));
    else if (!y) out.milestones.removed.push(msRef(x, itemA(id)));
    else {
      const mv = move(cal, itemA(id)?.end, itemB(id)?.end);
      const m = mv ? withCause(mv, id) : undefined;
      const dueChanged = (x.due ?? null) !== (y.due ?? null);
      if (m || dueChanged) {
        out.milestones.moved.push({
          id,
          name: y.name,
          ...(m ?? { from: itemA(id)?.end ?? null, to: itemB(id)?.end ?? null, workingDays: 0 }),
          ...(dueChanged ? { due: { from: x.due ?? null, to: y.due ?? null } } : {}),
        });
      }
    }
  }

  if (!sameJson(sa.criticalPath, sb.criticalPath) && (sa.criticalPath.length || sb.criticalPath.length)) {
    out.criticalPath = { from: [...sa.criticalPath], to: [...sb.criticalPath] };
  }

  const ta = byId<Task>(base.project.tasks),
    tb = byId<Task>(head.project.tasks);
  const taskRef = (t: Task, it: ScheduledItem | undefined): TaskRef => ({
    id: t.id,
    name: t.name,
    status: t.status,
    start: it?.start ?? null,
    end: it?.end ?? null,
    days: it ? it.days : null,
  });
  // A task that is the same record with the same scheduled item on both sides (a plan.yaml unchanged
  // between them is read once, and its schedule computed once) has nothing to report.
  const differ: string[] = [];
  for (const [id, x] of ta) if (tb.get(id) !== x || itemA(id) !== itemB(id)) differ.push(id);
  for (const id of tb.keys()) if (!ta.has(id)) differ.push(id);
  for (const id of sortIds(differ)) {
    const x = ta.get(id),
      y = tb.get(id);
    if (!x) {
      out.tasks.added.push(taskRef(y!, itemB(id)));
      continue;
    }
    if (!y) {
      out.tasks.removed.push(taskRef(x, itemA(id)));
      continue;
    }
    const a = itemA(id),
      b = itemB(id);
    if (x.status !== y.status) out.tasks.status.push({ id, name: y.name, from: x.status, to: y.status });
    const fields = x === y ? [] : PLAN_FIELDS.filter((f) => !sameJson(x[f], y[f]));
    const endMove = move(cal, a?.end, b?.end);
    if (fields.length) {
      out.tasks.replanned.push({
        id,
        name: y.name,
        fields: [...fields],
        ...(endMove ?? { from: a?.end ?? null, to: b?.end ?? null, workingDays: 0 }),
        fromStart: a?.start ?? null,
        toStart: b?.start ?? null,
        fromDays: a ? a.days : null,
        toDays: b ? b.days : null,
      });
    } else if (endMove) {
      out.tasks.shifted.push({ id, name: y.name, ...withCause(endMove, id) });
    }
  }
  return out;
}
