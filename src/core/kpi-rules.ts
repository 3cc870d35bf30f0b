// The counting rules behind the KPIs (pure), one function per measure family, each returning the
// numerator and denominator it found. kpi.ts turns them into measures; the README quotes the seed
// passage every rule comes from.
import { isFinal, passingRound } from './acceptance.js';
import type { WorkCalendar } from './calendar.js';
import { fromDay, isIsoDate, toDay, type IsoDate } from './dates.js';
import type { Acceptance, Change, Manifest, Project, Requirement, Risk, RiskAction, Survey } from './model.js';
import { inWindow, type Window } from './period.js';

/** Working days in (a, b] in the calendar; undefined when a date is malformed or out of range. */
export function workingDays(cal: WorkCalendar, a: string, b: string): number | undefined {
  if (!isIsoDate(a) || !isIsoDate(b)) return undefined;
  try {
    return cal.workingDaysBetween(toDay(a), toDay(b));
  } catch {
    return undefined;
  }
}

/** The n-th working day after `d` (n < 0: before it); undefined when out of range. */
export function addWorking(cal: WorkCalendar, d: string, n: number): IsoDate | undefined {
  if (!isIsoDate(d)) return undefined;
  try {
    return fromDay(cal.addWorkingDays(toDay(d), n));
  } catch {
    return undefined;
  }
}

/** Date of the last move to `status` in the history. */
export function movedTo(r: Pick<Requirement, 'history'>, status: Requirement['status']): IsoDate | undefined {
  const h = r.history ?? [];
  for (let i = h.length - 1; i >= 0; i--) if (h[i]!.to === status) return h[i]!.date;
  return undefined;
}

// ---- service levels (需求分析 1 个工作日内, 可行性评估 2 个工作日内) ----

export interface SlaCount {
  /** Done within the deadline. */
  within: number;
  /** Judged: done (in time or late), or not done with the deadline passed. */
  due: number;
  /** Rejected or put on hold at or before the deadline, before the step was done: not judged. */
  stopped: number;
}

/** When the requirement was first rejected or put on hold; `null` when its status says so but no move is dated. */
function stoppedOn(r: Requirement): IsoDate | null | undefined {
  const h = r.history ?? [];
  const move = h.find((x) => x.to === 'rejected' || x.to === 'on_hold');
  if (move) return move.date;
  return r.status === 'rejected' || r.status === 'on_hold' ? null : undefined;
}

/**
 * One service-level clock: it starts at `start`, the deadline is `days` working days later (a step
 * dated on a day with at most `days` working days since the start is in time, so a step done on the
 * weekend after a Friday deadline still is). A step done is judged by its date. A step not done is a
 * miss once the deadline has passed by the report date (more than `days` working days since the
 * start), whatever happened afterwards; until then it is not judged. A rejection or hold at or
 * before the deadline, before the step was done, stops the clock: the requirement is not judged.
 */
function judge(
  cal: WorkCalendar,
  asOf: IsoDate,
  start: string,
  days: number,
  doneOn: string | undefined,
  stop: IsoDate | null | undefined,
  c: SlaCount,
): void {
  const stopFirst = stop !== undefined && (doneOn === undefined || (stop !== null && stop < doneOn));
  if (stopFirst) {
    const before = stop === null ? 0 : workingDays(cal, start, stop);
    if (before !== undefined && before <= days) {
      c.stopped++;
      return;
    }
  }
  if (doneOn !== undefined) {
    c.due++;
    const took = workingDays(cal, start, doneOn);
    if (took !== undefined && took <= days) c.within++;
    return;
  }
  const elapsed = workingDays(cal, start, asOf);
  if (elapsed !== undefined && elapsed > days) c.due++;
}

/**
 * analysis_sla_rate and feasibility_sla_rate over the requirements received in the window. The
 * analysis clock starts at intake. The feasibility clock starts at the analysis (the technical lead
 * assesses from the analysis); while there is no analysis, at the analysis deadline.
 */
export function slaCounts(
  reqs: readonly Requirement[],
  w: Window,
  asOf: IsoDate,
  cal: WorkCalendar,
  analysisDays: number,
  feasibilityDays: number,
): { analysis: SlaCount; feasibility: SlaCount } {
  const analysis: SlaCount = { within: 0, due: 0, stopped: 0 };
  const feasibility: SlaCount = { within: 0, due: 0, stopped: 0 };
  for (const r of reqs) {
    if (!inWindow(w, r.received)) continue;
    const stop = stoppedOn(r);
    judge(cal, asOf, r.received, analysisDays, r.analysis?.date, stop, analysis);
    const start = r.analysis?.date ?? addWorking(cal, r.received, analysisDays);
    if (start !== undefined) judge(cal, asOf, start, feasibilityDays, r.feasibility?.date, stop, feasibility);
  }
  return { analysis, feasibility };
}

