// The working-day calendar: workweek, built-in public holidays, project days off and make-up workdays.
//
// Every method takes and returns DAY NUMBERS (days since 1970-01-01, see dates.ts `toDay`/`fromDay`),
// because the scheduler does arithmetic on them thousands of times; convert at the edges.
//
// Counting convention: P(x) = number of working days on or before x (within the precomputed range).
//   workingDaysBetween(a, b) = P(b) − P(a): the working days in (a, b] when a ≤ b, minus those in (b, a]
//   otherwise. So Friday → next Monday is 1, and a weekend day → the Friday before it is 0.
//   addWorkingDays(d, n): n > 0 → the n-th working day strictly after d; n < 0 → the |n|-th working day
//   strictly before d; n = 0 → d itself if working, else the next working day. For a working day d,
//   workingDaysBetween(d, addWorkingDays(d, n)) === n.
//
// Queries are O(1) after a lazy precomputation of prefix counts over the spanned range, which grows
// geometrically when a query falls outside it. The range never exceeds ±MAX_YEARS around the first day
// queried: beyond that a RangeError is thrown (a typo like 2206-01-01 must become a diagnostic, not a
// 70-million-day loop).
import { CN_CALENDAR } from './calendars/cn.js';
import { isIsoDate, toDay, weekdayOf, yearOf, fromDay } from './dates.js';
import type { Manifest } from './generated/manifest.js';

export type CalendarSpec = Manifest['calendar'];
export type Lang = 'en' | 'zh-CN';
export type DayKind = 'working' | 'makeup' | 'weekend' | 'holiday';

export interface CoverageGap {
  year: number;
  /** missing: the built-in base has no data for the year; provisional: statutory days only. */
  status: 'missing' | 'provisional';
}

export interface WorkCalendar {
  readonly base: 'cn' | 'none';
  /** Problems with the spec itself (bad dates, unknown base); such entries are ignored. */
  readonly issues: readonly string[];
  isWorkingDay(day: number): boolean;
  /** The first working day on or after `day`. */
  nextWorkingDay(day: number): number;
  /** The last working day on or before `day`. */
  previousWorkingDay(day: number): number;
  addWorkingDays(day: number, n: number): number;
  workingDaysBetween(a: number, b: number): number;
  /** How the day is classified for display: makeup = working although outside the workweek. */
  dayKind(day: number): DayKind;
  /** Name of a holiday, day off or make-up workday, for display (user text: sanitize before printing). */
  holidayName(day: number, lang?: Lang): string | undefined;
  /** Years touched by [fromDay, toDay] for which the built-in base has no or only provisional data. */
  coverage(fromDay: number, toDay: number): CoverageGap[];
  /** Working days in the workweek (0–7), before holidays and make-up days. */
  readonly workweekDays: number;
}

/** The precomputed range never extends more than this many years either side of the first query. */
export const MAX_YEARS = 100;
export const LIMIT_DAYS = Math.ceil(MAX_YEARS * 365.2425);
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

interface Entry {
  working: boolean;
  name?: string | undefined;
  zh?: string;
  en?: string;
  source: 'yaml' | 'base';
}

