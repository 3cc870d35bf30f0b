// The delivery KPIs of DOMAIN.md for one project and a portfolio (pure), as the source documents define
// them (the README quotes the seed passage behind each). Every measure keeps its numerator and
// denominator so a portfolio total is the ratio of summed numerators to summed denominators, never an
// average of project rates; a per-project target (risks managed) is judged project by project.
//
// Common rules:
// - The window is the period cut at the report date (period.ts windowOf); with no period it is
//   everything up to as-of. The project is first taken as it stood on as-of (projectAsOf), so later
//   facts (rounds, actual ends, actions done or waived, history moves, approvals) do not count.
// - value = numerator / denominator; null with a reason when the denominator is 0.
// - met = value ≥ target (≤ for average_cycle_days); null when there is no value or no target.
//
// Formulas (also in --json, key `formula`; the counting rules are in kpi-rules.ts):
// - project_on_time_rate (项目交付及时率): projects delivered on time / projects delivered in the window.
//   Delivered = every requirement in scope accepted (on the last acceptance), or for a project without
//   requirements every milestone reached; on time = no later than the contract's due date moved by the
//   schedule days of the change slips both sides approved.
// - on_time_delivery_rate: acceptance records delivered in the window on or before their agreed date
//   (record `agreed`, else the latest `due` of its requirements, else the contract's due date) /
//   acceptance records delivered in the window with such a date (the others are counted in `excluded`).
// - acceptance_pass_rate: records delivered in the window with a passing final round / records delivered
//   in the window that have had a final round by as-of (pre-acceptance rounds are not judged).
// - first_pass_rate: the same records whose first final round passed / the same denominator.
// - customer_satisfaction: sum of customer survey scores / customer surveys dated in the window.
// - satisfaction_<dimension>: the same over the surveys that score that dimension; target: the
//   customer_satisfaction target.
// - team_communication_score: sum of team survey scores (1–5) / team surveys dated in the window.
// - risk_response_rate: actions done by as-of / actions due in the window plus undated actions done in
//   the window; waived actions leave the plan (counted in `waived`).
// - risks_identified: risks identified in the window with at least one action done by as-of (a count:
//   denominator null; `identified` and `managed` beside it). Target per project.
// - requirements_received: requirements received in the window (a count); `accepted` and `rejected`
//   count requirements whose history moved them there in the window.
// - average_cycle_days: total working days from received to accepted (project calendar; the
//   history's move to accepted, else the passing acceptance round) / requirements accepted in the window.
// - analysis_sla_rate, feasibility_sla_rate: requirements received in the window whose step was done in
//   time / those judged (done, or deadline passed by as-of); a rejection or hold at or before the
//   deadline takes the requirement out (`stopped`). Analysis: `sla.analysis_days` (default 1) working
//   days from intake; feasibility: `sla.feasibility_days` (default 2) from the analysis.
// - rectification_on_time_rate (整改按时完成率): rectification items due in the window fixed on or before
//   their due date / those due in the window that were fixed or whose due date has passed by as-of.
import { makeCalendar, type WorkCalendar } from './calendar.js';
import type { IsoDate } from './dates.js';
import {
  acceptanceCounts,
  acceptedOn,
  contractDue,
  CUSTOMER_DIMENSIONS,
  isTeam,
  movedTo,
  ownDimensions,
  projectDelivery,
  riskCounts,
  scoreSum,
  slaCounts,
  workingDays,
} from './kpi-rules.js';
import type { Manifest, Project } from './model.js';
import { rectificationCounts } from './rectification.js';
import { allTime, inWindow, projectAsOf, windowOf, type Period, type Window } from './period.js';
import {
  SERVICE_DEFAULT_TARGETS,
  SERVICE_KPI_KEYS,
  SERVICE_KPI_UNIT,
  SERVICE_LOWER_IS_BETTER,
  SERVICE_REASON,
  serviceKpiCounts,
  type ServiceNullReason,
} from './service-kpi.js';

export { movedTo } from './kpi-rules.js';