// ---- acceptance: on-time per deliverable, pass and first pass ----

/** The contract's completion date in deliver.yaml (合同约定的时间): contract.due, else the project's due. */
export function contractDue(m: Manifest | undefined): IsoDate | undefined {
  return m?.contract?.due ?? m?.due;
}

export interface AcceptanceCount {
  onTime: number;
  delivered: number;
  /** Delivered in the window with no date to judge against. */
  excluded: number;
  /** Records delivered in the window with a final round by the report date. */
  inspected: number;
  passed: number;
  firstPassed: number;
}

/**
 * Every acceptance measure takes the records delivered in the window. On time: delivered on or before
 * the agreed date, else the latest due date of its requirements, else the contract's due date. Pass and
 * first pass judge final rounds only (a pre-acceptance round is the supplier's own check): a record is
 * judged once it has had a final round; it passed when a final round passed, and passed first time when
 * its first final round passed.
 */
export function acceptanceCounts(
  acc: readonly Acceptance[],
  reqs: ReadonlyMap<string, Requirement>,
  w: Window,
  due: IsoDate | undefined,
): AcceptanceCount {
  const c: AcceptanceCount = { onTime: 0, delivered: 0, excluded: 0, inspected: 0, passed: 0, firstPassed: 0 };
  for (const a of acc) {
    if (!inWindow(w, a.delivered)) continue;
    const dues = a.requirements
      .map((id) => reqs.get(id)?.due)
      .filter((d): d is string => d !== undefined)
      .sort();
    const agreed = a.agreed ?? dues[dues.length - 1] ?? due;
    if (agreed === undefined) c.excluded++;
    else {
      c.delivered++;
      if (a.delivered <= agreed) c.onTime++;
    }
    const finals = (a.rounds ?? []).filter(isFinal); // rounds after the report date are already gone (projectAsOf)
    if (!finals.length) continue;
    c.inspected++;
    if (finals.some((r) => r.result === 'pass')) c.passed++;
    if (finals[0]!.result === 'pass') c.firstPassed++;
  }
  return c;
}

// ---- project on-time rate (项目交付及时率) ----

/** `due`: the contract's date moved by the approved slips (undefined without a contract date); `moved`: by how many working days. */
export type ProjectDelivery =
  | { state: 'delivered'; date: IsoDate; due: IsoDate | undefined; onTime: boolean | undefined; moved: number }
  | { state: 'open'; due: IsoDate | undefined; moved: number };

/** The date requirement `id` was accepted: the history's move, else the first passing final round covering it. */
export function acceptedOn(r: Requirement, acc: readonly Acceptance[]): IsoDate | undefined {
  const moved = movedTo(r, 'accepted');
  if (moved) return moved;
  const dates = acc
    .filter((a) => a.requirements.includes(r.id))
    .map((a) => a.rounds?.[passingRound(a)]?.date)
    .filter((d): d is string => d !== undefined)
    .sort();
  return dates[0];
}

/** Approved by both sides (customer and internal owner) by the report date. */
export function approvedByBoth(c: Change): boolean {
  return (c.status === 'approved' || c.status === 'applied') && c.approvals?.customer !== undefined && c.approvals?.internal !== undefined;
}

/**
 * When the project was delivered: its final acceptance is complete when every requirement in scope
 * (neither rejected nor on hold) is accepted, on the date of the last acceptance; a project with no
 * requirement in scope (a handover) is delivered when all its milestones are reached, on the last one.
 * It is on time when that date is no later than the contract's due date moved by the schedule impact
 * (working days) of the change slips both sides approved.
 */
export function projectDelivery(p: Project, cal: WorkCalendar): ProjectDelivery {
  const base = contractDue(p.manifest?.data);
  const moved = p.changes
    .map((c) => c.data)
    .filter(approvedByBoth)
    .reduce((s, c) => s + (c.schedule_days ?? 0), 0);
  const due = base === undefined ? undefined : moved ? addWorking(cal, base, moved) : base;
  const date = deliveredOn(p);
  if (date === undefined) return { state: 'open', due, moved };
  return { state: 'delivered', date, due, onTime: due === undefined ? undefined : date <= due, moved };
}

