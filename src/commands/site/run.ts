// `deliver site [dirs…] --out <dir>`: the static portfolio site. Each project is read and viewed as
// the status command does (projectView: the project as of the report date and its computed plan;
// statusFacts: health, progress, milestones, risks, KPIs), then rendered by render/site/pages.ts.
// Every page is written atomically; record files of a project are never overwritten.
import { lstatSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Context } from '../../cli/context.js';
import { romanize } from '../../store/romanize.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { printJson, println } from '../../cli/output.js';
import { readProject, type ReadProject } from '../../cli/project.js';
import { readOutcome, type Outcome } from '../../cli/outcome.js';
import type { SiteOptions } from './command.js';
import { targets } from '../../cli/targets.js';
import { slugify } from '../../core/ids.js';
import { portfolioTotals, projectKpis, type Kpis } from '../../core/kpi.js';
import { parsePeriod } from '../../core/period.js';
import { statusFacts } from '../../core/status.js';
import type { Fmt } from '../../render/kpi.js';
import { sanitizeInline } from '../../render/sanitize.js';
import { renderIndex, renderProjectPage, SITE_CSS, type SiteProject } from '../../render/site/pages.js';
import { isRecordPath, writeOutFile } from '../report/run.js';
import { errorCount, projectView } from '../../cli/views.js';

/** Months to show in the KPI trend: from the project's start (or first record) to the report date, the last 12. */
export function trendMonths(start: string | undefined, asOf: string): string[] {
  const months: string[] = [];
  let y = Number((start ?? asOf).slice(0, 4)),
    m = Number((start ?? asOf).slice(5, 7));
  const ey = Number(asOf.slice(0, 4)),
    em = Number(asOf.slice(5, 7));
  if (!(y < ey || (y === ey && m <= em))) {
    y = ey;
    m = em;
  }
  while (y < ey || (y === ey && m <= em)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return months.slice(-12);
}

export async function site(ctx: Context, dirs: string[], opts: SiteOptions): Promise<Outcome> {
  const out = opts.out ?? '';
  if (out === '') throw new UsageError(ctx.t('err.outMissing'));
  const outAbs = resolve(ctx.cwd, out);
  try {
    if (!lstatSync(outAbs).isDirectory()) throw new UsageError(ctx.t('err.outNotFolder', { dir: sanitizeInline(out) }));
  } catch (e) {
    if (e instanceof UsageError) throw e; // missing: created by the first write
  }
  const { list } = targets(ctx, dirs);
  const used = new Set<string>();
  const reads: ReadProject[] = [];
  const projects: SiteProject[] = list.map((target) => {
    const read = readProject(ctx, target.root);
    reads.push(read);
    const { project, plan } = projectView(read.project, ctx.asOf);
    const facts = statusFacts({ project, asOf: ctx.asOf, calendar: plan.calendar, schedule: plan.schedule });
    const m = read.project.manifest?.data;
    const name = m?.name ?? basename(target.root);
    let slug = slugify(m?.code ?? name, romanize);
    for (let i = 2; used.has(slug); i++) slug = `${slugify(m?.code ?? name, romanize)}-${i}`;
    used.add(slug);
    const firstRecord = project.requirements.map((r) => r.data.received).sort()[0];
    const trend = trendMonths(m?.start ?? firstRecord, ctx.asOf).map((label) => {
      const period = parsePeriod(label)!;
      const asOf = period.to < ctx.asOf ? period.to : ctx.asOf;
      return { label, kpis: projectKpis({ project, asOf, period, calendar: plan.calendar }) as Kpis };
    });
    return { slug, name, ...(m?.code ? { code: m.code } : {}), errors: errorCount(read), project, schedule: plan.schedule, facts, trend };
  });
  // One language for the whole site: the flag, else the one all projects share, else the environment's.
  const langs = new Set(list.map((_, i) => projects[i]!.project.manifest?.data.language));
  ctx.useProjectLanguage(langs.size === 1 ? [...langs][0] : undefined);
  const f: Fmt = { t: ctx.t, year: Number(ctx.asOf.slice(0, 4)) };
  const input = { asOf: ctx.asOf, lang: ctx.lang, projects, totals: portfolioTotals(projects.map((p) => p.facts.kpis)) };
  const files: { rel: string; content: string }[] = [
    { rel: 'style.css', content: SITE_CSS },
    { rel: 'index.html', content: renderIndex(input, f) },
    ...projects.map((p) => ({ rel: `projects/${p.slug}.html`, content: renderProjectPage(input, p, f) })),
  ];
  for (const file of files) {
    const target = resolve(outAbs, file.rel);
    // Refused inside any of the projects' record folders, not only the first one's.
    for (const t of list.slice(1)) {
      const inProject = relative(t.root, target);
      if (inProject && !inProject.startsWith('..') && !isAbsolute(inProject) && isRecordPath(inProject.split(sep).join('/'))) {
        throw new RefusedError(ctx.t('err.outIsRecord', { file: sanitizeInline(join(out, file.rel)) }));
      }
    }
    writeOutFile(ctx, list[0]!.root, join(out, file.rel), file.content);
  }
  if (ctx.json)
    printJson(ctx, 'site', {
      out: outAbs,
      files: files.map((x) => x.rel),
      projects: projects.map((p) => ({ name: p.name, page: `projects/${p.slug}.html`, health: p.facts.health.level })),
    });
  else println(ctx, ctx.t('site.written', { n: projects.length, dir: sanitizeInline(out) }));
  return readOutcome(...reads);
}
