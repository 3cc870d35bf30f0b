// After-sales service (pure): the response and resolution clocks of tickets against deliver.yaml's
// `service_levels`, the warranty and whether a date falls under it, and the facts status and the
// weekly report show about tickets.
//
// Clocks (DOMAIN: 售后服务):
// - unit `days` (default): the working days in (opened, answered] of the project calendar; a ticket
//   is answered in time when that count ≤ the clock. Times of day are ignored.
// - unit `hours`: the working hours between the two moments, counting only the working window
//   (`working_hours`, default 09:00–18:00) of working days. A missing time counts as the start of
//   the working day for the opening and as its end for an answer (the answer is late rather than
//   early when in doubt).
// - A ticket not answered yet is overdue once the time from its opening to the end of the report
//   date exceeds the clock; until then its clock is still running (met: null).
import type { WorkCalendar } from './calendar.js';
import { daysInMonth, fromDay, isIsoDate, toDay, type IsoDate } from './dates.js';
import { deliveredOn } from './kpi-rules.js';
import type { Manifest, Project, Ticket } from './model.js';
import { visitPlanOf, type VisitPlanFact } from './visits.js';

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const TICKET_KINDS = ['warranty_repair', 'support', 'question', 'complaint', 'feedback'] as const;
export const TICKET_CHANNELS = ['phone', 'email', 'im', 'onsite', 'visit', 'other'] as const;
export type ClockUnit = 'days' | 'hours';

export interface Clock {
  response: number;
  resolution: number;
}
export interface ServiceLevels {
  unit: ClockUnit;
  /** Working window in minutes after midnight (hours only). */
  start: number;
  end: number;
  clocks: Record<Severity, Clock>;
}

/** Written by `deliver init`; the seeds give no numbers, so these are a starting point to agree on. */
export const DEFAULT_DAY_CLOCKS: Record<Severity, Clock> = {
  high: { response: 1, resolution: 3 },
  medium: { response: 2, resolution: 5 },
  low: { response: 3, resolution: 10 },
};
export const DEFAULT_HOUR_CLOCKS: Record<Severity, Clock> = {
  high: { response: 4, resolution: 24 },
  medium: { response: 8, resolution: 40 },
  low: { response: 16, resolution: 80 },
};

const minutes = (hhmm: string | undefined, dflt: number): number => {
  const m = hhmm ? /^(\d{2}):(\d{2})$/.exec(hhmm) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : dflt;
};

export function serviceLevelsOf(manifest: Manifest | undefined): ServiceLevels {
  const sl = manifest?.service_levels;
  const unit: ClockUnit = sl?.unit === 'hours' ? 'hours' : 'days';
  const dflt = unit === 'hours' ? DEFAULT_HOUR_CLOCKS : DEFAULT_DAY_CLOCKS;
  const clocks = {} as Record<Severity, Clock>;
  for (const s of SEVERITIES) clocks[s] = sl?.[s] ? { response: sl[s].response, resolution: sl[s].resolution } : dflt[s];
  let start = minutes(sl?.working_hours?.start, 9 * 60),
    end = minutes(sl?.working_hours?.end, 18 * 60);
  if (end <= start) [start, end] = [9 * 60, 18 * 60];
  return { unit, start, end, clocks };
}

/** A moment: a date and, when known, the time of day. */
export interface Moment {
  date: IsoDate;
  time?: string | undefined;
}

/**
 * Time on the clock from `a` to `b`: working days in (a.date, b.date], or working hours between the
 * two moments. undefined when a date is unusable (the schema reports it).
 */
export function elapsed(sl: ServiceLevels, cal: WorkCalendar, a: Moment, b: Moment): number | undefined {
  if (!isIsoDate(a.date) || !isIsoDate(b.date)) return undefined;
  try {
    const da = toDay(a.date),
      db = toDay(b.date);
    if (sl.unit === 'days') return Math.max(0, cal.workingDaysBetween(da, db));
    if (db < da) return 0;
    const from = minutes(a.time, 0),
      to = minutes(b.time, 24 * 60);
    let total = 0;
    // Days in between count whole working windows: the calendar counts them without a loop.
    if (db - da > 1) total += Math.max(0, cal.workingDaysBetween(da, db - 1)) * (sl.end - sl.start);
    for (const d of da === db ? [da] : [da, db]) {
      if (!cal.isWorkingDay(d)) continue;
      const lo = Math.max(sl.start, d === da ? from : 0),
        hi = Math.min(sl.end, d === db ? to : 24 * 60);
      if (hi > lo) total += hi - lo;
    }
    return total / 60;
  } catch {
    return undefined;
  }
}

