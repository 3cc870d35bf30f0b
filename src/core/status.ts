// The facts of the status screen (pure): health, progress, milestones, late and blocked work, risks,
// open change slips, acceptance waiting, KPIs — computed on the project as it stood on as-of.
import { acceptanceState, latestRound, type AcceptanceState } from './acceptance.js';
import type { WorkCalendar } from './calendar.js';
import { isIsoDate, toDay, type IsoDate } from './dates.js';
import { assessHealth, type Health } from './health.js';
import { projectKpis, type Kpis } from './kpi.js';
import type { Change, Project } from './model.js';
import { compareIds, idRanks } from './id-order.js';
import { overdueActions, riskLevel, riskScore, sortRisks, type RiskLevel } from './risk.js';
import { serviceFacts, type ServiceFacts } from './service.js';
import { missingCommunication, type MissingComm } from './communication.js';
import type { Schedule } from './schedule.js';
import { openRectifications, type RectFact } from './rectification.js';
import { meetingActionFacts, workflowFacts, type MeetingActionFact, type WorkflowFact } from './followups.js';

export interface ProjectHeader {
  name: string;
  client: string;
  code?: string;
  start?: IsoDate;
  due?: IsoDate;
}

export interface Progress {
  tasks_total: number;
  tasks_done: number;
  /** Tasks whose planned end (the plan, not the forecast) is on or before as-of. */
  tasks_planned_to_date: number;
  /** Working days of the finished tasks (0/100 rule: unfinished work earns nothing yet). */
  days_done: number;
  /** Working days of every task's planned bar that fall on or before as-of. */
  days_planned_to_date: number;
  days_total: number;
  project_end?: IsoDate;
  due?: IsoDate;
  /** due − forecast end in working days (negative: the forecast misses the due date). */
  due_float?: number;
}

export interface MilestoneFact {
  id: string;
  name: string;
  due?: IsoDate;
  forecast?: IsoDate;
  critical: boolean;
}
export interface LateTask {
  id: string;
  name: string;
  owner?: string;
  end: IsoDate;
  late_by: number;
  critical: boolean;
}
export interface BlockedTask {
  id: string;
  name: string;
  owner?: string;
  reason?: string;
}
export interface RiskFact {
  id: string;
  title: string;
  score: number;
  level: RiskLevel;
  owner: string;
  status: string;
  overdue_actions: number[];
  /** The next action neither done nor waived (earliest due first). */
  next_action?: { number: number; text: string; owner?: string; due?: IsoDate };
}
export interface ChangeFact {
  id: string;
  title: string;
  status: Change['status'];
  submitted: IsoDate;
  schedule_days?: number;
  /** Signatures still missing on a submitted slip. */
  awaiting: ('customer' | 'internal')[];
}
export interface AcceptanceFact {
  id: string;
  deliverable: string;
  delivered: IsoDate;
  state: AcceptanceState;
  rounds: number;
  last_round?: { date: IsoDate; result: 'pass' | 'fail'; kind: 'pre' | 'final' };
  /** Working days since delivery (waiting) or since the last failed round (rectifying). */
  waiting_days: number;
}

export interface StatusFacts {
  project: ProjectHeader;
  as_of: IsoDate;
  health: Health;
  progress: Progress;
  milestones: { overdue: MilestoneFact[]; next: MilestoneFact[] };
  late_tasks: LateTask[];
  blocked_tasks: BlockedTask[];
  /** Every risk not closed, highest score first. */
  risks: RiskFact[];
  open_changes: ChangeFact[];
  /** Delivered and not yet accepted: waiting for the customer or being rectified. */
  acceptance: AcceptanceFact[];
  /** After-sales: tickets not closed with their clocks, counts, the warranty. */
  service: ServiceFacts;
  /** Promised reports and meetings (deliver.yaml communication) missing for past periods. */
  communication: MissingComm[];
  /** Requirements waiting on their next workflow step (followups.ts). */
  workflow: readonly WorkflowFact[];
  /** Open meeting action items. */
  meeting_actions: MeetingActionFact[];
  /** Rectification items neither verified nor accepted open (rectification.ts). */
  rectifications: RectFact[];
  kpis: Kpis;
}

