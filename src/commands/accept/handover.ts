// `deliver accept deliverable|rectify`: the list of what was handed over (交付物清单) and the
// rectification items (整改单) failed rounds open — added, fixed and verified one by one.
import type { Context } from '../../cli/context.js';
import { WROTE, type Outcome } from '../../cli/outcome.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { choiceOption, dateOption, intOption, textOption } from '../../cli/options.js';
import { printJson, println } from '../../cli/output.js';
import { findRecord, projectRoot } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { checkAttachment } from '../../cli/attachments.js';
import type { Edit } from '../../store/yaml-edit.js';
import { safeText } from '../../render/sanitize.js';
import type { AcceptDeliverableOptions, AcceptRectifyOptions } from './command.js';

const missing = (ctx: Context, option: string) =>
  new UsageError(ctx.t('err.missingOption', { option }), ctx.t('err.missingOptionHint', { option }));

export async function acceptDeliverable(ctx: Context, id: string, opts: AcceptDeliverableOptions): Promise<Outcome> {
  const type = choiceOption(ctx, '--type', opts.type, ['document', 'product', 'test_report', 'other'] as const);
  if (!type) throw missing(ctx, '--type');
  const name = textOption(opts.name);
  if (!name) throw missing(ctx, '--name');
  const version = textOption(opts.ver);
  const file = textOption(opts.file) !== undefined ? checkAttachment(ctx, projectRoot(ctx), opts.file!, '--file') : undefined;
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  if (date > ctx.asOf) throw new RefusedError(ctx.t('wf.future', { date, asOf: ctx.asOf }));
  const n = changeProject(ctx, (p, loaded) => {
    const rec = findRecord(ctx, loaded, p.acceptance, id, ctx.t('kind.acceptance'), 'accept');
    const entry = { type, name, ...(version ? { version } : {}), ...(file ? { file } : {}), handed_over: date };
    const list = rec.data.deliverables;
    const edit: Edit = list
      ? { op: 'append', path: ['deliverables'], value: entry }
      : { op: 'set', path: ['deliverables'], value: [entry] };
    return { changes: [{ kind: 'acceptance', rel: rec.file, edits: [edit] }], result: (list?.length ?? 0) + 1 };
  });
  if (ctx.json) printJson(ctx, 'accept.deliverable', { id, number: n });
  else println(ctx, ctx.t('accept.deliverableAdded', { id, n, name: safeText(name) }));
  return WROTE;
}

export async function acceptRectify(ctx: Context, id: string, item: string | undefined, opts: AcceptRectifyOptions): Promise<Outcome> {
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  if (date > ctx.asOf) throw new RefusedError(ctx.t('wf.future', { date, asOf: ctx.asOf }));
  if (item === undefined) return addItem(ctx, id, opts);
  const n = intOption(ctx, '[item]', item, 1, 1000)!;
  const verifiedBy = textOption(opts.verifiedBy);
  if (!opts.fixed && !verifiedBy) throw new UsageError(ctx.t('rect.nothing'), ctx.t('rect.nothingHint', { id, n }));
  if (opts.finding !== undefined || opts.owner !== undefined || opts.due !== undefined || opts.round !== undefined)
    throw new UsageError(ctx.t('rect.newOnly'));
  const state = changeProject(ctx, (p, loaded) => {
    const rec = findRecord(ctx, loaded, p.acceptance, id, ctx.t('kind.acceptance'), 'accept');
    const items = rec.data.rectifications ?? [];
    const x = items[n - 1];
    if (!x) throw new UsageError(ctx.t('accept.noSuchItem', { id, n, count: items.length }));
    if (x.verified !== undefined) throw new RefusedError(ctx.t('accept.itemResolved', { id, n }));
    const roundDate = rec.data.rounds?.[x.round - 1]?.date;
    if (roundDate !== undefined && date < roundDate)
      throw new RefusedError(ctx.t('wf.beforeStep', { date, what: ctx.t('rect.round', { n: x.round }), before: roundDate }));
    const edits: Edit[] = [];
    if (opts.fixed) {
      if (x.fixed !== undefined) throw new RefusedError(ctx.t('rect.alreadyFixed', { id, n, date: x.fixed }));
      edits.push({ op: 'set', path: ['rectifications', n - 1, 'fixed'], value: date });
    }
    if (verifiedBy) {
      const fixed = opts.fixed ? date : x.fixed;
      if (fixed === undefined) throw new RefusedError(ctx.t('rect.verifyUnfixed', { id, n }), ctx.t('rect.verifyUnfixedHint', { id, n }));
      if (date < fixed) throw new RefusedError(ctx.t('wf.beforeStep', { date, what: ctx.t('rect.fix'), before: fixed }));
      edits.push(
        { op: 'set', path: ['rectifications', n - 1, 'verified_by'], value: verifiedBy },
        { op: 'set', path: ['rectifications', n - 1, 'verified'], value: date },
      );
    }
    return { changes: [{ kind: 'acceptance', rel: rec.file, edits }], result: verifiedBy ? 'verified' : 'fixed' };
  });
  if (ctx.json) printJson(ctx, 'accept.rectify', { id, item: n, state, date });
  else println(ctx, ctx.t(state === 'verified' ? 'rect.verified' : 'rect.fixed', { id, n, date }));
  return WROTE;
}

async function addItem(ctx: Context, id: string, opts: AcceptRectifyOptions): Promise<Outcome> {
  const finding = textOption(opts.finding);
  if (!finding) throw missing(ctx, '--finding');
  const owner = textOption(opts.owner);
  if (!owner) throw missing(ctx, '--owner');
  const due = dateOption(ctx, '--due', opts.due);
  if (!due) throw missing(ctx, '--due');
  if (opts.fixed || opts.verifiedBy !== undefined) throw new UsageError(ctx.t('rect.existingOnly'));
  const roundOpt = intOption(ctx, '--round', opts.round, 1, 1000);
  const n = changeProject(ctx, (p, loaded) => {
    const rec = findRecord(ctx, loaded, p.acceptance, id, ctx.t('kind.acceptance'), 'accept');
    const rounds = rec.data.rounds ?? [];
    const round = roundOpt ?? rounds.map((r) => r.result).lastIndexOf('fail') + 1;
    const r = rounds[round - 1];
    if (!r || r.result !== 'fail') throw new RefusedError(ctx.t('rect.noFailedRound', { id, round: round || '—' }));
    if (due < r.date) throw new RefusedError(ctx.t('accept.dueBeforeRound', { due, date: r.date }));
    const entry = { round, finding, owner, due };
    const list = rec.data.rectifications;
    const edit: Edit = list
      ? { op: 'append', path: ['rectifications'], value: entry }
      : { op: 'set', path: ['rectifications'], value: [entry] };
    return { changes: [{ kind: 'acceptance', rel: rec.file, edits: [edit] }], result: (list?.length ?? 0) + 1 };
  });
  if (ctx.json) printJson(ctx, 'accept.rectify', { id, item: n, state: 'open' });
  else println(ctx, ctx.t('rect.added', { id, n }));
  return WROTE;
}
