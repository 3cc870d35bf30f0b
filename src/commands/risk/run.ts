// `deliver risk add|list|show|update|act|close`: the risk register, scored and with overdue actions flagged.
import type { Context } from '../../cli/context.js';
import { romanize } from '../../store/romanize.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { choiceOption, dateOption, intOption, mayPrompt, requireText, textOption, type Prompting } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { readProject, findRecord } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { useProjectManifest } from '../../cli/project-language.js';
import type { RiskActOptions, RiskAddOptions, RiskCloseOptions, RiskListOptions, RiskUpdateOptions } from './command.js';
import { nextPrefixedId, recordPath } from '../../core/ids.js';
import { type Located, type Risk, type RiskAction } from '../../core/model.js';
import type { LoadedProject } from '../../store/load.js';
import {
  actionState,
  openActions,
  overdueActions,
  RISK_CATEGORIES,
  RISK_RESPONSES,
  RISK_STATUSES,
  riskLevel,
  riskMatrix,
  riskScore,
  sortRisks,
} from '../../core/risk.js';
import { renderRiskMatrix } from '../../render/risk-matrix.js';
import { safeBlock, safeText } from '../../render/sanitize.js';
import type { Edit } from '../../store/yaml-edit.js';

const AFFECTS = ['schedule', 'cost', 'quality', 'satisfaction'] as const;

function findRisk(ctx: Context, loaded: LoadedProject, id: string): Located<Risk> {
  return findRecord(ctx, loaded, loaded.project.risks, id, ctx.t('kind.risk'), 'risk');
}

/** --action/--action-due/--action-owner as actions, with dates and names checked. */
function actionsFrom(ctx: Context, opts: RiskAddOptions | RiskUpdateOptions): RiskAction[] {
  // The three flags share one list (see command.ts).
  const list = opts.action ?? opts.actionDue ?? opts.actionOwner;
  return (list ?? []).map((a) => {
    if (a.orphan !== undefined || a.text === undefined)
      throw new UsageError(ctx.t('risk.orphanActionFlag', { flag: a.orphan ?? '' }), ctx.t('risk.orphanActionFlagHint'));
    const text = textOption(a.text);
    if (!text) throw new UsageError(ctx.t('err.missingOption', { option: '--action' }));
    const due = dateOption(ctx, '--action-due', a.due);
    const owner = textOption(a.owner);
    return { text, ...(owner ? { owner } : {}), ...(due ? { due } : {}) };
  });
}

function affectsFrom(ctx: Context, opts: RiskAddOptions | RiskUpdateOptions): string[] | undefined {
  const list = opts.affects?.map((s) => choiceOption(ctx, '--affects', s, AFFECTS)!);
  return list ? [...new Set(list)] : undefined;
}

async function askChoice<T extends string>(
  ctx: Context,
  opts: Prompting,
  value: string | undefined,
  key: 'category' | 'response',
  allowed: readonly T[],
): Promise<T> {
  const flag = `--${key}`;
  const given = choiceOption(ctx, flag, value, allowed);
  if (given) return given;
  if (mayPrompt(ctx, opts))
    return ctx.prompter.select(
      ctx.t(`risk.ask.${key}`),
      allowed.map((v) => ({ value: v, name: ctx.t(`risk.${key}.${v}`) })),
    );
  throw new UsageError(ctx.t('err.missingOption', { option: flag }), ctx.t('err.missingOptionHint', { option: flag }));
}

async function askLevel(ctx: Context, opts: Prompting, value: string | undefined, key: 'probability' | 'impact'): Promise<number> {
  const flag = `--${key}`;
  const given = intOption(ctx, flag, value, 1, 5);
  if (given !== undefined) return given;
  if (mayPrompt(ctx, opts)) {
    const answer = await ctx.prompter.input(ctx.t(`risk.ask.${key}`), {
      validate: (s) => (/^[1-5]$/.test(s.trim()) ? true : ctx.t('err.badNumber', { option: flag, value: s })),
    });
    return Number(answer.trim());
  }
  throw new UsageError(ctx.t('err.missingOption', { option: flag }), ctx.t('err.missingOptionHint', { option: flag }));
}

