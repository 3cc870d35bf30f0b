// Turns a template (templates/<name>/template.yaml) into the records of a new project: ids in
// order, dependencies by key, dates placed relative to the start or the handover date.
import { addDays } from '../../core/dates.js';
import { DEFAULT_DAY_CLOCKS } from '../../core/service.js';
import type { Lang } from '../../render/i18n.js';

type Text = Record<Lang, string>;

export interface Template {
  description: Text;
  requires_due?: boolean;
  tasks: {
    key: string;
    name: Text;
    days: number;
    after?: string[];
    deliverable?: Text;
    milestone?: string;
    days_before_due?: number;
    owner?: 'lead' | 'contractor';
  }[];
  milestones: { key: string; name: Text; after?: string[]; due_days_before_due?: number; due_is_project_due?: boolean; fixed?: boolean }[];
  risks: {
    title: Text;
    slug: string;
    category: string;
    probability: number;
    impact: number;
    affects?: string[];
    response: string;
    actions: Text[];
    visibility?: 'customer' | 'internal';
  }[];
  /** The contractor who owns rectification items (handover): a team member of the supplier side. */
  contractor?: { name: Text; role: Text };
  /** Acceptance records opened at init (handover: the units handed over, inspected in pre-acceptance rounds). */
  acceptance?: { slug: string; deliverable: Text; delivered_days_before_due: number; items?: Text[]; notes?: Text }[];
}

export interface TemplateInput {
  name: string;
  client: string;
  start: string;
  due?: string;
  lang: Lang;
  template: string;
  /** The people init asked for (people.ts) and the contract; `owner` owns the template's tasks and risks. */
  team?: { name: string; role: string; side: 'supplier' | 'customer'; email?: string; phone?: string }[];
  contract?: { number?: string; signed?: string };
  owner?: string;
}

/**
 * KPI targets the source documents give (项目交付按时率 ≥ 90%, 客户满意度 ≥ 80 分, 风险应对计划实施率 ≥ 95%,
 * 至少 3 个风险识别并管理, 团队沟通评分 ≥ 4 分), written out so users see and tune them; every other
 * measure has no target until the user sets one.
 */
export const DEFAULT_KPI_TARGETS = {
  project_on_time_rate: 0.9,
  customer_satisfaction: 80,
  risk_response_rate: 0.95,
  risks_identified: 3,
  team_communication_score: 4,
};

export function buildFromTemplate(tpl: Template, input: TemplateInput) {
  const { lang, start, due } = input;
  const tid = new Map(tpl.tasks.map((t, i) => [t.key, `T-${String(i + 1).padStart(3, '0')}`]));
  const mid = new Map(tpl.milestones.map((m, i) => [m.key, `M-${String(i + 1).padStart(3, '0')}`]));
  const ref = (k: string) => tid.get(k) ?? mid.get(k) ?? k;
  const lead = input.owner ?? (lang === 'zh-CN' ? '交付负责人' : 'Delivery lead');

  const manifest = {
    schema_version: 1,
    name: input.name,
    client: input.client,
    ...(input.contract ? { contract: input.contract } : {}),
    start,
    ...(due ? { due } : {}),
    language: lang,
    template: input.template,
    ...(input.team?.length ? { team: input.team } : {}),
    calendar: { base: lang === 'zh-CN' ? 'cn' : 'none', workweek: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    ...(tpl.contractor
      ? {
          team: [
            { name: lead, role: lead, side: 'supplier' },
            { name: tpl.contractor.name[lang], role: tpl.contractor.role[lang], side: 'supplier' },
          ],
        }
      : {}),
    kpi_targets: DEFAULT_KPI_TARGETS,
    sla: { analysis_days: 1, feasibility_days: 2 },
    // The seeds give no after-sales clocks: these defaults are written out (and `init` says so) to be agreed with the customer.
    service_levels: { unit: 'days', ...DEFAULT_DAY_CLOCKS },
  };
  const plan = {
    schema_version: 1,
    milestones: tpl.milestones.map((m) => {
      const mDue = m.due_is_project_due ? due : m.due_days_before_due && due ? addDays(due, -m.due_days_before_due) : undefined;
      return {
        id: mid.get(m.key)!,
        name: m.name[lang],
        ...(mDue ? { due: mDue } : {}),
        ...(mDue && m.fixed ? { fixed: true } : {}),
        ...(m.after?.length ? { depends_on: m.after.map(ref) } : {}),
      };
    }),
    tasks: tpl.tasks.map((t) => ({
      id: tid.get(t.key)!,
      name: t.name[lang],
      owner: t.owner === 'contractor' && tpl.contractor ? tpl.contractor.name[lang] : lead,
      ...(t.days_before_due && due ? { start: addDays(due, -t.days_before_due) } : {}),
      days: t.days,
      ...(t.after?.length ? { depends_on: t.after.map(ref) } : {}),
      ...(t.milestone ? { milestone: mid.get(t.milestone)! } : {}),
      ...(t.deliverable ? { deliverable: t.deliverable[lang] } : {}),
      status: 'todo',
    })),
  };
  const risks = tpl.risks.map((r, i) => ({
    id: `R-${String(i + 1).padStart(3, '0')}`,
    slug: r.slug,
    title: r.title[lang],
    category: r.category,
    probability: r.probability,
    impact: r.impact,
    ...(r.affects ? { affects: r.affects } : {}),
    response: r.response,
    owner: lead,
    identified: start,
    status: 'open',
    ...(r.visibility ? { visibility: r.visibility } : {}),
    actions: r.actions.map((a) => ({ text: a[lang], due: addDays(start, 14) })),
  }));
  const acceptance = due
    ? (tpl.acceptance ?? []).map((a, i) => ({
        id: `AC-${String(i + 1).padStart(3, '0')}`,
        slug: a.slug,
        deliverable: a.deliverable[lang],
        requirements: [],
        delivered: addDays(due, -a.delivered_days_before_due),
        agreed: due,
        ...(a.items?.length ? { items: a.items.map((x) => x[lang]) } : {}),
        ...(a.notes ? { notes: a.notes[lang] } : {}),
      }))
    : [];
  return { manifest, plan, risks, acceptance };
}
