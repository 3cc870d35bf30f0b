// Dates near 9999-12-31: a week, a month or a warranty that runs past it has no `YYYY-MM-DD` form
// (written out it would read 10000-01-02, which as text sorts before every date). Found by fuzzing:
// such a period was counted as past and the next one crashed the command, a visit step due in year
// 10000 showed as overdue, a warranty running past 9999 crashed the service facts.
import { describe, expect, it } from 'vitest';
import { pastPeriods } from '../../src/core/communication.js';
import { fromDay, toDay } from '../../src/core/dates.js';
import { emptyProject, type Manifest } from '../../src/core/model.js';
import { addMonths, underWarranty, warrantyOf } from '../../src/core/service.js';
import { stepDate, visitPlanOf } from '../../src/core/visits.js';
import { checkSchedule, scheduleProject } from '../../src/core/rules/schedule.js';
import { rng } from '../../bench/generate.mjs';

function projectWith(manifest: Partial<Manifest>) {
  const p = emptyProject();
  p.manifest = {
    file: 'deliver.yaml',
    path: [],
    data: { schema_version: 1, name: 'P', client: 'C', start: '2026-01-05', language: 'en', ...manifest } as Manifest,
  };
  return p;
}

describe('dates near 9999-12-31', () => {
  it('a communication promise from the last days of 9999 has no past period', () => {
    expect(pastPeriods('week', '9999-12-31', '2026-11-20')).toEqual([]);
    expect(pastPeriods('week', '9999-12-28', '9999-12-30')).toEqual([]);
    expect(pastPeriods('month', '9999-12-31', '2026-11-20')).toEqual([]);
    // An ordinary promise still counts its weeks.
    expect(pastPeriods('week', '2026-11-02', '2026-11-20').map((s) => s.label)).toEqual(['2026-W45', '2026-W46']);
  });

  it('months past 9999-12-31 have no date; within it they keep the day or the month end', () => {
    expect(addMonths('9999-12-31', 1)).toBeUndefined();
    expect(addMonths('9999-11-30', 1)).toBe('9999-12-30');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('a visit step that would fall after 9999-12-31 is pending, never overdue', () => {
    expect(stepDate('9999-12-31', '1m')).toBeUndefined();
    expect(stepDate('9999-12-31', '7d')).toBeUndefined();
    expect(stepDate('9999-12-01', '2w')).toBe('9999-12-15');
    const plan = visitPlanOf(projectWith({ visit_plan: { after: ['1m', '7d'], start: '9999-12-31' } } as Partial<Manifest>), '2026-11-20')!;
    expect(plan.steps.map((s) => s.state)).toEqual(['pending', 'pending']);
    expect(plan.overdue).toBe(0);
  });

  it('a warranty that runs past 9999-12-31 is active from its start and never expires', () => {
    const w = warrantyOf(projectWith({ warranty: { start: '9999-06-01', months: 12 } } as Partial<Manifest>), '9999-07-01')!;
    expect(w).toMatchObject({ start: '9999-06-01', state: 'active' });
    expect(w.end).toBeUndefined();
    expect(underWarranty(w, '9999-12-31')).toBe(true);
    expect(underWarranty(w, '9999-05-31')).toBe(false);
    const ordinary = warrantyOf(projectWith({ warranty: { start: '2026-01-15', months: 12 } } as Partial<Manifest>), '2027-02-01')!;
    expect(ordinary).toMatchObject({ end: '2027-01-14', state: 'expired' });
  });
});

describe('a plan beyond the calendar’s range', () => {
  const chained = (days: number) =>
    ['T-001', 'T-002', 'T-003'].map((id, i) => ({
      file: 'plan.yaml',
      path: ['tasks', i],
      data: { id, name: id, days, status: 'todo' as const, ...(i ? { depends_on: [`T-00${i}`] } : { start: '2026-09-01' }) },
    }));

  it('is a validate error at the task the calendar cannot place (DLV-E054), with a plain calendar too', () => {
    const p = projectWith({ start: '2026-09-01', calendar: { base: 'none' } } as Partial<Manifest>);
    p.tasks = chained(10_000);
    const found = checkSchedule(p, '2026-11-20');
    expect(found.map((d) => [d.code, d.args.id, d.path])).toEqual([['DLV-E054', 'T-003', ['tasks', 2]]]);
    p.tasks = chained(100);
    expect(checkSchedule(p, '2026-11-20')).toEqual([]);
  });

  it('is found when every working day of the calendar is a day off', () => {
    // Mondays only, and every Monday for 110 years a holiday.
    const holidays = Array.from({ length: 110 * 53 }, (_, i) => ({ date: fromDay(toDay('2026-08-31') + 7 * i) }));
    const p = projectWith({ start: '2026-09-01', calendar: { base: 'none', workweek: ['mon'], holidays } } as Partial<Manifest>);
    p.tasks = chained(1);
    expect(checkSchedule(p, '2026-11-20').map((d) => d.code)).toContain('DLV-E054');
  });
});

describe('the bound that spares scheduling a plain calendar', () => {
  it('never hides a task the scheduler cannot place', () => {
    const next = rng(54);
    const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    let unplaceable = 0;
    for (let round = 0; round < 300; round++) {
      const workweek = weekdays.filter(() => next() < 0.6);
      if (workweek.length === 0) workweek.push('mon');
      // Sometimes years of days off in a row.
      const off = next() < 0.3 ? Math.floor(next() * 30_000) : 0;
      const holidays = Array.from({ length: off }, (_, i) => ({ date: fromDay(toDay('2026-09-01') + i) }));
      const p = projectWith({ start: '2026-09-01', calendar: { base: 'none', workweek, holidays } } as Partial<Manifest>);
      const count = 1 + Math.floor(next() * 5);
      p.tasks = Array.from({ length: count }, (_, i) => ({
        file: 'plan.yaml',
        path: ['tasks', i],
        data: {
          id: `T-00${i + 1}`,
          name: 't',
          days: Math.floor(next() * 10_001),
          status: 'todo' as const,
          ...(i && next() < 0.8 ? { depends_on: [`T-00${i}`] } : {}),
        },
      }));
      // The rule first: given a plan already computed for these records, it would read that plan
      // instead of the bound (a command that shows the plan schedules before the rules).
      const found = checkSchedule(p, '2026-11-20').filter((d) => d.code === 'DLV-E054');
      const problems = scheduleProject(p, '2026-11-20').schedule.problems.filter((x) => x.kind === 'date_range');
      expect(found.map((d) => d.args.id)).toEqual(problems.map((x) => ('id' in x ? x.id : '')));
      if (problems.length) unplaceable++;
    }
    expect(unplaceable).toBeGreaterThan(20); // the cases cross the limit often enough to mean something
  });
});

describe('the calendar rule after the command has scheduled the plan', () => {
  it('reads the plan already computed, with the findings the bound and the scheduler give', () => {
    const chained = (days: number) =>
      ['T-001', 'T-002'].map((id, i) => ({
        file: 'plan.yaml',
        path: ['tasks', i],
        data: { id, name: id, days, status: 'todo' as const, ...(i ? { depends_on: ['T-001'] } : { start: '2026-09-01' }) },
      }));
    for (const days of [100, 20_000]) {
      const fresh = projectWith({ start: '2026-09-01', calendar: { base: 'none' } } as Partial<Manifest>);
      fresh.tasks = chained(days);
      const scheduled = projectWith({ start: '2026-09-01', calendar: { base: 'none' } } as Partial<Manifest>);
      scheduled.tasks = chained(days);
      scheduleProject(scheduled, '2026-11-20');
      expect(checkSchedule(scheduled, '2026-11-20')).toEqual(checkSchedule(fresh, '2026-11-20'));
    }
    // The day counts are chosen so that both answers occur.
    const far = projectWith({ start: '2026-09-01', calendar: { base: 'none' } } as Partial<Manifest>);
    far.tasks = chained(20_000);
    expect(checkSchedule(far, '2026-11-20').map((d) => d.code)).toEqual(['DLV-E054']);
  });
});
