// The weekly customer report as data (pure): done this week, planned next week, milestones, risks and
// actions, change slips, what the customer must provide and by when, acceptance, KPIs. The report is
// taken as of the earlier of the report date and the week's Sunday.
import type { WorkCalendar } from './calendar.js';
import type { IsoDate } from './dates.js';
import type { Health } from './health.js';
import type { Kpis } from './kpi.js';
import type { Project } from './model.js';
import { nextWeek, type Period } from './period.js';
import { compareIds } from './id-order.js';
import { actionState, type ActionState } from './risk.js';
import type { Schedule } from './schedule.js';
import { summaryPoints, type SummaryPoint } from './weekly-summary.js';
import type { MeetingActionFact, WorkflowFact } from './followups.js';
import type { RectFact } from './rectification.js';
import { forecastCalendarNotices, type CalendarNotice } from './forecast.js';
import type { ServiceFacts } from './service.js';
import {
  acceptanceFacts,
  awaitingSignatures,
  milestoneFacts,
  progressOf,
  projectHeader,
  riskFacts,
  statusFacts,
  type AcceptanceFact,
  type MilestoneFact,
  type Progress,
  type ProjectHeader,
  type RiskFact,
} from './status.js';

export interface WeekTask {
  id: string;
  name: string;
  owner?: string;
  date: IsoDate;
  deliverable?: string;
}
export interface NextTask {
  id: string;
  name: string;
  owner?: string;
  start: IsoDate;
  end: IsoDate;
  planned_end: IsoDate;
  status: string;
  late: boolean;
  customer: boolean;
}
export interface WeekRisk extends RiskFact {
  response: string;
  /** Actions still open, and those carried out this week. */
  actions: { number: number; text: string; owner?: string; due?: IsoDate; done?: IsoDate; state: ActionState }[];
}
export interface WeekChange {
  id: string;
  title: string;
  status: string;
  submitted: IsoDate;
  schedule_days?: number;
  cost?: { amount: number; currency: string };
  /** What happened to the slip during the week, if anything. */
  event?: 'submitted' | 'approved' | 'rejected' | 'applied';
  awaiting: ('customer' | 'internal')[];
}
export type CustomerAsk =
  | { kind: 'task'; id: string; name: string; owner?: string; deliverable?: string; by: IsoDate; late: boolean }
  | { kind: 'acceptance'; id: string; deliverable: string; delivered: IsoDate }
  | { kind: 'change'; id: string; title: string; by?: IsoDate }
  | { kind: 'action'; id: string; number: number; text: string; owner: string; by?: IsoDate; late: boolean };

export interface WeeklyReport {
  project: ProjectHeader;
  week: { label: string; from: IsoDate; to: IsoDate };
  next_week: { label: string; from: IsoDate; to: IsoDate };
  as_of: IsoDate;
  health: Health;
  /** The few things that matter, most serious first (weekly-summary.ts). */
  summary: SummaryPoint[];
  /** Years the forecast reaches for which the calendar has no or only provisional holiday data. */
  calendar_notices: CalendarNotice[];
  progress: Progress;
  done: WeekTask[];
  milestones_reached: WeekTask[];
  /** Acceptance records handed over this week. */
  delivered: { id: string; deliverable: string; date: IsoDate }[];
  planned_next: NextTask[];
  milestones: { overdue: MilestoneFact[]; next: MilestoneFact[] };
  risks: WeekRisk[];
  changes: WeekChange[];
  customer_asks: CustomerAsk[];
  /** Every record delivered by the report date that is not accepted, plus those accepted this week. */
  acceptance: (AcceptanceFact & { accepted_on?: IsoDate })[];
  /** After-sales: tickets not closed, counts, the warranty (as on the status screen). */
  service: ServiceFacts;
  /** Training sessions held this week. */
  training: { id: string; date: IsoDate; topic: string; audience?: string; trainer?: string; attended?: number }[];
  /** Requirements waiting on their next workflow step, and open meeting action items (followups.ts). */
  workflow: readonly WorkflowFact[];
  meeting_actions: MeetingActionFact[];
  rectifications: RectFact[];
  kpis: Kpis;
  /** Who it is for (weekly-audience.ts); the customer's version lists what their people must do. */
  audience?: import('./weekly-audience.js').Audience;
  customer_todo?: import('./weekly-audience.js').CustomerTodo[];
}

