// `deliver plan baseline|show`: freeze the computed dates as a named baseline; the schedule as a table.
import type { Context } from '../../cli/context.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type { PlanBaselineOptions, PlanShowOptions } from './command.js';
import { RefusedError } from '../../cli/errors.js';
import { textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { changeProject } from '../../cli/change-project.js';
import { compareByStart } from '../../core/schedule.js';
import { safeText, sanitizeInline } from '../../render/sanitize.js';
import {
  appendToPlan,
  itemColumns,
  itemJson,
  noteCalendar,
  planOf,
  problemText,
  readPlan,
  reportPlanFindings,
  signed,
  type ItemJson,
} from '../../cli/plan.js';

export async function planBaseline(ctx: Context, opts: PlanBaselineOptions): Promise<Outcome> {
  const name = textOption(opts.name) ?? `baseline-${ctx.asOf}`;
  const result = changeProject(ctx, (p, loaded) => {
    if (p.baselines.some((b) => b.data.name === name)) {
      throw new RefusedError(ctx.t('plan.baselineExists', { name: sanitizeInline(name) }), ctx.t('plan.baselineExistsHint'));
    }
    const { schedule } = planOf(p, ctx.asOf);
    if (p.tasks.length + p.milestones.length === 0)
      throw new RefusedError(ctx.t('plan.nothingToBaseline'), ctx.t('plan.nothingToBaselineHint'));
    // A baseline with holes would make later slip figures silently incomplete: fix the plan first.
    const problems = schedule.problems.filter((x) => x.kind !== 'unknown_baseline');
    if (problems.length) {
      throw new RefusedError(
        ctx.t('plan.baselineProblems', { problems: problems.map((x) => problemText(ctx.t, x)).join('; ') }),
        ctx.t('plan.baselineProblemsHint'),
      );
    }
    const items = [...p.tasks, ...p.milestones].flatMap((r) => {
      const it = schedule.items.get(r.data.id);
      if (!it) return [];
      return [it.kind === 'task' ? { id: it.id, start: it.start, end: it.end } : { id: it.id, end: it.end }];
    });
    const record = { name, taken: ctx.asOf, items };
    return { changes: [appendToPlan(p, loaded, 'baselines', record)], result: { count: items.length } };
  });
  if (ctx.json) printJson(ctx, 'plan.baseline', { name, taken: ctx.asOf, items: result.count });
  else println(ctx, ctx.t('plan.baselineTaken', { name: sanitizeInline(name), count: result.count, taken: ctx.asOf }));
  return WROTE;
}

type Row = ItemJson;

export async function planShow(ctx: Context, opts: PlanShowOptions): Promise<Outcome> {
  const { loaded, plan } = readPlan(ctx, textOption(opts.baseline));
  const p = loaded.project;
  const s = plan.schedule;
  const records = new Map<string, Row>();
  for (const tk of p.tasks) records.set(tk.data.id, itemJson(tk.data, 'task', s.items.get(tk.data.id)));
  for (const m of p.milestones) if (!records.has(m.data.id)) records.set(m.data.id, itemJson(m.data, 'milestone', s.items.get(m.data.id)));
  // Scheduled items by date (as in the chart), then what could not be scheduled, in file order.
  const rows = [
    ...[...s.items.values()].sort(compareByStart).flatMap((it) => records.get(it.id) ?? []),
    ...[...records.values()].filter((r) => !r.scheduled),
  ];
  const notices = noteCalendar(ctx, plan, loaded);
  if (ctx.json) {
    printJson(ctx, 'plan.show', {
      as_of: ctx.asOf,
      project_start: s.projectStart,
      project_end: s.projectEnd ?? null,
      due: s.due ?? null,
      due_float: s.dueFloat ?? null,
      baseline: s.baseline ?? null,
      critical_path: s.criticalPath,
      calendar: plan.calendar.base,
      items: rows,
      problems: s.problems.map((x) => ({ ...x, message: problemText(ctx.t, x) })),
      calendar_notices: notices,
    });
    reportPlanFindings(ctx, loaded);
    return readOutcome(loaded);
  }
  const t = ctx.t;
  const c = ctx.chalk();
  const name = p.manifest ? safeText(p.manifest.data.name) : t('plan.title');
  println(ctx, c.bold(`${name} · ${t('plan.asOf', { date: ctx.asOf })}`));
  const summary = [t('plan.summary.start', { date: s.projectStart })];
  if (s.projectEnd !== undefined) summary.push(t('plan.summary.end', { date: s.projectEnd }));
  if (s.due !== undefined) summary.push(t('plan.summary.due', { date: s.due }));
  println(ctx, summary.join(' · '));
  if (s.dueFloat !== undefined) {
    const text = s.dueFloat < 0 ? t('plan.summary.misses', { n: -s.dueFloat }) : t('plan.summary.float', { n: signed(s.dueFloat) });
    println(ctx, s.dueFloat < 0 ? c.red(text) : text);
  }
  if (s.baseline !== undefined) {
    const b = p.baselines.find((x) => x.data.name === s.baseline);
    println(ctx, t('plan.summary.baseline', { name: safeText(s.baseline), taken: b?.data.taken ?? '?' }));
  }
  println(ctx);
  printTable(ctx, itemColumns<Row>(ctx, s.baseline !== undefined, true), rows);
  println(ctx);
  println(
    ctx,
    s.criticalPath.length ? t('plan.criticalPath', { path: s.criticalPath.map(sanitizeInline).join(' → ') }) : t('plan.noCriticalPath'),
  );
  if (s.problems.length) {
    println(ctx, t('plan.problems'));
    for (const x of s.problems) println(ctx, `  ${problemText(t, x)}`);
  }
  reportPlanFindings(ctx, loaded);
  return readOutcome(loaded);
}
