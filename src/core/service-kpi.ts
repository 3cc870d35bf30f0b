// The after-sales KPIs (pure), added to the delivery KPIs of kpi.ts. Same common rules: a window (the
// period cut at the report date), the project as it stood on as-of, numerator and denominator kept.
//
// - ticket_response_rate: tickets opened in the window whose response clock has run out or that were
//   answered (service.ts ticketClocks) and were answered within it / those tickets. A ticket not
//   answered whose clock is still running is not counted yet; one not answered past its clock is a miss.
// - ticket_resolution_rate: the same with the resolution clock and the resolution.
// - mean_resolution_days: working days from opening to resolution (hours on the clock ÷ the working
//   window's hours when the project counts hours) summed over tickets resolved in the window / their number.
// - complaints: complaint tickets opened in the window (a count; a target is a maximum).
import type { WorkCalendar } from './calendar.js';
import type { Project } from './model.js';
import { inWindow, type Window } from './period.js';
import { elapsed, serviceLevelsOf, ticketClocks } from './service.js';
import type { IsoDate } from './dates.js';

export const SERVICE_KPI_KEYS = ['ticket_response_rate', 'ticket_resolution_rate', 'mean_resolution_days', 'complaints'] as const;
export type ServiceKpiKey = (typeof SERVICE_KPI_KEYS)[number];
export const SERVICE_KPI_UNIT = {
  ticket_response_rate: 'rate',
  ticket_resolution_rate: 'rate',
  mean_resolution_days: 'days',
  complaints: 'count',
} as const;
export const SERVICE_DEFAULT_TARGETS: Record<ServiceKpiKey, number | null> = {
  ticket_response_rate: null,
  ticket_resolution_rate: null,
  mean_resolution_days: null,
  complaints: null,
};
export type ServiceNullReason = 'no_tickets_due' | 'no_tickets_resolved';
export const SERVICE_REASON: Record<Exclude<ServiceKpiKey, 'complaints'>, ServiceNullReason> = {
  ticket_response_rate: 'no_tickets_due',
  ticket_resolution_rate: 'no_tickets_due',
  mean_resolution_days: 'no_tickets_resolved',
};
/** Measures where less is better: met when value ≤ target. */
export const SERVICE_LOWER_IS_BETTER: readonly string[] = ['mean_resolution_days', 'complaints'];

export interface ServiceCounts {
  numerator: number;
  denominator: number | null;
}

/** Numerators and denominators of the after-sales KPIs; kpi.ts turns them into measures. */
export function serviceKpiCounts(p: Project, w: Window, cal: WorkCalendar, asOf: IsoDate): Record<ServiceKpiKey, ServiceCounts> {
  const sl = serviceLevelsOf(p.manifest?.data);
  let responded = 0,
    responseDue = 0,
    resolved = 0,
    resolutionDue = 0,
    daysSum = 0,
    daysCount = 0,
    complaints = 0;
  const hoursPerDay = (sl.end - sl.start) / 60;
  for (const { data: t } of p.tickets) {
    if (inWindow(w, t.opened)) {
      const c = ticketClocks(t, sl, cal, asOf);
      if (c.response.met !== null) {
        responseDue++;
        if (c.response.met) responded++;
      }
      if (c.resolution.met !== null) {
        resolutionDue++;
        if (c.resolution.met) resolved++;
      }
      if (t.kind === 'complaint') complaints++;
    }
    if (t.resolved && inWindow(w, t.resolved.date)) {
      const took = elapsed(sl, cal, { date: t.opened, time: t.opened_time }, { date: t.resolved.date, time: t.resolved.time });
      if (took === undefined) continue;
      daysSum += sl.unit === 'hours' ? took / hoursPerDay : took;
      daysCount++;
    }
  }
  return {
    ticket_response_rate: { numerator: responded, denominator: responseDue },
    ticket_resolution_rate: { numerator: resolved, denominator: resolutionDue },
    mean_resolution_days: { numerator: Math.round(daysSum * 100) / 100, denominator: daysCount },
    complaints: { numerator: complaints, denominator: null },
  };
}