export function makeCalendar(spec: CalendarSpec | undefined): WorkCalendar {
  const issues: string[] = [];
  const rawBase = spec?.base ?? 'none';
  const base: 'cn' | 'none' = rawBase === 'cn' ? 'cn' : 'none';
  if (rawBase !== 'cn' && rawBase !== 'none') issues.push(`unknown calendar base ${JSON.stringify(rawBase)}; using none`);

  let weekMask = 0;
  for (const w of spec?.workweek ?? ['mon', 'tue', 'wed', 'thu', 'fri']) {
    const i = WEEKDAYS.indexOf(w);
    if (i >= 0) weekMask |= 1 << i;
  }

  // Later writes win, so fill from lowest to highest precedence:
  // built-in base < holidays/days_off < explicit workdays.
  const entries = new Map<number, Entry>();
  if (base === 'cn') {
    for (const year of Object.values(CN_CALENDAR.years)) {
      for (const [date, zh, en] of year.holidays) entries.set(toDay(date), { working: false, zh, en, source: 'base' });
      for (const [date, zh, en] of year.workdays) entries.set(toDay(date), { working: true, zh, en, source: 'base' });
    }
  }
  const addYaml = (list: { date: string; name?: string }[] | undefined, working: boolean, key: string) => {
    for (const e of list ?? []) {
      if (!isIsoDate(e.date)) {
        issues.push(`calendar.${key}: not a date: ${JSON.stringify(e.date)}`);
        continue;
      }
      entries.set(toDay(e.date), { working, name: e.name, source: 'yaml' });
    }
  };
  addYaml(spec?.holidays, false, 'holidays');
  addYaml(spec?.days_off, false, 'days_off');
  addYaml(spec?.workdays, true, 'workdays');

  const inWorkweek = (day: number) => (weekMask & (1 << weekdayOf(day))) !== 0;
  const classify = (day: number) => entries.get(day)?.working ?? inWorkweek(day);

  // Precomputed range [lo, hi): prefix[i] = working days in [lo, lo + i); works = working days in order.
  let anchor: number | undefined;
  let lo = 0,
    hi = 0;
  let prefix = new Int32Array(1);
  let works = new Int32Array(0);

  function rebuild(newLo: number, newHi: number): void {
    const n = newHi - newLo;
    const p = new Int32Array(n + 1);
    const w: number[] = [];
    for (let i = 0; i < n; i++) {
      const ok = classify(newLo + i);
      p[i + 1] = p[i]! + (ok ? 1 : 0);
      if (ok) w.push(newLo + i);
    }
    lo = newLo;
    hi = newHi;
    prefix = p;
    works = Int32Array.from(w);
  }

  /** Makes [a, b] part of the range, growing geometrically; RangeError beyond the cap. */
  function cover(a: number, b: number): void {
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) throw new RangeError(`not a day number: ${a}, ${b}`);
    if (anchor === undefined) {
      anchor = a;
      rebuild(a - 370, a + 370);
    }
    if (a >= lo && b < hi) return;
    const minDay = anchor - LIMIT_DAYS,
      maxDay = anchor + LIMIT_DAYS;
    const bad = a < minDay ? a : b > maxDay ? b : undefined;
    if (bad !== undefined) {
      throw new RangeError(`date ${fromDay(bad)} is more than ${MAX_YEARS} years from ${fromDay(anchor)}: outside the calendar's range`);
    }
    const pad = Math.max(370, hi - lo);
    rebuild(Math.max(minDay, Math.min(lo, a - pad)), Math.min(maxDay + 1, Math.max(hi, b + pad + 1)));
  }

  const P = (day: number) => prefix[day - lo + 1]!; // caller has covered `day`

  /**
   * The working day of rank P(day) + k + (day is working ? ifWorking : ifNot), 1-based relative to
   * lo, growing the range in the needed direction. Plain numbers rather than a rank function: the
   * scheduler calls this tens of thousands of times, mostly before V8 optimizes it.
   */
  function byRank(day: number, k: number, ifWorking: number, ifNot: number): number {
    cover(day, day);
    for (;;) {
      // Recomputed after every rebuild: ranks are relative to lo.
      const i = day - lo;
      const r = prefix[i + 1]! + k + (prefix[i + 1] !== prefix[i] ? ifWorking : ifNot);
      if (r >= 1 && r <= works.length) return works[r - 1]!;
      const span = hi - lo;
      const minDay = anchor! - LIMIT_DAYS,
        maxDay = anchor! + LIMIT_DAYS;
      const atCap = r < 1 ? lo <= minDay : hi > maxDay;
      if (atCap) throw new RangeError(`no such working day within ${MAX_YEARS} years of ${fromDay(anchor!)}`);
      if (r < 1) cover(Math.max(minDay, lo - span), day);
      else cover(day, Math.min(maxDay, hi + span));
    }
  }

  let workweekDays = 0;
  for (let d = 0; d < 7; d++) if (weekMask & (1 << d)) workweekDays++;

  const cal: WorkCalendar = {
    base,
    issues,
    workweekDays,
    isWorkingDay(day) {
      cover(day, day);
      return prefix[day - lo + 1]! !== prefix[day - lo]!;
    },
    nextWorkingDay(day) {
      return byRank(day, 0, 0, 1);
    },
    previousWorkingDay(day) {
      return byRank(day, 0, 0, 0);
    },
    addWorkingDays(day, n) {
      if (!Number.isInteger(n)) throw new RangeError(`not a whole number of working days: ${n}`);
      if (Math.abs(n) > LIMIT_DAYS) throw new RangeError(`${n} working days is more than ${MAX_YEARS} years`);
      if (n === 0) return byRank(day, 0, 0, 1);
      if (n > 0) return byRank(day, n, 0, 0);
      return byRank(day, n + 1, -1, 0);
    },
    workingDaysBetween(a, b) {
      cover(Math.min(a, b), Math.max(a, b));
      return P(b) - P(a);
    },
    dayKind(day) {
      const working = cal.isWorkingDay(day);
      const weekday = inWorkweek(day);
      if (working) return weekday ? 'working' : 'makeup';
      return weekday || entries.has(day) ? 'holiday' : 'weekend';
    },
    holidayName(day, lang = 'en') {
      const e = entries.get(day);
      if (!e) return undefined;
      const zh = lang === 'zh-CN';
      if (e.source === 'base') {
        const name = zh ? e.zh! : e.en!;
        return e.working ? (zh ? `${name}调休上班` : `${name} make-up workday`) : name;
      }
      if (e.name !== undefined) return e.name;
      return e.working ? (zh ? '调休上班' : 'make-up workday') : zh ? '休息日' : 'day off';
    },
    coverage(fromDay, toDayN) {
      if (base === 'none') return [];
      const y0 = yearOf(fromDayIso(Math.min(fromDay, toDayN)));
      const y1 = yearOf(fromDayIso(Math.max(fromDay, toDayN)));
      if (y1 - y0 > 2 * MAX_YEARS) throw new RangeError(`span ${y0}–${y1} is longer than ${2 * MAX_YEARS} years`);
      const gaps: CoverageGap[] = [];
      for (let y = y0; y <= y1; y++) {
        const data = CN_CALENDAR.years[y];
        if (!data) gaps.push({ year: y, status: 'missing' });
        else if (data.provisional) gaps.push({ year: y, status: 'provisional' });
      }
      return gaps;
    },
  };
  return cal;
}

const fromDayIso = (d: number) => {
  if (!Number.isSafeInteger(d)) throw new RangeError(`not a day number: ${d}`);
  return fromDay(d);
};
