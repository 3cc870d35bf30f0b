// Who the weekly report is for (pure). The customer's version leaves out what is marked
// `visibility: internal` (risks, tasks) and the KPIs that measure the delivery team itself, and
// lists what the customer's own people must do: open tasks and risk actions whose owner is on the
// customer's side in deliver.yaml's team. The internal version is the report as it is.
import type { IsoDate } from './dates.js';
import type { BaseKpiKey, Measure } from './kpi.js';
import type { Project } from './model.js';
import type { Schedule } from './schedule.js';
import type { WeeklyReport } from './weekly.js';
import type { SummaryPoint } from './weekly-summary.js';

export type Audience = 'customer' | 'internal';

/** Measures of the delivery team's own work (SLA clocks, risk practice, the team's survey): internal. */
export const INTERNAL_KPIS: ReadonlySet<BaseKpiKey> = new Set<BaseKpiKey>([
  'team_communication_score',
  'risk_response_rate',
  'risks_identified',
  'average_cycle_days',
  'analysis_sla_rate',
  'feasibility_sla_rate',
]);

export type CustomerTodo =
  | { kind: 'task'; id: string; name: string; owner: string; end: IsoDate; status: string; late: boolean }
  | { kind: 'action'; id: string; number: number; text: string; owner: string; due?: IsoDate; late: boolean };

/** Whether the report shows a measure to its audience. */
export function shownKpi(r: Pick<WeeklyReport, 'audience'>, m: Measure): boolean {
  return r.audience !== 'customer' || !INTERNAL_KPIS.has(m.key as BaseKpiKey);
}

export function forAudience(r: WeeklyReport, p: Project, schedule: Schedule, audience: Audience): WeeklyReport {
  if (audience === 'internal') return { ...r, audience };
  const hiddenTasks = new Set(p.tasks.filter((t) => t.data.visibility === 'internal').map((t) => t.data.id));
  const hiddenRisks = new Set(p.risks.filter((x) => x.data.visibility === 'internal').map((x) => x.data.id));
  const customerSide = new Set((p.manifest?.data.team ?? []).filter((m) => m.side === 'customer').map((m) => m.name));
  const todo: CustomerTodo[] = [];
  for (const { data: t } of p.tasks) {
    if (t.status === 'done' || hiddenTasks.has(t.id) || !t.owner || !customerSide.has(t.owner)) continue;
    const it = schedule.items.get(t.id);
    if (!it) continue;
    todo.push({ kind: 'task', id: t.id, name: t.name, owner: t.owner, end: it.end, status: t.status, late: it.late });
  }
  for (const { data: risk } of p.risks) {
    if (risk.status === 'closed' || hiddenRisks.has(risk.id)) continue;
    (risk.actions ?? []).forEach((a, i) => {
      if (a.done !== undefined || a.waived !== undefined || !a.owner || !customerSide.has(a.owner)) return;
      todo.push({
        kind: 'action',
        id: risk.id,
        number: i + 1,
        text: a.text,
        owner: a.owner,
        ...(a.due ? { due: a.due } : {}),
        late: a.due !== undefined && a.due < r.as_of,
      });
    });
  }
  todo.sort((a, b) => ((a.kind === 'task' ? a.end : (a.due ?? '9')) < (b.kind === 'task' ? b.end : (b.due ?? '9')) ? -1 : 1));
  return {
    ...r,
    audience,
    done: r.done.filter((t) => !hiddenTasks.has(t.id)),
    planned_next: r.planned_next.filter((t) => !hiddenTasks.has(t.id)),
    risks: r.risks.filter((x) => !hiddenRisks.has(x.id)),
    // The summary names records too: an internal task or risk is neither told nor listed.
    summary: r.summary.flatMap((pt): SummaryPoint[] => {
      const hidden = (id: string) => hiddenTasks.has(id) || hiddenRisks.has(id);
      if (pt.kind === 'other') {
        const ids = pt.ids.filter((id) => !hidden(id));
        return ids.length || !pt.ids.length ? [{ ...pt, ids }] : [];
      }
      return hidden(pt.id) ? [] : [pt];
    }),
    customer_asks: r.customer_asks.filter(
      (a) => !(a.kind === 'task' && hiddenTasks.has(a.id)) && !(a.kind === 'action' && hiddenRisks.has(a.id)),
    ),
    customer_todo: todo,
  };
}
