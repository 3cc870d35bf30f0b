// `deliver req analyze|assess|plan|confirm|edit|escalate`: the requirement workflow of the toolkit
// (分析说明书, 可行性评估报告, 需求处理方案, 客户确认记录, intake edits, 重大问题升级). Each step checks the one
// before it, records its fields and, where the documents say so, moves the lifecycle with history.
import type { Context } from '../../cli/context.js';
import { WROTE, type Outcome } from '../../cli/outcome.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { choiceOption, dateOption, intOption, textOption } from '../../cli/options.js';
import { printJson, println } from '../../cli/output.js';
import { findRecord, projectRoot } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { checkAttachment } from '../../cli/attachments.js';
import { parseCost } from '../../cli/money.js';
import type { LoadedProject } from '../../store/load.js';
import type { Edit } from '../../store/yaml-edit.js';
import type { IsoDate } from '../../core/dates.js';
import type { Located, Requirement, RequirementStatus } from '../../core/model.js';
import { ARCHIVE_DOCS, closedOn, documentsInRecords, type ArchiveDoc, type ArchiveEntry } from '../../core/archive.js';
import type {
  ReqArchiveOptions,
  ReqAnalyzeOptions,
  ReqAssessOptions,
  ReqConfirmOptions,
  ReqEditOptions,
  ReqEscalateOptions,
  ReqPlanOptions,
} from './command.js';

const LEVELS = ['high', 'medium', 'low'] as const;
const texts = (v: string[] | undefined): string[] => (v ?? []).map((s) => s.trim()).filter(Boolean);
const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));

function find(ctx: Context, loaded: LoadedProject, id: string): Located<Requirement> {
  return findRecord(ctx, loaded, loaded.project.requirements, id, ctx.t('kind.requirement'), 'req');
}

function required(ctx: Context, value: string | undefined, flag: string): string {
  const v = textOption(value);
  if (v === undefined) throw new UsageError(ctx.t('err.missingOption', { option: flag }), ctx.t('err.missingOptionHint', { option: flag }));
  return v;
}

/** The step's date: not after the report date, not before the step it follows. */
function stepDate(ctx: Context, value: string | undefined, after: { date: IsoDate; what: string } | undefined): IsoDate {
  const date = dateOption(ctx, '--date', value) ?? ctx.asOf;
  if (date > ctx.asOf) throw new RefusedError(ctx.t('wf.future', { date, asOf: ctx.asOf }));
  if (after && date < after.date) throw new RefusedError(ctx.t('wf.beforeStep', { date, what: after.what, before: after.date }));
  return date;
}

function needStatus(ctx: Context, r: Requirement, allowed: readonly RequirementStatus[], step: string): void {
  if (!allowed.includes(r.status))
    throw new RefusedError(
      ctx.t('wf.wrongStatus', { id: r.id, status: r.status, step }),
      ctx.t('wf.wrongStatusHint', { allowed: allowed.join(', ') }),
    );
}

/** set status + history entry, when the requirement is not already there. */
function moveEdits(r: Requirement, to: RequirementStatus, date: IsoDate, by: string | undefined, note: string): Edit[] {
  const from = r.status;
  if (from === to) return [];
  const entry = { date, from, to, ...(by ? { by } : {}), note };
  return [
    { op: 'set', path: ['status'], value: to },
    r.history ? { op: 'append', path: ['history'], value: entry } : { op: 'set', path: ['history'], value: [entry] },
  ];
}

function report(ctx: Context, command: string, id: string, from: RequirementStatus, to: RequirementStatus, message: string): Outcome {
  if (ctx.json) printJson(ctx, `req.${command}`, { id, from, to });
  else println(ctx, from === to ? message : `${message} (${ctx.t('req.moved', { id, from, to })})`);
  return WROTE;
}

export async function reqAnalyze(ctx: Context, id: string, opts: ReqAnalyzeOptions): Promise<Outcome> {
  const analyst = required(ctx, opts.analyst, '--analyst');
  const priority = choiceOption(ctx, '--priority', opts.priority, LEVELS);
  const days = intOption(ctx, '--days', opts.days, 0, 10000);
  const { from, to } = changeProject(ctx, (_p, loaded) => {
    const r = find(ctx, loaded, id);
    needStatus(ctx, r.data, ['received', 'analyzing'], 'analyze');
    const date = stepDate(ctx, opts.date, { date: r.data.received, what: ctx.t('wf.received') });
    const analysis = defined({
      analyst,
      date,
      background: textOption(opts.background),
      goal: textOption(opts.goal),
      features: texts(opts.feature),
      priority,
      resources: textOption(opts.resources),
      risks: texts(opts.risk),
      suggested_days: days,
    });
    const to: RequirementStatus = 'analyzing';
    return {
      changes: [
        {
          kind: 'requirement',
          rel: r.file,
          edits: [{ op: 'set', path: ['analysis'], value: analysis }, ...moveEdits(r.data, to, date, analyst, ctx.t('wf.note.analysis'))],
        },
      ],
      result: { from: r.data.status, to },
    };
  });
  return report(ctx, 'analyze', id, from, to, ctx.t('wf.analyzed', { id }));
}