export const KPI_KEYS = [
  'project_on_time_rate',
  'on_time_delivery_rate',
  'acceptance_pass_rate',
  'first_pass_rate',
  'customer_satisfaction',
  'satisfaction_quality',
  'satisfaction_timeliness',
  'satisfaction_after_sales',
  'team_communication_score',
  'risk_response_rate',
  'risks_identified',
  'requirements_received',
  'average_cycle_days',
  'analysis_sla_rate',
  'feasibility_sla_rate',
  'rectification_on_time_rate',
  ...SERVICE_KPI_KEYS,
] as const;
export type BaseKpiKey = (typeof KPI_KEYS)[number];
/** A base measure, or `satisfaction_<dimension>` for a dimension the project defines. */
export type KpiKey = BaseKpiKey | `satisfaction_${string}`;
export type KpiTargets = Record<BaseKpiKey, number | null>;

/** rate: a fraction; score: out of 100; score5: out of 5; count: a number of things; days: working days. */
export type KpiUnit = 'rate' | 'score' | 'score5' | 'count' | 'days';
export const KPI_UNIT: Record<BaseKpiKey, KpiUnit> = {
  project_on_time_rate: 'rate',
  on_time_delivery_rate: 'rate',
  acceptance_pass_rate: 'rate',
  first_pass_rate: 'rate',
  customer_satisfaction: 'score',
  satisfaction_quality: 'score',
  satisfaction_timeliness: 'score',
  satisfaction_after_sales: 'score',
  team_communication_score: 'score5',
  risk_response_rate: 'rate',
  risks_identified: 'count',
  requirements_received: 'count',
  average_cycle_days: 'days',
  analysis_sla_rate: 'rate',
  feasibility_sla_rate: 'rate',
  rectification_on_time_rate: 'rate',
  ...SERVICE_KPI_UNIT,
};

export function unitOf(key: KpiKey): KpiUnit {
  return (KPI_UNIT as Record<string, KpiUnit>)[key] ?? 'score';
}

/**
 * The targets the source documents give (项目交付按时率 90%, 客户满意度 80 分, 风险应对计划实施率 95%,
 * 至少 3 个风险, 沟通评分 4 分); every other measure has none unless deliver.yaml sets one.
 * The satisfaction dimensions take the customer_satisfaction target.
 */
export const DEFAULT_TARGETS: KpiTargets = {
  project_on_time_rate: 0.9,
  on_time_delivery_rate: null,
  acceptance_pass_rate: null,
  first_pass_rate: null,
  customer_satisfaction: 80,
  satisfaction_quality: 80,
  satisfaction_timeliness: 80,
  satisfaction_after_sales: 80,
  team_communication_score: 4,
  risk_response_rate: 0.95,
  risks_identified: 3,
  requirements_received: null,
  average_cycle_days: null,
  analysis_sla_rate: null,
  feasibility_sla_rate: null,
  rectification_on_time_rate: null,
  ...SERVICE_DEFAULT_TARGETS,
};

/** The targets deliver.yaml can set (the dimensions follow customer_satisfaction). */
const SETTABLE = KPI_KEYS.filter((k) => !/^satisfaction_/.test(k));

export type NullReason =
  | 'no_deliveries'
  | 'no_final_rounds'
  | 'no_surveys'
  | 'no_dimension_scores'
  | 'no_team_surveys'
  | 'no_actions_due'
  | 'no_accepted_requirements'
  | 'no_analysis_due'
  | 'no_feasibility_due'
  | 'no_rectification_due'
  | ServiceNullReason
  | 'not_delivered'
  | 'delivered_outside_period'
  | 'no_contract_due'
  | 'no_projects_delivered';

