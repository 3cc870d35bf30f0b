// The forecast as of the report date (README "Forecast"): hand-computed scenarios on the cn calendar
// (weekends, National Day 2026 and its make-up Saturday 10-10), properties on random plans and
// report dates, and a naive day-by-day oracle that knows the report date and actual dates.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CN_CALENDAR } from '../../src/core/calendars/cn.js';
import { makeCalendar } from '../../src/core/calendar.js';
import { fromDay, toDay, weekdayOf } from '../../src/core/dates.js';
import { assessHealth } from '../../src/core/health.js';
import { emptyProject, type Manifest } from '../../src/core/model.js';
import { checkPlanDates } from '../../src/core/rules/plan-dates.js';
import { schedule, type Milestone, type ScheduleInput, type Task } from '../../src/core/schedule.js';

const cn = makeCalendar({ base: 'cn' });
const task = (id: string, extra: Partial<Task> = {}): Task => ({ id, name: id, status: 'todo', ...extra });
const ms = (id: string, extra: Partial<Milestone> = {}): Milestone => ({ id, name: id, ...extra });
const run = (p: Partial<ScheduleInput>) =>
  schedule({ start: '2026-09-21', asOf: '2026-09-21', tasks: [], milestones: [], calendar: cn, ...p });

describe('forecast scenarios (hand-computed, cn calendar 2026)', () => {
  it('unfinished work past its planned end starts again on the report date', () => {
    // Plan: Mon 09-28, Tue 09-29, Wed 09-30, (10-01..07 off) Thu 10-08, Fri 10-09.
    const s = run({
      asOf: '2026-10-12',
      tasks: [task('T-001', { start: '2026-09-28', days: 5 }), task('T-002', { depends_on: ['T-001'], days: 1 })],
    });
    expect(s.items.get('T-001')).toMatchObject({
      plannedStart: '2026-09-28',
      plannedEnd: '2026-10-09',
      start: '2026-10-12',
      end: '2026-10-16',
      late: true,
    });
    // Late since Fri 10-09: the make-up Saturday 10-10 and Monday 10-12 are working days.
    expect(s.items.get('T-001')!.lateBy).toBe(2);
    expect(s.items.get('T-002')).toMatchObject({ start: '2026-10-19', end: '2026-10-19' });
    expect(s.projectEnd).toBe('2026-10-19');
  });

  it('a report date on a holiday counts from the first working day after it', () => {
    const s = run({ asOf: '2026-10-03', tasks: [task('T-001', { start: '2026-09-21', days: 2 })] });
    expect(s.items.get('T-001')).toMatchObject({ start: '2026-10-08', end: '2026-10-09' });
  });

  it('work in progress keeps its actual start and needs the planned duration less the days spent, at least 1', () => {
    const t = task('T-001', { days: 5, status: 'in_progress', actual_start: '2026-09-28' });
    // Spent before Fri 10-09: 09-28, 09-29, 09-30, 10-08 = 4; 1 left: Friday itself.
    expect(run({ asOf: '2026-10-09', tasks: [t] }).items.get('T-001')).toMatchObject({
      start: '2026-09-28',
      end: '2026-10-09',
      late: false,
    });
    // Spent before Mon 10-12: also 10-09 and the make-up Saturday 10-10 = 6 > 5; still at least 1 day.
    expect(run({ asOf: '2026-10-12', tasks: [t] }).items.get('T-001')).toMatchObject({
      start: '2026-09-28',
      end: '2026-10-12',
      late: true,
      lateBy: 2,
    });
    // Spent before Wed 09-30: 2; 3 left: 09-30, 10-08, 10-09 (the plan's own end).
    expect(run({ asOf: '2026-09-30', tasks: [t] }).items.get('T-001')).toMatchObject({ end: '2026-10-09', late: false });
  });

  it('an explicit remaining estimate replaces the count', () => {
    const t = task('T-001', { days: 5, status: 'in_progress', actual_start: '2026-09-28', remaining: 3 });
    // From Fri 10-09: 10-09, Sat 10-10 (make-up), Mon 10-12.
    expect(run({ asOf: '2026-10-09', tasks: [t] }).items.get('T-001')).toMatchObject({ start: '2026-09-28', end: '2026-10-12', days: 7 });
  });

  it('a blocked predecessor pushes its milestone past the due date: variance, negative float, at risk', () => {
    const s = run({
      asOf: '2026-10-08',
      tasks: [task('T-001', { start: '2026-09-21', days: 3, status: 'blocked', blocked_reason: 'waiting' })],
      milestones: [ms('M-001', { due: '2026-09-30', depends_on: ['T-001'] })],
    });
    // Not started: 10-08, 10-09, 10-10 (make-up Saturday).
    expect(s.items.get('T-001')).toMatchObject({ start: '2026-10-08', end: '2026-10-10', totalFloat: -3, critical: true });
    expect(s.items.get('M-001')).toMatchObject({ end: '2026-10-10', dueVariance: 3, late: true });
  });

  it('a task naming a milestone makes the milestone wait for it; never forecast before the report date', () => {
    const s = run({
      asOf: '2026-10-12',
      tasks: [
        task('T-001', { start: '2026-09-21', days: 2, status: 'done', actual_start: '2026-09-21', actual_end: '2026-09-22' }),
        task('T-002', { start: '2026-09-21', days: 1, milestone: 'M-001' }),
      ],
      milestones: [ms('M-001', { depends_on: ['T-001'] }), ms('M-002', { depends_on: ['T-001'] })],
    });
    expect(s.items.get('T-002')).toMatchObject({ start: '2026-10-12', end: '2026-10-12' });
    expect(s.items.get('M-001')).toMatchObject({ end: '2026-10-12', waitsFor: ['T-002'] });
    // All it waits for is done, but it was never marked reached: forecast on the report date.
    expect(s.items.get('M-002')!.end).toBe('2026-10-12');
  });

  it('a task that names a milestone it comes after does not make a cycle', () => {
    const s = run({
      asOf: '2026-09-21',
      tasks: [task('T-001', { start: '2026-09-21', days: 2 }), task('T-002', { depends_on: ['M-001'], milestone: 'M-001', days: 1 })],
      milestones: [ms('M-001', { depends_on: ['T-001'] })],
    });
    expect(s.problems).toEqual([]);
    expect(s.items.get('M-001')).toMatchObject({ end: '2026-09-22' });
    expect(s.items.get('M-001')!.waitsFor).toBeUndefined();
    expect(s.items.get('T-002')).toMatchObject({ start: '2026-09-23', end: '2026-09-23' });
  });

  it('a reached milestone keeps its date and is never overdue', () => {
    const tasks = [task('T-001', { start: '2026-09-21', days: 5 })];
    const milestones = [ms('M-001', { due: '2026-09-25', depends_on: ['T-001'], done: '2026-09-29' })];
    const s = run({ asOf: '2026-10-12', tasks, milestones });
    expect(s.items.get('M-001')).toMatchObject({ end: '2026-09-29', finished: true, late: false });
    const p = emptyProject();
    p.milestones = milestones.map((data) => ({ file: 'plan.yaml', path: [], data }));
    const h = assessHealth(p, s, '2026-10-12');
    expect(h.reasons.map((r) => r.code)).not.toContain('milestone_missed');
  });

  it('a fixed handover milestone shows against its contractual date and is never earlier', () => {
    const tasks = [task('T-001', { start: '2026-10-08', days: 2, milestone: 'M-001' })];
    const milestones = [ms('M-001', { due: '2026-10-30', fixed: true })];
    expect(run({ asOf: '2026-10-08', tasks, milestones }).items.get('M-001')).toMatchObject({ end: '2026-10-30', dueVariance: 0 });
    // Reported Thu 10-29 with the work not started: 10-29, 10-30; still the fixed date.
    expect(run({ asOf: '2026-10-29', tasks, milestones }).items.get('M-001')!.end).toBe('2026-10-30');
    // Reported Mon 11-02: 11-02, 11-03; the milestone follows the work.
    const late = run({ asOf: '2026-11-02', tasks, milestones }).items.get('M-001')!;
    expect([late.end, late.dueVariance]).toEqual(['2026-11-03', 2]);
  });

  it('float is measured against the earliest downstream constraint: the milestone due before the project due', () => {
    const s = run({
      due: '2026-11-30',
      tasks: [task('T-001', { start: '2026-09-21', days: 5, milestone: 'M-001' }), task('T-002', { start: '2026-09-21', days: 5 })],
      milestones: [ms('M-001', { due: '2026-09-28' })],
    });
    // 09-21, 09-22, 09-23, 09-24, (Mid-Autumn 09-25..27 off) 09-28: both end on the milestone's due date.
    const t1 = s.items.get('T-001')!,
      t2 = s.items.get('T-002')!;
    expect([t1.end, t2.end, t1.totalFloat]).toEqual(['2026-09-28', '2026-09-28', 0]);
    expect(t1.totalFloat).toBe(cn.workingDaysBetween(toDay(t1.end), toDay('2026-09-28')));
    expect(t2.totalFloat).toBe(cn.workingDaysBetween(toDay(t2.end), toDay('2026-11-30')));
    expect(t1.totalFloat).toBeLessThan(t2.totalFloat);
  });
});

