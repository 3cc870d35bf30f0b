// `deliver req add|list|show|move`: the requirement register.
import type { Context } from '../../cli/context.js';
import { romanize } from '../../store/romanize.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type { ReqAddOptions, ReqListOptions, ReqMoveOptions } from './command.js';
import { RefusedError } from '../../cli/errors.js';
import { choiceOption, dateOption, mayPrompt, optionalDate, requireDate, requireText, textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { findRecord, projectRoot, readProject } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { useProjectManifest } from '../../cli/project-language.js';
import type { LoadedProject } from '../../store/load.js';
import { nextRequirementId, recordPath } from '../../core/ids.js';
import { allowedMoves, canMove, heldFrom, REQUIREMENT_STATUSES } from '../../core/lifecycle.js';
import { type Located, type Requirement, type RequirementStatus } from '../../core/model.js';
import { passedRequirementIds } from '../../core/rules/requirements.js';
import { safeBlock, safeText } from '../../render/sanitize.js';
import { checkAttachment } from '../../cli/attachments.js';
import { slaDays, workflowStep, type WorkflowFact } from '../../core/followups.js';
import { projectAsOf } from '../../core/period.js';
import { makeCalendar } from '../../core/calendar.js';

const URGENCIES = ['high', 'medium', 'low'] as const;

export async function reqAdd(ctx: Context, opts: ReqAddOptions): Promise<Outcome> {
  // Ask for everything before taking the lock: prompts can take minutes.
  const manifest = useProjectManifest(ctx);
  const title = await requireText(ctx, opts, opts.title, '--title', ctx.t('req.ask.title'));
  const customer = await requireText(
    ctx,
    opts,
    opts.customer,
    '--customer',
    ctx.t('req.ask.customer'),
    typeof manifest?.client === 'string' ? manifest.client : undefined,
  );
  const contact = await requireText(ctx, opts, opts.contact, '--contact', ctx.t('req.ask.contact'));
  let urgency = choiceOption(ctx, '--urgency', opts.urgency, URGENCIES);
  if (!urgency && mayPrompt(ctx, opts))
    urgency = await ctx.prompter.select(
      ctx.t('req.ask.urgency'),
      URGENCIES.map((u) => ({ value: u, name: ctx.t(`urgency.${u}`) })),
      'medium',
    );
  if (!urgency) urgency = 'medium';
  const received = await requireDate(ctx, opts, opts.received, '--received', ctx.t('req.ask.received'), ctx.asOf);
  const due = await optionalDate(ctx, opts, opts.due, '--due', ctx.t('req.ask.due'));
  const receiver = await requireText(ctx, opts, opts.receiver, '--receiver', ctx.t('req.ask.receiver'));
  const description = textOption(opts.description);
  const channel = textOption(opts.channel);
  const phone = textOption(opts.phone);
  const email = textOption(opts.email);
  const attachments = [
    ...new Set(
      (opts.attach ?? [])
        .map((a) => a.trim())
        .filter(Boolean)
        .map((a) => checkAttachment(ctx, projectRoot(ctx), a, '--attach')),
    ),
  ];

  const id = changeProject(ctx, (p) => {
    const taken = [...p.requirements.map((r) => r.data.id), ...p.brokenIds];
    const id = nextRequirementId(received, taken);
    const record: Record<string, unknown> = {
      id,
      title,
      customer,
      contact,
      ...(phone ? { contact_phone: phone } : {}),
      ...(email ? { contact_email: email } : {}),
      ...(channel ? { channel } : {}),
      ...(description ? { description } : {}),
      ...(attachments.length ? { attachments } : {}),
      urgency,
      received,
      ...(due ? { due } : {}),
      receiver,
      status: 'received',
      history: [{ date: received, to: 'received', by: receiver }],
    };
    return { changes: [{ kind: 'requirement', rel: recordPath('requirement', record, romanize), create: record }], result: id };
  });
  if (ctx.json) printJson(ctx, 'req.add', { id });
  else println(ctx, id);
  return WROTE;
}

function findRequirement(ctx: Context, loaded: LoadedProject, id: string): Located<Requirement> {
  return findRecord(ctx, loaded, loaded.project.requirements, id, ctx.t('kind.requirement'), 'req');
}

export async function reqList(ctx: Context, opts: ReqListOptions): Promise<Outcome> {
  const statuses = opts.status?.map((s) => choiceOption(ctx, '--status', s, REQUIREMENT_STATUSES)!);
  const urgencies = opts.urgency?.map((s) => choiceOption(ctx, '--urgency', s, URGENCIES)!);
  const read = readProject(ctx);
  const { project } = read;
  // The next workflow step as of the report date (followups.ts), the same as on the status screen.
  const view = projectAsOf(project, ctx.asOf);
  const cal = makeCalendar(project.manifest?.data.calendar);
  const sla = slaDays(project);
  const steps = new Map<string, WorkflowFact>();
  for (const r of view.requirements) {
    const f = workflowStep(r.data, cal, ctx.asOf, sla);
    if (f) steps.set(r.data.id, f);
  }
  const rows = project.requirements
    .map((r) => r.data)
    .filter(
      (r) =>
        (!statuses || statuses.includes(r.status)) && (!urgencies || urgencies.includes(r.urgency)) && (!opts.waiting || steps.has(r.id)),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (ctx.json) {
    printJson(ctx, 'req.list', {
      as_of: ctx.asOf,
      items: rows.map((r) => {
        const f = steps.get(r.id);
        return f ? { ...r, next_step: { step: f.step, ...(f.due ? { due: f.due } : {}), overdue: f.overdue } } : r;
      }),
    });
    return readOutcome(read);
  }
  const t = ctx.t;
  const next = (r: Requirement) => {
    const f = steps.get(r.id);
    if (!f) return '';
    if (!ctx.stdoutIsTTY) return [f.step, f.due, f.overdue ? 'overdue' : undefined].filter(Boolean).join(' ');
    const step = t(`wf.step.${f.step}`);
    return f.overdue ? t('wf.overdue', { step, date: f.due! }) : f.due ? t('wf.due', { step, date: f.due }) : t('wf.pending', { step });
  };
  printTable(
    ctx,
    [
      { header: t('req.col.id'), value: (r: Requirement) => r.id },
      { header: t('req.col.title'), value: (r) => r.title },
      { header: t('req.col.customer'), value: (r) => r.customer },
      {
        header: t('req.col.urgency'),
        value: (r) => (ctx.stdoutIsTTY ? t(`urgency.${r.urgency}`) : r.urgency),
        style: (s, r, c) => (r.urgency === 'high' ? c.red(s) : s),
      },
      { header: t('req.col.status'), value: (r) => (ctx.stdoutIsTTY ? t(`status.${r.status}`) : r.status) },
      { header: t('req.col.received'), value: (r) => r.received },
      { header: t('req.col.due'), value: (r) => r.due },
      { header: t('req.col.receiver'), value: (r) => r.receiver },
      { header: t('req.col.next'), importance: 2, value: (r) => next(r), style: (s, r, c) => (steps.get(r.id)?.overdue ? c.red(s) : s) },
    ],
    rows,
  );
  return readOutcome(read);
}

export async function reqShow(ctx: Context, id: string): Promise<Outcome> {
  const loaded = readProject(ctx);
  // The project as it stood on the report date (steps recorded later are not known yet).
  const project = projectAsOf(loaded.project, ctx.asOf);
  const req = findRecord(ctx, loaded, project.requirements, id, ctx.t('kind.requirement'), 'req');
  const tasks = project.tasks.filter((t) => t.data.requirement === id).map((t) => t.data);
  const changes = project.changes.filter((c) => c.data.requirements?.includes(id)).map((c) => c.data);
  const acceptance = project.acceptance.filter((a) => a.data.requirements.includes(id)).map((a) => a.data);
  if (ctx.json) {
    printJson(ctx, 'req.show', { requirement: req.data, file: req.file, tasks, changes, acceptance });
    return readOutcome(loaded);
  }
  const t = ctx.t;
  const d = req.data;
  const line = (label: string, v: unknown) => v !== undefined && println(ctx, `${label}: ${safeText(v)}`);
  println(ctx, ctx.chalk().bold(`${safeText(d.id)}  ${safeText(d.title)}`));
  line(t('req.col.customer'), `${d.customer} / ${d.contact}`);
  line(t('req.col.status'), t(`status.${d.status}`));
  line(t('req.col.urgency'), t(`urgency.${d.urgency}`));
  line(t('req.col.received'), `${d.received} (${d.receiver})`);
  line(t('req.col.due'), d.due);
  if (d.contact_phone || d.contact_email) line(t('wf.contact'), [d.contact_phone, d.contact_email].filter(Boolean).join(' · '));
  if (d.description) println(ctx, safeBlock(d.description));
  if (d.attachments?.length) line(t('wf.attachments'), d.attachments.join(', '));
  if (d.analysis) line(t('req.show.analysis'), `${d.analysis.date} ${d.analysis.analyst}${d.analysis.goal ? ' — ' + d.analysis.goal : ''}`);
  if (d.feasibility)
    line(t('req.show.feasibility'), `${d.feasibility.date} ${d.feasibility.assessor}: ${d.feasibility.feasible ? '✓' : '✗'}`);
  if (d.plan)
    line(
      t('wf.plan'),
      `${d.plan.date} ${d.plan.by}${d.plan.target ? ' → ' + d.plan.target : ''}${d.plan.scope ? ' — ' + d.plan.scope : ''}`,
    );
  if (d.confirmation)
    line(
      t('req.show.confirmation'),
      `${d.confirmation.date} ${d.confirmation.by} (${d.confirmation.method})${d.confirmation.evidence ? ' ' + d.confirmation.evidence : ''}`,
    );
  for (const [i, e] of (d.escalations ?? []).entries())
    line(
      `${t('wf.escalation')} ${i + 1}`,
      `${e.date} → ${e.to}: ${e.reason}${e.outcome ? ` — ${e.outcome_date ?? ''} ${e.outcome}` : ` (${t('wf.escalationOpen')})`}`,
    );
  const list = (label: string, items: string[]) => {
    println(ctx, `${label}:`);
    if (items.length === 0) println(ctx, `  ${t('common.none')}`);
    for (const s of items) println(ctx, `  ${s}`);
  };
  list(
    t('req.show.tasks'),
    tasks.map((x) => `${safeText(x.id)}  ${safeText(x.name)}  [${t(`task.status.${x.status}`)}]${x.owner ? '  ' + safeText(x.owner) : ''}`),
  );
  list(
    t('req.show.changes'),
    changes.map((x) => `${safeText(x.id)}  ${safeText(x.title)}  [${t(`change.status.${x.status}`)}]`),
  );
  list(
    t('req.show.acceptance'),
    acceptance.map(
      (x) =>
        `${safeText(x.id)}  ${safeText(x.deliverable)}  ${(x.rounds ?? []).map((r) => `${r.date}:${t(`accept.result.${r.result}`)}`).join(' ') || '—'}`,
    ),
  );
  list(
    t('req.show.history'),
    (d.history ?? []).map(
      (h) =>
        `${h.date}  ${h.from ? t(`status.${h.from}`) + ' → ' : ''}${t(`status.${h.to}`)}${h.by ? '  ' + safeText(h.by) : ''}${h.note ? '  ' + safeText(h.note) : ''}`,
    ),
  );
  return readOutcome(loaded);
}

export async function reqMove(ctx: Context, id: string, to: string, opts: ReqMoveOptions): Promise<Outcome> {
  const status = choiceOption(ctx, '<status>', to, REQUIREMENT_STATUSES)!;
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const by = textOption(opts.by);
  const note = textOption(opts.note);
  const from = changeProject(ctx, (p, loaded) => {
    const req = findRequirement(ctx, loaded, id);
    const from: RequirementStatus = req.data.status;
    const resume = heldFrom(req.data);
    if (!canMove(from, status, resume)) {
      const allowed = allowedMoves(from, resume);
      if (allowed.length === 0) throw new RefusedError(ctx.t('req.terminal', { id, status: ctx.t(`status.${from}`) }));
      throw new RefusedError(
        ctx.t('req.illegalMove', { id, from, to: status }),
        ctx.t('req.illegalMoveHint', { from, allowed: allowed.join(', ') }),
      );
    }
    if (status === 'accepted' && !passedRequirementIds(p).has(id))
      throw new RefusedError(ctx.t('req.needsPass', { id }), ctx.t('req.needsPassHint'));
    const entry = { date, from, to: status, ...(by ? { by } : {}), ...(note ? { note } : {}) };
    return {
      changes: [
        {
          kind: 'requirement',
          rel: req.file,
          edits: [
            { op: 'set', path: ['status'], value: status },
            { op: 'append', path: ['history'], value: entry },
          ],
        },
      ],
      result: from,
    };
  });
  if (ctx.json) printJson(ctx, 'req.move', { id, from, to: status, date });
  else println(ctx, ctx.t('req.moved', { id, from, to: status }));
  return WROTE;
}
