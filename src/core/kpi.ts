// The delivery KPIs of DOMAIN.md for one project and a portfolio (pure). Every measure keeps its
// numerator and denominator so a portfolio total is the ratio of summed numerators to summed
// denominators, never an average of project rates.
//
// Common rules:
// - The window is the period cut at the report date (period.ts windowOf); with no period it is
//   everything up to as-of. The project is first taken as it stood on as-of (projectAsOf), so later
//   facts (rounds, actual ends, actions done, history moves) do not count.
// - value = numerator / denominator; null with a reason when the denominator is 0.
// - met = value ≥ target (≤ for average_cycle_days); null when there is no value or no target.
//
// Formulas (also in --json, key `formula`):
// - on_time_delivery_rate: acceptance records delivered in the window on or before their agreed date
//   (record `agreed`, else the latest `due` of its requirements) / acceptance records delivered in
//   the window that have an agreed date. Records with no agreed date at all are left out and
//   counted in `excluded`.
// - acceptance_pass_rate: records with a passing final round / records with at least one round,
//   a record belonging to the window of its latest round (pre-acceptance rounds count as rounds,
//   only a final round passes a record).
// - first_pass_rate: records accepted without any failed round before the pass (acceptance.ts
//   firstPass) / the same denominator as acceptance_pass_rate.
// - customer_satisfaction: sum of survey scores / number of surveys dated in the window (the mean).
// - risk_response_rate: planned risk actions due in the window that were carried out (`done` on or
//   before as-of and not waived) / planned actions due in the window. A waived action stays in the
//   denominator: it was planned and not carried out, and leaving it out would let waivers raise the
//   rate. Actions without a due date are not "due" and are not counted.
// - risks_identified: risks identified in the window (a count: denominator null). Target per project
//   (default 3); a portfolio's target is the sum of its projects' targets.
// - requirements_received: requirements received in the window (a count); `accepted` and `rejected`
//   count requirements whose history moved them there in the window.
// - average_cycle_days: total working days from received to accepted (project calendar; the
//   history's move to accepted, else the passing acceptance round) / requirements accepted in the window.
// - analysis_sla_rate: requirements received in the window whose analysis is dated within
//   `sla.analysis_days` (default 1) working days of receipt / requirements received in the window
//   whose analysis was due by as-of: those with an analysis, plus those without one whose deadline
//   has passed (a missing analysis is a miss). Rejected requirements without an analysis are left out.
// - feasibility_sla_rate: the same with the feasibility assessment and `sla.feasibility_days` (default 2).
// - ticket_response_rate, ticket_resolution_rate, mean_resolution_days, complaints: after-sales, see service-kpi.ts.
import { isAccepted, firstPass, passingRound } from './acceptance.js';
import { makeCalendar, type WorkCalendar } from './calendar.js';
import { isIsoDate, toDay, type IsoDate } from './dates.js';
import type { Manifest, Project, Requirement } from './model.js';
import { allTime, inWindow, projectAsOf, windowOf, type Period, type Window } from './period.js';
import { SERVICE_DEFAULT_TARGETS, SERVICE_KPI_KEYS, SERVICE_KPI_UNIT, SERVICE_LOWER_IS_BETTER, SERVICE_REASON, serviceKpiCounts, type ServiceNullReason } from './service-kpi.js';

export const KPI_KEYS = [
  'on_time_delivery_rate', 'acceptance_pass_rate', 'first_pass_rate', 'customer_satisfaction', 'risk_response_rate',
  'risks_identified', 'requirements_received', 'average_cycle_days', 'analysis_sla_rate', 'feasibility_sla_rate',
  ...SERVICE_KPI_KEYS,
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];
export type KpiTargets = Record<KpiKey, number | null>;

/** rate: a fraction; score: out of 100; count: a number of things; days: working days. */
export type KpiUnit = 'rate' | 'score' | 'count' | 'days';
export const KPI_UNIT: Record<KpiKey, KpiUnit> = {
  on_time_delivery_rate: 'rate', acceptance_pass_rate: 'rate', first_pass_rate: 'rate', customer_satisfaction: 'score',
  risk_response_rate: 'rate', risks_identified: 'count', requirements_received: 'count', average_cycle_days: 'days',
  analysis_sla_rate: 'rate', feasibility_sla_rate: 'rate', ...SERVICE_KPI_UNIT,
};

/** Targets from DOMAIN.md; measures it gives no target for have none unless deliver.yaml sets one. */
export const DEFAULT_TARGETS: KpiTargets = {
  on_time_delivery_rate: 0.9, acceptance_pass_rate: null, first_pass_rate: null, customer_satisfaction: 80,
  risk_response_rate: 0.95, risks_identified: 3, requirements_received: null, average_cycle_days: null,
  analysis_sla_rate: null, feasibility_sla_rate: null, ...SERVICE_DEFAULT_TARGETS,
};

export type NullReason =
  | 'no_deliveries' | 'no_rounds' | 'no_surveys' | 'no_actions_due' | 'no_accepted_requirements' | 'no_analysis_due' | 'no_feasibility_due' | ServiceNullReason;