export interface StatusInput {
  /** The project as of `asOf` (period.ts projectAsOf). */
  project: Project;
  asOf: IsoDate;
  calendar: WorkCalendar;
  schedule: Schedule;
}

/** Working days of [a, b] inclusive (0 when b < a or a date is unusable). */
function spanDays(cal: WorkCalendar, a: IsoDate, b: IsoDate): number {
  if (!isIsoDate(a) || !isIsoDate(b) || b < a) return 0;
  try {
    return cal.workingDaysBetween(toDay(a) - 1, toDay(b));
  } catch {
    return 0;
  }
}

export function projectHeader(p: Project): ProjectHeader {
  const m = p.manifest?.data;
  return {
    name: m?.name ?? '',
    client: m?.client ?? '',
    ...(m?.code ? { code: m.code } : {}),
    ...(m?.start ? { start: m.start } : {}),
    ...(m?.due ? { due: m.due } : {}),
  };
}

export function progressOf(p: Project, sched: Schedule, cal: WorkCalendar, asOf: IsoDate): Progress {
  const out: Progress = {
    tasks_total: p.tasks.length,
    tasks_done: 0,
    tasks_planned_to_date: 0,
    days_done: 0,
    days_planned_to_date: 0,
    days_total: 0,
  };
  for (const t of p.tasks) {
    if (t.data.status === 'done') out.tasks_done++;
    const it = sched.items.get(t.data.id);
    if (!it) continue;
    const days = spanDays(cal, it.start, it.end);
    out.days_total += days;
    if (it.plannedEnd <= asOf) out.tasks_planned_to_date++;
    out.days_planned_to_date += spanDays(cal, it.plannedStart, it.plannedEnd < asOf ? it.plannedEnd : asOf);
    if (t.data.status === 'done') out.days_done += days;
  }
  if (sched.projectEnd) out.project_end = sched.projectEnd;
  if (sched.due) out.due = sched.due;
  if (sched.dueFloat !== undefined) out.due_float = sched.dueFloat;
  return out;
}

export function milestoneFacts(p: Project, sched: Schedule, asOf: IsoDate): { overdue: MilestoneFact[]; next: MilestoneFact[] } {
  const open = p.milestones
    .map((m) => m.data)
    .filter((m) => m.done === undefined)
    .map((m): MilestoneFact & { when: IsoDate } => {
      const it = sched.items.get(m.id);
      // By the forecast (what the reader plans around), else the due date.
      const when = it?.end ?? m.due ?? '9999-12-31';
      return {
        id: m.id,
        name: m.name,
        ...(m.due ? { due: m.due } : {}),
        ...(it ? { forecast: it.end } : {}),
        critical: it?.critical ?? false,
        when,
      };
    })
    .sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : compareIds(a.id, b.id)));
  const strip = ({ when: _w, ...m }: MilestoneFact & { when: IsoDate }): MilestoneFact => m;
  const isOverdue = (m: MilestoneFact) => (m.due ?? m.forecast ?? '9999-12-31') < asOf;
  return { overdue: open.filter(isOverdue).map(strip), next: open.filter((m) => !isOverdue(m)).map(strip) };
}

export function riskFacts(p: Project, asOf: IsoDate): RiskFact[] {
  return sortRisks(p.risks.map((r) => r.data).filter((r) => r.status !== 'closed')).map((r) => {
    const score = riskScore(r);
    const open = (r.actions ?? [])
      .map((a, i) => ({ a, n: i + 1 }))
      .filter(({ a }) => a.done === undefined && a.waived === undefined)
      .sort((x, y) => ((x.a.due ?? '9999') < (y.a.due ?? '9999') ? -1 : (x.a.due ?? '9999') > (y.a.due ?? '9999') ? 1 : x.n - y.n));
    const next = open[0];
    return {
      id: r.id,
      title: r.title,
      score,
      level: riskLevel(score),
      owner: r.owner,
      status: r.status,
      overdue_actions: overdueActions(r, asOf),
      ...(next
        ? {
            next_action: {
              number: next.n,
              text: next.a.text,
              ...(next.a.owner ? { owner: next.a.owner } : {}),
              ...(next.a.due ? { due: next.a.due } : {}),
            },
          }
        : {}),
    };
  });
}

