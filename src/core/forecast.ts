// What the forecast rests on (pure): the years it reaches for which the built-in calendar has no, or
// only provisional, holiday data. The forecast itself is computed by schedule.ts (README "Forecast");
// this file holds what the commands say about it besides the dates.
import type { WorkCalendar } from './calendar.js';
import { isIsoDate, toDay } from './dates.js';
import { calendarGaps } from './rules/schedule.js';
import type { Schedule } from './schedule.js';

export interface CalendarNotice {
  year: number;
  /** missing: no holiday data; provisional: statutory holidays only, no make-up working days. */
  status: 'missing' | 'provisional';
  base: 'cn' | 'none';
}

/** Years the forecast (every item, and the due date) reaches without full calendar data, earliest first. */
export function forecastCalendarNotices(s: Schedule, cal: WorkCalendar): CalendarNotice[] {
  if (cal.base === 'none' || s.items.size === 0) return [];
  let from = toDay(s.projectStart);
  let to = from;
  for (const it of s.items.values()) {
    from = Math.min(from, toDay(it.start));
    to = Math.max(to, toDay(it.end));
  }
  if (s.due !== undefined && isIsoDate(s.due)) to = Math.max(to, toDay(s.due));
  return calendarGaps(cal, from, to).map((g) => ({ year: g.year, status: g.status, base: cal.base }));
}