/** The last moment a clock of `limit` allows from `a`: a date (days) or a date and time (hours). */
export function deadline(sl: ServiceLevels, cal: WorkCalendar, a: Moment, limit: number): Moment | undefined {
  if (!isIsoDate(a.date)) return undefined;
  try {
    const da = toDay(a.date);
    if (sl.unit === 'days') return { date: fromDay(cal.addWorkingDays(da, Math.floor(limit))) };
    let left = Math.round(limit * 60);
    const window = sl.end - sl.start;
    for (let d = da, i = 0; i < 3660; d++, i++) {
      if (!cal.isWorkingDay(d)) continue;
      const lo = d === da ? Math.max(sl.start, minutes(a.time, 0)) : sl.start;
      const room = Math.max(0, sl.end - lo);
      if (left <= room && (room > 0 || left === 0)) {
        const at = lo + left;
        return { date: fromDay(d), time: `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}` };
      }
      left -= room;
      if (window <= 0) return undefined;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

export type TicketState = 'open' | 'responded' | 'resolved' | 'closed';

export function ticketState(t: Ticket): TicketState {
  if (t.closed) return 'closed';
  if (t.resolved) return 'resolved';
  if (t.response) return 'responded';
  return 'open';
}

export interface ClockFact {
  /** The clock, in `unit`. */
  limit: number;
  unit: ClockUnit;
  /** Time taken when done, else the time so far (to the end of the report date). */
  elapsed: number | null;
  done: boolean;
  /** Last day (and time, in hours) allowed. */
  due?: IsoDate;
  due_time?: string;
  /** true: done in time; false: done late, or not done and past the clock; null: still running. */
  met: boolean | null;
  overdue: boolean;
}

function clockFact(
  sl: ServiceLevels,
  cal: WorkCalendar,
  opened: Moment,
  limit: number,
  done: Moment | undefined,
  asOf: IsoDate,
): ClockFact {
  const took = elapsed(sl, cal, opened, done ?? { date: asOf });
  const due = deadline(sl, cal, opened, limit);
  const late = took !== undefined && took > limit;
  return {
    limit,
    unit: sl.unit,
    elapsed: took === undefined ? null : Math.round(took * 100) / 100,
    done: done !== undefined,
    ...(due ? { due: due.date, ...(due.time ? { due_time: due.time } : {}) } : {}),
    met: done ? (took === undefined ? null : !late) : late ? false : null,
    overdue: !done && late,
  };
}

export interface TicketClocks {
  response: ClockFact;
  resolution: ClockFact;
}

export function ticketClocks(t: Ticket, sl: ServiceLevels, cal: WorkCalendar, asOf: IsoDate): TicketClocks {
  const clock = sl.clocks[t.severity] ?? sl.clocks.medium;
  const opened: Moment = { date: t.opened, time: t.opened_time };
  // A ticket resolved without a separate first answer was answered when it was resolved.
  const answered = t.response ?? t.resolved;
  return {
    response: clockFact(sl, cal, opened, clock.response, answered ? { date: answered.date, time: answered.time } : undefined, asOf),
    resolution: clockFact(
      sl,
      cal,
      opened,
      clock.resolution,
      t.resolved ? { date: t.resolved.date, time: t.resolved.time } : undefined,
      asOf,
    ),
  };
}

// ---- warranty ----

/** The day the project passed final acceptance (kpi-rules.ts deliveredOn: the on-time KPI's answer too). */
export function finalAcceptance(p: Project): IsoDate | undefined {
  return deliveredOn(p);
}

/**
 * `months` calendar months after `start`, on the same day of the month or the month's last day
 * (1 month from 31 Jan → 28 Feb); undefined past 9999-12-31, which has no `YYYY-MM-DD` form.
 */
export function addMonths(start: IsoDate, months: number): IsoDate | undefined {
  const y = Number(start.slice(0, 4)),
    m = Number(start.slice(5, 7)),
    d = Number(start.slice(8, 10));
  const total = m - 1 + months;
  const ny = y + Math.floor(total / 12),
    nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  const iso = `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

export interface WarrantyFact {
  months: number;
  /** Unknown until the project passes final acceptance (unless deliver.yaml sets it). */
  start?: IsoDate;
  end?: IsoDate;
  /** Where the start comes from: deliver.yaml, or the final acceptance. */
  from: 'manifest' | 'acceptance';
  scope?: string;
  /** On the report date: not started, running, or ended. */
  state: 'pending' | 'active' | 'expired';
}

export function warrantyOf(p: Project, asOf: IsoDate): WarrantyFact | undefined {
  const w = p.manifest?.data.warranty;
  if (!w || !Number.isInteger(w.months)) return undefined;
  const start = w.start ?? finalAcceptance(p);
  const from = w.start ? 'manifest' : 'acceptance';
  if (!start || !isIsoDate(start)) return { months: w.months, from, ...(w.scope ? { scope: w.scope } : {}), state: 'pending' };
  // A warranty running past 9999-12-31 has no end that can be written: it never expires here.
  const after = addMonths(start, w.months);
  const end = after !== undefined ? fromDay(toDay(after) - 1) : undefined;
  const state = asOf < start ? 'pending' : end !== undefined && asOf > end ? 'expired' : 'active';
  return { months: w.months, start, ...(end !== undefined ? { end } : {}), from, ...(w.scope ? { scope: w.scope } : {}), state };
}

/** Whether a date falls in the warranty: null when the project has no warranty set. */
export function underWarranty(w: WarrantyFact | undefined, date: IsoDate): boolean | null {
  if (!w) return null;
  // No end with a start: it runs past 9999-12-31.
  return w.start !== undefined && date >= w.start && (w.end === undefined || date <= w.end);
}

// ---- facts for status and the weekly report ----

export interface TicketFact {
  id: string;
  title: string;
  kind: Ticket['kind'];
  severity: Severity;
  opened: IsoDate;
  state: TicketState;
  contact?: string;
  owner?: string;
  /** The latest expected completion date told to the customer. */
  expected?: IsoDate;
  under_warranty: boolean | null;
  response: ClockFact;
  resolution: ClockFact;
}

export interface ServiceFacts {
  /** Tickets not closed: open, being worked on, or resolved and waiting for the customer's confirmation. */
  tickets: TicketFact[];
  counts: { total: number; open: number; overdue: number; unconfirmed: number; complaints: number };
  warranty: WarrantyFact | null;
  /** The follow-up visit plan (deliver.yaml visit_plan) with each step done, due or overdue. */
  visit_plan: VisitPlanFact | null;
}

export function ticketFact(t: Ticket, sl: ServiceLevels, cal: WorkCalendar, asOf: IsoDate, w: WarrantyFact | undefined): TicketFact {
  const clocks = ticketClocks(t, sl, cal, asOf);
  const expected = t.updates?.filter((u) => u.expected !== undefined).at(-1)?.expected;
  return {
    id: t.id,
    title: t.title,
    kind: t.kind,
    severity: t.severity,
    opened: t.opened,
    state: ticketState(t),
    ...(t.contact ? { contact: t.contact } : {}),
    ...(t.owner ? { owner: t.owner } : {}),
    ...(expected ? { expected } : {}),
    under_warranty: underWarranty(w, t.opened),
    ...clocks,
  };
}

/** Overdue first, then the most severe, then the oldest. */
function ticketOrder(a: TicketFact, b: TicketFact): number {
  const late = (x: TicketFact) => (x.response.overdue || x.resolution.overdue ? 0 : 1);
  const sev = (x: TicketFact) => SEVERITIES.indexOf(x.severity);
  return (
    late(a) - late(b) || sev(a) - sev(b) || (a.opened < b.opened ? -1 : a.opened > b.opened ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The project as of the report date (period.ts projectAsOf) in, the after-sales facts out. */
export function serviceFacts(p: Project, cal: WorkCalendar, asOf: IsoDate): ServiceFacts {
  const sl = serviceLevelsOf(p.manifest?.data);
  const w = warrantyOf(p, asOf);
  const all = p.tickets.map((t) => t.data);
  const facts = all
    .filter((t) => !t.closed)
    .map((t) => ticketFact(t, sl, cal, asOf, w))
    .sort(ticketOrder);
  return {
    tickets: facts,
    counts: {
      total: all.length,
      open: facts.length,
      overdue: facts.filter((f) => f.response.overdue || f.resolution.overdue).length,
      unconfirmed: facts.filter((f) => f.state === 'resolved').length,
      complaints: facts.filter((f) => f.kind === 'complaint').length,
    },
    warranty: w ?? null,
    visit_plan: visitPlanOf(p, asOf) ?? null,
  };
}
