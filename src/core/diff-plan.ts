// The schedule side of a project diff (pure): project end and milestone movement in working days,
// critical path changes, tasks added, removed, re-planned (their plan fields changed) or shifted
// (moved only because something they depend on moved), and task status moves.
import type { WorkCalendar } from './calendar.js';
import { isIsoDate, toDay, type IsoDate } from './dates.js';
import { byId, sameJson, sortedKeys } from './diff-records.js';
import type { DiffSide } from './diff.js';
import type { Milestone, Task } from './model.js';
import { projectDue } from './rules/schedule.js';
import type { ScheduledItem } from './schedule.js';

/** A date that changed; `workingDays` (to − from in the calendar) when both ends are known. */
export interface DateMove {
  from: IsoDate | null;
  to: IsoDate | null;
  workingDays: number | null;
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

const PLAN_FIELDS = ['start', 'end', 'days', 'depends_on', 'milestone'] as const;

/** to − from in working days; null when either is missing or the calendar cannot count it. */
export function workingDelta(cal: WorkCalendar, from: IsoDate | null | undefined, to: IsoDate | null | undefined): number | null {
  if (!from || !to || !isIsoDate(from) || !isIsoDate(to)) return null;
  try {
    return cal.workingDaysBetween(toDay(from), toDay(to));
  } catch {
    return null; // a date centuries away: shown without a count
  }
}

function move(cal: WorkCalendar, from: IsoDate | null | undefined, to: IsoDate | null | undefined): DateMove | undefined {
  const f = from ?? null, t = to ?? null;
  return f === t ? undefined : { from: f, to: t, workingDays: workingDelta(cal, f, t) };
}

export function diffPlan(base: DiffSide, head: DiffSide, cal: WorkCalendar): PlanDiff {
  const sa = base.schedule, sb = head.schedule;
  const out: PlanDiff = { milestones: { added: [], removed: [], moved: [] }, tasks: { added: [], removed: [], replanned: [], shifted: [], status: [] } };
  const end = move(cal, base.exists ? sa.projectEnd : null, head.exists ? sb.projectEnd : null);
  if (end) out.projectEnd = end;
  const due = move(cal, projectDue(base.project), projectDue(head.project));
  if (due) out.due = due;

  const itemA = (id: string): ScheduledItem | undefined => sa.items.get(id);
  const itemB = (id: string): ScheduledItem | undefined => sb.items.get(id);

  const ma = byId<Milestone>(base.project.milestones), mb = byId<Milestone>(head.project.milestones);
  const msRef = (m: Milestone, it: ScheduledItem | undefined): MilestoneRef => ({ id: m.id, name: m.name, date: it?.end ?? null, due: m.due ?? null });
  for (const id of sortedKeys(ma, mb)) {
    const x = ma.get(id), y = mb.get(id);
    if (!x) out.milestones.added.push(msRef(y!, itemB(id)));
    else if (!y) out.milestones.removed.push(msRef(x, itemA(id)));
    else {
      const m = move(cal, itemA(id)?.end, itemB(id)?.end);
      const dueChanged = (x.due ?? null) !== (y.due ?? null);
      if (m || dueChanged) {
        out.milestones.moved.push({
          id, name: y.name, ...(m ?? { from: itemA(id)?.end ?? null, to: itemB(id)?.end ?? null, workingDays: 0 }),
          ...(dueChanged ? { due: { from: x.due ?? null, to: y.due ?? null } } : {}),
        });
      }
    }
  }

  if (!sameJson(sa.criticalPath, sb.criticalPath) && (sa.criticalPath.length || sb.criticalPath.length)) {
    out.criticalPath = { from: [...sa.criticalPath], to: [...sb.criticalPath] };
  }

  const ta = byId<Task>(base.project.tasks), tb = byId<Task>(head.project.tasks);
  const taskRef = (t: Task, it: ScheduledItem | undefined): TaskRef => ({ id: t.id, name: t.name, status: t.status, start: it?.start ?? null, end: it?.end ?? null, days: it ? it.days : null });
  for (const id of sortedKeys(ta, tb)) {
    const x = ta.get(id), y = tb.get(id);
    if (!x) { out.tasks.added.push(taskRef(y!, itemB(id))); continue; }
    if (!y) { out.tasks.removed.push(taskRef(x, itemA(id))); continue; }
    const a = itemA(id), b = itemB(id);
    if (x.status !== y.status) out.tasks.status.push({ id, name: y.name, from: x.status, to: y.status });
    const fields = x === y ? [] : PLAN_FIELDS.filter((f) => !sameJson(x[f], y[f]));
    const endMove = move(cal, a?.end, b?.end);
    if (fields.length) {
      out.tasks.replanned.push({
        id, name: y.name, fields: [...fields],
        ...(endMove ?? { from: a?.end ?? null, to: b?.end ?? null, workingDays: 0 }),
        fromStart: a?.start ?? null, toStart: b?.start ?? null, fromDays: a ? a.days : null, toDays: b ? b.days : null,
      });
    } else if (endMove) {
      out.tasks.shifted.push({ id, name: y.name, ...endMove });
    }
  }
  return out;
}
