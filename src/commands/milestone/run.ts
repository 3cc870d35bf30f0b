// `deliver milestone add|list`: plan milestones, their computed dates against what was agreed.
import type { Context } from '../../cli/context.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type { MilestoneAddOptions, MilestoneListOptions } from './command.js';
import { dateOption, requireText, textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { changeProject } from '../../cli/change-project.js';
import { useProjectManifest } from '../../cli/project-language.js';
import { nextPrefixedId } from '../../core/ids.js';
import type { Milestone } from '../../core/model.js';
import type { ScheduledItem } from '../../core/schedule.js';
import type { Column } from '../../render/table.js';
import { safeText } from '../../render/sanitize.js';
import {
  appendToPlan,
  idList,
  itemJson,
  noteUnscheduled,
  readPlan,
  refuseCycle,
  requirePlanRefs,
  signed,
  type ItemJson,
} from '../../cli/plan.js';

export async function milestoneAdd(ctx: Context, opts: MilestoneAddOptions): Promise<Outcome> {
  useProjectManifest(ctx); // the project's language before any prompt
  const name = await requireText(ctx, opts, opts.name, '--name', ctx.t('milestone.ask.name'));
  const due = dateOption(ctx, '--due', opts.due);
  const after = idList(opts.after);
  const id = changeProject(ctx, (p, loaded) => {
    requirePlanRefs(ctx, p, '--after', after, 'plan');
    const id = nextPrefixedId('M-', [...p.milestones.map((m) => m.data.id), ...p.brokenIds]);
    refuseCycle(ctx, p, id, after);
    const record: Record<string, unknown> = { id, name, ...(due ? { due } : {}), ...(after.length ? { depends_on: after } : {}) };
    return { changes: [appendToPlan(p, loaded, 'milestones', record)], result: id };
  });
  if (ctx.json) printJson(ctx, 'milestone.add', { id });
  else println(ctx, id);
  return WROTE;
}

type MilestoneRow = ItemJson & { reached: string | null };

function milestoneRow(m: Milestone, it: ScheduledItem | undefined): MilestoneRow {
  return { ...itemJson(m, 'milestone', it), reached: m.done ?? null };
}

export async function milestoneList(ctx: Context, opts: MilestoneListOptions): Promise<Outcome> {
  const { loaded, plan } = readPlan(ctx, textOption(opts.baseline));
  const p = loaded.project;
  const s = plan.schedule;
  const rows = p.milestones.map((m) => milestoneRow(m.data, s.items.get(m.data.id))).filter((r) => !opts.late || r.late);
  if (ctx.json) {
    printJson(ctx, 'milestone.list', { as_of: ctx.asOf, baseline: s.baseline ?? null, items: rows });
    return readOutcome(loaded);
  }
  const t = ctx.t;
  const cols: (Column<MilestoneRow> | false)[] = [
    { header: t('plan.col.id'), value: (r) => r.id },
    { header: t('plan.col.name'), value: (r) => r.name, style: (x, r, c) => (r.critical ? c.red(x) : x) },
    { header: t('milestone.col.date'), value: (r) => r.end },
    { header: t('milestone.col.due'), value: (r) => r.due },
    {
      header: t('milestone.col.variance'),
      value: (r) => (r.due_variance === null ? '' : signed(r.due_variance)),
      align: 'right',
      style: (x, r, c) => ((r.due_variance ?? 0) > 0 ? c.yellow(x) : x),
    },
    { header: t('milestone.col.reached'), value: (r) => r.reached ?? '', style: (x, _r, c) => c.green(x) },
    { header: t('plan.col.critical'), value: (r) => (r.critical ? '!' : ''), style: (x, _r, c) => c.red.bold(x) },
    { header: t('plan.col.lateBy'), value: (r) => (r.late ? r.late_by : ''), align: 'right', style: (x, _r, c) => c.yellow(x) },
    s.baseline !== undefined && { header: t('plan.col.slip'), value: (r) => (r.slip === null ? '' : signed(r.slip)), align: 'right' },
  ];
  printTable(
    ctx,
    cols.filter((c): c is Column<MilestoneRow> => c !== false),
    rows,
  );
  if (ctx.stdoutIsTTY && s.baseline !== undefined) println(ctx, t('plan.slipAgainst', { name: safeText(s.baseline) }));
  noteUnscheduled(ctx, p, s);
  return readOutcome(loaded);
}
