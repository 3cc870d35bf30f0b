// Change slips (pure): the approval state machine and what applying an approved slip does to the plan —
// the touched tasks and everything depending on them move by the slip's schedule impact in working days.
import type { WorkCalendar } from './calendar.js';
import { fromDay, toDay, type IsoDate } from './dates.js';
import type { Change, Milestone, Task } from './model.js';
import type { ScheduleProblem } from './schedule.js';
import { markReachable, successorRanges } from './graph.js';
import { followers, rescheduleDates, scheduleDates, type ScheduledDates } from './schedule-forward.js';

export const CHANGE_STATUSES = ['submitted', 'approved', 'rejected', 'applied', 'withdrawn'] as const;
export const APPROVAL_SIDES = ['customer', 'internal'] as const;
export type ChangeStatus = Change['status'];
export type ApprovalSide = (typeof APPROVAL_SIDES)[number];

export type ApprovalRefusal =
  | { kind: 'not_open'; status: ChangeStatus }
  | { kind: 'already_signed'; by: string; date: IsoDate }
  | { kind: 'before_submitted'; submitted: IsoDate };

/** Why `side` may not sign now (undefined: it may). A slip is open for signatures only while submitted. */
export function approvalRefusal(
  c: Pick<Change, 'status' | 'approvals' | 'submitted'>,
  side: ApprovalSide,
  date: IsoDate,
): ApprovalRefusal | undefined {
  if (c.status !== 'submitted') return { kind: 'not_open', status: c.status };
  const signed = c.approvals?.[side];
  if (signed) return { kind: 'already_signed', by: signed.by, date: signed.date };
  if (date < c.submitted) return { kind: 'before_submitted', submitted: c.submitted };
  return undefined;
}

/** Status after `side` signs: approved once both sides have signed, else still submitted. */
export function statusAfterApproval(c: Pick<Change, 'approvals'>, side: ApprovalSide): ChangeStatus {
  const other: ApprovalSide = side === 'customer' ? 'internal' : 'customer';
  return c.approvals?.[other] ? 'approved' : 'submitted';
}

/** Rejection and withdrawal are possible until the slip has been applied or otherwise decided. */
export function canRejectOrWithdraw(c: Pick<Change, 'status'>): boolean {
  return c.status === 'submitted' || c.status === 'approved';
}

export type ApplyRefusal = { kind: 'already_applied'; date: IsoDate } | { kind: 'not_approved'; status: ChangeStatus };

export function applyRefusal(c: Pick<Change, 'status' | 'applied'>): ApplyRefusal | undefined {
  if (c.applied || c.status === 'applied') return { kind: 'already_applied', date: c.applied?.date ?? '?' };
  if (c.status !== 'approved') return { kind: 'not_approved', status: c.status };
  return undefined;
}

// ---- applying a slip to the plan ----

export interface ApplyInput {
  slip: Pick<Change, 'tasks' | 'schedule_days'>;
  tasks: readonly Task[];
  milestones: readonly Milestone[];
  /** Project start and due (deliver.yaml), the report date and the project's working-day calendar. */
  start: IsoDate;
  due?: IsoDate;
  asOf: IsoDate;
  calendar: WorkCalendar;
  /** Schedule the whole plan before the move, not only the part it concerns (the tests compare both). */
  whole?: boolean;
}

export interface TaskMove {
  id: string;
  from_start: IsoDate;
  from_end: IsoDate;
  to_start: IsoDate;
  to_end: IsoDate;
}
/** A plan field to write: the value of `field` of task `id` becomes `value`. */
export interface TaskFieldSet {
  id: string;
  field: 'start' | 'end' | 'days';
  value: IsoDate | number;
}

export type ApplyProblem =
  | { kind: 'unknown_task'; id: string }
  /** The task could not be scheduled (cycle, unknown reference, absurd date): moving it is meaningless. */
  | { kind: 'unscheduled'; id: string; problem?: ScheduleProblem };

export interface ApplyPlan {
  sets: TaskFieldSet[];
  moves: TaskMove[];
  /** Tasks that could not move the full distance (e.g. pulled in against a predecessor that stays). */
  shortfall: string[];
  /** Ids moved or meant to move: the touched tasks and their dependants (tasks and milestones). */
  affected: string[];
}

