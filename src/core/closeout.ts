// The delivery summary (交付总结报告) and the monthly report (月报, with the figures of the
// 需求处理优化报告) as data (pure). Both take the project as of the report date.
import { isFinal, isSignedPass } from './acceptance.js';
import { closedOn } from './archive.js';
import type { WorkCalendar } from './calendar.js';
import { compareDates, type IsoDate } from './dates.js';
import { slaDays } from './followups.js';
import { compareIds } from './id-order.js';
import { kpiList, projectKpis, type Kpis } from './kpi.js';
import { movedTo, workingDays } from './kpi-rules.js';
import type { Project, Requirement } from './model.js';
import { inWindow, windowOf, type Period, type Window } from './period.js';
import { isUnresolved } from './rectification.js';
import type { Schedule } from './schedule.js';
import { projectHeader, type ProjectHeader } from './status.js';

export interface ScopeLine {
  id: string;
  title: string;
  status: Requirement['status'];
  received: IsoDate;
  closed?: IsoDate;
  archived?: IsoDate;
}
export interface MilestoneLine {
  id: string;
  name: string;
  due?: IsoDate;
  baseline?: IsoDate;
  forecast: IsoDate;
  done?: IsoDate;
  slip?: number;
}
export interface ChangeLine {
  id: string;
  title: string;
  status: string;
  schedule_days?: number;
  cost?: { amount: number; currency: string };
}
export interface AcceptanceLine {
  id: string;
  deliverable: string;
  delivered: IsoDate;
  deliverables: number;
  rounds: { date: IsoDate; kind: 'pre' | 'final'; result: 'pass' | 'fail' }[];
  signed?: { by: string; on: IsoDate };
  rectifications: { total: number; verified: number; accepted_open: number; open: number };
}
export interface Lessons {
  highlights: string[];
  problems: string[];
  improvements: string[];
  meetings: string[];
}

export interface CloseoutReport {
  project: ProjectHeader;
  as_of: IsoDate;
  scope: { requested: number; accepted: number; rejected: number; on_hold: number; open: number; archived: number; lines: ScopeLine[] };
  schedule: {
    start?: IsoDate;
    due?: IsoDate;
    baseline?: string;
    baseline_end?: IsoDate;
    end?: IsoDate;
    due_float?: number;
    milestones: MilestoneLine[];
  };
  changes: ChangeLine[];
  acceptance: AcceptanceLine[];
  kpis: Kpis;
  lessons: Lessons;
}

export interface ReportInput {
  /** The project as of `asOf`. */
  project: Project;
  asOf: IsoDate;
  calendar: WorkCalendar;
  schedule: Schedule;
}

const byId = <T extends { id: string }>(a: T, b: T) => compareIds(a.id, b.id);

function lessonsOf(p: Project, w?: Window): Lessons {
  const out: Lessons = { highlights: [], problems: [], improvements: [], meetings: [] };
  for (const { data: m } of p.meetings) {
    if (m.kind !== 'retrospective' || !m.retrospective || (w && !inWindow(w, m.date))) continue;
    out.meetings.push(m.id);
    out.highlights.push(...(m.retrospective.highlights ?? []));
    out.problems.push(...(m.retrospective.problems ?? []));
    out.improvements.push(...(m.retrospective.improvements ?? []));
  }
  return out;
}

function acceptanceLines(p: Project, keep: (d: IsoDate) => boolean): AcceptanceLine[] {
  return p.acceptance
    .map((a) => a.data)
    .filter((a) => keep(a.delivered))
    .sort(byId)
    .map((a) => {
      const signed = (a.rounds ?? []).find(isSignedPass);
      const items = a.rectifications ?? [];
      return {
        id: a.id,
        deliverable: a.deliverable,
        delivered: a.delivered,
        deliverables: a.deliverables?.length ?? 0,
        rounds: (a.rounds ?? []).map((r) => ({ date: r.date, kind: isFinal(r) ? ('final' as const) : ('pre' as const), result: r.result })),
        ...(signed ? { signed: { by: signed.signed_by!, on: signed.signed_on! } } : {}),
        rectifications: {
          total: items.length,
          verified: items.filter((x) => x.verified !== undefined).length,
          accepted_open: items.filter((x) => x.accepted_open !== undefined && x.verified === undefined).length,
          open: items.filter(isUnresolved).length,
        },
      };
    });
}

