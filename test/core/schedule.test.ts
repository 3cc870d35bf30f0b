// Tests for the scheduler: hand-computed cases on the cn calendar, problems, scale, and a naive oracle.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CN_CALENDAR } from '../../src/core/calendars/cn.js';
import { fromDay, toDay, weekdayOf } from '../../src/core/dates.js';
import { makeCalendar, type WorkCalendar } from '../../src/core/calendar.js';
import { schedule, type Task, type Milestone, type ScheduleInput } from '../../src/core/schedule.js';
import { rescheduleDates, scheduleDates } from '../../src/core/schedule-forward.js';
import { join } from 'node:path';
import type { Project } from '../../src/core/model.js';
import { projectAsOf } from '../../src/core/period.js';
import { checkSchedule, scheduleProject } from '../../src/core/rules/schedule.js';
import { loadProject } from '../../src/store/load.js';
import { REPO } from '../helpers/project.js';

const cn = makeCalendar({ base: 'cn' });
const task = (id: string, extra: Partial<Task> = {}): Task => ({ id, name: `Task ${id}`, status: 'todo', ...extra });
const ms = (id: string, extra: Partial<Milestone> = {}): Milestone => ({ id, name: `Milestone ${id}`, ...extra });
const run = (p: Partial<ScheduleInput>) =>
  schedule({ start: '2026-09-28', asOf: '2026-09-28', tasks: [], milestones: [], calendar: cn, ...p });

describe('working days on the cn calendar', () => {
  it('a 5-day task from 2026-09-28 crosses National Day', () => {
    // 2026 notice: Mid-Autumn 09-25..27 and National Day 10-01..07 off; 09-20 (Sun) and 10-10 (Sat) worked.
    // Mon 09-28 (1), Tue 09-29 (2), Wed 09-30 (3), 10-01..07 off, Thu 10-08 (4), Fri 10-09 (5) → ends 10-09.
    const s = run({ tasks: [task('T-001', { days: 5 })] });
    const t = s.items.get('T-001')!;
    expect([t.start, t.end, t.days]).toEqual(['2026-09-28', '2026-10-09', 5]);
  });
  it('a successor starts on the make-up Saturday 2026-10-10', () => {
    const s = run({ tasks: [task('T-001', { days: 5 }), task('T-002', { depends_on: ['T-001'], days: 2 })] });
    // Day after Fri 10-09 is Sat 10-10, a working day by the notice; day 2 is Mon 10-12 (Sun 10-11 is off).
    expect(s.items.get('T-002')).toMatchObject({ start: '2026-10-10', end: '2026-10-12' });
    expect(s.projectEnd).toBe('2026-10-12');
  });
  it('moves a start on a holiday to the next working day, and `end` gives an inclusive duration', () => {
    const s = run({
      tasks: [
        task('T-001', { start: '2026-10-03' }), // Saturday in the holiday → Thu 10-08
        task('T-002', { start: '2026-09-29', end: '2026-10-08' }), // 09-29, 09-30, 10-08 = 3 working days
        task('T-003', { start: '2026-09-29', days: 0 }), // one-day event
      ],
    });
    expect(s.items.get('T-001')).toMatchObject({ start: '2026-10-08', end: '2026-10-08', days: 1 });
    expect(s.items.get('T-002')).toMatchObject({ start: '2026-09-29', end: '2026-10-08', days: 3 });
    expect(s.items.get('T-003')).toMatchObject({ start: '2026-09-29', end: '2026-09-29', days: 0 });
  });
  it('treats start as "not earlier than" after predecessors', () => {
    const s = run({
      tasks: [
        task('T-001'),
        task('T-002', { depends_on: ['T-001'], start: '2026-10-12' }),
        task('T-003', { depends_on: ['T-001'], start: '2026-09-01' }),
      ],
    });
    expect(s.items.get('T-002')!.start).toBe('2026-10-12');
    expect(s.items.get('T-003')!.start).toBe('2026-09-29');
  });
});

