// `deliver milestone done|update|show`: mark a milestone reached, change what was agreed for it, and
// show it with its forecast (what it waits for, the due date, float). Writes are checked (write-guard.ts).
import type { Context } from '../../cli/context.js';
import { UsageError } from '../../cli/errors.js';
import { dateOption, textOption } from '../../cli/options.js';
import { printJson, println } from '../../cli/output.js';
import { findRecord } from '../../cli/project.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import { changeProject } from '../../cli/change-project.js';
import type { Milestone } from '../../core/model.js';
import { safeBlock, safeText } from '../../render/sanitize.js';
import type { Edit } from '../../store/yaml-edit.js';
import type { MilestoneDoneOptions, MilestoneShowOptions, MilestoneUpdateOptions } from './command.js';
import { itemJson, readPlan, signed } from '../../cli/plan.js';

export async function milestoneDone(ctx: Context, id: string, opts: MilestoneDoneOptions): Promise<Outcome> {
  const date = dateOption(ctx, '--date', opts.date);
  const day = date ?? ctx.asOf;
  // The date it was reached before, when --date corrects it: said, not replaced silently.
  const was = changeProject(ctx, (p, loaded) => {
    const m = findRecord(ctx, loaded, p.milestones, id, ctx.t('kind.milestone'), 'milestone');
    if (m.data.done !== undefined && date === undefined) {
      throw new UsageError(ctx.t('milestone.alreadyDone', { id, date: m.data.done }), ctx.t('milestone.alreadyDoneHint'));
    }
    return {
      changes: [{ kind: 'plan', rel: m.file, edits: [{ op: 'set', path: [...m.path, 'done'], value: day }] }],
      result: m.data.done !== day ? m.data.done : undefined,
    };
  });
  if (ctx.json) printJson(ctx, 'milestone.done', { id, done: day, ...(was !== undefined ? { was } : {}) });
  else
    println(ctx, was !== undefined ? ctx.t('milestone.doneCorrected', { id, date: day, was }) : ctx.t('milestone.done', { id, date: day }));
  return WROTE;
}

export async function milestoneUpdate(ctx: Context, id: string, opts: MilestoneUpdateOptions): Promise<Outcome> {
  const due = dateOption(ctx, '--due', opts.due);
  const name = textOption(opts.name);
  const fixed = opts.fixed === true ? true : opts.notFixed === true ? false : undefined;
  if (due === undefined && name === undefined && fixed === undefined)
    throw new UsageError(ctx.t('milestone.update.nothing'), ctx.t('milestone.update.nothingHint'));
  const fields = changeProject(ctx, (p, loaded) => {
    const m = findRecord(ctx, loaded, p.milestones, id, ctx.t('kind.milestone'), 'milestone');
    const edits: Edit[] = [];
    const changed: string[] = [];
    const set = (k: keyof Milestone, v: unknown) => {
      if (m.data[k] !== v) {
        edits.push({ op: 'set', path: [...m.path, k], value: v });
        changed.push(k);
      }
    };
    if (name !== undefined) set('name', name);
    if (due !== undefined) set('due', due);
    if (fixed === true) set('fixed', true);
    if (fixed === false && m.data.fixed !== undefined) {
      edits.push({ op: 'delete', path: [...m.path, 'fixed'] });
      changed.push('fixed');
    }
    return { changes: edits.length ? [{ kind: 'plan', rel: m.file, edits }] : [], result: changed };
  });
  if (ctx.json) printJson(ctx, 'milestone.update', { id, changed: fields });
  else println(ctx, fields.length ? ctx.t('milestone.updated', { id, fields: fields.join(', ') }) : ctx.t('task.unchanged', { id }));
  return WROTE;
}

export async function milestoneShow(ctx: Context, id: string, opts: MilestoneShowOptions): Promise<Outcome> {
  const { loaded, plan } = readPlan(ctx, textOption(opts.baseline));
  const p = loaded.project;
  const m = findRecord(ctx, loaded, p.milestones, id, ctx.t('kind.milestone'), 'milestone');
  const it = plan.schedule.items.get(id);
  const waitsFor = [...(m.data.depends_on ?? []), ...(it?.waitsFor ?? [])];
  if (ctx.json) {
    printJson(ctx, 'milestone.show', {
      milestone: m.data,
      file: m.file,
      schedule: { ...itemJson(m.data, 'milestone', it), reached: m.data.done ?? null, fixed: m.data.fixed === true },
      waits_for: waitsFor,
    });
    return readOutcome(loaded);
  }
  const t = ctx.t;
  const line = (label: string, v: unknown) => v !== undefined && v !== null && v !== '' && println(ctx, `${label}: ${safeText(v)}`);
  println(ctx, ctx.chalk().bold(`${safeText(m.data.id)}  ${safeText(m.data.name)}`));
  line(t('milestone.show.reached'), m.data.done ?? t('milestone.show.notReached'));
  if (it && m.data.done === undefined) line(t('milestone.show.forecast'), it.end);
  line(
    t('milestone.show.due'),
    m.data.due !== undefined ? `${m.data.due}${m.data.fixed ? ` (${t('milestone.show.fixed')})` : ''}` : undefined,
  );
  if (it?.dueVariance !== undefined) line(t('milestone.show.variance'), signed(it.dueVariance));
  if (it && m.data.done === undefined)
    line(t('milestone.show.float'), `${signed(it.totalFloat)}${it.critical ? '  ' + t('task.show.critical') : ''}`);
  line(t('milestone.show.waitsFor'), waitsFor.join(', '));
  if (m.data.notes) println(ctx, safeBlock(m.data.notes));
  return readOutcome(loaded);
}