const REASON: Partial<Record<KpiKey, NullReason>> = {
  on_time_delivery_rate: 'no_deliveries', acceptance_pass_rate: 'no_rounds', first_pass_rate: 'no_rounds',
  customer_satisfaction: 'no_surveys', risk_response_rate: 'no_actions_due', average_cycle_days: 'no_accepted_requirements',
  analysis_sla_rate: 'no_analysis_due', feasibility_sla_rate: 'no_feasibility_due', ...SERVICE_REASON,
};

export interface Measure {
  key: KpiKey;
  value: number | null;
  numerator: number;
  /** null for counts, which are not ratios. */
  denominator: number | null;
  target: number | null;
  met: boolean | null;
  reason?: NullReason;
  /** on_time_delivery_rate: deliveries without an agreed date, left out. */
  excluded?: number;
  /** requirements_received: moves to accepted / rejected in the window. */
  accepted?: number;
  rejected?: number;
}

export type Kpis = Record<KpiKey, Measure>;

export function targetsOf(manifest: Manifest | undefined): KpiTargets {
  const t = { ...DEFAULT_TARGETS };
  for (const k of KPI_KEYS) {
    const v = (manifest?.kpi_targets as Record<string, unknown> | undefined)?.[k];
    if (typeof v === 'number' && Number.isFinite(v)) t[k] = v;
  }
  return t;
}

/** Builds a measure from its parts: value, met and reason follow the common rules above. */
export function measure(key: KpiKey, numerator: number, denominator: number | null, target: number | null, extra: Partial<Measure> = {}): Measure {
  const unit = KPI_UNIT[key];
  const value = unit === 'count' ? numerator : denominator ? numerator / denominator : null;
  const met = value === null || target === null ? null : key === 'average_cycle_days' || SERVICE_LOWER_IS_BETTER.includes(key) ? value <= target : value >= target;
  const m: Measure = { key, value, numerator, denominator, target, met, ...extra };
  if (value === null && REASON[key]) m.reason = REASON[key];
  return m;
}

export interface KpiInput {
  project: Project;
  asOf: IsoDate;
  /** Default: everything up to as-of. */
  period?: Period;
  /** Default: built from deliver.yaml. */
  calendar?: WorkCalendar;
}

/** Working days in (a, b] in the calendar; undefined when a date is malformed or out of range. */
function workingDays(cal: WorkCalendar, a: string, b: string): number | undefined {
  if (!isIsoDate(a) || !isIsoDate(b)) return undefined;
  try {
    return cal.workingDaysBetween(toDay(a), toDay(b));
  } catch {
    return undefined;
  }
}

/** Date of the last move to `status` in the history. */
export function movedTo(r: Requirement, status: Requirement['status']): IsoDate | undefined {
  const h = r.history ?? [];
  for (let i = h.length - 1; i >= 0; i--) if (h[i]!.to === status) return h[i]!.date;
  return undefined;
}