describe('milestones, float and the critical path', () => {
  it("milestones sit on their predecessors' latest end; without predecessors at due or project start", () => {
    const s = run({
      tasks: [task('T-001', { days: 2 }), task('T-002', { days: 5 }), task('T-003', { depends_on: ['M-001'] })],
      milestones: [ms('M-001', { depends_on: ['T-001', 'T-002'] }), ms('M-002', { due: '2026-11-02' }), ms('M-003')],
    });
    expect(s.items.get('M-001')).toMatchObject({ start: '2026-10-09', end: '2026-10-09', days: 0 });
    expect(s.items.get('T-003')!.start).toBe('2026-10-10');
    expect(s.items.get('M-002')!.end).toBe('2026-11-02');
    expect(s.items.get('M-003')!.end).toBe('2026-09-28');
  });
  it('gives negative float when the due cannot be met', () => {
    // T-001 ends 10-09, T-002 (2 days) ends Mon 10-12; due Fri 10-09 → the chain is 2 working days over
    // (Sat 10-10 make-up and Mon 10-12).
    const s = run({
      due: '2026-10-09',
      tasks: [task('T-001', { days: 5 }), task('T-002', { depends_on: ['T-001'], days: 2 }), task('T-003', { days: 1 })],
    });
    expect(s.dueFloat).toBe(-2);
    expect(s.items.get('T-002')).toMatchObject({ totalFloat: -2, critical: true, lateFinish: '2026-10-09', lateStart: '2026-10-08' });
    expect(s.items.get('T-001')).toMatchObject({ totalFloat: -2, critical: true, lateFinish: '2026-09-30' });
    expect(s.items.get('T-003')).toMatchObject({ totalFloat: 4, critical: false }); // 09-28 → 10-09: 09-29, 09-30, 10-08, 10-09
    expect(s.criticalPath).toEqual(['T-001', 'T-002']);
  });
  it('without due the longest chain has zero float', () => {
    const s = run({ tasks: [task('T-001', { days: 3 }), task('T-002', { days: 1 }), task('T-003', { depends_on: ['T-002'], days: 1 })] });
    expect(s.items.get('T-001')!.totalFloat).toBe(0);
    expect(s.items.get('T-003')!.totalFloat).toBe(1);
    expect(s.criticalPath).toEqual(['T-001']);
  });
});

describe('actuals, lateness, baselines', () => {
  it('actual dates override the plan', () => {
    const s = run({
      asOf: '2026-09-22',
      tasks: [
        task('T-001', { days: 5, status: 'done', actual_start: '2026-09-14', actual_end: '2026-09-22' }),
        task('T-002', { depends_on: ['T-001'], days: 3 }),
        task('T-003', { days: 2, status: 'in_progress', actual_start: '2026-10-08' }),
      ],
      milestones: [ms('M-001', { depends_on: ['T-002'], done: '2026-09-30' })],
    });
    expect(s.items.get('T-001')).toMatchObject({ start: '2026-09-14', end: '2026-09-22', actual: true, finished: true });
    // Day after Tue 09-22 is Wed 09-23; 3 working days: 09-23, 09-24, 09-28 (Mid-Autumn 09-25..27 off).
    expect(s.items.get('T-002')).toMatchObject({ start: '2026-09-23', end: '2026-09-28' });
    expect(s.items.get('T-003')).toMatchObject({ start: '2026-10-08', end: '2026-10-09', actual: true });
    expect(s.items.get('M-001')).toMatchObject({ end: '2026-09-30', status: 'done', finished: true });
  });
  it('flags unfinished work ending before asOf as late, in working days', () => {
    const s = run({
      asOf: '2026-10-15',
      tasks: [task('T-001', { days: 5 }), task('T-002', { days: 5, status: 'done' }), task('T-003', { start: '2026-10-15' })],
      milestones: [ms('M-001', { due: '2026-10-09' })],
    });
    // Ends Fri 10-09; working days in (10-09, 10-15]: Sat 10-10 (make-up), 10-12, 10-13, 10-14, 10-15 = 5.
    expect(s.items.get('T-001')).toMatchObject({ late: true, lateBy: 5 });
    expect(s.items.get('T-002')).toMatchObject({ late: false, lateBy: 0 });
    expect(s.items.get('T-003')).toMatchObject({ late: false });
    expect(s.items.get('M-001')).toMatchObject({ late: true, lateBy: 5 });
  });
  it('measures slip against the latest baseline, or a named one', () => {
    const baselines = [
      { name: 'kickoff', taken: '2026-09-01', items: [{ id: 'T-001', end: '2026-09-30' }] },
      {
        name: 'replan',
        taken: '2026-09-20',
        items: [
          { id: 'T-001', start: '2026-09-28', end: '2026-10-12' },
          { id: 'M-001', end: '2026-10-08' },
        ],
      },
    ];
    const plan = { tasks: [task('T-001', { days: 5 })], milestones: [ms('M-001', { depends_on: ['T-001'] })], baselines };
    const latest = run(plan);
    expect(latest.baseline).toBe('replan');
    // 10-09 vs 10-12: working days in (10-09, 10-12] are Sat 10-10 (make-up) and 10-12 → −2.
    expect(latest.items.get('T-001')).toMatchObject({ slip: -2, baselineEnd: '2026-10-12', baselineStart: '2026-09-28' });
    expect(latest.items.get('M-001')!.slip).toBe(1);
    // Against kickoff (end 09-30): working days in (09-30, 10-09] are 10-08 and 10-09 → +2.
    expect(run({ ...plan, baseline: 'kickoff' }).items.get('T-001')!.slip).toBe(2);
    expect(run({ ...plan, baseline: 'nope' }).problems).toContainEqual({ kind: 'unknown_baseline', name: 'nope' });
  });
});

