// `deliver report closeout|monthly [--format md|html] [--out]`: the delivery summary (交付总结报告) and
// the monthly report (月报 with the 需求处理优化报告's figures), as of the report date.
import type { Context } from '../../cli/context.js';
import { readOutcome, type Outcome } from '../../cli/outcome.js';
import { UsageError } from '../../cli/errors.js';
import { choiceOption } from '../../cli/options.js';
import { printJson, println } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import { kpiJson, projectView } from '../../cli/views.js';
import { closeoutReport, monthlyReport } from '../../core/closeout.js';
import { parsePeriod } from '../../core/period.js';
import type { Fmt } from '../../render/kpi.js';
import { closeoutDoc, htmlEscape, mdEscape, monthlyDoc, renderDocHtml, type ReportDoc } from '../../render/report-doc.js';
import { renderDocMd } from '../../render/weekly-md.js';
import { sanitizeInline } from '../../render/sanitize.js';
import { chartsSection } from '../../render/svg/charts.js';
import type { ReportCloseoutOptions, ReportMonthlyOptions } from './command.js';
import { writeOutFile } from './run.js';

function emit(ctx: Context, root: string, out: string | undefined, text: string): void {
  if (out !== undefined && out !== '') {
    writeOutFile(ctx, root, out, text);
    println(ctx, ctx.t('rpt.written', { file: sanitizeInline(out) }));
  } else ctx.stdout.write(text);
}

export async function reportCloseout(ctx: Context, opts: ReportCloseoutOptions): Promise<Outcome> {
  const format = choiceOption(ctx, '--format', opts.format, ['md', 'html'] as const) ?? 'md';
  const r = readProject(ctx);
  const { project, plan } = projectView(r.project, ctx.asOf);
  const model = closeoutReport({ project, asOf: ctx.asOf, calendar: plan.calendar, schedule: plan.schedule });
  if (ctx.json) {
    printJson(ctx, 'report.closeout', { ...model, kpis: kpiJson(ctx, model.kpis) });
    return readOutcome(r);
  }
  const f: Fmt = { t: ctx.t, year: Number(ctx.asOf.slice(0, 4)) };
  const doc = (esc: (s: string) => string): ReportDoc => closeoutDoc(model, f, esc);
  const text =
    format === 'html'
      ? renderDocHtml(doc(htmlEscape), ctx.lang, chartsSection({ project, schedule: plan.schedule, asOf: ctx.asOf, kpis: model.kpis }, f))
      : renderDocMd(doc(mdEscape));
  emit(ctx, r.root, opts.out, text);
  return readOutcome(r);
}

export async function reportMonthly(ctx: Context, opts: ReportMonthlyOptions): Promise<Outcome> {
  const format = choiceOption(ctx, '--format', opts.format, ['md', 'html'] as const) ?? 'md';
  const month = parsePeriod(opts.month ?? ctx.asOf.slice(0, 7));
  if (!month || month.kind !== 'month') throw new UsageError(ctx.t('rpt.badMonth', { value: String(opts.month) }));
  const r = readProject(ctx);
  // A past month is reported as it was known at its end; the current one as of today.
  const asOf = month.to < ctx.asOf ? month.to : ctx.asOf;
  const { project, plan } = projectView(r.project, asOf);
  const model = monthlyReport({ project, asOf, calendar: plan.calendar, schedule: plan.schedule, month });
  if (ctx.json) {
    printJson(ctx, 'report.monthly', { ...model, kpis: kpiJson(ctx, model.kpis) });
    return readOutcome(r);
  }
  const f: Fmt = { t: ctx.t, year: Number(asOf.slice(0, 4)) };
  const doc = (esc: (s: string) => string): ReportDoc => monthlyDoc(model, f, esc);
  const text =
    format === 'html'
      ? renderDocHtml(doc(htmlEscape), ctx.lang, chartsSection({ project, schedule: plan.schedule, asOf, kpis: model.kpis }, f))
      : renderDocMd(doc(mdEscape));
  emit(ctx, r.root, opts.out, text);
  return readOutcome(r);
}
