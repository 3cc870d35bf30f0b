// Calendar dates as plain `YYYY-MM-DD` strings and as day numbers (days since 1970-01-01).
// Pure arithmetic on the proleptic Gregorian calendar: no Date objects, no time zones, no clock.

export type IsoDate = string;

// Both caches below are keyed by value (the date string, the day number), not by object identity:
// an answer depends only on its key, so they can never be stale. Module-wide, cleared past 200,000
// entries so a long-lived process does not grow without bound.
const memo = new Map<string, number>();

/**
 * Day number of a `YYYY-MM-DD` string, or NaN when it is not a real calendar date. Parsed by
 * character codes and remembered: scheduling 10,000 tasks asks for the same dates many times.
 */
function dayOf(s: string): number {
  const hit = memo.get(s);
  if (hit !== undefined) return hit;
  let n = NaN;
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const dig = (i: number) => s.charCodeAt(i) - 48;
    let ok = true;
    for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (dig(i) < 0 || dig(i) > 9) ok = false;
    if (ok) {
      const y = dig(0) * 1000 + dig(1) * 100 + dig(2) * 10 + dig(3),
        mo = dig(5) * 10 + dig(6),
        d = dig(8) * 10 + dig(9);
      if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) n = daysFromCivil(y, mo, d);
    }
  }
  if (memo.size > 200_000) memo.clear();
  memo.set(s, n);
  return n;
}

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not one). */
export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && !Number.isNaN(dayOf(s));
}

/**
 * Report dates and periods a command accepts (`--as-of`, `--week`, `--period` …): years 1900–2999.
 * Outside them the periods around the date leave the four-digit years `YYYY-MM-DD` can write.
 */
export const REPORT_DATES = { first: '1900-01-01', last: '2999-12-31' } as const;

export function isReportDate(s: unknown): s is IsoDate {
  return isIsoDate(s) && s >= REPORT_DATES.first && s <= REPORT_DATES.last;
}

/** The day number of a real calendar date, else NaN: isIsoDate and toDay in one lookup. */
export function dayOrNaN(s: unknown): number {
  return typeof s === 'string' ? dayOf(s) : NaN;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Day number of a date (days since 1970-01-01). Throws on a malformed date: callers validate first. */
export function toDay(iso: IsoDate): number {
  const n = dayOrNaN(iso);
  if (Number.isNaN(n)) throw new RangeError(`not a calendar date: ${JSON.stringify(iso)}`);
  return n;
}

const isoMemo = new Map<number, IsoDate>();

/** The `YYYY-MM-DD` string of a day number; remembered by value, like dayOf, for the same reason. */
export function fromDay(day: number): IsoDate {
  const hit = isoMemo.get(day);
  if (hit !== undefined) return hit;
  const { y, m, d } = civilFromDays(day);
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (isoMemo.size > 200_000) isoMemo.clear();
  isoMemo.set(day, iso);
  return iso;
}

/** Orders `YYYY-MM-DD` dates: their text order is their date order, no locale collation needed (it is several times slower). */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromDay(toDay(iso) + n);
}

/** Calendar days from a to b (negative when b is earlier). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDay(b) - toDay(a);
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for every Gregorian date.
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** ISO week (`2026-W47`) → its Monday and Sunday. */
export function isoWeekRange(week: string): { from: IsoDate; to: IsoDate } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const y = Number(m[1]),
    w = Number(m[2]);
  if (w < 1 || w > isoWeeksInYear(y)) return null;
  const jan4 = daysFromCivil(y, 1, 4);
  const monday = jan4 - ((weekdayOf(jan4) + 6) % 7) + (w - 1) * 7;
  return { from: fromDay(monday), to: fromDay(monday + 6) };
}

/** The ISO week containing a date, as `2026-W47`. */
export function isoWeekOf(iso: IsoDate): string {
  const day = toDay(iso);
  const thursday = day - ((weekdayOf(day) + 6) % 7) + 3;
  const y = civilFromDays(thursday).y;
  const w = Math.floor((thursday - daysFromCivil(y, 1, 1)) / 7) + 1;
  return `${y}-W${String(w).padStart(2, '0')}`;
}

function isoWeeksInYear(y: number): number {
  const dec28 = daysFromCivil(y, 12, 28);
  return Number(isoWeekOf(fromDay(dec28)).slice(6));
}
