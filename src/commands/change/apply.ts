// `deliver change apply <id>`: moves the touched tasks and their dependants in plan.yaml and records the
// moves on the slip, both files in one all-or-nothing write.
import type { Context } from '../../cli/context.js';
import { WROTE, type Outcome } from '../../cli/outcome.js';
import type { ChangeApplyOptions } from './command.js';
import { RefusedError } from '../../cli/errors.js';
import { dateOption, textOption } from '../../cli/options.js';
import { printJson, println } from '../../cli/output.js';
import { changeProject } from '../../cli/change-project.js';
import { makeCalendar } from '../../core/calendar.js';
import { applyRefusal, planApply, type TaskMove } from '../../core/change.js';
import { safeText } from '../../render/sanitize.js';
import type { RecordChange } from '../../store/write.js';
import type { Edit } from '../../store/yaml-edit.js';
import { findChange } from './run.js';

export async function changeApply(ctx: Context, id: string, opts: ChangeApplyOptions): Promise<Outcome> {
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const by = textOption(opts.by);
  const result = changeProject(ctx, (p, loaded) => {
    const slip = findChange(ctx, loaded, id);
    const refusal = applyRefusal(slip.data);
    if (refusal?.kind === 'already_applied')
      throw new RefusedError(ctx.t('change.alreadyApplied', { id, date: refusal.date }), ctx.t('change.alreadyAppliedHint'));
    if (refusal?.kind === 'not_approved')
      throw new RefusedError(ctx.t('change.notApproved', { id, status: refusal.status }), ctx.t('change.notApprovedHint', { id }));
    if (date < slip.data.submitted) throw new RefusedError(ctx.t('change.beforeSubmitted', { date, submitted: slip.data.submitted }));
    const manifest = p.manifest?.data;
    const touched = slip.data.tasks ?? [];
    const days = slip.data.schedule_days ?? 0;
    const changes: RecordChange[] = [];
    let moves: TaskMove[] = [];
    let shortfall: string[] = [];
    // Every plan field written, with its value before: the moves say where the forecast went, these
    // what plan.yaml now says (a started task's planned end, a pinned start), which can differ.
    let edited: { id: string; field: string; from: string | number | null; to: string | number }[] = [];
    if (touched.length && days !== 0) {
      if (!manifest) throw new RefusedError(ctx.t('change.noManifest'));
      if (p.planFile === null) throw new RefusedError(ctx.t('change.noPlan', { id }));
      const planned = planApply({
        slip: slip.data,
        tasks: p.tasks.map((t) => t.data),
        milestones: p.milestones.map((m) => m.data),
        start: manifest.start,
        ...(manifest.due ? { due: manifest.due } : {}),
        asOf: ctx.asOf,
        calendar: makeCalendar(manifest.calendar),
      });
      if ('problems' in planned) {
        const first = planned.problems[0]!;
        if (first.kind === 'unknown_task')
          throw new RefusedError(ctx.t('change.unknownTask', { id, task: first.id }), ctx.t('control.unknownTaskHint'));
        throw new RefusedError(ctx.t('change.unscheduled', { id, task: first.id }), ctx.t('change.unscheduledHint'));
      }
      moves = planned.plan.moves;
      shortfall = planned.plan.shortfall;
      // Only the tasks the slip sets are looked up (a map of 10,000 tasks costs more than the few scans).
      const setIds = new Set(planned.plan.sets.map((x) => x.id));
      const taskOf = new Map(p.tasks.filter((t) => setIds.has(t.data.id)).map((t) => [t.data.id, t]));
      edited = planned.plan.sets.map((x) => ({
        id: x.id,
        field: x.field,
        from: ((taskOf.get(x.id)!.data as unknown as Record<string, unknown>)[x.field] as string | number | undefined) ?? null,
        to: x.value,
      }));
      const edits: Edit[] = planned.plan.sets.map((x) => ({ op: 'set', path: [...taskOf.get(x.id)!.path, x.field], value: x.value }));
      if (edits.length) changes.push({ kind: 'plan', rel: p.planFile, edits });
    }
    const applied = { date, ...(by ? { by } : {}), moves };
    changes.push({
      kind: 'change',
      rel: slip.file,
      edits: [
        { op: 'set', path: ['status'], value: 'applied' },
        { op: 'set', path: ['applied'], value: applied },
      ],
    });
    return { changes, result: { moves, shortfall, edited } };
  });
  if (ctx.json) {
    printJson(ctx, 'change.apply', {
      id,
      date,
      status: 'applied',
      moves: result.moves,
      shortfall: result.shortfall,
      plan_edits: result.edited,
    });
    return WROTE;
  }
  const t = ctx.t;
  println(ctx, t('change.appliedDone', { id, count: result.moves.length }));
  for (const m of result.moves) println(ctx, `  ${safeText(m.id)}  ${m.from_start}…${m.from_end} → ${m.to_start}…${m.to_end}`);
  if (result.shortfall.length) println(ctx, t('change.shortfall', { list: result.shortfall.join(', ') }));
  const moved = new Set(result.moves.map((m) => m.id));
  const unseen = result.edited.filter((e) => !moved.has(e.id));
  if (unseen.length) {
    println(ctx, t('change.planEdits'));
    for (const e of unseen)
      println(
        ctx,
        t('change.planEdit', { id: safeText(e.id), field: e.field, from: e.from === null ? '–' : safeText(e.from), to: safeText(e.to) }),
      );
  }
  return WROTE;
}
