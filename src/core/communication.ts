// The communication plan (沟通计划, pure): deliver.yaml `communication` promises reports sent and
// meetings held every week or month; this finds the past periods where one is missing.
//
// - Periods: ISO weeks (Monday–Sunday) or calendar months, from the first one starting on or after
//   the promise's `from` (default: the project start) to the last one that ended before the report
//   date, and not past `until`.
// - A report promise is kept in a period when a report sent (sent-reports/) counts for it: it names
//   the promise (`promise`), or names none and is of the promise's frequency (weekly / monthly); it
//   counts for the period it names (`period`), else the one containing the day it was sent.
// - A meeting promise is kept when a meeting is recorded (`deliver meeting add`, meetings/) in the period.
import { addDays, daysInMonth, isIsoDate, isoWeekOf, isoWeekRange, type IsoDate } from './dates.js';
import { diag, type Diagnostic } from './diagnostics.js';
import type { Dispatch, Manifest, Project } from './model.js';

export type CommPromise = NonNullable<Manifest['communication']>[number];
export interface PeriodSpan {
  label: string;
  from: IsoDate;
  to: IsoDate;
}
export interface MissingComm {
  /** Index of the promise in deliver.yaml communication. */
  index: number;
  name: string;
  kind: CommPromise['kind'];
  every: CommPromise['every'];
  periods: string[];
}

/** The week or month labelled `label` (2026-W47, 2026-11). */
export function spanOf(label: string): PeriodSpan | undefined {
  if (/^\d{4}-W\d{2}$/.test(label)) {
    const r = isoWeekRange(label);
    return r ? { label, ...r } : undefined;
  }
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  if (!m) return undefined;
  const y = Number(m[1]),
    mo = Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  return { label, from: `${label}-01`, to: `${label}-${String(daysInMonth(y, mo)).padStart(2, '0')}` };
}

export function periodLabel(every: 'week' | 'month', date: IsoDate): string {
  return every === 'week' ? isoWeekOf(date) : date.slice(0, 7);
}

/** Whole periods from the first starting on or after `from` to the last ending before `asOf` (at most 520). */
export function pastPeriods(every: 'week' | 'month', from: IsoDate, asOf: IsoDate, until?: IsoDate): PeriodSpan[] {
  const out: PeriodSpan[] = [];
  // A week ending after 9999-12-31 has no YYYY-MM-DD end (fromDay writes 10000-01-02, which also
  // sorts before every date as text): it never ended before the report date.
  const endedBefore = (span: PeriodSpan | undefined): span is PeriodSpan => span !== undefined && isIsoDate(span.to) && span.to < asOf;
  let span = spanOf(periodLabel(every, from));
  if (span && span.from < from) span = endedBefore(span) ? spanOf(periodLabel(every, addDays(span.to, 1))) : undefined;
  while (endedBefore(span) && (until === undefined || span.to <= until) && out.length < 520) {
    out.push(span);
    span = spanOf(periodLabel(every, addDays(span.to, 1)));
  }
  return out;
}

const TYPE_OF = { week: 'weekly', month: 'monthly' } as const;

function countsFor(d: Dispatch, p: CommPromise, reportPromises: readonly CommPromise[]): boolean {
  if (d.promise !== undefined) return d.promise === p.name;
  // Unnamed: the report of its frequency, when the plan promises one of that frequency.
  return d.type === TYPE_OF[p.every] && reportPromises.some((x) => x === p);
}

export function missingCommunication(p: Project, asOf: IsoDate): MissingComm[] {
  const m = p.manifest?.data;
  const plan = m?.communication ?? [];
  if (!m || plan.length === 0) return [];
  const reports = plan.filter((x) => x.kind === 'report');
  const out: MissingComm[] = [];
  plan.forEach((promise, index) => {
    const held = new Set<string>();
    if (promise.kind === 'report') {
      for (const { data: d } of p.dispatches)
        if (d.date <= asOf && countsFor(d, promise, reports))
          held.add(d.period && spanOf(d.period) ? periodLabel(promise.every, spanOf(d.period)!.from) : periodLabel(promise.every, d.date));
    } else {
      // Any meeting with the customer held in the period keeps the promise (meetings/, `deliver meeting add`).
      for (const { data } of p.meetings) if (data.date <= asOf) held.add(periodLabel(promise.every, data.date));
    }
    const periods = pastPeriods(promise.every, promise.from ?? m.start, asOf, promise.until)
      .map((s) => s.label)
      .filter((l) => !held.has(l));
    if (periods.length) out.push({ index, name: promise.name, kind: promise.kind, every: promise.every, periods });
  });
  return out;
}

/** validate's warnings: one per promise with missing periods (the first few listed). */
export function communicationDiagnostics(p: Project, asOf: IsoDate): Diagnostic[] {
  const file = p.manifest?.file;
  if (!file) return [];
  return missingCommunication(p, asOf).map((x) =>
    diag(
      x.kind === 'report' ? 'DLV-W161' : 'DLV-W162',
      file,
      {
        name: x.name,
        n: x.periods.length,
        periods: x.periods.length > 5 ? `${x.periods.slice(-5).join(', ')} (+${x.periods.length - 5})` : x.periods.join(', '),
      },
      ['communication', x.index],
    ),
  );
}
