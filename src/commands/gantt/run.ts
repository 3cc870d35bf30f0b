// `deliver gantt`: the plan as a text chart fitted to the terminal, or a Mermaid block for a pull request.
import type { Context } from '../../cli/context.js';
import { readOutcome, type Outcome } from '../../cli/outcome.js';
import type { GanttOptions } from './command.js';
import { UsageError } from '../../cli/errors.js';
import { choiceOption, dateOption, intOption, textOption } from '../../cli/options.js';
import { printJson } from '../../cli/output.js';
import { renderGantt } from '../../render/gantt.js';
import { renderMermaidGantt } from '../../render/gantt-mermaid.js';
import { forecastJson, noteCalendar, readPlan, reportPlanFindings } from '../../cli/plan.js';

export async function gantt(ctx: Context, opts: GanttOptions): Promise<Outcome> {
  const from = dateOption(ctx, '--from', opts.from);
  const to = dateOption(ctx, '--to', opts.to);
  if (from !== undefined && to !== undefined && to < from) throw new UsageError(ctx.t('gantt.toBeforeFrom', { from, to }));
  const scale = choiceOption(ctx, '--scale', opts.scale, ['day', 'week', 'auto'] as const) ?? 'auto';
  const format = choiceOption(ctx, '--format', opts.format, ['text', 'mermaid'] as const) ?? 'text';
  const width = intOption(ctx, '--width', opts.width, 40, 2000) ?? ctx.columns;
  const { loaded, plan } = readPlan(ctx, textOption(opts.baseline));
  const title = loaded.project.manifest?.data.name;
  const window = { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
  let chart: string;
  if (format === 'mermaid') {
    const block = renderMermaidGantt(plan.schedule, {
      lang: ctx.lang,
      asOf: ctx.asOf,
      calendar: plan.calendar,
      ...window,
      ...(title !== undefined ? { title } : {}),
    });
    // A fenced block pastes straight into a GitHub comment, which renders it as a chart.
    chart = '```mermaid\n' + block + '```\n';
  } else {
    chart = drawWithin(ctx, () =>
      renderGantt(plan.schedule, {
        width,
        lang: ctx.lang,
        asOf: ctx.asOf,
        scale,
        calendar: plan.calendar,
        color: ctx.color,
        allBaselineRows: opts.baseline !== undefined,
        ...(ctx.color ? { chalk: ctx.chalk() } : {}),
        ...window,
        ...(title !== undefined ? { title } : {}),
      }),
    );
  }
  const notices = noteCalendar(ctx, plan, loaded);
  if (ctx.json)
    printJson(ctx, 'gantt', {
      format,
      as_of: ctx.asOf,
      baseline: plan.schedule.baseline ?? null,
      chart,
      items: forecastJson(plan.schedule),
      calendar_notices: notices,
    });
  else ctx.stdout.write(chart);
  reportPlanFindings(ctx, loaded);
  return readOutcome(loaded);
}

/** A chart whose --from/--to reach days the calendar cannot tell (a century from the plan) is a usage error. */
function drawWithin(ctx: Context, draw: () => string): string {
  try {
    return draw();
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(ctx.t('gantt.windowRange', { message: e.message }));
    throw e;
  }
}
