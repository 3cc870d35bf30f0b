// `deliver kpi [dirs…] [--period]`: KPIs for one project, or a portfolio (a folder whose subfolders are
// projects, or several folders) with one row per project and totals from summed numerators/denominators.
import { basename } from 'node:path';
import { displayWidth as stringWidth } from '../../render/width.js';
import type { Context } from '../../cli/context.js';
import { EXIT, UsageError } from '../../cli/errors.js';
import type { Outcome } from '../../cli/outcome.js';
import type { KpiOptions } from './command.js';
import { printDiagnostics, printJson, printTable, println } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import type { Diagnostic } from '../../core/diagnostics.js';
import { targets, type Target } from '../../cli/targets.js';
import { portfolioTotals, projectKpis, type Kpis } from '../../core/kpi.js';
import { allTime, parsePeriod, projectAsOf, windowOf, type Period } from '../../core/period.js';
import {
  formatDate,
  formatRange,
  measureColumns,
  measureGroups,
  measureNotes,
  measureRows,
  portfolioColumns,
  type Fmt,
  type PortfolioRow,
} from '../../render/kpi.js';
import { sanitizeInline } from '../../render/sanitize.js';
import { kpiJson } from '../../cli/views.js';

function periodJson(period: Period | undefined, asOf: string) {
  const p = period ?? allTime(asOf);
  const w = windowOf(p, asOf);
  return { label: p.label, from: p.from ?? null, to: p.to, window: { from: w.from ?? null, to: w.to } };
}

function periodLine(ctx: Context, f: Fmt, period: Period | undefined): string {
  if (!period) return ctx.t('kpi.periodAll', { date: formatDate(f, ctx.asOf) });
  return ctx.t('kpi.period', {
    label: period.label,
    range: formatRange(f, period.from ?? period.to, period.to),
    date: formatDate(f, ctx.asOf),
  });
}

/** What the report keeps of a project: its figures and its errors, never its records. */
interface Row {
  target: Target;
  name: string;
  code?: string;
  lang: string | undefined;
  errors: Diagnostic[];
  kpis: Kpis;
}

export async function kpi(ctx: Context, dirs: string[], opts: KpiOptions): Promise<Outcome> {
  let period: Period | undefined;
  if (opts.period !== undefined) {
    const p = parsePeriod(opts.period);
    if (!p) throw new UsageError(ctx.t('err.badPeriod', { value: opts.period }));
    period = p;
  }
  const { list, single } = targets(ctx, dirs);
  return kpiOf(ctx, list, single, period);
}

/** The report for targets already chosen (the command line layer remembers its output). */
export async function kpiOf(ctx: Context, list: Target[], single: boolean, period: Period | undefined): Promise<Outcome> {
  // One project at a time: a portfolio of 1,000 projects never holds more than one project's
  // records (nor their bytes) in memory.
  const rows: Row[] = list.map((target) => {
    const read = readProject(ctx, target.root);
    ctx.snapshots?.delete(target.root);
    // The measures need the project as of the date and its calendar, not the computed plan: no
    // scheduling here (it was a fifth of the time at 10,000 tasks).
    const project = projectAsOf(read.project, ctx.asOf);
    const m = read.project.manifest?.data;
    return {
      target,
      name: m?.name ?? basename(target.root),
      ...(m?.code ? { code: m.code } : {}),
      lang: m?.language,
      errors: read.findings.filter((d) => d.severity === 'error'),
      kpis: projectKpis({ project, asOf: ctx.asOf, ...(period ? { period } : {}) }),
    };
  });
  // One language for the whole report: the flag, else the one all projects share, else the environment's.
  const langs = new Set(rows.map((r) => r.lang));
  ctx.useProjectLanguage(langs.size === 1 ? [...langs][0] : undefined);
  const f: Fmt = { t: ctx.t, year: Number(ctx.asOf.slice(0, 4)) };
  const t = ctx.t;

  // Findings of every project, with the project's folder in front of the file name.
  const broken = rows.filter((r) => r.errors.length > 0);
  for (const r of broken) {
    const ds = r.errors.map((d) => ({ ...d, file: single ? d.file : `${r.target.dir}/${d.file}` }));
    if (!single) ctx.stderr.write(`deliver: ${t('kpi.brokenProject', { dir: sanitizeInline(r.target.dir) })}\n`);
    printDiagnostics(ctx, ds, 'text', 'stderr');
  }

  if (single) {
    const r = rows[0]!;
    if (ctx.json) {
      printJson(ctx, 'kpi', {
        as_of: ctx.asOf,
        period: periodJson(period, ctx.asOf),
        project: { name: r.name, code: r.code ?? null, dir: r.target.dir },
        kpis: kpiJson(ctx, r.kpis),
      });
    } else {
      println(ctx, ctx.chalk().bold(t('kpi.title', { name: sanitizeInline(r.name) })));
      println(ctx, periodLine(ctx, f, period));
      printTable(ctx, measureColumns(t), measureRows(r.kpis));
      for (const n of measureNotes(t, r.kpis, f)) println(ctx, `  ${n}`);
    }
  } else {
    const totals = portfolioTotals(rows.map((r) => r.kpis));
    if (ctx.json) {
      printJson(ctx, 'kpi.portfolio', {
        as_of: ctx.asOf,
        period: periodJson(period, ctx.asOf),
        projects: rows.map((r) => ({
          name: r.name,
          code: r.code ?? null,
          dir: r.target.dir,
          errors: r.errors.length,
          kpis: kpiJson(ctx, r.kpis),
        })),
        totals: kpiJson(ctx, totals),
      });
    } else {
      println(ctx, ctx.chalk().bold(t('kpi.portfolioTitle', { n: rows.length })));
      println(ctx, periodLine(ctx, f, period));
      const clip = (s: string) => ([...s].length > 24 ? [...s].slice(0, 23).join('') + '…' : s);
      const table: PortfolioRow[] = [
        ...rows.map((r) => ({ name: clip(r.code ?? r.name), kpis: r.kpis })),
        { name: t('kpi.total'), kpis: totals, total: true },
      ];
      const groups = ctx.stdoutIsTTY ? measureGroups(stringWidth, t, table, ctx.columns) : [measureRows(totals).map((m) => m.key)];
      for (const g of groups) printTable(ctx, portfolioColumns(t, g, table), table);
      println(ctx);
      println(ctx, ctx.chalk().bold(t('kpi.totalTitle')));
      printTable(ctx, measureColumns(t), measureRows(totals));
      for (const n of measureNotes(t, totals, f)) println(ctx, `  ${n}`);
    }
  }
  // Each broken project's errors were named above, with its folder: exit 1, nothing more to print.
  return { exit: broken.length ? EXIT.findings : EXIT.ok };
}
