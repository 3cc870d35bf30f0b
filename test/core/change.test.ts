// Tests for change slips: the approval state machine and applying a slip to the plan, hand-computed on the cn calendar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../src/core/calendar.js';
import { fromDay, toDay } from '../../src/core/dates.js';
import {
  applyRefusal,
  approvalRefusal,
  canRejectOrWithdraw,
  planAround,
  planApply,
  statusAfterApproval,
  type ApplyInput,
} from '../../src/core/change.js';
import type { Change, Milestone, Task } from '../../src/core/model.js';
import { schedule } from '../../src/core/schedule.js';
import { scheduleDates } from '../../src/core/schedule-forward.js';

const cn = makeCalendar({ base: 'cn' });
const task = (id: string, extra: Partial<Task> = {}): Task => ({ id, name: `Task ${id}`, status: 'todo', ...extra });
const slip = (extra: Partial<Change> = {}): Change => ({
  id: 'CR-001',
  title: 'x',
  reason: 'y',
  submitted: '2026-09-01',
  status: 'submitted',
  ...extra,
});

describe('approvals', () => {
  it('becomes approved only when both sides have signed', () => {
    const s = slip();
    expect(approvalRefusal(s, 'customer', '2026-09-02')).toBeUndefined();
    expect(statusAfterApproval(s, 'customer')).toBe('submitted');
    const half = slip({ approvals: { customer: { by: 'Li', date: '2026-09-02' } } });
    expect(statusAfterApproval(half, 'internal')).toBe('approved');
  });
  it('refuses a second signature of the same side, signing a decided slip, and a date before submission', () => {
    const half = slip({ approvals: { customer: { by: 'Li', date: '2026-09-02' } } });
    expect(approvalRefusal(half, 'customer', '2026-09-03')).toEqual({ kind: 'already_signed', by: 'Li', date: '2026-09-02' });
    expect(approvalRefusal(slip({ status: 'rejected' }), 'internal', '2026-09-03')).toEqual({ kind: 'not_open', status: 'rejected' });
    expect(approvalRefusal(slip(), 'internal', '2026-08-31')).toEqual({ kind: 'before_submitted', submitted: '2026-09-01' });
  });
  it('applies only an approved slip, and only once', () => {
    expect(applyRefusal(slip())).toEqual({ kind: 'not_approved', status: 'submitted' });
    expect(applyRefusal(slip({ status: 'approved' }))).toBeUndefined();
    expect(applyRefusal(slip({ status: 'applied', applied: { date: '2026-09-05', moves: [] } }))).toEqual({
      kind: 'already_applied',
      date: '2026-09-05',
    });
    expect(canRejectOrWithdraw(slip({ status: 'approved' }))).toBe(true);
    expect(canRejectOrWithdraw(slip({ status: 'applied' }))).toBe(false);
  });
});

describe('what a slip moves along', () => {
  const ms = (id: string, extra: Partial<Milestone> = {}): Milestone => ({ id, name: id, ...extra });
  const affectedBy = (tasks: Task[], milestones: Milestone[], roots: string[]) => {
    const r = planApply({ ...input(tasks, {}, milestones), slip: { tasks: roots, schedule_days: 2 } });
    if (!('plan' in r)) throw new Error(JSON.stringify(r.problems));
    return [...r.plan.affected].sort();
  };

  it('follows depends_on through tasks and milestones, transitively', () => {
    const tasks = [task('A', { days: 1 }), task('B', { depends_on: ['A'] }), task('C', { depends_on: ['M'] }), task('D')];
    expect(affectedBy(tasks, [ms('M', { depends_on: ['B'] })], ['A'])).toEqual(['A', 'B', 'C', 'M']);
  });

  it('follows a task to the milestone it names, which waits for it without listing it', () => {
    // Before, the milestone moved with the task while the slip did not count it as affected:
    // `change apply` stopped with an internal error ("moved M, which does not depend on it").
    const tasks = [task('A', { start: '2026-09-28', days: 2, milestone: 'M' }), task('C', { depends_on: ['M'] }), task('D')];
    const milestones = [ms('M', { due: '2026-09-01' })];
    expect(affectedBy(tasks, milestones, ['A'])).toEqual(['A', 'C', 'M']);
    const r = planApply({ ...input(tasks, {}, milestones), slip: { tasks: ['A'], schedule_days: 2 } });
    if (!('plan' in r)) throw new Error('problems');
    expect(r.plan.moves.map((m) => m.id)).toEqual(['A', 'C']);
  });

  it('does not follow a named milestone the task itself depends on (the scheduler drops that edge)', () => {
    // A names M and depends on it: waiting for A would close a cycle, so M does not wait for A
    // and C, after M, stays where it is.
    const tasks = [task('A', { depends_on: ['M'], milestone: 'M', days: 1 }), task('C', { depends_on: ['M'], days: 1 })];
    const milestones = [ms('M', { due: '2026-09-07' })];
    expect(affectedBy(tasks, milestones, ['A'])).toEqual(['A']);
  });
});

