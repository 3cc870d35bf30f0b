// `deliver report weekly [--week] [--format md|html] [--out]`: the customer's weekly report, printed or
// written atomically to a file (never through a symbolic link, never over a record file).
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Context } from '../../cli/context.js';
import { readOutcome, type Outcome } from '../../cli/outcome.js';
import type { ReportWeeklyOptions } from './command.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { choiceOption } from '../../cli/options.js';
import { printJson, println } from '../../cli/output.js';
import { FOLDERS, MANIFEST_FILE, PLAN_FILE } from '../../core/model.js';
import { parsePeriod, weekOf } from '../../core/period.js';
import { weeklyReport } from '../../core/weekly.js';
import { forAudience, INTERNAL_KPIS } from '../../core/weekly-audience.js';
import type { BaseKpiKey } from '../../core/kpi.js';
import type { Fmt } from '../../render/kpi.js';
import { sanitizeInline } from '../../render/sanitize.js';
import { renderWeeklyHtml } from '../../render/weekly-html.js';
import { chartsSection } from '../../render/svg/charts.js';
import { renderWeeklyMd } from '../../render/weekly-md.js';
import { commitFiles, safeTarget, STATE_DIR, UnsafePathError } from '../../store/atomic.js';
import { kpiJson, readProjectView } from '../../cli/views.js';
import { forecastJson } from '../../cli/plan.js';

/** Whether `rel` (project-relative, forward slashes) is a record file or deliver's own state. */
export function isRecordPath(rel: string): boolean {
  const parts = rel.split('/');
  if (parts[0] === STATE_DIR) return true;
  if (parts.length === 1) return rel === MANIFEST_FILE || rel === PLAN_FILE;
  return parts.length === 2 && (Object.values(FOLDERS) as string[]).includes(parts[0]!) && /\.ya?ml$/i.test(parts[1]!);
}

/**
 * Writes `content` to `file` atomically (temp file + rename). Every existing folder on the way from
 * the working folder (or from / for a path outside it) must be a real folder, and the file a regular
 * file: a symbolic link anywhere on the path is refused. Record files of the project are refused.
 */
export function writeOutFile(ctx: Context, projectRoot: string, file: string, content: string | Uint8Array): string {
  const abs = resolve(ctx.cwd, file);
  const inProject = relative(projectRoot, abs);
  if (inProject && !inProject.startsWith('..') && !isAbsolute(inProject) && isRecordPath(inProject.split(sep).join('/'))) {
    throw new RefusedError(ctx.t('err.outIsRecord', { file: sanitizeInline(file) }));
  }
  const underCwd = relative(ctx.cwd, abs);
  const base = underCwd && !underCwd.startsWith('..') && !isAbsolute(underCwd) ? ctx.cwd : resolve('/');
  const rel = relative(base, abs);
  try {
    safeTarget(base, rel);
    commitFiles(base, [{ rel, content }]);
  } catch (e) {
    if (e instanceof UnsafePathError) throw new RefusedError(ctx.t('err.outIsLink', { file: sanitizeInline(file) }));
    throw e;
  }
  return abs;
}

export async function reportWeekly(ctx: Context, opts: ReportWeeklyOptions): Promise<Outcome> {
  const format = choiceOption(ctx, '--format', opts.format, ['md', 'html'] as const) ?? 'md';
  let week = weekOf(ctx.asOf);
  if (opts.week !== undefined) {
    const p = parsePeriod(opts.week);
    if (!p || p.kind !== 'week') throw new UsageError(ctx.t('err.badWeek', { value: opts.week }));
    week = p;
  }
  // The report describes the week as it was known on its last day, or today for the current week.
  const asOf = week.to < ctx.asOf ? week.to : ctx.asOf;
  const { read: r, project, plan } = readProjectView(ctx, asOf);
  // The customer's version leaves out what is marked internal; html is what gets sent, so it is the default there.
  const audience =
    choiceOption(ctx, '--audience', opts.audience, ['customer', 'internal'] as const) ?? (format === 'html' ? 'customer' : 'internal');
  const model = forAudience(
    weeklyReport({ project, week, asOf, calendar: plan.calendar, schedule: plan.schedule }),
    project,
    plan.schedule,
    audience,
  );
  if (ctx.json) {
    const kpis = Object.fromEntries(
      Object.entries(kpiJson(ctx, model.kpis)).filter(([key]) => audience === 'internal' || !INTERNAL_KPIS.has(key as BaseKpiKey)),
    );
    printJson(ctx, 'report.weekly', { ...model, kpis, forecast: forecastJson(plan.schedule) });
  } else {
    const f: Fmt = { t: ctx.t, year: Number(asOf.slice(0, 4)) };
    const charts = format === 'html' ? chartsSection({ project, schedule: plan.schedule, asOf, kpis: model.kpis }, f) : undefined;
    const text = format === 'html' ? renderWeeklyHtml(model, f, ctx.lang, charts) : renderWeeklyMd(model, f);
    if (opts.out !== undefined && opts.out !== '') {
      const out = opts.out;
      writeOutFile(ctx, r.root, out, text);
      println(ctx, ctx.t('wk.written', { file: sanitizeInline(out) }));
    } else {
      ctx.stdout.write(text);
    }
  }
  return readOutcome(r);
}
