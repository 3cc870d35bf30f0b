// What a change set does to a delivery (pure): two versions of a project, with their computed
// schedules, KPIs and findings, compared in delivery terms. Renderers live in src/render/diff-*.ts.
// Working-day figures use the head side's calendar (the calendar the plan is judged by after the
// change); both sides are scheduled as of the same report date, so only record changes move dates.
import type { WorkCalendar } from './calendar.js';
import type { Diagnostic } from './diagnostics.js';
import { diffFindings, type FindingsDiff } from './diff-findings.js';
import { diffKpis, type KpiDelta } from './diff-kpi.js';
import { diffPlan, type PlanDiff } from './diff-plan.js';
import {
  diffAcceptance,
  diffChanges,
  diffOtherRecords,
  diffRequirements,
  diffRisks,
  type AcceptanceDiff,
  type ChangeMove,
  type RecordsDiff,
  type RequirementsDiff,
  type RisksDiff,
} from './diff-records.js';
import type { Kpis } from './kpi.js';
import type { Project } from './model.js';
import type { Schedule } from './schedule.js';
import { separateUnreadable, type UnreadableRecord } from './diff-unreadable.js';

export interface DiffSide {
  project: Project;
  /** Whether the project existed at all on this side (a base before `deliver init` has none). */
  exists: boolean;
  schedule: Schedule;
  findings: readonly Diagnostic[];
  kpis?: Kpis;
}

export interface DiffInput {
  base: DiffSide;
  head: DiffSide;
  /** The head side's working-day calendar: every "moves N working days" is counted in it. */
  calendar: WorkCalendar;
}

export interface ProjectDiff {
  baseExists: boolean;
  headExists: boolean;
  requirements: RequirementsDiff;
  plan: PlanDiff;
  risks: RisksDiff;
  changes: ChangeMove[];
  acceptance: AcceptanceDiff;
  /** Kinds the registry gives no section of their own (surveys, …): added, removed, changed. */
  records: RecordsDiff[];
  kpis: KpiDelta[];
  findings: FindingsDiff;
  /** Records of the base that the head has in a file it could not read or validate (not deleted). */
  unreadable: UnreadableRecord[];
}

export function diffProjects(input: DiffInput): ProjectDiff {
  const { base, head } = input;
  return separateUnreadable(
    {
      baseExists: base.exists,
      headExists: head.exists,
      requirements: diffRequirements(base.project, head.project),
      plan: diffPlan(base, head, input.calendar),
      risks: diffRisks(base.project, head.project),
      changes: diffChanges(base.project, head.project),
      acceptance: diffAcceptance(base.project, head.project),
      records: diffOtherRecords(base.project, head.project),
      kpis: base.kpis && head.kpis ? diffKpis(base.kpis, head.kpis) : [],
      findings: diffFindings(base.findings, head.findings),
    },
    head.project,
  );
}

/** True when nothing a reviewer cares about changed. */
export function isEmptyDiff(d: ProjectDiff): boolean {
  const r = d.requirements,
    p = d.plan,
    k = d.risks;
  return (
    r.added.length + r.removed.length + r.changed.length === 0 &&
    !p.projectEnd &&
    !p.due &&
    p.milestones.added.length + p.milestones.removed.length + p.milestones.moved.length === 0 &&
    !p.criticalPath &&
    p.tasks.added.length + p.tasks.removed.length + p.tasks.replanned.length + p.tasks.shifted.length + p.tasks.status.length === 0 &&
    k.added.length + k.removed.length + k.status.length + k.rescored.length === 0 &&
    d.changes.length === 0 &&
    d.acceptance.added.length + d.acceptance.removed.length + d.acceptance.rounds.length === 0 &&
    d.records.every((x) => x.added.length + x.removed.length + x.changed.length === 0) &&
    d.unreadable.length === 0 &&
    d.kpis.length === 0 &&
    d.findings.introduced.length + d.findings.fixed.length === 0
  );
}