const input = (tasks: Task[], extra: Partial<ApplyInput> = {}, milestones: Milestone[] = []): ApplyInput => ({
  slip: { tasks: ['T-001'], schedule_days: 3 },
  tasks,
  milestones,
  start: '2026-09-01',
  asOf: '2026-09-01',
  calendar: cn,
  ...extra,
});
const edited = (tasks: Task[], sets: { id: string; field: string; value: unknown }[]): Task[] =>
  tasks.map((t) => Object.assign({ ...t }, ...sets.filter((s) => s.id === t.id).map((s) => ({ [s.field]: s.value }))));
const dates = (tasks: Task[], milestones: Milestone[] = []) => {
  const s = schedule({ start: '2026-09-01', asOf: '2026-09-01', tasks, milestones, calendar: cn });
  return Object.fromEntries([...s.items].map(([id, it]) => [id, [it.start, it.end]]));
};

describe('planApply across National Day 2026 (cn calendar)', () => {
  // 2026 notice (src/core/calendars/cn.ts): 09-25..27 Mid-Autumn and 10-01..07 National Day off;
  // Sun 09-20 and Sat 10-10 are make-up working days; Sun 10-11 is off.
  // Before: T-001 starts Mon 09-28 for 3 days: 09-28, 09-29, 09-30.
  //         T-002 (after T-001, 2 days): 10-01..07 off → Thu 10-08, Fri 10-09.
  //         T-003 (after T-002, 2 days): Sat 10-10 (make-up), Mon 10-12.
  //         M-001 sits on T-003's end, 10-12; T-005 (after M-001, 1 day) is Tue 10-13.
  //         T-004 has no dependency on the chain: 09-28 for 1 day, it must not move.
  // Move by 3 working days:
  //   T-001 start 09-28 → 09-29 (1), 09-30 (2), 10-08 (3) = Thu 10-08; 3 days 10-08, 10-09, Sat 10-10.
  //   T-002 start 10-08 → 10-09, 10-10, 10-12 = Mon 10-12; end 10-09 → 10-10, 10-12, 10-13 = Tue 10-13.
  //   T-003 start 10-10 → 10-12, 10-13, 10-14 = Wed 10-14; end 10-12 → Thu 10-15.
  //   M-001 10-12 → 10-15; T-005 10-13 → Fri 10-16.
  const chain = [
    task('T-001', { start: '2026-09-28', days: 3 }),
    task('T-002', { depends_on: ['T-001'], days: 2 }),
    task('T-003', { depends_on: ['T-002'], days: 2 }),
    task('T-004', { start: '2026-09-28', days: 1 }),
    task('T-005', { depends_on: ['M-001'], days: 1 }),
  ];
  const milestones: Milestone[] = [{ id: 'M-001', name: 'Ready', depends_on: ['T-003'] }];

  it('matches the hand-computed dates before the move', () => {
    expect(dates(chain, milestones)).toMatchObject({
      'T-001': ['2026-09-28', '2026-09-30'],
      'T-002': ['2026-10-08', '2026-10-09'],
      'T-003': ['2026-10-10', '2026-10-12'],
      'M-001': ['2026-10-12', '2026-10-12'],
      'T-005': ['2026-10-13', '2026-10-13'],
    });
  });

  it('moves the chain by 3 working days and leaves the rest alone', () => {
    const r = planApply(input(chain, {}, milestones));
    if (!('plan' in r)) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.moves).toEqual([
      { id: 'T-001', from_start: '2026-09-28', from_end: '2026-09-30', to_start: '2026-10-08', to_end: '2026-10-10' },
      { id: 'T-002', from_start: '2026-10-08', from_end: '2026-10-09', to_start: '2026-10-12', to_end: '2026-10-13' },
      { id: 'T-003', from_start: '2026-10-10', from_end: '2026-10-12', to_start: '2026-10-14', to_end: '2026-10-15' },
      { id: 'T-005', from_start: '2026-10-13', from_end: '2026-10-13', to_start: '2026-10-16', to_end: '2026-10-16' },
    ]);
    // Only the explicit start moves; the successors follow through their dependencies; days stay.
    expect(r.plan.sets).toEqual([{ id: 'T-001', field: 'start', value: '2026-10-08' }]);
    expect(r.plan.shortfall).toEqual([]);
    const after = dates(edited(chain, r.plan.sets), milestones);
    expect(after).toMatchObject({
      'T-003': ['2026-10-14', '2026-10-15'],
      'M-001': ['2026-10-15', '2026-10-15'],
      'T-004': ['2026-09-28', '2026-09-28'],
    });
  });

  it('pins a start where a predecessor that does not move would hold the task', () => {
    // T-002 touched directly; T-001 stays. T-002 has no start: it gets one at its shifted start.
    const r = planApply(input(chain, { slip: { tasks: ['T-002'], schedule_days: 3 } }, milestones));
    if (!('plan' in r)) throw new Error('problems');
    expect(r.plan.sets).toEqual([{ id: 'T-002', field: 'start', value: '2026-10-12' }]);
    expect(dates(edited(chain, r.plan.sets), milestones)).toMatchObject({
      'T-001': ['2026-09-28', '2026-09-30'],
      'T-002': ['2026-10-12', '2026-10-13'],
      'T-003': ['2026-10-14', '2026-10-15'],
    });
  });

  it('keeps an end-based duration by moving the end with the start', () => {
    // T-001 09-28..09-30 given by start/end (3 working days): moved to 10-08..10-10.
    const tasks = [task('T-001', { start: '2026-09-28', end: '2026-09-30' }), task('T-002', { depends_on: ['T-001'], days: 2 })];
    const r = planApply(input(tasks));
    if (!('plan' in r)) throw new Error('problems');
    expect(r.plan.sets).toEqual([
      { id: 'T-001', field: 'start', value: '2026-10-08' },
      { id: 'T-001', field: 'end', value: '2026-10-10' },
    ]);
    expect(dates(edited(tasks, r.plan.sets))).toMatchObject({
      'T-001': ['2026-10-08', '2026-10-10'],
      'T-002': ['2026-10-12', '2026-10-13'],
    });
  });

  it('does not move done tasks, but moves what depends on them', () => {
    const tasks = [
      task('T-001', { start: '2026-09-28', days: 3, status: 'done', actual_start: '2026-09-28', actual_end: '2026-09-30' }),
      task('T-002', { depends_on: ['T-001'], days: 2 }),
    ];
    const r = planApply(input(tasks));
    if (!('plan' in r)) throw new Error('problems');
    expect(r.plan.moves.map((m) => m.id)).toEqual(['T-002']);
    expect(r.plan.sets).toEqual([{ id: 'T-002', field: 'start', value: '2026-10-12' }]);
  });

  it('lengthens a started task instead of moving its actual start', () => {
    const tasks = [
      task('T-001', { start: '2026-09-28', days: 3, status: 'in_progress', actual_start: '2026-09-28' }),
      task('T-002', { depends_on: ['T-001'], days: 2 }),
    ];
    const r = planApply(input(tasks));
    if (!('plan' in r)) throw new Error('problems');
    expect(r.plan.sets).toEqual([{ id: 'T-001', field: 'days', value: 6 }]);
    expect(r.plan.moves[0]).toEqual({
      id: 'T-001',
      from_start: '2026-09-28',
      from_end: '2026-09-30',
      to_start: '2026-09-28',
      to_end: '2026-10-10',
    });
  });

  it('pulls work in with a negative impact', () => {
    // T-001 from Thu 10-08 back 2 working days: 09-30 (1), 09-29 (2) → Tue 09-29; 3 days to Thu 10-08.
    const tasks = [task('T-001', { start: '2026-10-08', days: 3 }), task('T-002', { depends_on: ['T-001'], days: 1 })];
    const r = planApply(input(tasks, { slip: { tasks: ['T-001'], schedule_days: -2 } }));
    if (!('plan' in r)) throw new Error('problems');
    expect(r.plan.moves).toEqual([
      { id: 'T-001', from_start: '2026-10-08', from_end: '2026-10-10', to_start: '2026-09-29', to_end: '2026-10-08' },
      { id: 'T-002', from_start: '2026-10-12', from_end: '2026-10-12', to_start: '2026-10-09', to_end: '2026-10-09' },
    ]);
  });

  it('reports unknown and unschedulable tasks instead of guessing', () => {
    expect(planApply(input(chain, { slip: { tasks: ['T-404'], schedule_days: 1 } }))).toEqual({
      problems: [{ kind: 'unknown_task', id: 'T-404' }],
    });
    const cyclic = [task('T-001', { depends_on: ['T-002'] }), task('T-002', { depends_on: ['T-001'] })];
    const r = planApply(input(cyclic));
    expect('problems' in r && r.problems[0]!.kind).toBe('unscheduled');
  });

  it('records no moves when there is no schedule impact', () => {
    const r = planApply(input(chain, { slip: { tasks: ['T-001'] } }));
    expect('plan' in r && r.plan).toMatchObject({ sets: [], moves: [] });
  });
});