export async function riskAdd(ctx: Context, opts: RiskAddOptions): Promise<Outcome> {
  const actions = actionsFrom(ctx, opts);
  const affects = affectsFrom(ctx, opts);
  const identified = dateOption(ctx, '--identified', opts.identified) ?? ctx.asOf;
  useProjectManifest(ctx); // the project's language for the questions, and a clear error outside a project
  const title = await requireText(ctx, opts, opts.title, '--title', ctx.t('risk.ask.title'));
  const category = await askChoice(ctx, opts, opts.category, 'category', RISK_CATEGORIES);
  const probability = await askLevel(ctx, opts, opts.probability, 'probability');
  const impact = await askLevel(ctx, opts, opts.impact, 'impact');
  const response = await askChoice(ctx, opts, opts.response, 'response', RISK_RESPONSES);
  const owner = await requireText(ctx, opts, opts.owner, '--owner', ctx.t('risk.ask.owner'));
  const description = textOption(opts.description);
  const id = changeProject(ctx, (p) => {
    const id = nextPrefixedId('R-', [...p.risks.map((r) => r.data.id), ...p.brokenIds]);
    const record: Record<string, unknown> = {
      id,
      title,
      ...(description ? { description } : {}),
      category,
      probability,
      impact,
      ...(affects?.length ? { affects } : {}),
      response,
      owner,
      identified,
      status: 'open',
      ...(actions.length ? { actions } : {}),
    };
    return { changes: [{ kind: 'risk', rel: recordPath('risk', record, romanize), create: record }], result: id };
  });
  if (ctx.json) printJson(ctx, 'risk.add', { id });
  else println(ctx, id);
  return WROTE;
}

function riskJson(r: Risk, asOf: string) {
  const score = riskScore(r);
  return { ...r, score, level: riskLevel(score), overdue_actions: overdueActions(r, asOf), open_actions: openActions(r) };
}

