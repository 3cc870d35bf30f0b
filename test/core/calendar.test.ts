// Tests for the working-day calendar: precedence, cn holidays and make-up days, counting, range guards.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { makeCalendar, MAX_YEARS } from '../../src/core/calendar.js';
import { CN_CALENDAR } from '../../src/core/calendars/cn.js';
import { fromDay, toDay, weekdayOf } from '../../src/core/dates.js';

const d = toDay;

describe('makeCalendar defaults', () => {
  const cal = makeCalendar(undefined);
  it('works mon–fri with no holidays', () => {
    expect(cal.base).toBe('none');
    expect(cal.isWorkingDay(d('2026-10-01'))).toBe(true); // National Day is a plain Thursday without base cn
    expect(cal.isWorkingDay(d('2026-10-03'))).toBe(false); // Saturday
    expect(cal.coverage(d('2026-01-01'), d('2030-01-01'))).toEqual([]);
  });
  it('moves to the next / previous working day', () => {
    expect(fromDay(cal.nextWorkingDay(d('2026-10-03')))).toBe('2026-10-05');
    expect(fromDay(cal.previousWorkingDay(d('2026-10-04')))).toBe('2026-10-02');
    expect(fromDay(cal.nextWorkingDay(d('2026-10-05')))).toBe('2026-10-05');
  });
  it('adds working days both ways, per the documented convention', () => {
    expect(fromDay(cal.addWorkingDays(d('2026-10-02'), 1))).toBe('2026-10-05'); // Fri + 1 = Mon
    expect(fromDay(cal.addWorkingDays(d('2026-10-05'), -1))).toBe('2026-10-02');
    expect(fromDay(cal.addWorkingDays(d('2026-10-03'), -1))).toBe('2026-10-02'); // 1st working day before Sat
    expect(fromDay(cal.addWorkingDays(d('2026-10-03'), 1))).toBe('2026-10-05');
    expect(fromDay(cal.addWorkingDays(d('2026-10-03'), 0))).toBe('2026-10-05');
    expect(fromDay(cal.addWorkingDays(d('2026-10-05'), 10))).toBe('2026-10-19');
  });
  it('counts working days in (a, b], signed', () => {
    expect(cal.workingDaysBetween(d('2026-10-02'), d('2026-10-05'))).toBe(1);
    expect(cal.workingDaysBetween(d('2026-10-05'), d('2026-10-02'))).toBe(-1);
    expect(cal.workingDaysBetween(d('2026-10-03'), d('2026-10-02'))).toBe(0);
    expect(cal.workingDaysBetween(d('2026-01-01'), d('2026-12-31'))).toBe(260);
  });
});

describe('base cn', () => {
  const cal = makeCalendar({ base: 'cn' });
  it('knows National Day 2026 and its make-up Saturday (official 2026 notice)', () => {
    for (let day = d('2026-10-01'); day <= d('2026-10-07'); day++) expect(cal.isWorkingDay(day)).toBe(false);
    expect(weekdayOf(d('2026-10-10'))).toBe(6);
    expect(cal.isWorkingDay(d('2026-10-10'))).toBe(true); // Saturday worked (调休)
    expect(cal.isWorkingDay(d('2026-09-20'))).toBe(true); // Sunday worked
    expect(cal.dayKind(d('2026-10-10'))).toBe('makeup');
    expect(cal.dayKind(d('2026-10-01'))).toBe('holiday');
    expect(cal.dayKind(d('2026-10-17'))).toBe('weekend');
    expect(cal.holidayName(d('2026-10-02'))).toBe('National Day');
    expect(cal.holidayName(d('2026-10-02'), 'zh-CN')).toBe('国庆节');
    expect(cal.holidayName(d('2026-10-10'), 'zh-CN')).toBe('国庆节调休上班');
    expect(cal.holidayName(d('2026-10-12'))).toBeUndefined();
  });
  it('crosses Mid-Autumn and National Day 2026', () => {
    // From Mon 2026-09-28: working 09-28, 09-29, 09-30 (3); 10-01..10-07 off; 10-08 Thu (4), 10-09 Fri (5),
    // 10-10 Sat is a make-up workday (6), 10-11 Sun off, 10-12 Mon (7).
    const start = d('2026-09-28');
    expect(fromDay(cal.addWorkingDays(start, 4))).toBe('2026-10-09');
    expect(fromDay(cal.addWorkingDays(start, 5))).toBe('2026-10-10');
    expect(fromDay(cal.addWorkingDays(start, 6))).toBe('2026-10-12');
    expect(cal.workingDaysBetween(d('2026-09-30'), d('2026-10-08'))).toBe(1);
    // 09-24 Thu, then Mid-Autumn 09-25..27 off → next working day after 09-24 is 09-28.
    expect(fromDay(cal.addWorkingDays(d('2026-09-24'), 1))).toBe('2026-09-28');
  });
  it('starts on the make-up Sunday before National Day', () => {
    expect(fromDay(cal.nextWorkingDay(d('2026-09-19')))).toBe('2026-09-20');
  });
  it('reports years without data or with provisional data', () => {
    expect(cal.coverage(d('2026-06-01'), d('2028-02-01'))).toEqual([
      { year: 2027, status: 'provisional' },
      { year: 2028, status: 'missing' },
    ]);
    expect(cal.coverage(d('2024-01-01'), d('2026-12-31'))).toEqual([]);
  });
  it('treats 2027 as statutory days only (no invented make-up days)', () => {
    expect(CN_CALENDAR.years[2027]?.provisional).toBe(true);
    expect(CN_CALENDAR.years[2027]?.workdays).toEqual([]);
    expect(cal.isWorkingDay(d('2027-02-08'))).toBe(false); // 初三 of the 2027 Spring Festival
    expect(cal.isWorkingDay(d('2027-02-09'))).toBe(true); // the notice may bridge it; we do not guess
  });
});