export function closeoutReport(input: ReportInput): CloseoutReport {
  const { project: p, asOf, calendar: cal, schedule: sched } = input;
  const reqs = p.requirements.map((r) => r.data).sort(byId);
  const count = (s: Requirement['status']) => reqs.filter((r) => r.status === s).length;
  const lines: ScopeLine[] = reqs.map((r) => {
    const closed = closedOn(r);
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      received: r.received,
      ...(closed ? { closed } : {}),
      ...(r.archived ? { archived: r.archived } : {}),
    };
  });
  const milestones: MilestoneLine[] = p.milestones
    .map((m) => m.data)
    .flatMap((m) => {
      const it = sched.items.get(m.id);
      if (!it) return [];
      return [
        {
          id: m.id,
          name: m.name,
          ...(m.due ? { due: m.due } : {}),
          ...(it.baselineEnd ? { baseline: it.baselineEnd } : {}),
          forecast: it.end,
          ...(m.done ? { done: m.done } : {}),
          ...(it.slip !== undefined ? { slip: it.slip } : {}),
        },
      ];
    })
    .sort((a, b) => compareDates(a.forecast, b.forecast) || compareIds(a.id, b.id));
  const baselineEnd = [...sched.items.values()]
    .map((i) => i.baselineEnd)
    .filter((d): d is IsoDate => d !== undefined)
    .sort()
    .pop();
  const header = projectHeader(p);
  return {
    project: header,
    as_of: asOf,
    scope: {
      requested: reqs.length,
      accepted: count('accepted'),
      rejected: count('rejected'),
      on_hold: count('on_hold'),
      open: reqs.filter((r) => !['accepted', 'rejected', 'on_hold'].includes(r.status)).length,
      archived: reqs.filter((r) => r.archived !== undefined).length,
      lines,
    },
    schedule: {
      ...(header.start ? { start: header.start } : {}),
      ...(sched.due ? { due: sched.due } : {}),
      ...(sched.baseline ? { baseline: sched.baseline } : {}),
      ...(baselineEnd ? { baseline_end: baselineEnd } : {}),
      ...(sched.projectEnd ? { end: sched.projectEnd } : {}),
      ...(sched.dueFloat !== undefined ? { due_float: sched.dueFloat } : {}),
      milestones,
    },
    changes: p.changes
      .map((c) => c.data)
      .sort(byId)
      .map((c) => ({
        id: c.id,
        title: c.title,
        status: c.status,
        ...(c.schedule_days !== undefined ? { schedule_days: c.schedule_days } : {}),
        ...(c.cost ? { cost: c.cost } : {}),
      })),
    acceptance: acceptanceLines(p, () => true),
    kpis: projectKpis({ project: p, asOf, calendar: cal }),
    lessons: lessonsOf(p),
  };
}

export interface SlaMiss {
  id: string;
  title: string;
  step: 'analysis' | 'assessment';
  start: IsoDate;
  done?: IsoDate;
  days: number;
}

export interface MonthlyReport {
  project: ProjectHeader;
  month: { label: string; from: IsoDate; to: IsoDate };
  as_of: IsoDate;
  volume: { received: number; accepted: number; rejected: number; open_at_end: number };
  sla_misses: SlaMiss[];
  /** Problems named in the records during the month: failed rounds, rectification findings, escalations, retrospectives. */
  problems: { source: 'acceptance' | 'rectification' | 'escalation' | 'retrospective'; id: string; date: IsoDate; text: string }[];
  acceptance: AcceptanceLine[];
  changes: ChangeLine[];
  meetings: { id: string; date: IsoDate; kind: string; title: string }[];
  lessons: Lessons;
  kpis: Kpis;
}