export async function reqAssess(ctx: Context, id: string, opts: ReqAssessOptions): Promise<Outcome> {
  const assessor = required(ctx, opts.assessor, '--assessor');
  if (opts.feasible === opts.notFeasible) throw new UsageError(ctx.t('wf.feasibleFlag'));
  const difficulty = choiceOption(ctx, '--difficulty', opts.difficulty, ['low', 'medium', 'high'] as const);
  const people = intOption(ctx, '--people', opts.people, 0, 10000);
  const days = intOption(ctx, '--days', opts.days, 0, 10000);
  const { from, to } = changeProject(ctx, (p, loaded) => {
    const r = find(ctx, loaded, id);
    needStatus(ctx, r.data, ['analyzing'], 'assess');
    if (!r.data.analysis) throw new RefusedError(ctx.t('wf.needsAnalysis', { id }), ctx.t('wf.needsAnalysisHint', { id }));
    const date = stepDate(ctx, opts.date, { date: r.data.analysis.date, what: ctx.t('wf.step.analysis') });
    const cost = parseCost(ctx, opts.cost, undefined, p.manifest?.data.contract?.amount?.currency ?? 'CNY');
    const feasibility = defined({
      assessor,
      date,
      difficulty,
      people,
      days,
      cost,
      feasible: !!opts.feasible,
      risks: texts(opts.risk),
      notes: textOption(opts.notes),
    });
    return {
      changes: [{ kind: 'requirement', rel: r.file, edits: [{ op: 'set', path: ['feasibility'], value: feasibility }] }],
      result: { from: r.data.status, to: r.data.status },
    };
  });
  return report(ctx, 'assess', id, from, to, ctx.t(opts.feasible ? 'wf.assessed' : 'wf.assessedNo', { id }));
}

export async function reqPlan(ctx: Context, id: string, opts: ReqPlanOptions): Promise<Outcome> {
  const by = required(ctx, opts.by, '--by');
  const priority = choiceOption(ctx, '--priority', opts.priority, LEVELS);
  const target = dateOption(ctx, '--target', opts.target);
  const { from, to } = changeProject(ctx, (_p, loaded) => {
    const r = find(ctx, loaded, id);
    needStatus(ctx, r.data, ['analyzing', 'confirmed'], 'plan');
    const f = r.data.feasibility;
    if (!f) throw new RefusedError(ctx.t('wf.needsAssessment', { id }), ctx.t('wf.needsAssessmentHint', { id }));
    if (!f.feasible) throw new RefusedError(ctx.t('wf.notFeasible', { id }), ctx.t('wf.notFeasibleHint', { id }));
    const date = stepDate(ctx, opts.date, { date: f.date, what: ctx.t('wf.step.assessment') });
    if (target !== undefined && target < date) throw new RefusedError(ctx.t('wf.targetBefore', { target, date }));
    const plan = defined({ date, by, scope: textOption(opts.scope), priority, resources: textOption(opts.resources), target });
    return {
      changes: [{ kind: 'requirement', rel: r.file, edits: [{ op: 'set', path: ['plan'], value: plan }] }],
      result: { from: r.data.status, to: r.data.status },
    };
  });
  return report(ctx, 'plan', id, from, to, ctx.t('wf.planned', { id }));
}

