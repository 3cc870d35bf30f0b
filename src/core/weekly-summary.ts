// The few things that matter this week, as facts for sentences (pure): milestones forecast after
// their due date or past it, blocked work and who carries it, late critical work, high risks with
// overdue actions, failed acceptance. Health (health.ts) decides the colour from the same forecast,
// so a sentence here never says "on track" under red, nor "late" under green.
import type { IsoDate } from './dates.js';
import type { Health } from './health.js';
import type { Project } from './model.js';
import type { Schedule } from './schedule.js';

export type SummaryPoint =
  | { kind: 'milestone_late'; id: string; name: string; due: IsoDate; forecast: IsoDate; days: number }
  | { kind: 'milestone_missed'; id: string; name: string; due: IsoDate; forecast?: IsoDate }
  | { kind: 'blocked'; id: string; name: string; owner?: string; reason?: string; feeds?: string }
  | { kind: 'late_critical'; id: string; name: string; owner?: string; days: number }
  | { kind: 'risk_overdue'; id: string; title: string; owner: string }
  | { kind: 'acceptance_failed'; id: string; deliverable: string }
  /** Whatever else set the colour, by its health code and ids (listed, not told). */
  | { kind: 'other'; code: string; ids: string[] };

/** Per kind at most a few, most serious first; every health reason is either told or listed. */
const CAPS = { milestone_missed: 2, milestone_late: 2, blocked: 2, late_critical: 2, risk_overdue: 1, acceptance_failed: 1 } as const;

export function summaryPoints(p: Project, sched: Schedule, health: Health, asOf: IsoDate): SummaryPoint[] {
  const tasks = new Map(p.tasks.map((t) => [t.data.id, t.data]));
  const missed: SummaryPoint[] = [],
    lateMs: (SummaryPoint & { kind: 'milestone_late' })[] = [];
  for (const m of p.milestones.map((x) => x.data)) {
    if (m.done !== undefined || m.due === undefined) continue;
    const it = sched.items.get(m.id);
    if (m.due < asOf) missed.push({ kind: 'milestone_missed', id: m.id, name: m.name, due: m.due, ...(it ? { forecast: it.end } : {}) });
    else if (it && (it.dueVariance ?? 0) > 0)
      lateMs.push({ kind: 'milestone_late', id: m.id, name: m.name, due: m.due, forecast: it.end, days: it.dueVariance! });
  }
  lateMs.sort((a, b) => b.days - a.days);
  const ids = (code: string) => health.reasons.find((r) => r.code === code)?.ids ?? [];
  const blocked: SummaryPoint[] = ids('blocked_work').flatMap((id) => {
    const t = tasks.get(id);
    if (!t) return [];
    const feeds = t.milestone ?? p.milestones.find((m) => m.data.depends_on?.includes(id))?.data.id;
    const reason = t.blocked_reason?.trim().replace(/[.。;；]+$/u, '');
    return [
      {
        kind: 'blocked' as const,
        id,
        name: t.name,
        ...(t.owner ? { owner: t.owner } : {}),
        ...(reason ? { reason } : {}),
        ...(feeds ? { feeds } : {}),
      },
    ];
  });
  const blockedIds = new Set(blocked.slice(0, CAPS.blocked).map((b) => (b.kind === 'blocked' ? b.id : '')));
  const lateCritical = ids('late_critical')
    .filter((id) => !blockedIds.has(id))
    .flatMap((id) => {
      const t = tasks.get(id);
      return t
        ? [
            {
              kind: 'late_critical' as const,
              id,
              name: t.name,
              ...(t.owner ? { owner: t.owner } : {}),
              days: sched.items.get(id)?.lateBy ?? 0,
            },
          ]
        : [];
    })
    .sort((a, b) => b.days - a.days);
  const risks: SummaryPoint[] = ids('high_risk_overdue').flatMap((id) => {
    const k = p.risks.find((x) => x.data.id === id)?.data;
    return k ? [{ kind: 'risk_overdue' as const, id, title: k.title, owner: k.owner }] : [];
  });
  const failed: SummaryPoint[] = ids('acceptance_failed').flatMap((id) => {
    const a = p.acceptance.find((x) => x.data.id === id)?.data;
    return a ? [{ kind: 'acceptance_failed' as const, id, deliverable: a.deliverable }] : [];
  });
  const shown = [
    ...missed.slice(0, CAPS.milestone_missed),
    ...lateMs.slice(0, CAPS.milestone_late),
    ...blocked.slice(0, CAPS.blocked),
    ...lateCritical.slice(0, CAPS.late_critical),
    ...risks.slice(0, CAPS.risk_overdue),
    ...failed.slice(0, CAPS.acceptance_failed),
  ];
  // What the sentences leave out is still named, so the colour always has its reasons in view.
  const told = new Set(shown.map((x) => (x.kind === 'other' ? '' : x.id)));
  for (const r of health.reasons) {
    if (r.code === 'negative_float') continue; // the finish sentence says it, with the days
    const rest = r.ids.filter((id) => !told.has(id));
    if (rest.length) shown.push({ kind: 'other', code: r.code, ids: rest });
  }
  return shown;
}
