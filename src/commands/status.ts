// `deliver status`: the one-screen dashboard; also the helpers the report commands share (the project
// as of the report date with its plan, KPI JSON, the error count).
import type { Context } from '../cli/context.js';
import { printJson } from '../cli/output.js';
import { readProject, type ReadProject } from '../cli/project.js';
import type { IsoDate } from '../core/dates.js';
import { KPI_KEYS, type Kpis } from '../core/kpi.js';
import type { Project } from '../core/model.js';
import { projectAsOf } from '../core/period.js';
import { statusFacts } from '../core/status.js';
import { renderStatus, type Paint } from '../render/status.js';
import { calendarNoticeText, forecastJson, planOf, type ProjectPlan } from './plan-shared.js';
import { forecastCalendarNotices } from '../core/forecast.js';

/** The project as it stood on `asOf`, and its plan computed from that state. */
export function projectView(raw: Project, asOf: IsoDate): { project: Project; plan: ProjectPlan } {
  const project = projectAsOf(raw, asOf);
  return { project, plan: planOf(project, asOf) };
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

/** KPIs for --json: exactly the documented keys, each with its formula (and reason when null). */
export function kpiJson(ctx: Context, k: Kpis): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const key of KPI_KEYS) {
    const m = k[key];
    out[key] = {
      value: round(m.value), numerator: m.numerator, denominator: m.denominator, target: m.target, met: m.met,
      ...(m.reason ? { reason: ctx.t(`kpi.reason.${m.reason}`), reason_code: m.reason } : {}),
      ...(m.excluded !== undefined ? { excluded: m.excluded } : {}),
      ...(m.accepted !== undefined ? { accepted: m.accepted, rejected: m.rejected ?? 0 } : {}),
      formula: ctx.t(`kpi.formula.${key}`),
    };
  }
  return out;
}

export function errorCount(r: ReadProject): number {
  return r.findings.filter((d) => d.severity === 'error').length;
}

export function paintOf(ctx: Context): Paint | undefined {
  if (!ctx.color) return undefined;
  const c = ctx.chalk();
  return { red: c.red, yellow: c.yellow, green: c.green, bold: c.bold, dim: c.dim };
}

export async function status(ctx: Context): Promise<void> {
  const r = readProject(ctx);
  const { project, plan } = projectView(r.project, ctx.asOf);
  const facts = statusFacts({ project, asOf: ctx.asOf, calendar: plan.calendar, schedule: plan.schedule });
  const unscheduled = [...project.tasks, ...project.milestones].filter((x) => !plan.schedule.items.has(x.data.id)).length;
  // Said on the screen itself, in its footer (and in --json).
  const notices = forecastCalendarNotices(plan.schedule, plan.calendar);
  if (ctx.json) {
    printJson(ctx, 'status', { ...facts, kpis: kpiJson(ctx, facts.kpis), unscheduled, errors: errorCount(r), forecast: forecastJson(plan.schedule), calendar_notices: notices });
  } else {
    const footer = [...(unscheduled ? [ctx.t('status.unscheduled', { n: unscheduled })] : []), ...notices.map((n) => calendarNoticeText(ctx, n))];
    ctx.stdout.write(renderStatus(facts, {
      t: ctx.t, year: Number(ctx.asOf.slice(0, 4)), width: Math.min(ctx.columns, 100), footer,
      ...(paintOf(ctx) ? { paint: paintOf(ctx)! } : {}),
    }));
  }
}