export async function reqConfirm(ctx: Context, id: string, opts: ReqConfirmOptions): Promise<Outcome> {
  const by = required(ctx, opts.by, '--by');
  const method = choiceOption(ctx, '--method', opts.method, ['email', 'stamped_scan', 'signed_form', 'meeting'] as const);
  if (!method)
    throw new UsageError(ctx.t('err.missingOption', { option: '--method' }), ctx.t('err.missingOptionHint', { option: '--method' }));
  const root = projectRoot(ctx);
  const evidence = textOption(opts.evidence) !== undefined ? checkAttachment(ctx, root, opts.evidence!, '--evidence') : undefined;
  const { from, to } = changeProject(ctx, (_p, loaded) => {
    const r = find(ctx, loaded, id);
    needStatus(ctx, r.data, ['analyzing'], 'confirm');
    if (!r.data.analysis) throw new RefusedError(ctx.t('wf.needsAnalysis', { id }), ctx.t('wf.needsAnalysisHint', { id }));
    const f = r.data.feasibility;
    if (!f) throw new RefusedError(ctx.t('wf.needsAssessment', { id }), ctx.t('wf.needsAssessmentHint', { id }));
    if (!f.feasible) throw new RefusedError(ctx.t('wf.notFeasible', { id }), ctx.t('wf.notFeasibleHint', { id }));
    const last =
      r.data.plan && r.data.plan.date > f.date
        ? { date: r.data.plan.date, what: ctx.t('wf.plan') }
        : { date: f.date, what: ctx.t('wf.step.assessment') };
    const date = stepDate(ctx, opts.date, last);
    const confirmation = defined({
      by,
      date,
      method,
      scope: textOption(opts.scope),
      acceptance_standard: textOption(opts.standard),
      evidence,
    });
    const to: RequirementStatus = 'confirmed';
    return {
      changes: [
        {
          kind: 'requirement',
          rel: r.file,
          edits: [
            { op: 'set', path: ['confirmation'], value: confirmation },
            ...moveEdits(r.data, to, date, by, ctx.t('wf.note.confirmation', { method })),
          ],
        },
      ],
      result: { from: r.data.status, to },
    };
  });
  return report(ctx, 'confirm', id, from, to, ctx.t('wf.confirmed', { id }));
}

export async function reqEdit(ctx: Context, id: string, opts: ReqEditOptions): Promise<Outcome> {
  const root = projectRoot(ctx);
  const due = dateOption(ctx, '--due', opts.due);
  const sets: [string, unknown][] = [
    ['title', textOption(opts.title)],
    ['customer', textOption(opts.customer)],
    ['contact', textOption(opts.contact)],
    ['contact_phone', textOption(opts.phone)],
    ['contact_email', textOption(opts.email)],
    ['urgency', choiceOption(ctx, '--urgency', opts.urgency, LEVELS)],
    ['due', due],
    ['receiver', textOption(opts.receiver)],
    ['channel', choiceOption(ctx, '--channel', opts.channel, ['phone', 'email', 'form', 'meeting', 'other'] as const)],
    ['description', textOption(opts.description)],
  ];
  const attach = texts(opts.attach).map((a) => checkAttachment(ctx, root, a, '--attach'));
  const edits: Edit[] = sets.filter(([, v]) => v !== undefined).map(([k, v]) => ({ op: 'set', path: [k], value: v }));
  if (edits.length === 0 && attach.length === 0) throw new UsageError(ctx.t('wf.editNothing'));
  changeProject(ctx, (_p, loaded) => {
    const r = find(ctx, loaded, id);
    if (due !== undefined && due < r.data.received)
      throw new RefusedError(ctx.t('wf.dueBeforeReceived', { due, received: r.data.received }));
    const have = new Set(r.data.attachments ?? []);
    const fresh = [...new Set(attach)].filter((a) => !have.has(a));
    const attEdits: Edit[] =
      fresh.length === 0
        ? []
        : r.data.attachments
          ? fresh.map((a) => ({ op: 'append', path: ['attachments'], value: a }))
          : [{ op: 'set', path: ['attachments'], value: fresh }];
    return { changes: [{ kind: 'requirement', rel: r.file, edits: [...edits, ...attEdits] }], result: undefined };
  });
  if (ctx.json) printJson(ctx, 'req.edit', { id });
  else println(ctx, ctx.t('wf.edited', { id }));
  return WROTE;
}

