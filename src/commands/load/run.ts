// `deliver load [dirs…] [--from] [--to] [--scale week]`: per person, the working days booked per week
// on every project's forecast (the schedule status uses), over-allocation flagged.
import { basename } from 'node:path';
import type { Context } from '../../cli/context.js';
import { readOutcome, type Outcome } from '../../cli/outcome.js';
import type { LoadOptions } from './command.js';
import { UsageError } from '../../cli/errors.js';
import { dateOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { readProject, type ReadProject } from '../../cli/project.js';
import { targets } from '../../cli/targets.js';
import { addDays, isoWeekOf, isoWeekRange } from '../../core/dates.js';
import { loadReport, type Booking, type PersonLoad, type ProjectLoad } from '../../core/load.js';
import { sanitizeInline } from '../../render/sanitize.js';
import { errorCount, projectView } from '../../cli/views.js';

export async function load(ctx: Context, dirs: string[], opts: LoadOptions): Promise<Outcome> {
  const from = dateOption(ctx, '--from', opts.from) ?? isoWeekRange(isoWeekOf(ctx.asOf))!.from;
  const to = dateOption(ctx, '--to', opts.to) ?? addDays(from, 8 * 7 - 1);
  if (to < from) throw new UsageError(ctx.t('load.badRange', { from, to }));
  if (addDays(from, 7 * 520) < to) throw new UsageError(ctx.t('load.tooLong', { from, to }));
  const { list } = targets(ctx, dirs);
  const reads: ReadProject[] = [];
  const projects: (ProjectLoad & { dir: string; code: string | null; errors: number; lang: string | undefined })[] = list.map((target) => {
    const read = readProject(ctx, target.root);
    reads.push(read);
    // The forecast exactly as status computes it (the project as of the date, then its schedule).
    const { project, plan } = projectView(read.project, ctx.asOf);
    const m = project.manifest?.data;
    const label = m?.code ?? m?.name ?? basename(target.root);
    const bookings: Booking[] = project.tasks.flatMap(({ data: t }) => {
      const it = plan.schedule.items.get(t.id);
      return t.owner && it && it.kind === 'task'
        ? [{ project: label, task: t.id, name: t.name, owner: t.owner, start: it.start, end: it.end }]
        : [];
    });
    return {
      project: label,
      dir: target.dir,
      code: m?.code ?? null,
      errors: errorCount(read),
      lang: m?.language,
      calendar: plan.calendar,
      team: m?.team ?? [],
      bookings,
    };
  });
  const langs = new Set(projects.map((p) => p.lang));
  ctx.useProjectLanguage(langs.size === 1 ? [...langs][0] : undefined);
  const r = loadReport(projects, from, to);
  if (ctx.json) {
    printJson(ctx, 'load', {
      as_of: ctx.asOf,
      from: r.from,
      to: r.to,
      scale: 'week',
      projects: projects.map((p) => ({ name: p.project, code: p.code, dir: p.dir, errors: p.errors })),
      weeks: r.weeks,
      people: r.people,
      over_allocated: r.over,
    });
    return readOutcome(...reads);
  }
  const t = ctx.t;
  println(ctx, ctx.chalk().bold(t('load.title', { n: projects.length, from: r.from, to: r.to })));
  if (r.people.length === 0) {
    println(ctx, t('load.none'));
    return readOutcome(...reads);
  }
  const who = (p: PersonLoad) => (p.email && r.people.filter((x) => x.name === p.name).length > 1 ? `${p.name} <${p.email}>` : p.name);
  printTable(
    ctx,
    [
      { header: t('load.col.person'), value: (p: PersonLoad) => who(p) },
      ...r.weeks.map((w, i) => ({
        header: w.week.slice(5),
        value: (p: PersonLoad) => {
          const c = p.weeks[i]!;
          return c.booked === 0 ? '·' : `${c.booked}/${c.capacity}${c.over ? ' !' : ''}`;
        },
        align: 'right' as const,
        style: (s: string, p: PersonLoad, c: { red: (x: string) => string }) => (p.weeks[i]!.over ? c.red(s) : s),
      })),
    ],
    r.people,
  );
  println(ctx);
  if (r.over.length === 0) {
    println(ctx, t('load.noOver'));
    return readOutcome(...reads);
  }
  println(ctx, ctx.chalk().bold(t('load.overTitle', { n: r.over.length })));
  for (const o of r.over) {
    const cell = r.people.find((p) => p.name === o.name && p.email === o.email)!.weeks.find((w) => w.week === o.week)!;
    const tasks = cell.tasks
      .map((x) => `${sanitizeInline(x.project)} ${x.task} ${sanitizeInline(x.name)} (${x.days})`)
      .join(t('rep.listSep'));
    println(
      ctx,
      `  ${t('load.over', { name: sanitizeInline(o.name), week: o.week, booked: o.booked, capacity: o.capacity, pct: Math.round((o.booked / Math.max(o.capacity, 0.0001)) * 100) })}: ${tasks}`,
    );
  }
  return readOutcome(...reads);
}