/**
 * The part of the plan that decides where the touched tasks and everything after them land: what
 * follows `roots` (through depends_on, and from a task to the milestone it names), and everything
 * those wait for, transitively. Nothing outside it is a predecessor of anything inside, so a
 * schedule of this part alone gives its items the dates, and the relative order, that a schedule of
 * the whole plan gives them, whenever the part schedules without problems (no cycle, unknown
 * reference or unusable date in it). Undefined when an id repeats, or when the part is the whole plan.
 */
export function planAround(
  roots: readonly string[],
  tasks: readonly Task[],
  milestones: readonly Milestone[],
): { tasks: Task[]; milestones: Milestone[] } | undefined {
  // Tasks are nodes 0 … nT-1, milestones the rest, in input order.
  const nT = tasks.length;
  const n = nT + milestones.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = i < nT ? tasks[i]!.id : milestones[i - nT]!.id;
    if (index.has(id)) return undefined;
    index.set(id, i);
  }
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = i < nT ? tasks[i] : undefined;
    const deps = (t ?? milestones[i - nT]!).depends_on;
    if (deps)
      for (let e = 0; e < deps.length; e++) {
        const j = index.get(deps[e]!);
        if (j === undefined) continue; // unknown: the schedule of the part names it, and the whole is scheduled
        from.push(j);
        to.push(i);
      }
    // The milestone a task names waits for it.
    const m = t?.milestone !== undefined ? index.get(t.milestone) : undefined;
    if (m !== undefined && m >= nT) {
      from.push(i);
      to.push(m);
    }
  }
  const inPart = new Uint8Array(n);
  const queue: number[] = [];
  for (const r of roots) {
    const i = index.get(r);
    if (i !== undefined) queue.push(i);
  }
  // What follows the roots, then everything those wait for, transitively.
  markReachable(successorRanges(n, from, to), queue, inPart);
  markReachable(successorRanges(n, to, from), queue, inPart);
  if (queue.length >= n) return undefined;
  return { tasks: tasks.filter((_, i) => inPart[i] === 1), milestones: milestones.filter((_, k) => inPart[nT + k] === 1) };
}

/**
 * Computes the plan edits that move the affected tasks by `schedule_days` working days.
 *
 * A task's computed start is "not earlier than its `start`" and "the working day after its latest
 * predecessor", so shifting it means: pin `start` to the shifted computed start where the shift does
 * not follow on its own from a moved predecessor; keep `days`; shift `end` with the start so an
 * end-based duration is unchanged. Started tasks keep their actual start and end later instead (their
 * duration grows). Done tasks stay. The result is checked by scheduling the edited plan again: every
 * affected task that is not done ends up exactly `n` working days later, unless something that does
 * not move holds it (reported as a shortfall).
 */