export function projectKpis(input: KpiInput): Kpis {
  const { asOf } = input;
  const p = projectAsOf(input.project, asOf);
  const manifest = p.manifest?.data;
  const cal = input.calendar ?? makeCalendar(manifest?.calendar);
  const targets = targetsOf(manifest);
  const w: Window = windowOf(input.period ?? allTime(asOf), asOf);
  const reqs = new Map(p.requirements.map((r) => [r.data.id, r.data]));
  const acc = p.acceptance.map((a) => a.data);

  // on-time delivery
  let onTime = 0, delivered = 0, excluded = 0;
  for (const a of acc) {
    if (!inWindow(w, a.delivered)) continue;
    const dues = a.requirements.map((id) => reqs.get(id)?.due).filter((d): d is string => d !== undefined).sort();
    const agreed = a.agreed ?? dues[dues.length - 1];
    if (agreed === undefined) { excluded++; continue; }
    delivered++;
    if (a.delivered <= agreed) onTime++;
  }

  // acceptance pass and first pass: a record counts in the window of its latest round
  let inspected = 0, passed = 0, firstPassed = 0;
  for (const a of acc) {
    const rounds = a.rounds ?? [];
    const last = rounds[rounds.length - 1];
    if (!last || !inWindow(w, last.date)) continue;
    inspected++;
    if (isAccepted(a)) passed++;
    if (firstPass(a) === true) firstPassed++;
  }

  // satisfaction
  const surveys = p.surveys.map((s) => s.data).filter((s) => inWindow(w, s.date));
  const scoreSum = surveys.reduce((s, x) => s + x.score, 0);

  // risk response and risks identified
  let actionsDue = 0, actionsDone = 0;
  for (const r of p.risks) {
    for (const a of r.data.actions ?? []) {
      if (!inWindow(w, a.due)) continue;
      actionsDue++;
      if (a.done !== undefined && a.waived === undefined) actionsDone++;
    }
  }
  const identified = p.risks.filter((r) => inWindow(w, r.data.identified)).length;

  // requirement throughput and cycle
  const all = p.requirements.map((r) => r.data);
  const received = all.filter((r) => inWindow(w, r.received)).length;
  const rejected = all.filter((r) => inWindow(w, movedTo(r, 'rejected')) && r.status === 'rejected').length;
  let cycleSum = 0, cycleCount = 0, acceptedCount = 0;
  for (const r of all) {
    if (r.status !== 'accepted') continue;
    const at = movedTo(r, 'accepted') ?? acceptedByRound(r.id, acc);
    if (!inWindow(w, at)) continue;
    acceptedCount++;
    const days = workingDays(cal, r.received, at);
    if (days === undefined) continue;
    cycleSum += Math.max(0, days);
    cycleCount++;
  }

  // service levels
  const sla = (days: number, dateOf: (r: Requirement) => string | undefined) => {
    let within = 0, due = 0;
    for (const r of all) {
      if (!inWindow(w, r.received)) continue;
      const at = dateOf(r);
      if (at === undefined) {
        if (r.status === 'rejected') continue; // turned down before anyone had to analyse it
        const elapsed = workingDays(cal, r.received, asOf);
        if (elapsed === undefined || elapsed <= days) continue; // still within its deadline
        due++;
        continue;
      }
      due++;
      const took = workingDays(cal, r.received, at);
      if (took !== undefined && took <= days) within++;
    }
    return { within, due };
  };
  const an = sla(manifest?.sla?.analysis_days ?? 1, (r) => r.analysis?.date);
  const fe = sla(manifest?.sla?.feasibility_days ?? 2, (r) => r.feasibility?.date);
  const service = serviceKpiCounts(p, w, cal, asOf);

  return {
    on_time_delivery_rate: measure('on_time_delivery_rate', onTime, delivered, targets.on_time_delivery_rate, { excluded }),
    acceptance_pass_rate: measure('acceptance_pass_rate', passed, inspected, targets.acceptance_pass_rate),
    first_pass_rate: measure('first_pass_rate', firstPassed, inspected, targets.first_pass_rate),
    customer_satisfaction: measure('customer_satisfaction', scoreSum, surveys.length, targets.customer_satisfaction),
    risk_response_rate: measure('risk_response_rate', actionsDone, actionsDue, targets.risk_response_rate),
    risks_identified: measure('risks_identified', identified, null, targets.risks_identified),
    requirements_received: measure('requirements_received', received, null, targets.requirements_received, { accepted: acceptedCount, rejected }),
    average_cycle_days: measure('average_cycle_days', cycleSum, cycleCount, targets.average_cycle_days),
    analysis_sla_rate: measure('analysis_sla_rate', an.within, an.due, targets.analysis_sla_rate),
    feasibility_sla_rate: measure('feasibility_sla_rate', fe.within, fe.due, targets.feasibility_sla_rate),
    ...(Object.fromEntries(SERVICE_KPI_KEYS.map((k) => [k, measure(k, service[k].numerator, service[k].denominator, targets[k])])) as Record<(typeof SERVICE_KPI_KEYS)[number], Measure>),
  };
}

/** The date of the first passing final round of an acceptance record covering requirement `id`. */
function acceptedByRound(id: string, acc: Project['acceptance'][number]['data'][]): IsoDate | undefined {
  const dates = acc.filter((a) => a.requirements.includes(id)).map((a) => a.rounds?.[passingRound(a)]?.date).filter((d): d is string => d !== undefined).sort();
  return dates[0];
}

/**
 * Portfolio totals: numerators and denominators summed, the value recomputed from the sums.
 * Targets: risks_identified adds up the projects' targets (≥ 3 per project); every other target is the
 * one all projects share, else the DOMAIN.md default.
 */
export function portfolioTotals(rows: readonly Kpis[]): Kpis {
  const out = {} as Kpis;
  for (const k of KPI_KEYS) {
    const ms = rows.map((r) => r[k]);
    const num = ms.reduce((s, m) => s + m.numerator, 0);
    const den = KPI_UNIT[k] === 'count' ? null : ms.reduce((s, m) => s + (m.denominator ?? 0), 0);
    let target: number | null;
    if (k === 'risks_identified') target = ms.every((m) => m.target === null) ? null : ms.reduce((s, m) => s + (m.target ?? 0), 0);
    else {
      const distinct = new Set(ms.map((m) => m.target));
      target = distinct.size === 1 ? ms[0]!.target : DEFAULT_TARGETS[k];
    }
    const extra: Partial<Measure> = {};
    if (k === 'on_time_delivery_rate') extra.excluded = ms.reduce((s, m) => s + (m.excluded ?? 0), 0);
    if (k === 'requirements_received') {
      extra.accepted = ms.reduce((s, m) => s + (m.accepted ?? 0), 0);
      extra.rejected = ms.reduce((s, m) => s + (m.rejected ?? 0), 0);
    }
    out[k] = measure(k, num, den, target, extra);
  }
  return out;
}