export interface WeeklyInput {
  /** The project as of `asOf`. */
  project: Project;
  week: Period;
  asOf: IsoDate;
  calendar: WorkCalendar;
  schedule: Schedule;
}

const byDate = <T extends { date: IsoDate; id: string }>(a: T, b: T) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : compareIds(a.id, b.id);

export function weeklyReport(input: WeeklyInput): WeeklyReport {
  const { project: p, week, asOf, calendar: cal, schedule: sched } = input;
  const from = week.from!,
    to = week.to;
  const inWeek = (d: string | undefined): d is IsoDate => d !== undefined && d >= from && d <= to && d <= asOf;
  const nw = nextWeek(week);
  const customerSide = new Set((p.manifest?.data.team ?? []).filter((m) => m.side === 'customer').map((m) => m.name));

  const done = p.tasks
    .map((t) => t.data)
    .filter((t) => t.status === 'done' && inWeek(t.actual_end))
    .map((t) => ({
      id: t.id,
      name: t.name,
      ...(t.owner ? { owner: t.owner } : {}),
      date: t.actual_end!,
      ...(t.deliverable ? { deliverable: t.deliverable } : {}),
    }))
    .sort(byDate);
  const milestones_reached = p.milestones
    .map((m) => m.data)
    .filter((m) => inWeek(m.done))
    .map((m) => ({ id: m.id, name: m.name, date: m.done! }))
    .sort(byDate);

  const delivered = p.acceptance
    .map((a) => a.data)
    .filter((a) => inWeek(a.delivered))
    .map((a) => ({ id: a.id, deliverable: a.deliverable, date: a.delivered }))
    .sort(byDate);

  // Next week: unfinished tasks whose forecast bar touches it (the forecast never lies in the past).
  const tasks = new Map(p.tasks.map((t) => [t.data.id, t.data]));
  const planned_next: NextTask[] = [];
  for (const id of sched.order) {
    const it = sched.items.get(id)!;
    const t = tasks.get(id);
    if (!t || t.status === 'done') continue;
    const touches = it.start <= nw.to && it.end >= nw.from!;
    if (!touches) continue;
    planned_next.push({
      id,
      name: t.name,
      ...(t.owner ? { owner: t.owner } : {}),
      start: it.start,
      end: it.end,
      planned_end: it.plannedEnd,
      status: t.status,
      late: it.late,
      customer: t.owner !== undefined && customerSide.has(t.owner),
    });
  }
  planned_next.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : compareIds(a.id, b.id)));

  const risks: WeekRisk[] = riskFacts(p, asOf).map((rf) => {
    const r = p.risks.find((x) => x.data.id === rf.id)!.data;
    const actions = (r.actions ?? []).flatMap((a, i) => {
      const state = actionState(a, asOf);
      if (state === 'waived' || (state === 'done' && !inWeek(a.done))) return [];
      return [
        {
          number: i + 1,
          text: a.text,
          ...(a.owner ? { owner: a.owner } : {}),
          ...(a.due ? { due: a.due } : {}),
          ...(a.done ? { done: a.done } : {}),
          state,
        },
      ];
    });
    return { ...rf, response: r.response, actions };
  });

  const changes: WeekChange[] = p.changes
    .map((c) => c.data)
    .flatMap((c) => {
      const event = inWeek(c.applied?.date)
        ? ('applied' as const)
        : inWeek(c.rejection?.date)
          ? ('rejected' as const)
          : c.status === 'approved' && [c.approvals?.customer?.date, c.approvals?.internal?.date].some(inWeek)
            ? ('approved' as const)
            : inWeek(c.submitted)
              ? ('submitted' as const)
              : undefined;
      const open = c.status === 'submitted' || c.status === 'approved';
      if (!open && !event) return [];
      return [
        {
          id: c.id,
          title: c.title,
          status: c.status,
          submitted: c.submitted,
          ...(c.schedule_days !== undefined ? { schedule_days: c.schedule_days } : {}),
          ...(c.cost ? { cost: c.cost } : {}),
          ...(event ? { event } : {}),
          awaiting: awaitingSignatures(c),
        },
      ];
    })
    .sort((a, b) => compareIds(a.id, b.id));

  // What the customer must provide: their own tasks forecast in next week (by their forecast end),
  // inspections of delivered work, and signatures on change slips (needed before the work they touch starts).
  const asks: CustomerAsk[] = planned_next
    .filter((t) => t.customer)
    .map((t) => {
      const task = tasks.get(t.id)!;
      return {
        kind: 'task' as const,
        id: t.id,
        name: t.name,
        ...(t.owner ? { owner: t.owner } : {}),
        ...(task.deliverable ? { deliverable: task.deliverable } : {}),
        by: t.end,
        late: t.late,
      };
    });
  const acceptance = acceptanceFacts(p, cal, asOf, (s) => s !== 'scheduled');
  const acceptedThisWeek = (id: string) => {
    const a = p.acceptance.find((x) => x.data.id === id)?.data;
    const pass = a?.rounds?.find((r) => r.result === 'pass' && (r.kind ?? 'final') === 'final');
    return pass && inWeek(pass.date) ? pass.date : undefined;
  };
  const acc = acceptance.flatMap((a) => {
    if (a.state !== 'accepted') return [a];
    const on = acceptedThisWeek(a.id);
    return on ? [{ ...a, accepted_on: on }] : [];
  });
  for (const a of acc)
    if (a.state === 'waiting') asks.push({ kind: 'acceptance', id: a.id, deliverable: a.deliverable, delivered: a.delivered });
  for (const c of changes) {
    if (!c.awaiting.includes('customer')) continue;
    const slip = p.changes.find((x) => x.data.id === c.id)!.data;
    const starts = (slip.tasks ?? [])
      .map((id) => sched.items.get(id))
      .filter((it) => it && !it.finished && it.start >= asOf)
      .map((it) => it!.start)
      .sort();
    asks.push({ kind: 'change', id: c.id, title: c.title, ...(starts[0] ? { by: starts[0] } : {}) });
  }

  // Risk actions the customer's own people carry, due by the end of next week (or without a date).
  for (const r of p.risks) {
    if (r.data.status === 'closed') continue;
    (r.data.actions ?? []).forEach((a, i) => {
      if (a.done !== undefined || a.waived !== undefined || !a.owner || !customerSide.has(a.owner)) return;
      if (a.due !== undefined && a.due > nw.to) return;
      asks.push({
        kind: 'action',
        id: r.data.id,
        number: i + 1,
        text: a.text,
        owner: a.owner,
        ...(a.due ? { by: a.due } : {}),
        late: a.due !== undefined && a.due < asOf,
      });
    });
  }

  const status = statusFacts({ project: p, asOf, calendar: cal, schedule: sched });
  return {
    project: projectHeader(p),
    week: { label: week.label, from, to },
    next_week: { label: nw.label, from: nw.from!, to: nw.to },
    as_of: asOf,
    health: status.health,
    summary: summaryPoints(p, sched, status.health, asOf),
    calendar_notices: forecastCalendarNotices(sched, cal),
    progress: progressOf(p, sched, cal, asOf),
    done,
    milestones_reached,
    delivered,
    planned_next,
    milestones: milestoneFacts(p, sched, asOf),
    risks,
    changes,
    customer_asks: asks,
    acceptance: acc,
    service: status.service,
    training: p.training
      .map((x) => x.data)
      .filter((x) => inWeek(x.date))
      .sort(byDate)
      .map((x) => {
        const attended = x.attended ?? x.attendees?.length;
        return {
          id: x.id,
          date: x.date,
          topic: x.topic,
          ...(x.audience ? { audience: x.audience } : {}),
          ...(x.trainer ? { trainer: x.trainer } : {}),
          ...(attended !== undefined ? { attended } : {}),
        };
      }),
    workflow: status.workflow,
    meeting_actions: status.meeting_actions,
    rectifications: status.rectifications,
    kpis: status.kpis,
  };
}
