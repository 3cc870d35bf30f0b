// `deliver task update|remove`: change a task's plan fields, or take a task out of the plan. Both go
// through the checked write (write-guard.ts), so neither can leave an error `validate` would report.
import type { Context } from '../../cli/context.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { dateOption, intOption, textOption } from '../../cli/options.js';
import { printJson, println } from '../../cli/output.js';
import { findRecord } from '../../cli/project.js';
import { WROTE, type Outcome } from '../../cli/outcome.js';
import { changeProject } from '../../cli/change-project.js';
import type { Project, Task } from '../../core/model.js';
import { referenceSites } from '../../core/renumber.js';
import { sanitizeInline } from '../../render/sanitize.js';
import type { Edit } from '../../store/yaml-edit.js';
import type { TaskUpdateOptions } from './command.js';
import { idList, refuseCycle, refuseMilestoneCycle, requirePlanRefs } from '../../cli/plan.js';

const NONE = 'none';

export async function taskUpdate(ctx: Context, id: string, opts: TaskUpdateOptions): Promise<Outcome> {
  const name = textOption(opts.name);
  const owner = textOption(opts.owner);
  const days = intOption(ctx, '--days', opts.days, 0, 10000);
  const start = dateOption(ctx, '--start', opts.start);
  const end = dateOption(ctx, '--end', opts.end);
  const remaining = intOption(ctx, '--remaining', opts.remaining, 1, 10000);
  const after = opts.after === undefined ? undefined : idList(opts.after).filter((x) => x !== NONE);
  const milestone = textOption(opts.milestone);
  const requirement = textOption(opts.req);
  if (days !== undefined && end !== undefined) throw new UsageError(ctx.t('task.daysOrEnd'));
  const given = [name, owner, days, start, end, remaining, after, milestone, requirement].some((v) => v !== undefined);
  if (!given) throw new UsageError(ctx.t('task.update.nothing'), ctx.t('task.update.nothingHint'));

  const fields = changeProject(ctx, (p, loaded) => {
    const task = findRecord(ctx, loaded, p.tasks, id, ctx.t('kind.task'), 'task');
    const d = task.data;
    if (after !== undefined) {
      requirePlanRefs(ctx, p, '--after', after, 'plan');
      if (after.includes(id))
        throw new RefusedError(ctx.t('plan.wouldCycle', { id, cycle: `${id} → ${id}` }), ctx.t('plan.wouldCycleHint', { id }));
      refuseCycle(ctx, withoutDeps(p, id), id, after);
    }
    if (milestone !== undefined && milestone !== NONE) requirePlanRefs(ctx, p, '--milestone', [milestone], 'milestone');
    const namedMilestone = milestone === undefined ? d.milestone : milestone === NONE ? undefined : milestone;
    if (namedMilestone !== undefined && (milestone !== undefined || after !== undefined))
      refuseMilestoneCycle(ctx, p, id, after ?? d.depends_on ?? [], namedMilestone);
    if (requirement !== undefined && requirement !== NONE) requirePlanRefs(ctx, p, '--req', [requirement], 'requirement');
    const planStart = start ?? d.start;
    if (end !== undefined && planStart !== undefined && end < planStart)
      throw new UsageError(ctx.t('task.endBeforeStart', { start: planStart, end }));
    const edits: Edit[] = [];
    const changed: string[] = [];
    const at = (k: keyof Task) => [...task.path, k];
    const set = (k: keyof Task, v: unknown) => {
      if (JSON.stringify(d[k]) !== JSON.stringify(v)) {
        edits.push({ op: 'set', path: at(k), value: v });
        changed.push(k);
      }
    };
    const del = (k: keyof Task) => {
      if (d[k] !== undefined) {
        edits.push({ op: 'delete', path: at(k) });
        changed.push(k);
      }
    };
    if (name !== undefined) set('name', name);
    if (owner !== undefined) set('owner', owner);
    if (start !== undefined) set('start', start);
    if (days !== undefined) {
      set('days', days);
      del('end');
    }
    if (end !== undefined) {
      set('end', end);
      del('days');
    }
    if (after !== undefined) {
      if (after.length) set('depends_on', after);
      else del('depends_on');
    }
    if (remaining !== undefined) set('remaining', remaining);
    if (milestone !== undefined) {
      if (milestone === NONE) del('milestone');
      else set('milestone', milestone);
    }
    if (requirement !== undefined) {
      if (requirement === NONE) del('requirement');
      else set('requirement', requirement);
    }
    return { changes: edits.length ? [{ kind: 'plan', rel: task.file, edits }] : [], result: changed };
  });
  if (ctx.json) printJson(ctx, 'task.update', { id, changed: fields });
  else println(ctx, fields.length ? ctx.t('task.updated', { id, fields: fields.join(', ') }) : ctx.t('task.unchanged', { id }));
  return WROTE;
}

/** The project with `id`'s own predecessors left out, so a replacement list is checked for cycles on its own. */
function withoutDeps(p: Project, id: string): Project {
  return { ...p, tasks: p.tasks.map((t) => (t.data.id === id ? { ...t, data: { ...t.data, depends_on: [] } } : t)) };
}

/**
 * Who names `id`, by the kind registry's reference fields: tasks and milestones after it, change
 * slips touching it, … (a baseline keeps ids of removed tasks, so it does not hold a task back).
 */
function referrers(p: Project, id: string): string[] {
  return [
    ...new Set(
      referenceSites(p, id)
        .filter((s) => !s.holder.startsWith('baseline '))
        .map((s) => s.holder),
    ),
  ];
}

export async function taskRemove(ctx: Context, id: string): Promise<Outcome> {
  changeProject(ctx, (p, loaded) => {
    const task = findRecord(ctx, loaded, p.tasks, id, ctx.t('kind.task'), 'task');
    const refs = referrers(p, id);
    if (refs.length)
      throw new RefusedError(
        ctx.t('task.remove.referenced', { id, refs: refs.map(sanitizeInline).join(', ') }),
        ctx.t('task.remove.referencedHint', { id }),
      );
    return { changes: [{ kind: 'plan', rel: task.file, edits: [{ op: 'delete', path: task.path }] }], result: undefined };
  });
  if (ctx.json) printJson(ctx, 'task.remove', { id });
  else println(ctx, ctx.t('task.removed', { id }));
  return WROTE;
}