export function awaitingSignatures(c: Change): ('customer' | 'internal')[] {
  if (c.status !== 'submitted') return [];
  return (['customer', 'internal'] as const).filter((s) => !c.approvals?.[s]);
}

function changeFacts(p: Project): ChangeFact[] {
  return p.changes
    .map((c) => c.data)
    .filter((c) => c.status === 'submitted' || c.status === 'approved')
    .sort((a, b) => compareIds(a.id, b.id))
    .map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      submitted: c.submitted,
      ...(c.schedule_days !== undefined ? { schedule_days: c.schedule_days } : {}),
      awaiting: awaitingSignatures(c),
    }));
}

export function acceptanceFacts(p: Project, cal: WorkCalendar, asOf: IsoDate, include: (s: AcceptanceState) => boolean): AcceptanceFact[] {
  return p.acceptance
    .map((a) => a.data)
    .sort((a, b) => compareIds(a.id, b.id))
    .flatMap((a) => {
      const state = acceptanceState(a, asOf);
      if (!include(state)) return [];
      const last = latestRound(a);
      const since = state === 'rectifying' && last ? last.date : a.delivered;
      return [
        {
          id: a.id,
          deliverable: a.deliverable,
          delivered: a.delivered,
          state,
          rounds: a.rounds?.length ?? 0,
          ...(last ? { last_round: { date: last.date, result: last.result, kind: last.kind ?? 'final' } } : {}),
          waiting_days: Math.max(0, spanDays(cal, since, asOf) - 1),
        },
      ];
    });
}

export function statusFacts(input: StatusInput): StatusFacts {
  const { project: p, asOf, calendar: cal, schedule: sched } = input;
  const items = [...sched.items.values()];
  const owners = new Map(p.tasks.map((t) => [t.data.id, t.data]));
  const late = items.filter((i) => i.late && i.kind === 'task');
  const rank = idRanks(late.map((i) => i.id));
  const late_tasks = late
    .sort((a, b) => b.lateBy - a.lateBy || rank.get(a.id)! - rank.get(b.id)!)
    .map((i) => ({
      id: i.id,
      name: i.name,
      ...(owners.get(i.id)?.owner ? { owner: owners.get(i.id)!.owner! } : {}),
      end: i.end,
      late_by: i.lateBy,
      critical: i.critical,
    }));
  const blocked_tasks = p.tasks
    .map((t) => t.data)
    .filter((t) => t.status === 'blocked')
    .sort((a, b) => compareIds(a.id, b.id))
    .map((t) => ({
      id: t.id,
      name: t.name,
      ...(t.owner ? { owner: t.owner } : {}),
      ...(t.blocked_reason ? { reason: t.blocked_reason } : {}),
    }));
  return {
    project: projectHeader(p),
    as_of: asOf,
    health: assessHealth(p, sched, asOf, cal),
    progress: progressOf(p, sched, cal, asOf),
    milestones: milestoneFacts(p, sched, asOf),
    late_tasks,
    blocked_tasks,
    risks: riskFacts(p, asOf),
    open_changes: changeFacts(p),
    acceptance: acceptanceFacts(p, cal, asOf, (s) => s === 'waiting' || s === 'rectifying'),
    service: serviceFacts(p, cal, asOf),
    communication: missingCommunication(p, asOf),
    workflow: workflowFacts(p, cal, asOf),
    meeting_actions: meetingActionFacts(p, asOf),
    rectifications: openRectifications(
      p.acceptance.map((a) => a.data),
      asOf,
    ),
    kpis: projectKpis({ project: p, asOf, calendar: cal }),
  };
}
