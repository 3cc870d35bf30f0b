// Overall health of a project (pure): green, amber or red, with every reason that set it.
//
// The rules (README "Health"), checked on the project as it stood on the report date:
//   RED when any of
//     late_critical      an unfinished task or milestone on the critical path is past its planned end
//     negative_float     the forecast finishes after the agreed due date (deliver.yaml `due`): float < 0
//     milestone_missed   a milestone's due date has passed and it is not reached
//     high_risk_overdue  a high risk (score = probability × impact ≥ 15) that is not closed has an
//                        overdue action (due before the report date, neither done nor waived)
//     acceptance_failed  the latest round of an acceptance record not yet accepted is a failed final round
//   AMBER when none of those but any of
//     late_work          an unfinished task off the critical path is past its planned end
//     blocked_work       a task is blocked
//     milestone_at_risk  a milestone's forecast date is after its due date (not yet passed)
//     overdue_actions    a risk action is overdue (on a risk that is not high)
//     high_risk          a high risk (score ≥ 15) is not closed
//     rectifying         the latest round of a record not yet accepted is a failed pre-acceptance round
//     workflow_overdue   a requirement's analysis or feasibility assessment is past its deadline (followups.ts)
//     rectification_overdue  a rectification item is neither fixed nor verified by its due date
//   GREEN otherwise.
import type { IsoDate } from './dates.js';
import type { Acceptance, Project } from './model.js';
import { sortIds } from './id-order.js';
import { actionState, riskScore, sortRisks } from './risk.js';
import { isAccepted, isFinal, latestRound } from './acceptance.js';
import type { Schedule } from './schedule.js';
import { workflowFacts } from './followups.js';
import { openRectifications } from './rectification.js';
import type { WorkCalendar } from './calendar.js';

export type HealthLevel = 'green' | 'amber' | 'red';

export type HealthCode =
  | 'late_critical'
  | 'negative_float'
  | 'milestone_missed'
  | 'high_risk_overdue'
  | 'acceptance_failed'
  | 'late_work'
  | 'blocked_work'
  | 'milestone_at_risk'
  | 'overdue_actions'
  | 'high_risk'
  | 'rectifying'
  | 'workflow_overdue'
  | 'rectification_overdue';

export interface HealthReason {
  level: 'red' | 'amber';
  code: HealthCode;
  /** Record ids involved, in a stable order. */
  ids: string[];
  /** negative_float: working days the plan overruns the due date (positive). */
  days?: number;
}

export interface Health {
  level: HealthLevel;
  reasons: HealthReason[];
}

const HIGH_RISK_SCORE = 15;

/** `project` must already be the project as of `asOf` (period.ts projectAsOf). */
/** `cal`: the working calendar the workflow deadlines count in; without it they are not judged. */
export function assessHealth(project: Project, sched: Schedule, asOf: IsoDate, cal?: WorkCalendar): Health {
  const reasons: HealthReason[] = [];
  const add = (level: 'red' | 'amber', code: HealthCode, ids: string[], days?: number) => {
    if (ids.length > 0 || days !== undefined)
      reasons.push({ level, code, ids: sortIds([...new Set(ids)]), ...(days !== undefined ? { days } : {}) });
  };
  const items = [...sched.items.values()];
  const late = items.filter((i) => i.late);
  add(
    'red',
    'late_critical',
    late.filter((i) => i.critical).map((i) => i.id),
  );
  if (sched.dueFloat !== undefined && sched.dueFloat < 0) add('red', 'negative_float', [], -sched.dueFloat);

  const msDue = project.milestones.map((m) => m.data).filter((m) => m.done === undefined && m.due !== undefined);
  add(
    'red',
    'milestone_missed',
    msDue.filter((m) => m.due! < asOf).map((m) => m.id),
  );

  const openRisks = sortRisks(project.risks.map((r) => r.data).filter((r) => r.status !== 'closed'));
  const overdue = (r: (typeof openRisks)[number]) => (r.actions ?? []).some((a) => actionState(a, asOf) === 'overdue');
  add(
    'red',
    'high_risk_overdue',
    openRisks.filter((r) => riskScore(r) >= HIGH_RISK_SCORE && overdue(r)).map((r) => r.id),
  );

  const failedLast = (a: Acceptance, final: boolean) => {
    const last = latestRound(a);
    return !isAccepted(a) && last?.result === 'fail' && isFinal(last) === final;
  };
  const acc = project.acceptance.map((a) => a.data);
  add(
    'red',
    'acceptance_failed',
    acc.filter((a) => failedLast(a, true)).map((a) => a.id),
  );

  add(
    'amber',
    'late_work',
    late.filter((i) => !i.critical && i.kind === 'task').map((i) => i.id),
  );
  add(
    'amber',
    'blocked_work',
    project.tasks.filter((t) => t.data.status === 'blocked').map((t) => t.data.id),
  );
  add(
    'amber',
    'milestone_at_risk',
    msDue.filter((m) => m.due! >= asOf && (sched.items.get(m.id)?.dueVariance ?? 0) > 0).map((m) => m.id),
  );
  add(
    'amber',
    'overdue_actions',
    openRisks.filter((r) => riskScore(r) < HIGH_RISK_SCORE && overdue(r)).map((r) => r.id),
  );
  add(
    'amber',
    'high_risk',
    openRisks.filter((r) => riskScore(r) >= HIGH_RISK_SCORE && !overdue(r)).map((r) => r.id),
  );
  add(
    'amber',
    'rectifying',
    acc.filter((a) => failedLast(a, false)).map((a) => a.id),
  );
  add(
    'amber',
    'rectification_overdue',
    openRectifications(acc, asOf)
      .filter((x) => x.state === 'overdue')
      .map((x) => x.acceptance),
  );
  add(
    'amber',
    'workflow_overdue',
    (cal ? workflowFacts(project, cal, asOf) : []).filter((f) => f.overdue && f.step !== 'confirmation').map((f) => f.id),
  );

  const level: HealthLevel = reasons.some((r) => r.level === 'red') ? 'red' : reasons.length ? 'amber' : 'green';
  return { level, reasons };
}
