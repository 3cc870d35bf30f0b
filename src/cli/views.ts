// What several read commands show the same way (status, report weekly, kpi): the project as of the
// report date with its plan, KPIs as JSON, the count of errors found.
import type { Context } from './context.js';
import { planOf, type ProjectPlan } from './plan.js';
import { readProject, type ReadProject } from './project.js';
import type { IsoDate } from '../core/dates.js';
import { kpiList, type Kpis } from '../core/kpi.js';
import type { Project } from '../core/model.js';
import { projectAsOf } from '../core/period.js';

/** The project as it stood on `asOf`, and its plan computed from that state. */
export function projectView(raw: Project, asOf: IsoDate): { project: Project; plan: ProjectPlan } {
  const project = projectAsOf(raw, asOf);
  return { project, plan: planOf(project, asOf) };
}

/**
 * Reads the project (every finding) and its view as of `asOf`. When the rules judge the same date,
 * the plan is computed before them, so the calendar rule reads it instead of bounding it.
 */
export function readProjectView(ctx: Context, asOf: IsoDate): { read: ReadProject; project: Project; plan: ProjectPlan } {
  let view: ReturnType<typeof projectView> | undefined;
  const read = readProject(
    ctx,
    undefined,
    asOf === ctx.asOf
      ? (p) => {
          view = projectView(p, asOf);
        }
      : undefined,
  );
  return { read, ...(view ?? projectView(read.project, asOf)) };
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

/**
 * KPIs for --json: exactly the documented keys (the project's own satisfaction dimensions after the
 * built-in ones), each with its formula, the counts behind it and a reason when null.
 */
export function kpiJson(ctx: Context, k: Kpis): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const m of kpiList(k)) {
    const extra: Record<string, unknown> = {};
    for (const f of [
      'excluded',
      'identified',
      'managed',
      'projects_met',
      'projects',
      'waived',
      'stopped',
      'delivered_on',
      'due',
      'moved_days',
    ] as const) {
      if (m[f] !== undefined) extra[f] = m[f];
    }
    out[m.key] = {
      value: round(m.value),
      numerator: m.numerator,
      denominator: m.denominator,
      target: m.target,
      met: m.met,
      ...(m.reason ? { reason: ctx.t(`kpi.reason.${m.reason}`), reason_code: m.reason } : {}),
      ...(m.label !== undefined ? { dimension: m.key.slice('satisfaction_'.length), label: m.label } : {}),
      ...extra,
      ...(m.accepted !== undefined ? { accepted: m.accepted, rejected: m.rejected ?? 0 } : {}),
      formula: m.label !== undefined ? ctx.t('kpi.formula.satisfaction_own', { dim: m.label }) : ctx.t(`kpi.formula.${m.key}`),
    };
  }
  return out;
}

export function errorCount(r: ReadProject): number {
  return r.findings.filter((d) => d.severity === 'error').length;
}