export function monthlyReport(input: ReportInput & { month: Period }): MonthlyReport {
  const { project: p, asOf, calendar: cal, month } = input;
  const w = windowOf(month, asOf);
  const reqs = p.requirements.map((r) => r.data);
  const sla = slaDays(p);
  const misses: SlaMiss[] = [];
  for (const r of reqs.filter((x) => inWindow(w, x.received)).sort(byId)) {
    const late = (step: SlaMiss['step'], start: IsoDate, days: number, done: IsoDate | undefined) => {
      const took = workingDays(cal, start, done ?? asOf);
      if (took !== undefined && took > days) misses.push({ id: r.id, title: r.title, step, start, ...(done ? { done } : {}), days: took });
    };
    late('analysis', r.received, sla.analysis, r.analysis?.date);
    if (r.analysis) late('assessment', r.analysis.date, sla.feasibility, r.feasibility?.date);
  }
  const problems: MonthlyReport['problems'] = [];
  for (const { data: a } of p.acceptance) {
    (a.rounds ?? []).forEach((r) => {
      if (r.result === 'fail' && inWindow(w, r.date))
        for (const x of r.reasons ?? []) problems.push({ source: 'acceptance', id: a.id, date: r.date, text: x });
    });
    for (const x of a.rectifications ?? []) {
      const d = a.rounds?.[x.round - 1]?.date;
      if (d && inWindow(w, d) && !(a.rounds?.[x.round - 1]?.reasons ?? []).includes(x.finding))
        problems.push({ source: 'rectification', id: a.id, date: d, text: x.finding });
    }
  }
  for (const r of reqs)
    for (const e of r.escalations ?? [])
      if (inWindow(w, e.date)) problems.push({ source: 'escalation', id: r.id, date: e.date, text: e.reason });
  for (const { data: m } of p.meetings)
    if (m.kind === 'retrospective' && inWindow(w, m.date))
      for (const x of m.retrospective?.problems ?? []) problems.push({ source: 'retrospective', id: m.id, date: m.date, text: x });
  problems.sort((a, b) => compareDates(a.date, b.date) || compareIds(a.id, b.id));
  return {
    project: projectHeader(p),
    month: { label: month.label, from: month.from!, to: month.to },
    as_of: asOf,
    volume: {
      received: reqs.filter((r) => inWindow(w, r.received)).length,
      accepted: reqs.filter((r) => r.status === 'accepted' && inWindow(w, movedTo(r, 'accepted'))).length,
      rejected: reqs.filter((r) => r.status === 'rejected' && inWindow(w, movedTo(r, 'rejected'))).length,
      open_at_end: reqs.filter((r) => r.received <= w.to && !['accepted', 'rejected'].includes(r.status)).length,
    },
    sla_misses: misses,
    problems,
    acceptance: acceptanceLines(p, (d) => inWindow(w, d)),
    changes: p.changes
      .map((c) => c.data)
      .filter((c) => inWindow(w, c.submitted))
      .sort(byId)
      .map((c) => ({
        id: c.id,
        title: c.title,
        status: c.status,
        ...(c.schedule_days !== undefined ? { schedule_days: c.schedule_days } : {}),
        ...(c.cost ? { cost: c.cost } : {}),
      })),
    meetings: p.meetings
      .map((m) => m.data)
      .filter((m) => inWindow(w, m.date))
      .sort((a, b) => compareDates(a.date, b.date) || compareIds(a.id, b.id))
      .map((m) => ({ id: m.id, date: m.date, kind: m.kind, title: m.title })),
    lessons: lessonsOf(p, w),
    kpis: projectKpis({ project: p, asOf, period: month, calendar: cal }),
  };
}

export { kpiList };