export async function riskList(ctx: Context, opts: RiskListOptions): Promise<Outcome> {
  const statuses = opts.status?.map((s) => choiceOption(ctx, '--status', s, RISK_STATUSES)!);
  const read = readProject(ctx);
  const { project } = read;
  const risks = sortRisks(
    project.risks.map((r) => r.data).filter((r) => (!opts.open || r.status !== 'closed') && (!statuses || statuses.includes(r.status))),
  );
  const t = ctx.t;
  if (opts.matrix) {
    const matrix = riskMatrix(risks);
    if (ctx.json) {
      printJson(ctx, 'risk.matrix', { rows: matrix });
      return readOutcome(read);
    }
    const c = ctx.chalk();
    ctx.stdout.write(
      renderRiskMatrix(matrix, {
        width: ctx.columns,
        labels: {
          title: t('risk.matrix.title'),
          probability: t('risk.matrix.probability'),
          impact: t('risk.matrix.impact'),
          legend: t('risk.matrix.legend'),
          none: t('risk.matrix.none'),
          levels: { high: t('risk.matrix.high'), medium: t('risk.matrix.medium'), low: t('risk.matrix.low') },
        },
        ...(ctx.color ? { paint: { high: c.red, medium: c.yellow, low: c.green } } : {}),
      }),
    );
    return readOutcome(read);
  }
  if (ctx.json) {
    printJson(ctx, 'risk.list', { as_of: ctx.asOf, items: risks.map((r) => riskJson(r, ctx.asOf)) });
    return readOutcome(read);
  }
  const tty = ctx.stdoutIsTTY;
  const word = (prefix: string, v: string) => (tty ? t(`${prefix}.${v}`) : v);
  printTable(
    ctx,
    [
      { header: t('risk.col.id'), value: (r: Risk) => r.id },
      {
        header: t('risk.col.score'),
        value: (r) => riskScore(r),
        align: 'right',
        style: (s, r, c) => (riskLevel(riskScore(r)) === 'high' ? c.red(s) : s),
      },
      { header: t('risk.col.level'), value: (r) => word('risk.level', riskLevel(riskScore(r))) },
      { header: t('risk.col.probability'), value: (r) => r.probability, align: 'right', importance: 0 },
      { header: t('risk.col.impact'), value: (r) => r.impact, align: 'right', importance: 0 },
      { header: t('risk.col.title'), value: (r) => r.title },
      { header: t('risk.col.category'), value: (r) => word('risk.category', r.category), importance: 0 },
      { header: t('risk.col.response'), value: (r) => word('risk.response', r.response) },
      { header: t('risk.col.owner'), value: (r) => r.owner },
      { header: t('risk.col.status'), value: (r) => word('risk.status', r.status) },
      { header: t('risk.col.actions'), value: (r) => `${(r.actions ?? []).length - openActions(r).length}/${(r.actions ?? []).length}` },
      {
        header: t('risk.col.overdue'),
        importance: 2,
        value: (r) => {
          const late = overdueActions(r, ctx.asOf);
          if (!late.length) return '';
          return tty ? `⚠ ${late.map((n) => `#${n}`).join(' ')}` : late.join(',');
        },
        style: (s, _r, c) => c.red(s),
      },
    ],
    risks,
  );
  if (tty) {
    const late = risks.flatMap((r) => overdueActions(r, ctx.asOf).map((n) => ({ r, n, a: r.actions![n - 1]! })));
    if (late.length)
      println(
        ctx,
        t('risk.overdueSummary', {
          count: late.length,
          list: late.map((x) => `${safeText(x.r.id)} #${x.n} (${safeText(x.a.due)})`).join(', '),
        }),
      );
  }
  return readOutcome(read);
}

export async function riskShow(ctx: Context, id: string): Promise<Outcome> {
  const read = readProject(ctx);
  const located = findRisk(ctx, read, id);
  const r = located.data;
  const actions = (r.actions ?? []).map((a, i) => ({ n: i + 1, ...a, state: actionState(a, ctx.asOf) }));
  if (ctx.json) {
    printJson(ctx, 'risk.show', {
      as_of: ctx.asOf,
      risk: r,
      file: located.file,
      score: riskScore(r),
      level: riskLevel(riskScore(r)),
      actions,
    });
    return readOutcome(read);
  }
  const t = ctx.t;
  const line = (label: string, v: unknown) => v !== undefined && println(ctx, `${label}: ${safeText(v)}`);
  const c = ctx.chalk();
  println(ctx, c.bold(`${safeText(r.id)}  ${safeText(r.title)}`));
  line(
    t('risk.col.status'),
    t(`risk.status.${r.status}`) + (r.closed ? ` ${r.closed.date}${r.closed.reason ? ' — ' + r.closed.reason : ''}` : ''),
  );
  line(t('risk.col.score'), `${riskScore(r)} = ${r.probability} × ${r.impact} (${t(`risk.level.${riskLevel(riskScore(r))}`)})`);
  line(t('risk.col.category'), t(`risk.category.${r.category}`));
  line(t('risk.col.response'), t(`risk.response.${r.response}`));
  line(t('risk.col.owner'), r.owner);
  line(t('risk.show.identified'), r.identified);
  if (r.affects?.length) line(t('risk.show.affects'), r.affects.map((a) => t(`risk.affects.${a}`)).join(', '));
  if (r.description) println(ctx, safeBlock(r.description));
  println(ctx, `${t('risk.col.actions')}:`);
  if (!actions.length) println(ctx, `  ${t('common.none')}`);
  for (const a of actions) {
    const state =
      a.state === 'done'
        ? t('risk.action.done', { date: a.done! })
        : a.state === 'waived'
          ? t('risk.action.waived', { reason: safeText(a.waived) })
          : a.state === 'overdue'
            ? `⚠ ${t('risk.action.overdue', { due: a.due! })}`
            : a.due
              ? t('risk.action.due', { due: a.due })
              : t('risk.action.open');
    const text = `  ${a.n}. ${safeText(a.text)}${a.owner ? `  (${safeText(a.owner)})` : ''}  [${state}]`;
    println(ctx, a.state === 'overdue' ? c.red(text) : text);
  }
  if (r.notes) println(ctx, safeBlock(r.notes));
  return readOutcome(read);
}