/**
 * The day the project was delivered, i.e. passed final acceptance: the last acceptance of every
 * requirement in scope (not rejected or on hold); without requirements, the last milestone reached.
 * Undefined while any is open. The one answer the on-time KPI, the warranty and the visit plan use.
 */
export function deliveredOn(p: Project): IsoDate | undefined {
  const acc = p.acceptance.map((a) => a.data);
  const scope = p.requirements.map((r) => r.data).filter((r) => r.status !== 'rejected' && r.status !== 'on_hold');
  let date: IsoDate | undefined;
  if (scope.length) {
    for (const r of scope) {
      const on = r.status === 'accepted' ? acceptedOn(r, acc) : undefined;
      if (on === undefined) return undefined;
      if (date === undefined || on > date) date = on;
    }
  } else {
    const ms = p.milestones.map((m) => m.data);
    if (!ms.length) return undefined;
    for (const m of ms) {
      if (m.done === undefined) return undefined;
      if (date === undefined || m.done > date) date = m.done;
    }
  }
  return date;
}

// ---- risks: managed risks and the response plan ----

/** Waived by the report date (a waiver without a date counts from the start). */
export function isWaived(a: RiskAction): boolean {
  return a.waived !== undefined && a.done === undefined;
}

export interface RiskCount {
  /** Risks identified in the window. */
  identified: number;
  /** Of those, risks with at least one response action done by the report date. */
  managed: number;
  /** Response plan: actions due in the window (by due date) plus undated actions done in the window, waived ones left out. */
  planned: number;
  /** Of those, actions done by the report date. */
  done: number;
  /** Actions that would be in the plan but were waived. */
  waived: number;
}

/** Risks identified and managed (有效识别并管理), and the response plan's implementation (风险应对计划的实施率). */
export function riskCounts(risks: readonly Risk[], w: Window): RiskCount {
  const c: RiskCount = { identified: 0, managed: 0, planned: 0, done: 0, waived: 0 };
  for (const r of risks) {
    const actions = r.actions ?? [];
    if (inWindow(w, r.identified)) {
      c.identified++;
      if (actions.some((a) => a.done !== undefined)) c.managed++;
    }
    for (const a of actions) {
      const inPlan = a.due !== undefined ? inWindow(w, a.due) : inWindow(w, a.done) || (isWaived(a) && inWindow(w, a.waived_date));
      if (!inPlan) continue;
      if (isWaived(a)) {
        c.waived++;
        continue;
      }
      c.planned++;
      if (a.done !== undefined) c.done++;
    }
  }
  return c;
}

// ---- surveys ----

/** The customer's dimensions the seeds name (产品质量 / 交付及时性 / 售后服务). */
export const CUSTOMER_DIMENSIONS = ['quality', 'timeliness', 'after_sales'] as const;
/** A team member's dimensions (沟通顺畅度 / 问题解决效率 / 配合度). */
export const TEAM_DIMENSIONS = ['communication', 'problem_solving', 'cooperation'] as const;

export const isTeam = (s: Pick<Survey, 'audience'>) => s.audience === 'team';

/** Sum and count of a score over surveys. */
export function scoreSum(surveys: readonly Survey[], pick: (s: Survey) => number | undefined): { sum: number; n: number } {
  let sum = 0,
    n = 0;
  for (const s of surveys) {
    const v = pick(s);
    if (typeof v !== 'number') continue;
    sum += v;
    n++;
  }
  return { sum, n };
}

/**
 * The project's own customer dimensions, in order: those deliver.yaml names (survey_dimensions), then
 * any other key found on the project's customer surveys (whatever their date, so the list does not
 * change with the period).
 */
export function ownDimensions(m: Manifest | undefined, surveys: readonly Survey[]): { key: string; name: string }[] {
  const builtIn = new Set<string>([...CUSTOMER_DIMENSIONS, ...TEAM_DIMENSIONS]);
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(m?.survey_dimensions ?? {})) if (!builtIn.has(k) && typeof v === 'string') out.set(k, v);
  const found = new Set<string>();
  for (const s of surveys)
    if (!isTeam(s)) for (const k of Object.keys(s.dimensions ?? {})) if (!builtIn.has(k) && !out.has(k)) found.add(k);
  for (const k of [...found].sort()) out.set(k, k);
  return [...out].map(([key, name]) => ({ key, name }));
}