describe('planApply schedules only the part of the plan a slip concerns', () => {
  it('gives what a schedule of the whole plan gives: the same edits, moves, shortfall, order and problems', () => {
    const base = toDay('2026-09-01');
    const iso = (k: number) => fromDay(base + k);
    // Mostly to one of the last tasks of its own chain (plans run forward); now and then to anything,
    // ahead or behind (cycles happen), or to an id nobody has.
    const ref = fc.record({
      to: fc.nat(),
      kind: fc.oneof({ arbitrary: fc.constant('near'), weight: 24 }, fc.constant('anywhere'), fc.constant('unknown')),
    });
    const taskArb = fc.record({
      deps: fc.array(ref, { maxLength: 3 }),
      days: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      start: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      end: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      status: fc.constantFrom('todo', 'todo', 'in_progress', 'done', 'blocked') as fc.Arbitrary<Task['status']>,
      actual: fc.integer({ min: 0, max: 30 }),
      // A fifth of the tasks name a milestone.
      milestone: fc.nat({ max: 9 }),
      // Now and then an id used twice.
      repeats: fc.nat({ max: 59 }),
    });
    const milestoneArb = fc.record({
      deps: fc.array(ref, { maxLength: 3 }),
      due: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    });
    let partUsed = 0;
    fc.assert(
      fc.property(
        fc.array(taskArb, { minLength: 1, maxLength: 16 }),
        fc.array(milestoneArb, { maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: -3, max: 8 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 3 }),
        (ts, mss, rootsAt, n, asOf, streams) => {
          // Tasks run in `streams` interleaved chains (task i in chain i % streams), as in a plan
          // with several lines of work: a slip in one leaves the others out of its part.
          const tid = (i: number) => `T-${String(i + 1).padStart(3, '0')}`;
          const mid = (i: number) => `M-00${i + 1}`;
          const ids = [...ts.map((_, i) => tid(i)), ...mss.map((_, i) => mid(i))];
          const refs = (deps: { to: number; kind: string }[], self: string, at: number) => [
            ...new Set(
              deps
                .map((d) =>
                  d.kind === 'unknown'
                    ? 'T-999'
                    : d.kind === 'anywhere'
                      ? ids[d.to % ids.length]!
                      : at >= streams
                        ? tid(at - streams * (1 + (d.to % Math.min(Math.floor(at / streams), 2))))
                        : self,
                )
                .filter((id) => id !== self),
            ),
          ];
          const tasks: Task[] = ts.map((t, i) => {
            const id = t.repeats === 0 && i > 0 ? tid(t.deps.length % i) : tid(i);
            const depends_on = refs(t.deps, id, i);
            return {
              id,
              name: id,
              status: t.status,
              ...(depends_on.length ? { depends_on } : {}),
              ...(t.days !== undefined ? { days: t.days } : {}),
              ...(t.start !== undefined ? { start: iso(t.start) } : {}),
              ...(t.end !== undefined ? { end: iso(t.end) } : {}),
              ...(t.status !== 'todo' ? { actual_start: iso(t.actual) } : {}),
              ...(t.status === 'done' ? { actual_end: iso(t.actual + 2) } : {}),
              ...(t.milestone < 2 && mss.length ? { milestone: mid(t.milestone % mss.length) } : {}),
            };
          });
          const milestones: Milestone[] = mss.map((m, i) => {
            const depends_on = refs(m.deps, mid(i), ts.length);
            return {
              id: mid(i),
              name: 'm',
              ...(depends_on.length ? { depends_on } : {}),
              ...(m.due !== undefined ? { due: iso(m.due) } : {}),
            };
          });
          // Touched tasks from the later half, where slips usually land.
          const roots = [...new Set(rootsAt.map((r) => tasks[tasks.length - 1 - (r % Math.ceil(tasks.length / 2))]!.id))];
          const applied = input(tasks, { slip: { tasks: roots, schedule_days: n }, asOf: iso(asOf) }, milestones);
          const part = planApply(applied);
          expect(part).toEqual(planApply({ ...applied, whole: true }));
          // Counted only where the part alone schedules cleanly (else the whole plan is scheduled).
          const around = planAround(roots, tasks, milestones);
          if (around && scheduleDates({ ...applied, ...around }).problems.length === 0) partUsed++;
        },
      ),
      { numRuns: 600 },
    );
    // The part is smaller than the plan, and used, often enough for the comparison to mean something.
    expect(partUsed).toBeGreaterThan(250);
  });
});