describe('generated data', () => {
  it('src/core/calendars/cn.ts matches scripts/gen-cn-calendar.mjs output', () => {
    const r = spawnSync(process.execPath, ['scripts/gen-cn-calendar.mjs', '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
  it('has official data for 2024–2026 and names in both languages', () => {
    for (const y of [2024, 2025, 2026]) {
      const data = CN_CALENDAR.years[y]!;
      expect(data.provisional).toBe(false);
      expect(data.holidays.length).toBeGreaterThan(20);
      expect(data.workdays.length).toBeGreaterThan(3);
      for (const [date, zh, en] of [...data.holidays, ...data.workdays]) {
        expect(date.startsWith(`${y}-`)).toBe(true);
        expect(zh).toMatch(/\p{Script=Han}/u);
        expect(en).toMatch(/^[A-Z]/);
      }
    }
  });
});

describe('precedence: workdays > days_off/holidays > base > workweek', () => {
  const cal = makeCalendar({
    base: 'cn',
    workweek: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
    holidays: [{ date: '2026-10-10', name: 'Company trip' }],
    days_off: [{ date: '2026-10-12' }],
    workdays: [{ date: '2026-10-02', name: 'Cutover' }, { date: '2026-10-12' }],
  });
  it('applies each layer in order', () => {
    expect(cal.isWorkingDay(d('2026-10-02'))).toBe(true); // explicit workday beats the base holiday
    expect(cal.isWorkingDay(d('2026-10-10'))).toBe(false); // project holiday beats the base make-up day
    expect(cal.isWorkingDay(d('2026-10-12'))).toBe(true); // explicit workday beats days_off
    expect(cal.isWorkingDay(d('2026-10-17'))).toBe(true); // Saturday is in this workweek
    expect(cal.isWorkingDay(d('2026-10-18'))).toBe(false); // Sunday is not
    expect(cal.holidayName(d('2026-10-10'))).toBe('Company trip');
    expect(cal.holidayName(d('2026-10-02'))).toBe('Cutover');
  });
  it('reports bad entries and an unknown base instead of failing', () => {
    const bad = makeCalendar({ base: 'xx', holidays: [{ date: '2026-02-30' }] });
    expect(bad.base).toBe('none');
    expect(bad.issues.length).toBe(2);
  });
});

describe('range guards', () => {
  it('throws a RangeError beyond ±MAX_YEARS instead of looping', () => {
    const cal = makeCalendar(undefined);
    cal.isWorkingDay(d('2026-01-01'));
    expect(() => cal.isWorkingDay(d('2026-01-01') + 366 * (MAX_YEARS + 1))).toThrow(RangeError);
    expect(() => cal.addWorkingDays(d('2026-01-01'), 1e9)).toThrow(RangeError);
  });
  it('gives up when no working day exists instead of hanging', () => {
    const cal = makeCalendar({ workweek: [] as unknown as ['mon'] });
    expect(() => cal.nextWorkingDay(d('2026-01-01'))).toThrow(RangeError);
  });
  it('extends lazily over decades', () => {
    const cal = makeCalendar(undefined);
    expect(cal.workingDaysBetween(d('2000-01-01'), d('2050-01-01'))).toBe(13045);
  });
});

describe('against day-by-day counting', () => {
  it('agrees on random calendars and spans', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: -30, max: 30 }),
        (offs, ons, a, n) => {
          const base = d('2026-09-01');
          const iso = (k: number) => fromDay(base + k);
          const cal = makeCalendar({
            base: 'cn',
            holidays: offs.map((k) => ({ date: iso(k) })),
            workdays: ons.map((k) => ({ date: iso(k) })),
          });
          const cn = new Map<string, boolean>();
          for (const y of Object.values(CN_CALENDAR.years)) {
            for (const [dt] of y.holidays) cn.set(dt, false);
            for (const [dt] of y.workdays) cn.set(dt, true);
          }
          const naive = (day: number) => {
            const s = fromDay(day);
            if (ons.some((k) => iso(k) === s)) return true;
            if (offs.some((k) => iso(k) === s)) return false;
            if (cn.has(s)) return cn.get(s)!;
            const w = weekdayOf(day);
            return w !== 0 && w !== 6;
          };
          for (let k = 0; k <= 120; k++) expect(cal.isWorkingDay(base + k)).toBe(naive(base + k));
          // addWorkingDays by stepping
          let x = base + a,
            left = Math.abs(n);
          if (n === 0) {
            while (!naive(x)) x++;
          }
          while (left > 0) {
            x += Math.sign(n);
            if (naive(x)) left--;
          }
          expect(cal.addWorkingDays(base + a, n)).toBe(x);
          let count = 0;
          for (let k = Math.min(base + a, x) + 1; k <= Math.max(base + a, x); k++) if (naive(k)) count++;
          expect(cal.workingDaysBetween(base + a, x)).toBe(x >= base + a ? count : 0 - count || 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