export async function reqEscalate(ctx: Context, id: string, opts: ReqEscalateOptions): Promise<Outcome> {
  const outcome = textOption(opts.outcome);
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  if (date > ctx.asOf) throw new RefusedError(ctx.t('wf.future', { date, asOf: ctx.asOf }));
  if (outcome !== undefined && (opts.to !== undefined || opts.reason !== undefined)) throw new UsageError(ctx.t('wf.escalateEither'));
  const to = outcome === undefined ? required(ctx, opts.to, '--to') : undefined;
  const reason = outcome === undefined ? required(ctx, opts.reason, '--reason') : undefined;
  const by = textOption(opts.by);
  const n = changeProject(ctx, (_p, loaded) => {
    const r = find(ctx, loaded, id);
    const list = r.data.escalations ?? [];
    if (outcome !== undefined) {
      const i = list.map((e) => e.outcome === undefined).lastIndexOf(true);
      if (i < 0) throw new RefusedError(ctx.t('wf.noOpenEscalation', { id }));
      if (date < list[i]!.date)
        throw new RefusedError(ctx.t('wf.beforeStep', { date, what: ctx.t('wf.escalation'), before: list[i]!.date }));
      return {
        changes: [
          {
            kind: 'requirement',
            rel: r.file,
            edits: [
              { op: 'set', path: ['escalations', i, 'outcome'], value: outcome },
              { op: 'set', path: ['escalations', i, 'outcome_date'], value: date },
            ],
          },
        ],
        result: i + 1,
      };
    }
    if (date < r.data.received)
      throw new RefusedError(ctx.t('wf.beforeStep', { date, what: ctx.t('wf.received'), before: r.data.received }));
    const entry = defined({ date, to, by, reason });
    const edit: Edit = list.length
      ? { op: 'append', path: ['escalations'], value: entry }
      : { op: 'set', path: ['escalations'], value: [entry] };
    return { changes: [{ kind: 'requirement', rel: r.file, edits: [edit] }], result: list.length + 1 };
  });
  if (ctx.json) printJson(ctx, 'req.escalate', { id, escalation: n, ...(outcome !== undefined ? { outcome } : { to }) });
  else println(ctx, outcome !== undefined ? ctx.t('wf.escalationClosed', { id, n }) : ctx.t('wf.escalated', { id, n, to: to! }));
  return WROTE;
}

export async function reqArchive(ctx: Context, id: string, opts: ReqArchiveOptions): Promise<Outcome> {
  const number = required(ctx, opts.number, '--number');
  const by = textOption(opts.by);
  const root = projectRoot(ctx);
  const given = new Map<ArchiveDoc, ArchiveEntry>();
  for (const spec of texts(opts.doc)) {
    const m = /^([a-z_]+)\s*=\s*(.+)$/.exec(spec);
    const doc = m ? choiceOption(ctx, '--doc', m[1], ARCHIVE_DOCS) : undefined;
    if (!m || !doc) throw new UsageError(ctx.t('arc.badDoc', { value: spec }), ctx.t('arc.docsHint', { docs: ARCHIVE_DOCS.join(', ') }));
    given.set(doc, { doc, state: 'linked', ref: checkAttachment(ctx, root, m[2]!, '--doc') });
  }
  for (const na of texts(opts.na)) {
    const doc = choiceOption(ctx, '--na', na, ARCHIVE_DOCS)!;
    if (given.has(doc)) throw new UsageError(ctx.t('arc.both', { doc }));
    given.set(doc, { doc, state: 'not_applicable' });
  }
  const result = changeProject(ctx, (p, loaded) => {
    const r = find(ctx, loaded, id);
    if (r.data.archived !== undefined) throw new RefusedError(ctx.t('arc.already', { id, date: r.data.archived }));
    needStatus(ctx, r.data, ['accepted', 'rejected'], 'archive');
    const closed = closedOn(r.data);
    const date = stepDate(ctx, opts.date, closed ? { date: closed, what: ctx.t(`status.${r.data.status}`) } : undefined);
    const found = documentsInRecords(
      r.data,
      p.acceptance.map((a) => a.data),
    );
    const documents = ARCHIVE_DOCS.map((doc) => given.get(doc) ?? found[doc]);
    const missing = ARCHIVE_DOCS.filter((_, i) => documents[i] === undefined);
    if (missing.length)
      throw new RefusedError(
        ctx.t('arc.missing', { id, docs: missing.map((d) => ctx.t(`arc.doc.${d}`)).join(', ') }),
        ctx.t('arc.missingHint', { docs: missing.join(', ') }),
      );
    const archive = { number, ...(by ? { by } : {}), documents };
    return {
      changes: [
        {
          kind: 'requirement',
          rel: r.file,
          edits: [
            { op: 'set', path: ['archived'], value: date },
            { op: 'set', path: ['archive'], value: archive },
          ],
        },
      ],
      result: { date, documents: documents as ArchiveEntry[] },
    };
  });
  if (ctx.json) printJson(ctx, 'req.archive', { id, number, archived: result.date, documents: result.documents });
  else {
    println(ctx, ctx.t('arc.done', { id, number, date: result.date }));
    for (const d of result.documents)
      println(ctx, `  ${ctx.t(`arc.doc.${d.doc}`)}: ${ctx.t(`arc.state.${d.state}`)}${d.ref ? ` (${d.ref})` : ''}`);
  }
  return WROTE;
}