const REASON: Partial<Record<BaseKpiKey, NullReason>> = {
  project_on_time_rate: 'no_projects_delivered',
  on_time_delivery_rate: 'no_deliveries',
  acceptance_pass_rate: 'no_final_rounds',
  first_pass_rate: 'no_final_rounds',
  customer_satisfaction: 'no_surveys',
  satisfaction_quality: 'no_dimension_scores',
  satisfaction_timeliness: 'no_dimension_scores',
  satisfaction_after_sales: 'no_dimension_scores',
  team_communication_score: 'no_team_surveys',
  risk_response_rate: 'no_actions_due',
  average_cycle_days: 'no_accepted_requirements',
  analysis_sla_rate: 'no_analysis_due',
  feasibility_sla_rate: 'no_feasibility_due',
  rectification_on_time_rate: 'no_rectification_due',
  ...SERVICE_REASON,
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
  /** satisfaction_<dimension> of the project's own: the dimension's name (user text). */
  label?: string;
  /** on_time_delivery_rate: deliveries with no date to judge against, left out. */
  excluded?: number;
  /** requirements_received: moves to accepted / rejected in the window. */
  accepted?: number;
  rejected?: number;
  /** risks_identified: risks identified in the window, and those managed (the numerator). */
  identified?: number;
  managed?: number;
  /** risks_identified over a portfolio: projects meeting their target, of the projects with one. */
  projects_met?: number;
  projects?: number;
  /** risk_response_rate: actions waived, left out of the plan. */
  waived?: number;
  /** analysis/feasibility SLA: requirements rejected or held before the deadline, left out. */
  stopped?: number;
  /** project_on_time_rate of one project: when it was delivered, and the due date it is judged against. */
  delivered_on?: IsoDate | null;
  due?: IsoDate | null;
  /** project_on_time_rate of one project: working days the approved change slips moved the due date. */
  moved_days?: number;
}

export type Kpis = Record<BaseKpiKey, Measure> & {
  /** satisfaction_<dimension> for the project's own dimensions, in order. */
  own?: Measure[];
};

/** Every measure in display order: the base ones, the project's own dimensions after the built-in ones. */
export function kpiList(k: Kpis): Measure[] {
  const out: Measure[] = [];
  for (const key of KPI_KEYS) {
    out.push(k[key]);
    if (key === 'satisfaction_after_sales') out.push(...(k.own ?? []));
  }
  return out;
}

export function targetsOf(manifest: Manifest | undefined): KpiTargets {
  const t = { ...DEFAULT_TARGETS };
  for (const k of SETTABLE) {
    const v = (manifest?.kpi_targets as Record<string, unknown> | undefined)?.[k];
    if (typeof v === 'number' && Number.isFinite(v)) t[k] = v;
  }
  for (const d of CUSTOMER_DIMENSIONS) t[`satisfaction_${d}`] = t.customer_satisfaction;
  return t;
}

