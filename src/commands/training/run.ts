// `deliver training add|list`: training sessions (training/TR-NNN-*.yaml) — content, audience,
// method, trainer, attendance and materials (004/002: 培训计划).
import type { Context } from '../../cli/context.js';
import { romanize } from '../../store/romanize.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type { TrainingAddOptions } from './command.js';
import { UsageError } from '../../cli/errors.js';
import { choiceOption, dateOption, intOption, textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { compareIds } from '../../core/id-order.js';
import { nextPrefixedId, recordPath } from '../../core/ids.js';
import type { Training } from '../../core/model.js';
import { projectAsOf } from '../../core/period.js';

const METHODS = ['onsite', 'remote', 'hands_on', 'document', 'other'] as const;
const list = (v: unknown) => [...new Set(((v as string[] | undefined) ?? []).map((x) => x.trim()).filter(Boolean))];

export async function trainingAdd(ctx: Context, opts: TrainingAddOptions): Promise<Outcome> {
  const topic = textOption(opts.topic);
  if (!topic)
    throw new UsageError(ctx.t('err.missingOption', { option: '--topic' }), ctx.t('err.missingOptionHint', { option: '--topic' }));
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const audience = textOption(opts.audience),
    trainer = textOption(opts.trainer),
    notes = textOption(opts.notes),
    task = textOption(opts.task);
  const method = choiceOption(ctx, '--method', opts.method, METHODS);
  let hours: number | undefined;
  if (opts.hours !== undefined) {
    const s = String(opts.hours).trim();
    if (!/^\d+(?:\.\d+)?$/.test(s) || Number(s) > 1000) throw new UsageError(ctx.t('training.badHours', { value: s }));
    hours = Number(s);
  }
  const invited = intOption(ctx, '--invited', opts.invited, 0, 100000);
  const attendees = list(opts.attendee);
  const attended = intOption(ctx, '--attended', opts.attended, 0, 100000) ?? (attendees.length ? attendees.length : undefined);
  const materials = list(opts.material);
  const id = changeProject(ctx, (p) => {
    if (task && !p.tasks.some((x) => x.data.id === task) && !p.brokenIds.has(task))
      throw new UsageError(ctx.t('err.unknownId', { kind: ctx.t('kind.task'), id: task }), ctx.t('err.unknownIdHint', { command: 'task' }));
    const id = nextPrefixedId('TR-', [...p.training.map((x) => x.data.id), ...p.brokenIds]);
    const record: Record<string, unknown> = {
      id,
      date,
      topic,
      ...(audience ? { audience } : {}),
      ...(trainer ? { trainer } : {}),
      ...(method ? { method } : {}),
      ...(hours !== undefined ? { hours } : {}),
      ...(invited !== undefined ? { invited } : {}),
      ...(attended !== undefined ? { attended } : {}),
      ...(attendees.length ? { attendees } : {}),
      ...(materials.length ? { materials } : {}),
      ...(task ? { task } : {}),
      ...(notes ? { notes } : {}),
    };
    return { changes: [{ kind: 'training', rel: recordPath('training', record, romanize), create: record }], result: id };
  });
  if (ctx.json) printJson(ctx, 'training.add', { id });
  else println(ctx, id);
  return WROTE;
}

export async function trainingList(ctx: Context): Promise<Outcome> {
  const read = readProject(ctx);
  const { project } = read;
  const rows = projectAsOf(project, ctx.asOf)
    .training.map((x) => x.data)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareIds(a.id, b.id)));
  const attended = (r: Training) => r.attended ?? r.attendees?.length;
  if (ctx.json) {
    printJson(ctx, 'training.list', {
      as_of: ctx.asOf,
      items: rows.map((r) => ({ ...r, ...(attended(r) !== undefined ? { attended: attended(r) } : {}) })),
    });
    return readOutcome(read);
  }
  const t = ctx.t;
  printTable(
    ctx,
    [
      { header: t('exp.h.id'), value: (r: Training) => r.id },
      { header: t('exp.h.date'), value: (r) => r.date },
      { header: t('exp.h.topic'), value: (r) => r.topic },
      { header: t('exp.h.audience'), value: (r) => r.audience },
      { header: t('exp.h.trainer'), value: (r) => r.trainer },
      { header: t('exp.h.method'), value: (r) => (r.method ? t(`training.method.${r.method}`) : '') },
      { header: t('exp.h.hours'), value: (r) => r.hours, align: 'right' },
      {
        header: t('exp.h.attended'),
        value: (r) => (attended(r) === undefined ? '' : r.invited !== undefined ? `${attended(r)}/${r.invited}` : String(attended(r))),
        align: 'right',
      },
      { header: t('exp.h.materials'), value: (r) => (r.materials ?? []).join('; ') },
    ],
    rows,
  );
  return readOutcome(read);
}