// ---- a naive day-by-day oracle of the forward dates, with the report date and actuals ----

interface OracleIn {
  start: string;
  asOf: string;
  tasks: Task[];
  milestones: Milestone[];
  off: Set<string>;
  on: Set<string>;
}

function oracle(p: OracleIn): Map<string, { start: string; end: string }> {
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
  const after = (x: number) => next(x + 1);
  const walk = (s: number, n: number) => {
    let e = s;
    for (let k = 1; k < n; k++) e = after(e);
    return e;
  };
  const countIncl = (a: number, b: number) => {
    let c = 0;
    for (let x = a; x <= b; x++) if (working(x)) c++;
    return c;
  };
  const asOf = toDay(p.asOf),
    now = next(asOf),
    ps0 = next(toDay(p.start));
  const preds = new Map<string, string[]>();
  for (const t of p.tasks) preds.set(t.id, [...(t.depends_on ?? [])]);
  for (const m of p.milestones) preds.set(m.id, [...(m.depends_on ?? [])]);
  for (const t of p.tasks)
    if (t.milestone && preds.has(t.milestone) && !preds.get(t.milestone)!.includes(t.id)) preds.get(t.milestone)!.push(t.id);
  const out = new Map<string, { es: number; ef: number }>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of p.tasks) {
      const pe = preds.get(t.id)!.map((q) => out.get(q)?.ef);
      if (pe.some((e) => e === undefined)) continue;
      const maxEf = pe.length ? Math.max(...(pe as number[])) : undefined;
      const ps = t.start ? next(toDay(t.start)) : undefined;
      const es0 = maxEf === undefined ? (ps ?? ps0) : Math.max(after(maxEf), ps ?? -Infinity);
      const dur = t.days ?? 1;
      let es: number, ef: number;
      if (t.status === 'done' && t.actual_end) {
        ef = toDay(t.actual_end);
        es = t.actual_start ? toDay(t.actual_start) : Math.min(es0, ef);
      } else if (t.actual_start || t.status === 'in_progress') {
        es = t.actual_start ? toDay(t.actual_start) : es0;
        const first = next(es);
        const spent = now > first ? countIncl(first, now - 1) : 0;
        const rem = t.remaining ?? Math.max(1, Math.max(1, dur) - spent);
        ef = walk(Math.max(first, now), rem);
      } else {
        es = Math.max(es0, now);
        ef = walk(es, t.remaining ?? dur);
      }
      const o = out.get(t.id);
      if (!o || o.es !== es || o.ef !== ef) {
        out.set(t.id, { es, ef });
        changed = true;
      }
    }
    for (const m of p.milestones) {
      const pe = preds.get(m.id)!.map((q) => out.get(q)?.ef);
      if (pe.some((e) => e === undefined)) continue;
      let d: number;
      if (m.done) d = toDay(m.done);
      else {
        d = pe.length ? Math.max(...(pe as number[])) : m.due ? toDay(m.due) : ps0;
        if (m.fixed && m.due) d = Math.max(d, toDay(m.due));
        d = Math.max(d, asOf);
      }
      const o = out.get(m.id);
      if (!o || o.ef !== d) {
        out.set(m.id, { es: d, ef: d });
        changed = true;
      }
    }
  }
  return new Map([...out].map(([id, o]) => [id, { start: fromDay(o.es), end: fromDay(o.ef) }]));
}

