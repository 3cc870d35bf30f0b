// The after-sales parts of the status screen and the weekly report: open tickets with their clocks,
// the counts and the warranty; and which KPI rows they show (the after-sales measures only for a
// project that has tickets, so a project still in delivery keeps its screen).
import { kpiList, type Kpis, type Measure } from '../core/kpi.js';
import { SERVICE_KPI_KEYS } from '../core/service-kpi.js';
import type { ServiceFacts, TicketFact } from '../core/service.js';
import type { Translate } from './i18n.js';

/** KPI rows to show: every measure, the after-sales ones only when the project has tickets. */
export function shownMeasures(kpis: Kpis, service: ServiceFacts | undefined): Measure[] {
  const withService = (service?.counts.total ?? 0) > 0;
  return kpiList(kpis).filter((m) => withService || !(SERVICE_KPI_KEYS as readonly string[]).includes(m.key));
}

/** Whether the project has anything after-sales to show. */
export function hasService(service: ServiceFacts | undefined): service is ServiceFacts {
  return service !== undefined && (service.counts.total > 0 || service.warranty !== null || service.visit_plan !== null);
}

/** The warranty in a few words, or '' when none is set. */
export function warrantyPhrase(
  t: Translate,
  s: ServiceFacts,
  d: (iso: string | undefined) => string,
  prefix: 'status.service' | 'wk',
): string {
  const w = s.warranty;
  if (!w) return '';
  const key = prefix === 'wk' ? 'wk.warranty' : 'status.service.warranty';
  if (w.state === 'expired') return t(`${key}Expired`, { end: d(w.end) });
  if (!w.start || !w.end) return t(`${key}Pending`, { months: w.months });
  return t(key, { start: d(w.start), end: d(w.end) });
}

/** What a ticket is waiting for, in a few words, and whether that is late. */
export function ticketPhrase(t: Translate, k: TicketFact, d: (iso: string | undefined) => string): { text: string; late: boolean } {
  const due = (c: TicketFact['response']) => `${d(c.due)}${c.due_time ? ' ' + c.due_time : ''}`;
  if (k.state === 'resolved') return { text: t('status.service.unconfirmed'), late: false };
  if (k.state === 'open')
    return k.response.overdue
      ? { text: t('status.service.noAnswer', { due: due(k.response) }), late: true }
      : { text: t('status.service.respondBy', { due: due(k.response) }), late: false };
  return k.resolution.overdue
    ? { text: t('status.service.lateResolve', { due: due(k.resolution) }), late: true }
    : { text: t('status.service.resolveBy', { due: due(k.resolution) }), late: false };
}

/** A plan step in words: `1m` → "1 month after acceptance". */
export function stepLabel(t: Translate, step: string): string {
  const m = /^(\d{1,3})([dwm])$/.exec(step);
  return m ? t(`visit.step.${m[2]}${Number(m[1]) === 1 ? '1' : ''}`, { n: Number(m[1]) }) : step;
}

/** The visit plan in a line: how many steps are done, the overdue ones, the next one due. '' without a plan. */
export function visitPlanPhrase(t: Translate, s: ServiceFacts, d: (iso: string | undefined) => string): { text: string; late: boolean } {
  const vp = s.visit_plan;
  if (!vp) return { text: '', late: false };
  const parts = [t('visit.plan.done', { done: vp.done, total: vp.steps.length })];
  const overdue = vp.steps.filter((x) => x.state === 'overdue');
  if (overdue.length)
    parts.push(t('visit.plan.overdue', { list: overdue.map((x) => `${stepLabel(t, x.step)} (${d(x.due)})`).join(t('rep.listSep')) }));
  const next = vp.steps.find((x) => x.state === 'due' || x.state === 'upcoming');
  if (next)
    parts.push(t(next.state === 'due' ? 'visit.plan.due' : 'visit.plan.next', { step: stepLabel(t, next.step), date: d(next.due) }));
  if (!vp.start) parts.push(t('visit.plan.pending'));
  return { text: parts.join(' · '), late: overdue.length > 0 };
}