export function planApply(input: ApplyInput): { plan: ApplyPlan } | { problems: ApplyProblem[] } {
  const n = input.slip.schedule_days ?? 0;
  const roots = input.slip.tasks ?? [];
  const byId = new Map(input.tasks.map((t) => [t.id, t]));
  const unknown = roots.filter((id) => !byId.has(id)).map((id): ApplyProblem => ({ kind: 'unknown_task', id }));
  if (unknown.length) return { problems: unknown };
  // Dates alone: where things are before and after, no late dates or critical path.
  const run = (tasks: readonly Task[], milestones = input.milestones): ScheduledDates =>
    scheduleDates({
      start: input.start,
      ...(input.due ? { due: input.due } : {}),
      asOf: input.asOf,
      tasks,
      milestones,
      calendar: input.calendar,
    });
  // Only the part of the plan the move concerns is scheduled when that part schedules cleanly;
  // anything else (a cycle, an unknown reference) is named as a schedule of the whole plan names it.
  const around = input.whole ? undefined : planAround(roots, input.tasks, input.milestones);
  let before = around ? run(around.tasks, around.milestones) : run(input.tasks);
  if (around && before.problems.length) before = run(input.tasks);
  // What follows the touched tasks in the graph just scheduled: the same edges the slip moves along.
  const affected = followers(before, roots)!;
  const unscheduled = [...affected]
    .filter((id) => !before.items.has(id))
    .map(
      (id): ApplyProblem => ({
        kind: 'unscheduled',
        id,
        problem:
          before.problems.find((p) => 'id' in p && p.id === id) ?? before.problems.find((p) => p.kind === 'cycle' && p.ids.includes(id)),
      }),
    );
  if (unscheduled.length) return { problems: unscheduled };
  const affectedOrder = before.order.filter((id) => affected.has(id));
  if (n === 0) return { plan: { sets: [], moves: [], shortfall: [], affected: affectedOrder } };

  const cal = input.calendar;
  const shift = (iso: IsoDate) => fromDay(cal.addWorkingDays(cal.nextWorkingDay(toDay(iso)), n));
  const movable = affectedOrder.filter((id) => byId.get(id)?.status !== undefined && byId.get(id)!.status !== 'done');
  const started = (t: Task) => t.actual_start !== undefined;
  const target = new Map<string, { start: IsoDate; end: IsoDate }>();
  for (const id of movable) {
    const it = before.items.get(id)!;
    target.set(id, { start: started(byId.get(id)!) ? it.start : shift(it.start), end: shift(it.end) });
  }

  const fields = new Map<string, { start?: IsoDate; end?: IsoDate; days?: number }>();
  const set = <K extends 'start' | 'end' | 'days'>(id: string, field: K, value: { start: IsoDate; end: IsoDate; days: number }[K]) =>
    fields.set(id, { ...fields.get(id), [field]: value });
  for (const id of movable) {
    const t = byId.get(id)!;
    const goal = target.get(id)!;
    if (started(t)) {
      // The actual start is a fact: the work now takes n working days more (or fewer).
      if (t.days !== undefined || t.end === undefined) set(id, 'days', Math.max(1, Math.max(1, before.items.get(id)!.days) + n));
      else set(id, 'end', goal.end);
      continue;
    }
    const predMoves = (t.depends_on ?? []).some((d) => affected.has(d));
    if (t.start !== undefined || !predMoves) set(id, 'start', goal.start);
    if (t.end !== undefined) set(id, 'end', t.days === undefined ? goal.end : shift(t.end));
  }

  const edited = () => input.tasks.map((t) => (fields.has(t.id) ? { ...t, ...fields.get(t.id) } : t));
  // Only the moved tasks and what follows them are scheduled again (rescheduleDates); a plan with a
  // repeated task id is scheduled whole, as it names which record the dates belong to.
  const datesAfter = (): ReadonlyMap<string, { start: IsoDate; end: IsoDate }> => {
    const changed = new Map([...fields].map(([id, f]) => [id, { ...byId.get(id)!, ...f }]));
    return (byId.size === input.tasks.length ? rescheduleDates(before, changed) : undefined) ?? run(edited()).items;
  };
  let after = datesAfter();
  // Where the shift did not follow from a moved predecessor (a predecessor that stays drives the
  // task, or a milestone held by its own date), pin the start. Each round fixes at least the first
  // task off target in dependency order, so this ends within |movable| rounds.
  for (let round = 0; round <= movable.length; round++) {
    const off = movable.find(
      (id) => !started(byId.get(id)!) && after.get(id)?.start !== target.get(id)!.start && fields.get(id)?.start !== target.get(id)!.start,
    );
    if (off === undefined) break;
    set(off, 'start', target.get(off)!.start);
    const t = byId.get(off)!;
    if (t.end !== undefined && t.days === undefined) set(off, 'end', target.get(off)!.end);
    after = datesAfter();
  }

  const moves: TaskMove[] = [];
  const shortfall: string[] = [];
  for (const id of movable) {
    const a = before.items.get(id)!;
    const b = after.get(id);
    if (!b) throw new Error(`applying the slip left ${id} unscheduled`);
    if (b.start !== target.get(id)!.start || b.end !== target.get(id)!.end) shortfall.push(id);
    if (a.start !== b.start || a.end !== b.end) moves.push({ id, from_start: a.start, from_end: a.end, to_start: b.start, to_end: b.end });
  }
  for (const [id, it] of before.items) {
    const b = after.get(id);
    if (!affected.has(id) && (!b || b.start !== it.start || b.end !== it.end))
      throw new Error(`applying the slip moved ${id}, which does not depend on it`);
  }
  const sets: TaskFieldSet[] = [];
  for (const id of movable) {
    const t = byId.get(id)! as Record<string, unknown>;
    for (const [field, value] of Object.entries(fields.get(id) ?? {})) {
      if (t[field] !== value) sets.push({ id, field: field as TaskFieldSet['field'], value: value! });
    }
  }
  return { plan: { sets, moves, shortfall, affected: affectedOrder } };
}