describe('problems never hang', () => {
  it('reports a cycle and schedules everything else', () => {
    const s = run({
      tasks: [
        task('T-002', { depends_on: ['T-001'] }),
        task('T-001', { depends_on: ['T-002'] }),
        task('T-003', { depends_on: ['T-001'] }),
        task('T-004'),
        task('T-005', { depends_on: ['T-005'] }),
      ],
    });
    expect(s.problems).toContainEqual({ kind: 'cycle', ids: ['T-001', 'T-002', 'T-001'] });
    expect(s.problems).toContainEqual({ kind: 'cycle', ids: ['T-005', 'T-005'] });
    expect(s.problems).toContainEqual({ kind: 'blocked', id: 'T-003', by: 'T-001' });
    expect([...s.items.keys()]).toEqual(['T-004']);
  });
  it('reports unknown references, duplicates and absurd dates', () => {
    const s = run({
      tasks: [
        task('T-001', { depends_on: ['T-404'] }),
        task('T-001'),
        task('T-002', { start: '2999-01-01' }),
        task('T-003', { depends_on: ['T-002'] }),
      ],
    });
    expect(s.problems).toContainEqual({ kind: 'unknown_ref', id: 'T-001', ref: 'T-404' });
    expect(s.problems).toContainEqual({ kind: 'duplicate_id', id: 'T-001' });
    expect(s.problems.find((p) => p.kind === 'date_range')).toMatchObject({ id: 'T-002' });
    expect(s.problems).toContainEqual({ kind: 'blocked', id: 'T-003', by: 'T-002' });
    expect(s.items.get('T-001')!.start).toBe('2026-09-28');
  });
  it('drops only the wait that closes a loop: a milestone keeps waiting for the other tasks naming it', () => {
    // T-002 follows M-001 and also names it: M-001 cannot wait for T-002. It still waits for T-001,
    // which names it too (5 days from Mon 09-28 over National Day: Fri 10-09). Before, the loop made
    // the scheduler forget every task naming M-001, and M-001 sat on the project start.
    const s = run({
      tasks: [task('T-001', { days: 5, milestone: 'M-001' }), task('T-002', { days: 1, depends_on: ['M-001'], milestone: 'M-001' })],
      milestones: [ms('M-001')],
    });
    expect(s.problems).toEqual([]);
    expect(s.items.get('M-001')).toMatchObject({ start: '2026-10-09', end: '2026-10-09' });
    expect(s.items.get('T-002')).toMatchObject({ start: '2026-10-10', end: '2026-10-10' });
  });
});

describe('scale', () => {
  it('schedules 10,000 tasks with a linear number of calendar calls', () => {
    let calls = 0;
    const inner = makeCalendar({ base: 'cn' });
    const counted = Object.fromEntries(
      Object.entries(inner).map(([k, v]) => [
        k,
        typeof v === 'function'
          ? (...a: unknown[]) => {
              calls++;
              return (v as (...x: unknown[]) => unknown)(...a);
            }
          : v,
      ]),
    ) as unknown as WorkCalendar;
    const n = 10000;
    const tasks: Task[] = [];
    let deps = 0;
    for (let i = 1; i <= n; i++) {
      const id = `T-${String(i).padStart(5, '0')}`;
      // a chain with extra edges back to earlier tasks: a graph, not just a list
      const d =
        i === 1 ? [] : [`T-${String(i - 1).padStart(5, '0')}`, ...(i > 10 && i % 3 === 0 ? [`T-${String(i - 10).padStart(5, '0')}`] : [])];
      deps += d.length;
      tasks.push(task(id, { depends_on: d, days: 1 }));
    }
    const s = schedule({ start: '2026-01-05', asOf: '2026-01-05', tasks, milestones: [], calendar: counted });
    expect(s.items.size).toBe(n);
    expect(s.problems).toEqual([]);
    expect(s.criticalPath.length).toBe(n);
    expect(calls).toBeLessThanOrEqual(10 * (n + deps));
  });
});