describe('forecast properties on random plans and report dates', () => {
  const base = toDay('2026-09-01'); // spans Mid-Autumn, National Day and their make-up days
  const iso = (k: number) => fromDay(base + k);
  const tid = (i: number) => `T-${String(i + 1).padStart(3, '0')}`;
  const taskArb = fc.record({
    deps: fc.array(fc.nat(), { maxLength: 3 }),
    days: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    start: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    state: fc.constantFrom('todo', 'blocked', 'in_progress', 'started', 'done'),
    a: fc.integer({ min: 0, max: 50 }),
    len: fc.integer({ min: 0, max: 8 }),
    remaining: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    milestone: fc.option(fc.nat(), { nil: undefined }),
  });
  const msArb = fc.record({
    deps: fc.array(fc.nat(), { maxLength: 2 }),
    due: fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }),
    done: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    fixed: fc.boolean(),
  });
  const planArb = fc.record({
    ts: fc.array(taskArb, { minLength: 1, maxLength: 10 }),
    mss: fc.array(msArb, { maxLength: 3 }),
    off: fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { maxLength: 8 }),
    on: fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { maxLength: 4 }),
    start: fc.integer({ min: 0, max: 15 }),
    asOf: fc.integer({ min: 0, max: 90 }),
  });
  type PlanIn = typeof planArb extends fc.Arbitrary<infer T> ? T : never;
  const build = (x: PlanIn) => {
    const tasks: Task[] = x.ts.map((t, i) => {
      const rec: Task = {
        id: tid(i),
        name: tid(i),
        status: t.state === 'started' ? 'blocked' : t.state === 'done' ? 'done' : t.state,
        ...(t.days !== undefined ? { days: t.days } : {}),
        ...(t.start !== undefined ? { start: iso(t.start) } : {}),
      };
      if (i > 0 && t.deps.length) rec.depends_on = [...new Set(t.deps.map((d) => tid(d % i)))];
      if (t.state === 'in_progress' || t.state === 'started' || t.state === 'done') rec.actual_start = iso(t.a);
      if (t.state === 'done') rec.actual_end = iso(t.a + t.len);
      if (t.remaining !== undefined && t.state !== 'done') rec.remaining = t.remaining;
      if (t.milestone !== undefined && x.mss.length) rec.milestone = `M-00${(t.milestone % x.mss.length) + 1}`;
      return rec;
    });
    const milestones: Milestone[] = x.mss.map((m, i) => ({
      id: `M-00${i + 1}`,
      name: 'm',
      ...(m.deps.length ? { depends_on: [...new Set(m.deps.map((d) => tid(d % tasks.length)))] } : {}),
      ...(m.due !== undefined ? { due: iso(m.due) } : {}),
      ...(m.done !== undefined ? { done: iso(m.done) } : {}),
      ...(m.fixed && m.due !== undefined ? { fixed: true } : {}),
    }));
    const cal = makeCalendar({ base: 'cn', holidays: x.off.map((k) => ({ date: iso(k) })), workdays: x.on.map((k) => ({ date: iso(k) })) });
    return { tasks, milestones, cal, start: iso(x.start), asOf: iso(x.asOf) };
  };

  it('never forecasts unfinished work before the report date; done work equals its actuals; agrees with the oracle', () => {
    fc.assert(
      fc.property(planArb, (x) => {
        const { tasks, milestones, cal, start, asOf } = build(x);
        const s = schedule({ start, asOf, tasks, milestones, calendar: cal });
        expect(s.problems).toEqual([]);
        const want = oracle({ start, asOf, tasks, milestones, off: new Set(x.off.map(iso)), on: new Set(x.on.map(iso)) });
        for (const t of tasks) {
          const it = s.items.get(t.id)!;
          if (t.status === 'done') expect([it.start, it.end, it.finished]).toEqual([t.actual_start, t.actual_end, true]);
          else {
            expect(it.end >= asOf).toBe(true);
            if (t.actual_start === undefined && t.status !== 'in_progress') expect(it.start >= asOf).toBe(true);
          }
          expect({ id: t.id, ...want.get(t.id) }).toEqual({ id: t.id, start: it.start, end: it.end });
        }
        for (const m of milestones) {
          const it = s.items.get(m.id)!;
          if (m.done !== undefined) expect(it.end).toBe(m.done);
          else expect(it.end >= asOf).toBe(true);
          if (m.fixed && m.done === undefined) expect(it.end >= m.due!).toBe(true);
          expect({ id: m.id, end: want.get(m.id)!.end }).toEqual({ id: m.id, end: it.end });
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('validate: what the dates rest on', () => {
  it('warns when a task is planned before the project start, or starts before what it waits for ended', () => {
    const p = emptyProject();
    const manifest: Manifest = { schema_version: 1, name: 'P', client: 'C', start: '2026-09-21' };
    p.manifest = { file: 'deliver.yaml', path: [], data: manifest };
    const tasks: Task[] = [
      task('T-001', { start: '2026-09-14', days: 2, status: 'done', actual_start: '2026-09-21', actual_end: '2026-09-25' }),
      task('T-002', { depends_on: ['T-001'], status: 'in_progress', actual_start: '2026-09-24' }),
      task('T-003', { depends_on: ['T-001'], status: 'done', actual_end: '2026-09-22' }),
      task('T-004', { depends_on: ['T-001'], status: 'in_progress', actual_start: '2026-09-25' }),
    ];
    p.tasks = tasks.map((data, i) => ({ file: 'plan.yaml', path: ['tasks', i], data }));
    expect(checkPlanDates(p).map((d) => [d.code, d.args.id, d.args.field ?? ''])).toEqual([
      ['DLV-W073', 'T-001', ''],
      ['DLV-W074', 'T-002', 'actual_start'],
      ['DLV-W074', 'T-003', 'actual_end'],
    ]);
  });
});