export async function riskUpdate(ctx: Context, id: string, opts: RiskUpdateOptions): Promise<Outcome> {
  const actions = actionsFrom(ctx, opts);
  const affects = affectsFrom(ctx, opts);
  const status = choiceOption(ctx, '--status', opts.status, RISK_STATUSES);
  const fields: Record<string, unknown> = {};
  for (const key of ['title', 'owner', 'description'] as const)
    if (textOption(opts[key]) !== undefined) fields[key] = textOption(opts[key]);
  const category = choiceOption(ctx, '--category', opts.category, RISK_CATEGORIES);
  const response = choiceOption(ctx, '--response', opts.response, RISK_RESPONSES);
  const probability = intOption(ctx, '--probability', opts.probability, 1, 5);
  const impact = intOption(ctx, '--impact', opts.impact, 1, 5);
  Object.assign(
    fields,
    category && { category },
    response && { response },
    probability !== undefined && { probability },
    impact !== undefined && { impact },
    affects && { affects },
  );
  if (!Object.keys(fields).length && !actions.length && !status)
    throw new UsageError(ctx.t('risk.nothingToUpdate'), ctx.t('risk.nothingToUpdateHint'));
  const changed = changeProject(ctx, (p, loaded) => {
    const risk = findRisk(ctx, loaded, id);
    const d = risk.data;
    const edits: Edit[] = [];
    const changed: string[] = [];
    for (const [k, v] of Object.entries(fields)) {
      if (JSON.stringify((d as unknown as Record<string, unknown>)[k]) === JSON.stringify(v)) continue;
      edits.push({ op: 'set', path: [k], value: v });
      changed.push(k);
    }
    for (const a of actions) edits.push({ op: 'append', path: ['actions'], value: a });
    if (actions.length) changed.push('actions');
    if (status && status !== d.status) {
      if (status === 'closed') edits.push(...closeEdits(ctx, { ...d, actions: [...(d.actions ?? []), ...actions] }, ctx.asOf, undefined));
      else edits.push({ op: 'set', path: ['status'], value: status }, ...(d.closed ? [{ op: 'delete' as const, path: ['closed'] }] : []));
      changed.push('status');
    }
    return { changes: edits.length ? [{ kind: 'risk', rel: risk.file, edits }] : [], result: changed };
  });
  if (ctx.json) printJson(ctx, 'risk.update', { id, changed });
  else
    println(
      ctx,
      changed.length
        ? ctx.t('risk.updated', { id, fields: changed.map((k) => ctx.t(`exp.h.${k}`)).join(ctx.t('rep.listSep')) })
        : ctx.t('risk.unchanged', { id }),
    );
  return WROTE;
}

/** Edits that close a risk; refused while an action is neither done nor waived (rule DLV-E087). */
function closeEdits(ctx: Context, d: Risk, date: string, reason: string | undefined): Edit[] {
  if (d.status === 'closed') throw new RefusedError(ctx.t('risk.alreadyClosed', { id: d.id, date: d.closed?.date ?? '?' }));
  const open = openActions(d);
  if (open.length)
    throw new RefusedError(
      ctx.t('risk.openActions', { id: d.id, list: open.map((n) => `#${n}`).join(', ') }),
      ctx.t('risk.openActionsHint', { id: d.id, n: open[0]! }),
    );
  if (date < d.identified) throw new RefusedError(ctx.t('risk.beforeIdentified', { date, identified: d.identified }));
  return [
    { op: 'set', path: ['status'], value: 'closed' },
    { op: 'set', path: ['closed'], value: { date, ...(reason ? { reason } : {}) } },
  ];
}