// ---- property test: the scheduler against a deliberately naive oracle ----
// The oracle shares nothing with the implementation but dates.ts: it steps through days one at a time
// and relaxes every item repeatedly until nothing changes, instead of prefix counts and topological order.

interface NaiveIn {
  tasks: Task[];
  milestones: Milestone[];
  start: string;
  due?: string;
  off: Set<string>;
  on: Set<string>;
}

function naive(p: NaiveIn) {
  const cnOff = new Set<string>(),
    cnOn = new Set<string>();
  for (const y of Object.values(CN_CALENDAR.years)) {
    for (const [dt] of y.holidays) cnOff.add(dt);
    for (const [dt] of y.workdays) cnOn.add(dt);
  }
  const working = (x: number) => {
    const s = fromDay(x);
    if (p.on.has(s)) return true;
    if (p.off.has(s)) return false;
    if (cnOn.has(s)) return true;
    if (cnOff.has(s)) return false;
    return weekdayOf(x) >= 1 && weekdayOf(x) <= 5;
  };
  const next = (x: number) => {
    while (!working(x)) x++;
    return x;
  };
  const prev = (x: number) => {
    while (!working(x)) x--;
    return x;
  };
  const after = (x: number) => next(x + 1);
  const before = (x: number) => prev(x - 1);
  const countIncl = (a: number, b: number) => {
    let c = 0;
    for (let x = a; x <= b; x++) if (working(x)) c++;
    return c;
  };
  const signed = (a: number, b: number) => (b >= a ? countIncl(a + 1, b) : 0 - countIncl(b + 1, a) || 0); // no -0
  type R = { id: string; preds: string[]; t?: Task; es?: number; ef?: number; dur: number; lf?: number; ls?: number };
  const items: R[] = [
    ...p.tasks.map((t) => ({ id: t.id, preds: t.depends_on ?? [], t, dur: 0 })),
    ...p.milestones.map((m) => ({ id: m.id, preds: m.depends_on ?? [], m, dur: 0 })),
  ];
  const byId = new Map(items.map((r) => [r.id, r]));
  const ms = new Map(p.milestones.map((m) => [m.id, m]));
  const projectStart = next(toDay(p.start));
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of items) {
      const pe = r.preds.map((q) => byId.get(q)!.ef);
      if (pe.some((e) => e === undefined)) continue;
      const maxEf = pe.length ? Math.max(...(pe as number[])) : undefined;
      let es: number, ef: number;
      if (r.t) {
        const ps = r.t.start ? next(toDay(r.t.start)) : undefined;
        es = maxEf === undefined ? (ps ?? projectStart) : Math.max(after(maxEf), ps ?? -Infinity);
        r.dur = r.t.days ?? (r.t.end ? Math.max(1, countIncl(ps ?? es, toDay(r.t.end))) : 1);
        ef = es;
        for (let k = 1; k < r.dur; k++) ef = after(ef);
      } else {
        const due = ms.get(r.id)!.due;
        es = ef = maxEf ?? (due ? toDay(due) : projectStart);
      }
      if (es !== r.es || ef !== r.ef) {
        r.es = es;
        r.ef = ef;
        changed = true;
      }
    }
  }
  const projectEnd = Math.max(...items.map((r) => r.ef!));
  const target = prev(p.due ? toDay(p.due) : projectEnd);
  const succs = new Map(items.map((r) => [r.id, items.filter((s) => s.preds.includes(r.id))]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of items) {
      const ss = succs.get(r.id)!;
      if (ss.some((s) => s.ls === undefined)) continue;
      let lf = target;
      for (const s of ss) lf = Math.min(lf, s.t ? before(s.ls!) : s.lf!);
      // An unreached milestone's due is a deadline for itself and what it waits for.
      const mdue = r.t ? undefined : ms.get(r.id)!.due;
      if (mdue !== undefined) lf = Math.min(lf, toDay(mdue));
      if (r.t) lf = prev(lf);
      let ls = lf;
      if (r.t) for (let k = 1; k < r.dur; k++) ls = before(ls);
      if (lf !== r.lf || ls !== r.ls) {
        r.lf = lf;
        r.ls = ls;
        changed = true;
      }
    }
  }
  return {
    projectEnd: fromDay(projectEnd),
    dueFloat: p.due ? signed(projectEnd, toDay(p.due)) : undefined,
    items: new Map(
      items.map((r) => [
        r.id,
        {
          start: fromDay(r.es!),
          end: fromDay(r.ef!),
          lateStart: fromDay(r.ls!),
          lateFinish: fromDay(r.lf!),
          totalFloat: signed(r.ef!, r.lf!),
        },
      ]),
    ),
  };
}

