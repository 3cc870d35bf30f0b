// `deliver accept add|round|list|show`: deliverables handed over and the customer's rounds; a passing final
// round moves the linked requirements to accepted in the same write.
import type { Context } from '../../cli/context.js';
import { romanize } from '../../store/romanize.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type { AcceptAddOptions, AcceptListOptions, AcceptRoundOptions } from './command.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { choiceOption, dateOption, intOption, requireText, textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { readProject, findRecord } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { useProjectManifest } from '../../cli/project-language.js';
import { acceptanceState, firstPass, isWaitingForCustomer, latestRound, passMoves, roundRefusal } from '../../core/acceptance.js';
import { diffDays } from '../../core/dates.js';
import { nextPrefixedId, recordPath } from '../../core/ids.js';
import { type Acceptance, type AcceptanceRound, type Located } from '../../core/model.js';
import type { LoadedProject } from '../../store/load.js';
import { compareIds } from '../../core/id-order.js';
import { safeBlock, safeText } from '../../render/sanitize.js';
import type { RecordChange } from '../../store/write.js';
import type { Edit } from '../../store/yaml-edit.js';
import { projectAsOf } from '../../core/period.js';
import { blockingItems, isUnresolved, rectState } from '../../core/rectification.js';

function findAcceptance(ctx: Context, loaded: LoadedProject, id: string): Located<Acceptance> {
  return findRecord(ctx, loaded, loaded.project.acceptance, id, ctx.t('kind.acceptance'), 'accept');
}

export async function acceptAdd(ctx: Context, opts: AcceptAddOptions): Promise<Outcome> {
  const reqs = [...new Set(opts.req ?? [])];
  const delivered = dateOption(ctx, '--delivered', opts.delivered) ?? ctx.asOf;
  const agreed = dateOption(ctx, '--agreed', opts.agreed);
  const items = (opts.items ?? []).map((s) => textOption(s)).filter((s): s is string => s !== undefined);
  useProjectManifest(ctx); // the project's language for the questions, and a clear error outside a project
  // --req is needed only where there are requirements to fulfil (a handover delivers units instead).
  if (!reqs.length && readProject(ctx).project.requirements.length)
    throw new UsageError(ctx.t('err.missingOption', { option: '--req' }), ctx.t('accept.reqHint'));
  const deliverable = await requireText(ctx, opts, opts.deliverable, '--deliverable', ctx.t('accept.ask.deliverable'));
  const id = changeProject(ctx, (p) => {
    if (!reqs.length && p.requirements.length)
      throw new UsageError(ctx.t('err.missingOption', { option: '--req' }), ctx.t('accept.reqHint'));
    for (const r of reqs)
      if (!p.requirements.some((x) => x.data.id === r))
        throw new UsageError(
          ctx.t('err.unknownId', { kind: ctx.t('kind.requirement'), id: r }),
          ctx.t('err.unknownIdHint', { command: 'req' }),
        );
    const id = nextPrefixedId('AC-', [...p.acceptance.map((a) => a.data.id), ...p.brokenIds]);
    const record: Record<string, unknown> = {
      id,
      deliverable,
      requirements: reqs,
      delivered,
      ...(agreed ? { agreed } : {}),
      ...(items.length ? { items } : {}),
    };
    return { changes: [{ kind: 'acceptance', rel: recordPath('acceptance', record, romanize), create: record }], result: id };
  });
  if (ctx.json) printJson(ctx, 'accept.add', { id });
  else println(ctx, id);
  return WROTE;
}

export async function acceptRound(ctx: Context, id: string, opts: AcceptRoundOptions): Promise<Outcome> {
  const result = choiceOption(ctx, '--result', opts.result, ['pass', 'fail'] as const);
  if (!result)
    throw new UsageError(ctx.t('err.missingOption', { option: '--result' }), ctx.t('err.missingOptionHint', { option: '--result' }));
  const contact = textOption(opts.by);
  if (!contact) throw new UsageError(ctx.t('err.missingOption', { option: '--by' }), ctx.t('err.missingOptionHint', { option: '--by' }));
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const kind = choiceOption(ctx, '--kind', opts.kind, ['pre', 'final'] as const);
  const list = (v: string[] | undefined) => (v ?? []).map((s) => textOption(s)).filter((s): s is string => s !== undefined);
  const reasons = list(opts.reason);
  const checked = list(opts.checked);
  const signedBy = textOption(opts.signedBy);
  const signedOn = dateOption(ctx, '--signed-on', opts.signedOn);
  if (result === 'fail' && !reasons.length) throw new UsageError(ctx.t('accept.failNeedsReason'), ctx.t('accept.failNeedsReasonHint'));
  const finalPass = result === 'pass' && (kind ?? 'final') === 'final';
  // 客户签字, 客户日期: a final pass is what accepts the requirements, so the customer's signature is part of it.
  const acceptOpen = (opts.acceptOpen ?? []).map((v) => intOption(ctx, '--accept-open', v, 1, 1000)!);
  if (acceptOpen.length && !finalPass) throw new UsageError(ctx.t('accept.acceptOpenFinalOnly'));
  const owner = textOption(opts.owner);
  const due = dateOption(ctx, '--due', opts.due);
  if ((owner !== undefined || due !== undefined) && result !== 'fail') throw new UsageError(ctx.t('accept.rectifyFailOnly'));
  if ((owner === undefined) !== (due === undefined))
    throw new UsageError(ctx.t('err.missingOption', { option: owner === undefined ? '--owner' : '--due' }), ctx.t('accept.rectifyBoth'));
  if (due !== undefined && due < date) throw new RefusedError(ctx.t('accept.dueBeforeRound', { due, date }));
  const round: AcceptanceRound = {
    date,
    contact,
    ...(kind ? { kind } : {}),
    ...(checked.length ? { checked } : {}),
    result,
    ...(reasons.length ? { reasons } : {}),
    ...(signedBy ? { signed_by: signedBy } : {}),
    ...(signedOn ? { signed_on: signedOn } : {}),
  };
  const outcome = changeProject(ctx, (p, loaded) => {
    const rec = findAcceptance(ctx, loaded, id);
    const refusal = roundRefusal(rec.data, round);
    if (refusal?.kind === 'after_pass') throw new RefusedError(ctx.t('accept.afterPass', { id, n: refusal.round }));
    if (refusal?.kind === 'out_of_order') throw new RefusedError(ctx.t('accept.outOfOrder', { date, prev: refusal.prevDate }));
    if (refusal?.kind === 'before_delivery') throw new RefusedError(ctx.t('accept.beforeDelivery', { date, delivered: refusal.delivered }));
    if (refusal) throw new UsageError(ctx.t('accept.failNeedsReason'), ctx.t('accept.failNeedsReasonHint'));
    if (finalPass && (!signedBy || !signedOn))
      throw new UsageError(
        ctx.t('err.missingOption', { option: !signedBy ? '--signed-by' : '--signed-on' }),
        ctx.t('accept.needsSignature'),
      );
    if (signedOn !== undefined && (signedOn < date || signedOn > ctx.asOf))
      throw new RefusedError(ctx.t('accept.badSignedOn', { signed: signedOn, date, asOf: ctx.asOf }));
    const n = (rec.data.rounds ?? []).length + 1;
    const edits: Edit[] = [
      rec.data.rounds ? { op: 'append', path: ['rounds'], value: round } : { op: 'set', path: ['rounds'], value: [round] },
    ];
    const items = rec.data.rectifications ?? [];
    if (finalPass) {
      for (const k of acceptOpen) {
        const x = items[k - 1];
        if (!x) throw new UsageError(ctx.t('accept.noSuchItem', { id, n: k, count: items.length }));
        if (!isUnresolved(x)) throw new RefusedError(ctx.t('accept.itemResolved', { id, n: k }));
        edits.push({ op: 'set', path: ['rectifications', k - 1, 'accepted_open'], value: { by: signedBy!, date: signedOn! } });
      }
      const blocking = blockingItems(rec.data, n).filter((k) => !acceptOpen.includes(k));
      if (blocking.length)
        throw new RefusedError(
          ctx.t('accept.openItems', { id, items: blocking.map((k) => `#${k}`).join(' ') }),
          ctx.t('accept.openItemsHint', { id }),
        );
    }
    if (owner !== undefined && due !== undefined) {
      const fresh = reasons.map((finding) => ({ round: n, finding, owner, due }));
      edits.push(
        ...(rec.data.rectifications
          ? fresh.map((x): Edit => ({ op: 'append', path: ['rectifications'], value: x }))
          : [{ op: 'set' as const, path: ['rectifications'], value: fresh }]),
      );
    }
    const changes: RecordChange[] = [{ kind: 'acceptance', rel: rec.file, edits }];
    const accepted: string[] = [];
    if (finalPass) {
      for (const reqId of rec.data.requirements) {
        const req = p.requirements.find((r) => r.data.id === reqId);
        if (!req) continue;
        const moves = passMoves(req.data, id, rec.data.delivered, date, n);
        if (moves.kind === 'would_skip') {
          throw new RefusedError(
            ctx.t('accept.wouldSkip', { req: reqId, status: ctx.t(`status.${moves.status}`) }),
            ctx.t('accept.wouldSkipHint', { req: reqId }),
          );
        }
        if (moves.kind === 'nothing') continue;
        const by = signedBy ?? contact;
        changes.push({
          kind: 'requirement',
          rel: req.file,
          edits: [
            { op: 'set', path: ['status'], value: 'accepted' },
            ...moves.entries.map((m) => ({
              op: 'append' as const,
              path: ['history'],
              value: { date: m.date, from: m.from, to: m.to, ...(m.signed ? { by } : {}), note: m.note },
            })),
          ],
        });
        accepted.push(reqId);
      }
    }
    return { changes, result: { n, accepted } };
  });
  if (ctx.json) {
    printJson(ctx, 'accept.round', { id, round: outcome.n, ...round, accepted_requirements: outcome.accepted });
    return WROTE;
  }
  println(
    ctx,
    ctx.t(result === 'pass' ? 'accept.roundPassed' : 'accept.roundFailed', {
      id,
      n: outcome.n,
      kind: ctx.t(`accept.kind.${kind ?? 'final'}`),
    }),
  );
  if (outcome.accepted.length) println(ctx, ctx.t('accept.requirementsAccepted', { list: outcome.accepted.join(', ') }));
  return WROTE;
}

function summary(a: Acceptance, asOf: string) {
  const latest = latestRound(a);
  const waiting = isWaitingForCustomer(a, asOf);
  return {
    rounds_count: (a.rounds ?? []).length,
    first_pass: firstPass(a),
    latest_result: latest?.result ?? null,
    latest_date: latest?.date ?? null,
    state: acceptanceState(a, asOf),
    waiting_for_customer: waiting,
    waiting_days: waiting ? diffDays(a.delivered, asOf) : null,
  };
}

export async function acceptList(ctx: Context, opts: AcceptListOptions): Promise<Outcome> {
  const read = readProject(ctx);
  const { project } = read;
  const rows = project.acceptance
    .map((a) => a.data)
    .filter((a) => !opts.waiting || isWaitingForCustomer(a, ctx.asOf))
    .sort((a, b) => compareIds(a.id, b.id))
    .map((a) => ({ a, s: summary(a, ctx.asOf) }));
  if (ctx.json) {
    printJson(ctx, 'accept.list', {
      as_of: ctx.asOf,
      items: rows.map(({ a, s }) => ({ ...a, ...s })),
      waiting: rows.filter((r) => r.s.waiting_for_customer).map((r) => r.a.id),
    });
    return readOutcome(read);
  }
  const t = ctx.t;
  const tty = ctx.stdoutIsTTY;
  type Row = (typeof rows)[number];
  const yesNo = (v: boolean | null) => (v === null ? (tty ? '—' : '') : tty ? t(v ? 'accept.yes' : 'accept.no') : v ? 'yes' : 'no');
  printTable(
    ctx,
    [
      { header: t('accept.col.id'), value: (r: Row) => r.a.id },
      { header: t('accept.col.deliverable'), value: (r) => r.a.deliverable },
      { header: t('accept.col.requirements'), value: (r) => r.a.requirements.join(' ') },
      { header: t('accept.col.delivered'), value: (r) => r.a.delivered },
      { header: t('accept.col.rounds'), value: (r) => r.s.rounds_count, align: 'right' },
      { header: t('accept.col.firstPass'), value: (r) => yesNo(r.s.first_pass) },
      {
        header: t('accept.col.latest'),
        value: (r) => (r.s.latest_result ? `${r.s.latest_date} ${tty ? t(`accept.result.${r.s.latest_result}`) : r.s.latest_result}` : ''),
      },
      {
        header: t('accept.col.state'),
        value: (r) => (tty ? t(`accept.state.${r.s.state}`) : r.s.state),
        style: (s, r, c) => (r.s.state === 'accepted' ? c.green(s) : r.s.state === 'rectifying' ? c.red(s) : s),
      },
      {
        header: t('accept.col.waiting'),
        value: (r) => (r.s.waiting_days === null ? '' : tty ? t('accept.waitingDays', { days: r.s.waiting_days }) : r.s.waiting_days),
        align: 'right',
      },
    ],
    rows,
  );
  if (tty) {
    const waiting = rows.filter((r) => r.s.waiting_for_customer);
    println(
      ctx,
      waiting.length
        ? t('accept.waitingSummary', {
            count: waiting.length,
            list: waiting.map((r) => `${safeText(r.a.id)} (${safeText(r.a.deliverable)})`).join(', '),
          })
        : t('accept.nothingWaiting'),
    );
  }
  return readOutcome(read);
}

export async function acceptShow(ctx: Context, id: string): Promise<Outcome> {
  const read = readProject(ctx);
  const { project } = read;
  const located = findAcceptance(ctx, read, id);
  // The record as it stood on the report date: later rounds, fixes and verifications not yet known.
  const a = projectAsOf(project, ctx.asOf).acceptance.find((x) => x.file === located.file)?.data ?? located.data;
  const s = summary(a, ctx.asOf);
  if (ctx.json) {
    const rectifications = (a.rectifications ?? []).map((x, i) => ({ number: i + 1, ...x, state: rectState(x, ctx.asOf) }));
    printJson(ctx, 'accept.show', { as_of: ctx.asOf, acceptance: a, file: located.file, ...s, rectifications });
    return readOutcome(read);
  }
  const t = ctx.t;
  const line = (label: string, v: unknown) => v !== undefined && v !== '' && println(ctx, `${label}: ${safeText(v)}`);
  println(ctx, ctx.chalk().bold(`${safeText(a.id)}  ${safeText(a.deliverable)}`));
  line(
    t('accept.col.state'),
    t(`accept.state.${s.state}`) + (s.waiting_days !== null ? ` (${t('accept.waitingDays', { days: s.waiting_days })})` : ''),
  );
  line(
    t('accept.col.requirements'),
    a.requirements
      .map((r) => {
        const req = project.requirements.find((x) => x.data.id === r);
        return req ? `${r} [${t(`status.${req.data.status}`)}]` : r;
      })
      .join(', '),
  );
  line(t('accept.col.delivered'), a.delivered);
  line(t('accept.show.agreed'), a.agreed);
  line(t('accept.col.firstPass'), s.first_pass === null ? '—' : t(s.first_pass ? 'accept.yes' : 'accept.no'));
  if (a.items?.length) {
    println(ctx, `${t('accept.show.items')}:`);
    for (const it of a.items) println(ctx, `  - ${safeText(it)}`);
  }
  println(ctx, `${t('accept.col.rounds')}:`);
  if (!(a.rounds ?? []).length) println(ctx, `  ${t('common.none')}`);
  (a.rounds ?? []).forEach((r, i) => {
    const who = `${safeText(r.contact)}${r.signed_by ? ` / ${t('accept.show.signedBy')} ${safeText(r.signed_by)}${r.signed_on ? ` ${r.signed_on}` : ''}` : ''}`;
    println(ctx, `  ${i + 1}. ${r.date}  ${t(`accept.kind.${r.kind ?? 'final'}`)}  ${t(`accept.result.${r.result}`)}  ${who}`);
    for (const c of r.checked ?? []) println(ctx, `     ✓ ${safeText(c)}`);
    for (const reason of r.reasons ?? []) println(ctx, `     ✗ ${safeText(reason)}`);
  });
  if (a.deliverables?.length) {
    println(ctx, `${t('accept.show.deliverables')}:`);
    for (const d of a.deliverables) {
      println(
        ctx,
        `  - [${t(`accept.dtype.${d.type}`)}] ${safeText(d.name)}${d.version ? ' ' + safeText(d.version) : ''}${d.handed_over ? `  ${d.handed_over}` : ''}${d.file ? `  ${safeText(d.file)}` : ''}`,
      );
    }
  }
  if (a.rectifications?.length) {
    const c = ctx.chalk();
    println(ctx, `${t('accept.show.rectifications')}:`);
    a.rectifications.forEach((x, i) => {
      const st = rectState(x, ctx.asOf);
      const state =
        st === 'verified'
          ? t('rect.state.verified', { by: safeText(x.verified_by ?? ''), date: x.verified! })
          : st === 'accepted_open'
            ? t('rect.state.accepted_open', { by: safeText(x.accepted_open!.by), date: x.accepted_open!.date })
            : st === 'fixed'
              ? t('rect.state.fixed', { date: x.fixed! })
              : st === 'overdue'
                ? t('rect.state.overdue', { due: x.due })
                : t('rect.state.open', { due: x.due });
      const text = `  ${i + 1}. ${safeText(x.finding)}  (${safeText(x.owner)}, ${t('rect.round', { n: x.round })})  [${state}]`;
      println(ctx, st === 'overdue' ? c.red(text) : text);
    });
  }
  if (a.notes) println(ctx, safeBlock(a.notes));
  return readOutcome(read);
}