/** Builds a measure from its parts: value, met and reason follow the common rules above. */
export function measure(
  key: KpiKey,
  numerator: number,
  denominator: number | null,
  target: number | null,
  extra: Partial<Measure> = {},
): Measure {
  const unit = unitOf(key);
  const value = unit === 'count' ? numerator : denominator ? numerator / denominator : null;
  const met =
    value === null || target === null
      ? null
      : key === 'average_cycle_days' || SERVICE_LOWER_IS_BETTER.includes(key)
        ? value <= target
        : value >= target;
  const m: Measure = { key, value, numerator, denominator, target, met, ...extra };
  if (value !== null) delete m.reason;
  else if (!m.reason) {
    const r = (REASON as Record<string, NullReason>)[key] ?? (key.startsWith('satisfaction_') ? 'no_dimension_scores' : undefined);
    if (r) m.reason = r;
  }
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

export function projectKpis(input: KpiInput): Kpis {
  const { asOf } = input;
  const p = projectAsOf(input.project, asOf);
  const manifest = p.manifest?.data;
  const cal = input.calendar ?? makeCalendar(manifest?.calendar);
  const targets = targetsOf(manifest);
  const w: Window = windowOf(input.period ?? allTime(asOf), asOf);
  const reqs = new Map(p.requirements.map((r) => [r.data.id, r.data]));
  const acc = p.acceptance.map((a) => a.data);

  // the project's delivery (项目交付及时率)
  const pd = projectDelivery(p, cal);
  let project: Measure;
  if (pd.state === 'open')
    project = measure('project_on_time_rate', 0, 0, targets.project_on_time_rate, {
      reason: 'not_delivered',
      delivered_on: null,
      due: pd.due ?? null,
      moved_days: pd.moved,
    });
  else {
    const extra = { delivered_on: pd.date, due: pd.due ?? null, moved_days: pd.moved };
    if (!inWindow(w, pd.date))
      project = measure('project_on_time_rate', 0, 0, targets.project_on_time_rate, { ...extra, reason: 'delivered_outside_period' });
    else if (pd.onTime === undefined)
      project = measure('project_on_time_rate', 0, 0, targets.project_on_time_rate, { ...extra, reason: 'no_contract_due' });
    else project = measure('project_on_time_rate', pd.onTime ? 1 : 0, 1, targets.project_on_time_rate, extra);
  }

  // deliveries and their acceptance
  const ac = acceptanceCounts(acc, reqs, w, contractDue(manifest));

  // satisfaction: the customer's overall and per dimension, the team's rating of the delivery lead
  const dated = p.surveys.map((s) => s.data).filter((s) => inWindow(w, s.date));
  const customer = dated.filter((s) => !isTeam(s));
  const team = dated.filter(isTeam);
  const overall = scoreSum(customer, (s) => s.score);
  const dim = (d: string) => scoreSum(customer, (s) => s.dimensions?.[d]);
  const dq = dim('quality'),
    dt = dim('timeliness'),
    da = dim('after_sales');
  const own = ownDimensions(
    manifest,
    p.surveys.map((s) => s.data),
  ).map(({ key, name }) => {
    const x = dim(key);
    return measure(`satisfaction_${key}`, x.sum, x.n, targets.customer_satisfaction, { label: name });
  });
  const tm = scoreSum(team, (s) => s.score);

  // risks
  const rc = riskCounts(
    p.risks.map((r) => r.data),
    w,
  );

  // requirement throughput and cycle
  const all = p.requirements.map((r) => r.data);
  const received = all.filter((r) => inWindow(w, r.received)).length;
  const rejected = all.filter((r) => r.status === 'rejected' && inWindow(w, movedTo(r, 'rejected'))).length;
  let cycleSum = 0,
    cycleCount = 0,
    acceptedCount = 0;
  for (const r of all) {
    if (r.status !== 'accepted') continue;
    const at = acceptedOn(r, acc);
    if (!inWindow(w, at)) continue;
    acceptedCount++;
    const days = workingDays(cal, r.received, at);
    if (days === undefined) continue;
    cycleSum += Math.max(0, days);
    cycleCount++;
  }

  // rectification items (整改单) fixed by their due date
  const rect = rectificationCounts(acc, (d) => inWindow(w, d), asOf);

  // service levels
  const sla = slaCounts(all, w, asOf, cal, manifest?.sla?.analysis_days ?? 1, manifest?.sla?.feasibility_days ?? 2);
  const service = serviceKpiCounts(p, w, cal, asOf);

  return {
    project_on_time_rate: project,
    on_time_delivery_rate: measure('on_time_delivery_rate', ac.onTime, ac.delivered, targets.on_time_delivery_rate, {
      excluded: ac.excluded,
    }),
    acceptance_pass_rate: measure('acceptance_pass_rate', ac.passed, ac.inspected, targets.acceptance_pass_rate),
    first_pass_rate: measure('first_pass_rate', ac.firstPassed, ac.inspected, targets.first_pass_rate),
    customer_satisfaction: measure('customer_satisfaction', overall.sum, overall.n, targets.customer_satisfaction),
    satisfaction_quality: measure('satisfaction_quality', dq.sum, dq.n, targets.satisfaction_quality),
    satisfaction_timeliness: measure('satisfaction_timeliness', dt.sum, dt.n, targets.satisfaction_timeliness),
    satisfaction_after_sales: measure('satisfaction_after_sales', da.sum, da.n, targets.satisfaction_after_sales),
    team_communication_score: measure('team_communication_score', tm.sum, tm.n, targets.team_communication_score),
    risk_response_rate: measure('risk_response_rate', rc.done, rc.planned, targets.risk_response_rate, { waived: rc.waived }),
    risks_identified: measure('risks_identified', rc.managed, null, targets.risks_identified, {
      identified: rc.identified,
      managed: rc.managed,
    }),
    requirements_received: measure('requirements_received', received, null, targets.requirements_received, {
      accepted: acceptedCount,
      rejected,
    }),
    average_cycle_days: measure('average_cycle_days', cycleSum, cycleCount, targets.average_cycle_days),
    analysis_sla_rate: measure('analysis_sla_rate', sla.analysis.within, sla.analysis.due, targets.analysis_sla_rate, {
      stopped: sla.analysis.stopped,
    }),
    feasibility_sla_rate: measure('feasibility_sla_rate', sla.feasibility.within, sla.feasibility.due, targets.feasibility_sla_rate, {
      stopped: sla.feasibility.stopped,
    }),
    rectification_on_time_rate: measure('rectification_on_time_rate', rect.onTime, rect.due, targets.rectification_on_time_rate),
    ...(Object.fromEntries(
      SERVICE_KPI_KEYS.map((k) => [k, measure(k, service[k].numerator, service[k].denominator, targets[k])]),
    ) as Record<(typeof SERVICE_KPI_KEYS)[number], Measure>),
    ...(own.length ? { own } : {}),
  };
}

const sum = (ms: readonly Measure[], f: (m: Measure) => number | null | undefined) => ms.reduce((s, m) => s + (f(m) ?? 0), 0);

/** The target all the measures share, else `fallback`. */
function sharedTarget(ms: readonly Measure[], fallback: number | null): number | null {
  const distinct = new Set(ms.map((m) => m.target));
  return distinct.size === 1 ? ms[0]!.target : fallback;
}

/**
 * Portfolio totals: numerators and denominators summed, the value recomputed from the sums; targets
 * the one all projects share, else the default. risks_identified is a per-project target ("at least 3
 * per project"): the portfolio meets it only when every project with a target meets it, and
 * `projects_met` / `projects` say how many do; its target is the per-project one.
 */
export function portfolioTotals(rows: readonly Kpis[]): Kpis {
  const out = {} as Kpis;
  for (const k of KPI_KEYS) {
    const ms = rows.map((r) => r[k]);
    const num = sum(ms, (m) => m.numerator);
    const den = unitOf(k) === 'count' ? null : sum(ms, (m) => m.denominator);
    const target = ms.length ? sharedTarget(ms, DEFAULT_TARGETS[k]) : DEFAULT_TARGETS[k];
    const extra: Partial<Measure> = {};
    if (k === 'on_time_delivery_rate') extra.excluded = sum(ms, (m) => m.excluded);
    if (k === 'requirements_received') {
      extra.accepted = sum(ms, (m) => m.accepted);
      extra.rejected = sum(ms, (m) => m.rejected);
    }
    if (k === 'risk_response_rate') extra.waived = sum(ms, (m) => m.waived);
    if (k === 'analysis_sla_rate' || k === 'feasibility_sla_rate') extra.stopped = sum(ms, (m) => m.stopped);
    if (k === 'risks_identified') {
      extra.identified = sum(ms, (m) => m.identified);
      extra.managed = sum(ms, (m) => m.managed);
      const judged = ms.filter((m) => m.met !== null);
      extra.projects_met = judged.filter((m) => m.met).length;
      extra.projects = judged.length;
      const m = measure(k, num, null, ms.length ? sharedTarget(ms, null) : DEFAULT_TARGETS[k], extra);
      m.met = judged.length ? judged.every((x) => x.met) : null;
      out[k] = m;
      continue;
    }
    out[k] = measure(k, num, den, target, extra);
  }
  // the projects' own dimensions, matched by key
  const own = new Map<string, Measure[]>();
  for (const r of rows) for (const m of r.own ?? []) own.set(m.key, [...(own.get(m.key) ?? []), m]);
  if (own.size) {
    out.own = [...own.values()].map((ms) =>
      measure(
        ms[0]!.key,
        sum(ms, (m) => m.numerator),
        sum(ms, (m) => m.denominator),
        sharedTarget(ms, DEFAULT_TARGETS.customer_satisfaction),
        { label: ms[0]!.label ?? ms[0]!.key.slice('satisfaction_'.length) },
      ),
    );
  }
  return out;
}
