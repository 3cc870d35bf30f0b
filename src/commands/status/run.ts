// `deliver status`: the one-screen dashboard.
import type { Context } from '../../cli/context.js';
import { readOutcome, type Outcome } from '../../cli/outcome.js';
import { printJson } from '../../cli/output.js';
import { errorCount, kpiJson, readProjectView } from '../../cli/views.js';
import { calendarNoticeText, forecastJson } from '../../cli/plan.js';
import { forecastCalendarNotices } from '../../core/forecast.js';
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
  const { read: r, project, plan } = readProjectView(ctx, ctx.asOf);
  const facts = statusFacts({ project, asOf: ctx.asOf, calendar: plan.calendar, schedule: plan.schedule });
  const unscheduled = [...project.tasks, ...project.milestones].filter((x) => !plan.schedule.items.has(x.data.id)).length;
  // Said on the screen itself, in its footer (and in --json).
  const notices = forecastCalendarNotices(plan.schedule, plan.calendar);
  if (ctx.json) {
    printJson(ctx, 'status', {
      ...facts,
      kpis: kpiJson(ctx, facts.kpis),
      unscheduled,
      errors: errorCount(r),
      forecast: forecastJson(plan.schedule),
      calendar_notices: notices,
    });
  } else {
    const footer = [
      ...(unscheduled ? [ctx.t('status.unscheduled', { n: unscheduled })] : []),
      ...notices.map((n) => calendarNoticeText(ctx, n)),
    ];
    ctx.stdout.write(
      renderStatus(facts, {
        t: ctx.t,
        year: Number(ctx.asOf.slice(0, 4)),
        width: Math.min(ctx.columns, STATUS_MAX_WIDTH),
        footer,
        ...(paintOf(ctx) ? { paint: paintOf(ctx)! } : {}),
      }),
    );
  }
  return readOutcome(r);
}