describe('scheduler vs naive oracle', () => {
  it('matches exactly on random DAGs with random holidays and make-up days', () => {
    const base = toDay('2026-09-01'); // spans Mid-Autumn, National Day and their make-up days
    const taskArb = fc.record({
      deps: fc.array(fc.nat(), { maxLength: 3 }),
      days: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      start: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      end: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    });
    const msArb = fc.record({
      deps: fc.array(fc.nat(), { maxLength: 3 }),
      due: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(taskArb, { minLength: 1, maxLength: 12 }),
        fc.array(msArb, { maxLength: 3 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { maxLength: 12 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 20 }),
        fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
        fc.boolean(),
        (ts, mss, off, on, start, due, reverse) => {
          const iso = (k: number) => fromDay(base + k);
          const tid = (i: number) => `T-${String(i + 1).padStart(3, '0')}`;
          // Dependencies only point to earlier tasks, so the graph is acyclic.
          const tasks: Task[] = ts.map((t, i) => ({
            id: tid(i),
            name: tid(i),
            status: 'todo',
            ...(i > 0 && t.deps.length ? { depends_on: [...new Set(t.deps.map((x) => tid(x % i)))] } : {}),
            ...(t.days !== undefined ? { days: t.days } : {}),
            ...(t.start !== undefined ? { start: iso(t.start) } : {}),
            ...(t.end !== undefined ? { end: iso(t.end) } : {}),
          }));
          const milestones: Milestone[] = mss.map((m, i) => ({
            id: `M-00${i + 1}`,
            name: 'm',
            ...(m.deps.length ? { depends_on: [...new Set(m.deps.map((x) => tid(x % ts.length)))] } : {}),
            ...(m.due !== undefined ? { due: iso(m.due) } : {}),
          }));
          const input = {
            tasks: reverse ? [...tasks].reverse() : tasks,
            milestones,
            start: iso(start),
            ...(due !== undefined ? { due: iso(due) } : {}),
          };
          const cal = makeCalendar({
            base: 'cn',
            holidays: off.map((k) => ({ date: iso(k) })),
            workdays: on.map((k) => ({ date: iso(k) })),
          });
          const got = schedule({ ...input, asOf: iso(0), calendar: cal });
          const want = naive({ ...input, off: new Set(off.map(iso)), on: new Set(on.map(iso)) });
          expect(got.problems).toEqual([]);
          expect(got.projectEnd).toBe(want.projectEnd);
          expect(got.dueFloat).toBe(want.dueFloat);
          for (const [id, w] of want.items) {
            const g = got.items.get(id)!;
            expect({ id, start: g.start, end: g.end, lateStart: g.lateStart, lateFinish: g.lateFinish, totalFloat: g.totalFloat }).toEqual({
              id,
              ...w,
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('plans shared between the rules and the commands', () => {
  // scheduleProject remembers the last plan per task list; a plan reused for another report date
  // must equal one computed from scratch (records copied, so nothing is shared).
  const fresh = (p: Project): Project => structuredClone(p);
  for (const example of ['crm-dashboard-zh', 'erp-rollout-en']) {
    it(`gives the same plan as a fresh computation on every report date (${example})`, () => {
      const raw = loadProject(join(REPO, 'examples', example)).project;
      const dates = ['2026-01-05', '2026-09-30', '2026-10-08', '2026-11-20', '2027-03-01'];
      expect(checkSchedule(raw)).toEqual(checkSchedule(fresh(raw))); // leaves a plan behind for raw.tasks
      for (const asOf of dates) {
        expect(scheduleProject(raw, asOf).schedule).toEqual(scheduleProject(fresh(raw), asOf).schedule);
        const view = projectAsOf(raw, asOf);
        expect(scheduleProject(view, asOf).schedule).toEqual(scheduleProject(fresh(view), asOf).schedule);
      }
    });
  }
  it('keeps the plan lists of the as-of view when the date cuts nothing, and copies them when it does', () => {
    const raw = loadProject(join(REPO, 'examples', 'erp-rollout-en')).project;
    const late = projectAsOf(raw, '2030-01-01');
    expect(late.tasks).toBe(raw.tasks);
    expect(late.milestones).toBe(raw.milestones);
    const early = projectAsOf(raw, '2026-01-05');
    expect(early.tasks).not.toBe(raw.tasks);
  });
});

describe('scheduleDates and rescheduleDates (change apply: dates alone, and only what an edit reaches again)', () => {
  it('gives every item the dates a full schedule of the edited plan gives', () => {
    const base = toDay('2026-09-01');
    const taskArb = fc.record({
      deps: fc.array(fc.nat(), { maxLength: 3 }),
      days: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      start: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      end: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      status: fc.constantFrom('todo', 'in_progress', 'done', 'blocked') as fc.Arbitrary<Task['status']>,
      actual: fc.integer({ min: 0, max: 30 }),
      milestone: fc.option(fc.nat(), { nil: undefined }),
      // The edit change apply could make: new start, end and days (each kept, set or dropped).
      edit: fc.option(
        fc.record({
          days: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
          start: fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }),
          end: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
        }),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(
        fc.array(taskArb, { minLength: 1, maxLength: 14 }),
        fc.array(fc.array(fc.nat(), { maxLength: 3 }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 60 }),
        (ts, mss, asOf) => {
          const iso = (k: number) => fromDay(base + k);
          const tid = (i: number) => `T-${String(i + 1).padStart(3, '0')}`;
          const mid = (i: number) => `M-00${i + 1}`;
          const tasks: Task[] = ts.map((t, i) => ({
            id: tid(i),
            name: tid(i),
            status: t.status,
            ...(i > 0 && t.deps.length ? { depends_on: [...new Set(t.deps.map((x) => tid(x % i)))] } : {}),
            ...(t.days !== undefined ? { days: t.days } : {}),
            ...(t.start !== undefined ? { start: iso(t.start) } : {}),
            ...(t.end !== undefined ? { end: iso(t.end) } : {}),
            ...(t.status !== 'todo' ? { actual_start: iso(t.actual) } : {}),
            ...(t.status === 'done' ? { actual_end: iso(t.actual + 2) } : {}),
            ...(t.milestone !== undefined && mss.length ? { milestone: mid(t.milestone % mss.length) } : {}),
          }));
          const milestones: Milestone[] = mss.map((deps, i) => ({
            id: mid(i),
            name: 'm',
            ...(deps.length ? { depends_on: [...new Set(deps.map((x) => tid(x % ts.length)))] } : {}),
          }));
          const edited = new Map<string, Task>();
          ts.forEach((t, i) => {
            if (!t.edit) return;
            const { start: _s, end: _e, days: _d, ...rest } = tasks[i]!;
            edited.set(tid(i), {
              ...rest,
              ...(t.edit.days !== undefined ? { days: t.edit.days } : {}),
              ...(t.edit.start !== undefined ? { start: iso(t.edit.start) } : {}),
              ...(t.edit.end !== undefined ? { end: iso(t.edit.end) } : {}),
            });
          });
          const input = { start: iso(0), asOf: iso(asOf), milestones, calendar: cn };
          const before = schedule({ ...input, tasks });
          const got = rescheduleDates(before, edited)!;
          const full = schedule({ ...input, tasks: tasks.map((t) => edited.get(t.id) ?? t) });
          const want = new Map([...full.items].map(([id, it]) => [id, { start: it.start, end: it.end }]));
          expect(got).toEqual(want);
          // The forward pass alone gives the same dates, order and problems, and reschedules alike.
          const dates = scheduleDates({ ...input, tasks });
          expect(dates.order).toEqual(before.order);
          expect(dates.problems).toEqual(before.problems);
          expect(dates.items).toEqual(new Map([...before.items].map(([id, it]) => [id, { start: it.start, end: it.end, days: it.days }])));
          expect(rescheduleDates(dates, edited)).toEqual(want);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is undefined for a schedule it did not make', () => {
    const s = run({ tasks: [task('T-001', { days: 2 })] });
    expect(rescheduleDates({ ...s }, new Map())).toBeUndefined();
  });
});
