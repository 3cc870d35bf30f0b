// `deliver change add|list|show|approve|reject|withdraw`: change slips and their signatures (apply: apply.ts).
import type { Context } from '../../cli/context.js';
import { romanize } from '../../store/romanize.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type { ChangeAddOptions, ChangeApproveOptions, ChangeListOptions, ChangeRejectOptions } from './command.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { choiceOption, dateOption, intOption, requireText, textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { readProject, findRecord } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { APPROVAL_SIDES, approvalRefusal, canRejectOrWithdraw, CHANGE_STATUSES, statusAfterApproval } from '../../core/change.js';
import { nextPrefixedId, recordPath } from '../../core/ids.js';
import { type Change, type Located } from '../../core/model.js';
import type { LoadedProject } from '../../store/load.js';
import { compareIds } from '../../core/id-order.js';
import { safeBlock, safeText } from '../../render/sanitize.js';
import { parseCost } from '../../cli/money.js';
import type { Edit } from '../../store/yaml-edit.js';

export function findChange(ctx: Context, loaded: LoadedProject, id: string): Located<Change> {
  return findRecord(ctx, loaded, loaded.project.changes, id, ctx.t('kind.change'), 'change');
}

export function formatCost(c: Change['cost']): string {
  return c ? `${c.amount} ${c.currency}` : '';
}

export async function changeAdd(ctx: Context, opts: ChangeAddOptions): Promise<Outcome> {
  const { project } = readProject(ctx);
  const reqs = [...new Set(opts.req ?? [])];
  const tasks = [...new Set(opts.task ?? [])];
  const days = intOption(ctx, '--schedule-days', opts.scheduleDays, -1000, 1000);
  const cost = parseCost(ctx, opts.cost, opts.currency, project.manifest?.data.contract?.amount?.currency ?? 'CNY');
  const submitted = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const requestedBy = textOption(opts.requestedBy);
  const description = textOption(opts.description);
  const title = await requireText(ctx, opts, opts.title, '--title', ctx.t('change.ask.title'));
  const reason = await requireText(ctx, opts, opts.reason, '--reason', ctx.t('change.ask.reason'));
  const id = changeProject(ctx, (p) => {
    for (const r of reqs)
      if (!p.requirements.some((x) => x.data.id === r))
        throw new UsageError(
          ctx.t('err.unknownId', { kind: ctx.t('kind.requirement'), id: r }),
          ctx.t('err.unknownIdHint', { command: 'req' }),
        );
    for (const t of tasks)
      if (!p.tasks.some((x) => x.data.id === t))
        throw new UsageError(ctx.t('err.unknownId', { kind: ctx.t('control.kind.task'), id: t }), ctx.t('control.unknownTaskHint'));
    const id = nextPrefixedId('CR-', [...p.changes.map((c) => c.data.id), ...p.brokenIds]);
    const record: Record<string, unknown> = {
      id,
      title,
      reason,
      ...(description ? { description } : {}),
      ...(requestedBy ? { requested_by: requestedBy } : {}),
      submitted,
      ...(reqs.length ? { requirements: reqs } : {}),
      ...(tasks.length ? { tasks } : {}),
      ...(days !== undefined ? { schedule_days: days } : {}),
      ...(cost ? { cost } : {}),
      status: 'submitted',
    };
    return { changes: [{ kind: 'change', rel: recordPath('change', record, romanize), create: record }], result: id };
  });
  if (ctx.json) printJson(ctx, 'change.add', { id, status: 'submitted' });
  else println(ctx, id);
  return WROTE;
}

export async function changeList(ctx: Context, opts: ChangeListOptions): Promise<Outcome> {
  const statuses = opts.status?.map((s) => choiceOption(ctx, '--status', s, CHANGE_STATUSES)!);
  const read = readProject(ctx);
  const { project } = read;
  const rows = project.changes
    .map((c) => c.data)
    .filter((c) => !statuses || statuses.includes(c.status))
    .sort((a, b) => compareIds(a.id, b.id));
  if (ctx.json) {
    printJson(ctx, 'change.list', { items: rows });
    return readOutcome(read);
  }
  const t = ctx.t;
  const tty = ctx.stdoutIsTTY;
  const sign = (c: Change, side: 'customer' | 'internal') => {
    const a = c.approvals?.[side];
    return a ? (tty ? `✓ ${a.by} ${a.date}` : `${a.by} ${a.date}`) : '';
  };
  printTable(
    ctx,
    [
      { header: t('change.col.id'), value: (c: Change) => c.id },
      { header: t('change.col.title'), value: (c) => c.title },
      { header: t('change.col.status'), value: (c) => (tty ? t(`change.status.${c.status}`) : c.status) },
      { header: t('change.col.submitted'), value: (c) => c.submitted },
      { header: t('change.col.days'), value: (c) => c.schedule_days, align: 'right' },
      { header: t('change.col.cost'), value: (c) => formatCost(c.cost), align: 'right' },
      { header: t('change.col.customer'), value: (c) => sign(c, 'customer') },
      { header: t('change.col.internal'), value: (c) => sign(c, 'internal') },
      { header: t('change.col.applied'), value: (c) => c.applied?.date },
    ],
    rows,
  );
  return readOutcome(read);
}

export async function changeShow(ctx: Context, id: string): Promise<Outcome> {
  const read = readProject(ctx);
  const located = findChange(ctx, read, id);
  const c = located.data;
  if (ctx.json) {
    printJson(ctx, 'change.show', { change: c, file: located.file });
    return readOutcome(read);
  }
  const t = ctx.t;
  const line = (label: string, v: unknown) => v !== undefined && v !== '' && println(ctx, `${label}: ${safeText(v)}`);
  println(ctx, ctx.chalk().bold(`${safeText(c.id)}  ${safeText(c.title)}`));
  line(t('change.col.status'), t(`change.status.${c.status}`));
  line(t('change.show.reason'), c.reason);
  line(t('change.col.submitted'), `${c.submitted}${c.requested_by ? ` (${c.requested_by})` : ''}`);
  line(t('change.show.requirements'), c.requirements?.join(', '));
  line(t('change.show.tasks'), c.tasks?.join(', '));
  line(t('change.col.days'), c.schedule_days);
  line(t('change.col.cost'), formatCost(c.cost));
  if (c.description) println(ctx, safeBlock(c.description));
  for (const side of APPROVAL_SIDES) {
    const a = c.approvals?.[side];
    line(t(`change.col.${side}`), a ? `${a.by} ${a.date}${a.comment ? ' — ' + a.comment : ''}` : t('change.show.unsigned'));
  }
  if (c.rejection) line(t('change.show.rejection'), `${c.rejection.by} ${c.rejection.date} — ${c.rejection.reason}`);
  if (c.applied) {
    line(t('change.col.applied'), `${c.applied.date}${c.applied.by ? ` (${c.applied.by})` : ''}`);
    if (!c.applied.moves.length) println(ctx, `  ${t('change.show.noMoves')}`);
    for (const m of c.applied.moves) println(ctx, `  ${safeText(m.id)}  ${m.from_start}…${m.from_end} → ${m.to_start}…${m.to_end}`);
  }
  if (c.notes) println(ctx, safeBlock(c.notes));
  return readOutcome(read);
}

export async function changeApprove(ctx: Context, id: string, opts: ChangeApproveOptions): Promise<Outcome> {
  const side = choiceOption(ctx, '--as', opts.as, APPROVAL_SIDES);
  if (!side) throw new UsageError(ctx.t('err.missingOption', { option: '--as' }), ctx.t('change.asHint'));
  const by = textOption(opts.by);
  if (!by) throw new UsageError(ctx.t('err.missingOption', { option: '--by' }), ctx.t('err.missingOptionHint', { option: '--by' }));
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const comment = textOption(opts.comment);
  const status = changeProject(ctx, (p, loaded) => {
    const slip = findChange(ctx, loaded, id);
    const refusal = approvalRefusal(slip.data, side, date);
    if (refusal?.kind === 'not_open') throw new RefusedError(ctx.t('change.notOpen', { id, status: refusal.status }));
    if (refusal?.kind === 'already_signed')
      throw new RefusedError(ctx.t('change.alreadySigned', { id, side: ctx.t(`change.side.${side}`), by: refusal.by, date: refusal.date }));
    if (refusal?.kind === 'before_submitted')
      throw new RefusedError(ctx.t('change.beforeSubmitted', { date, submitted: refusal.submitted }));
    const status = statusAfterApproval(slip.data, side);
    const approval = { by, date, ...(comment ? { comment } : {}) };
    const edits: Edit[] = [{ op: 'set', path: ['approvals', side], value: approval }];
    if (status !== slip.data.status) edits.push({ op: 'set', path: ['status'], value: status });
    return { changes: [{ kind: 'change', rel: slip.file, edits }], result: status };
  });
  if (ctx.json) printJson(ctx, 'change.approve', { id, side, by, date, status });
  else println(ctx, ctx.t(status === 'approved' ? 'change.approved' : 'change.signed', { id, side: ctx.t(`change.side.${side}`), by }));
  return WROTE;
}

export async function changeReject(ctx: Context, id: string, opts: ChangeRejectOptions): Promise<Outcome> {
  const by = textOption(opts.by);
  if (!by) throw new UsageError(ctx.t('err.missingOption', { option: '--by' }), ctx.t('err.missingOptionHint', { option: '--by' }));
  const reason = textOption(opts.reason);
  if (!reason)
    throw new UsageError(ctx.t('err.missingOption', { option: '--reason' }), ctx.t('err.missingOptionHint', { option: '--reason' }));
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  changeProject(ctx, (p, loaded) => {
    const slip = findChange(ctx, loaded, id);
    if (!canRejectOrWithdraw(slip.data)) throw new RefusedError(ctx.t('change.decided', { id, status: slip.data.status }));
    if (date < slip.data.submitted) throw new RefusedError(ctx.t('change.beforeSubmitted', { date, submitted: slip.data.submitted }));
    const edits: Edit[] = [
      { op: 'set', path: ['status'], value: 'rejected' },
      { op: 'set', path: ['rejection'], value: { by, date, reason } },
    ];
    return { changes: [{ kind: 'change', rel: slip.file, edits }], result: undefined };
  });
  if (ctx.json) printJson(ctx, 'change.reject', { id, by, date, reason, status: 'rejected' });
  else println(ctx, ctx.t('change.rejected', { id, by }));
  return WROTE;
}

export async function changeWithdraw(ctx: Context, id: string): Promise<Outcome> {
  changeProject(ctx, (p, loaded) => {
    const slip = findChange(ctx, loaded, id);
    if (!canRejectOrWithdraw(slip.data)) throw new RefusedError(ctx.t('change.decided', { id, status: slip.data.status }));
    return {
      changes: [{ kind: 'change', rel: slip.file, edits: [{ op: 'set', path: ['status'], value: 'withdrawn' }] }],
      result: undefined,
    };
  });
  if (ctx.json) printJson(ctx, 'change.withdraw', { id, status: 'withdrawn' });
  else println(ctx, ctx.t('change.withdrawn', { id }));
  return WROTE;
}