export async function riskClose(ctx: Context, id: string, opts: RiskCloseOptions): Promise<Outcome> {
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const reason = textOption(opts.reason);
  changeProject(ctx, (p, loaded) => {
    const risk = findRisk(ctx, loaded, id);
    return { changes: [{ kind: 'risk', rel: risk.file, edits: closeEdits(ctx, risk.data, date, reason) }], result: undefined };
  });
  if (ctx.json) printJson(ctx, 'risk.close', { id, date, ...(reason ? { reason } : {}) });
  else println(ctx, ctx.t('risk.closed', { id, date }));
  return WROTE;
}

export async function riskAct(ctx: Context, id: string, numberArg: string, opts: RiskActOptions): Promise<Outcome> {
  const n = intOption(ctx, '<action-number>', numberArg, 1, 1000)!;
  const waive = textOption(opts.waive);
  const due = dateOption(ctx, '--due', opts.due);
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const picked = [opts.done ? 'done' : undefined, waive ? 'waive' : undefined, due ? 'due' : undefined].filter(Boolean);
  if (picked.length !== 1) throw new UsageError(ctx.t('risk.act.pickOne'), ctx.t('risk.act.pickOneHint'));
  if (opts.date !== undefined && !opts.done && !waive) throw new UsageError(ctx.t('risk.act.dateNeedsDone'));
  const result = changeProject(ctx, (p, loaded) => {
    const risk = findRisk(ctx, loaded, id);
    const list = risk.data.actions ?? [];
    const action = list[n - 1];
    if (!action)
      throw new UsageError(ctx.t('risk.act.noSuchAction', { id, n, count: list.length }), ctx.t('risk.act.noSuchActionHint', { id }));
    const path = ['actions', n - 1];
    if (action.done !== undefined) throw new RefusedError(ctx.t('risk.act.alreadyDone', { id, n, date: action.done }));
    if (action.waived !== undefined && !due) throw new RefusedError(ctx.t('risk.act.alreadyWaived', { id, n }));
    let edit: Edit;
    if (opts.done) {
      if (date < risk.data.identified) throw new RefusedError(ctx.t('risk.beforeIdentified', { date, identified: risk.data.identified }));
      edit = { op: 'set', path: [...path, 'done'], value: date };
    } else if (waive) {
      // The reason is required (it is the value of --waive); the date says from when the action is out of the plan.
      if (date < risk.data.identified) throw new RefusedError(ctx.t('risk.beforeIdentified', { date, identified: risk.data.identified }));
      return {
        changes: [
          {
            kind: 'risk',
            rel: risk.file,
            edits: [
              { op: 'set', path: [...path, 'waived'], value: waive },
              { op: 'set', path: [...path, 'waived_date'], value: date },
            ],
          },
        ],
        result: { text: action.text },
      };
    } else edit = { op: 'set', path: [...path, 'due'], value: due };
    return { changes: [{ kind: 'risk', rel: risk.file, edits: [edit] }], result: { text: action.text } };
  });
  const what = opts.done ? { done: date } : waive ? { waived: waive, waived_date: date } : { due: due! };
  if (ctx.json) printJson(ctx, 'risk.act', { id, action: n, ...what });
  else
    println(
      ctx,
      ctx.t(opts.done ? 'risk.act.markedDone' : waive ? 'risk.act.markedWaived' : 'risk.act.rescheduled', {
        id,
        n,
        date,
        due: due ?? '',
        text: safeText(result.text),
      }),
    );
  return WROTE;
}
