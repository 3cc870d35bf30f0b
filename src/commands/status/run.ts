// `deliver status`: the one-screen dashboard.
import type { Context } from '../../cli/context.js';
import { readOutcome, type Outcome } from '../../cli/outcome.js';
import { printJson } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import { errorCount, kpiJson, projectView } from '../../cli/views.js';
import { statusFacts } from '../../core/status.js';
import { renderStatus, type Paint } from '../../render/status.js';

function paintOf(ctx: Context): Paint | undefined {
  if (!ctx.color) return undefined;
  const c = ctx.chalk();
  return { red: c.red, yellow: c.yellow, green: c.green, bold: c.bold, dim: c.dim };
}

/** The status screen uses the terminal's width up to this many columns (wider lines are hard to read). */
const STATUS_MAX_WIDTH = 160;

export async function status(ctx: Context): Promise<Outcome> {
  const r = readProject(ctx);
  const { project, plan } = projectView(r.project, ctx.asOf);
  const facts = statusFacts({ project, asOf: ctx.asOf, calendar: plan.calendar, schedule: plan.schedule });
  const unscheduled = [...project.tasks, ...project.milestones].filter((x) => !plan.schedule.items.has(x.data.id)).length;
  if (ctx.json) {
    printJson(ctx, 'status', { ...facts, kpis: kpiJson(ctx, facts.kpis), unscheduled, errors: errorCount(r) });
  } else {
    const footer = unscheduled ? [ctx.t('status.unscheduled', { n: unscheduled })] : [];
    ctx.stdout.write(renderStatus(facts, {
      t: ctx.t, year: Number(ctx.asOf.slice(0, 4)), width: Math.min(ctx.columns, STATUS_MAX_WIDTH), footer,
      ...(paintOf(ctx) ? { paint: paintOf(ctx)! } : {}),
    }));
  }
  return readOutcome(r);
}
