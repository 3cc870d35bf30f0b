// `deliver ticket add|list|show|respond|update|resolve|close`: after-sales tickets (tickets/TK-NNN-*.yaml)
// with their response and resolution clocks (deliver.yaml service_levels) and the warranty.
import type { Context } from '../../cli/context.js';
import { romanize } from '../../store/romanize.js';
import type { LoadedProject } from '../../store/load.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type {
  TicketAddOptions,
  TicketCloseOptions,
  TicketListOptions,
  TicketResolveOptions,
  TicketRespondOptions,
  TicketUpdateOptions,
} from './command.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { choiceOption, dateOption, textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { findRecord, readProject } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import type { IsoDate } from '../../core/dates.js';
import { nextPrefixedId, recordPath } from '../../core/ids.js';
import type { Located, Project, Ticket } from '../../core/model.js';
import { projectAsOf } from '../../core/period.js';
import { makeCalendar } from '../../core/calendar.js';
import {
  serviceLevelsOf,
  SEVERITIES,
  TICKET_CHANNELS,
  TICKET_KINDS,
  ticketFact,
  warrantyOf,
  type ClockFact,
  type TicketFact,
} from '../../core/service.js';
import { safeBlock, safeText } from '../../render/sanitize.js';
import type { Edit } from '../../store/yaml-edit.js';

function timeOption(ctx: Context, value: unknown): string | undefined {
  const s = textOption(value);
  if (s === undefined) return undefined;
  if (!/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(s)) throw new UsageError(ctx.t('ticket.badTime', { value: s }));
  return s;
}

function findTicket(ctx: Context, loaded: LoadedProject, id: string): Located<Ticket> {
  return findRecord(ctx, loaded, loaded.project.tickets, id, ctx.t('kind.ticket'), 'ticket');
}

function checkRef(
  ctx: Context,
  p: Project,
  id: string | undefined,
  list: readonly Located<{ id: string }>[],
  kind: string,
  command: string,
): void {
  if (id && !list.some((r) => r.data.id === id) && !p.brokenIds.has(id)) {
    throw new UsageError(ctx.t('err.unknownId', { kind, id }), ctx.t('err.unknownIdHint', { command }));
  }
}

export async function ticketAdd(ctx: Context, opts: TicketAddOptions): Promise<Outcome> {
  const title = textOption(opts.title);
  if (!title)
    throw new UsageError(ctx.t('err.missingOption', { option: '--title' }), ctx.t('err.missingOptionHint', { option: '--title' }));
  const kind = choiceOption(ctx, '--kind', opts.kind, TICKET_KINDS) ?? 'support';
  const severity = choiceOption(ctx, '--severity', opts.severity, SEVERITIES) ?? 'medium';
  const channel = choiceOption(ctx, '--channel', opts.channel, TICKET_CHANNELS);
  const opened = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const time = timeOption(ctx, opts.time);
  const contact = textOption(opts.contact),
    owner = textOption(opts.owner),
    description = textOption(opts.description);
  const requirement = textOption(opts.req),
    acceptance = textOption(opts.accept);
  const id = changeProject(ctx, (p) => {
    checkRef(ctx, p, requirement, p.requirements, ctx.t('kind.requirement'), 'req');
    checkRef(ctx, p, acceptance, p.acceptance, ctx.t('exp.h.acceptance'), 'accept');
    const id = nextPrefixedId('TK-', [...p.tickets.map((t) => t.data.id), ...p.brokenIds]);
    const record: Record<string, unknown> = {
      id,
      title,
      kind,
      severity,
      ...(channel ? { channel } : {}),
      ...(contact ? { contact } : {}),
      ...(owner ? { owner } : {}),
      opened,
      ...(time ? { opened_time: time } : {}),
      ...(description ? { description } : {}),
      ...(requirement ? { requirement } : {}),
      ...(acceptance ? { acceptance } : {}),
    };
    return { changes: [{ kind: 'ticket', rel: recordPath('ticket', record, romanize), create: record }], result: id };
  });
  if (ctx.json) printJson(ctx, 'ticket.add', { id });
  else println(ctx, id);
  return WROTE;
}

/** The facts of each ticket on the report date: its state, clocks and warranty. */
function factsOf(project: Project, asOf: IsoDate): { facts: Map<string, TicketFact>; view: Project } {
  const view = projectAsOf(project, asOf);
  const cal = makeCalendar(view.manifest?.data.calendar);
  const sl = serviceLevelsOf(view.manifest?.data);
  const w = warrantyOf(view, asOf);
  return { facts: new Map(view.tickets.map((t) => [t.data.id, ticketFact(t.data, sl, cal, asOf, w)])), view };
}

function clockText(ctx: Context, c: ClockFact): string {
  const t = ctx.t;
  const took = c.elapsed === null ? '?' : String(c.elapsed);
  const unit = t(`ticket.unit.${c.unit}`, { n: took });
  const limit = t(`ticket.unit.${c.unit}`, { n: c.limit });
  if (c.done) return c.met === false ? t('ticket.clock.late', { took: unit, limit }) : t('ticket.clock.inTime', { took: unit, limit });
  const due = c.due ? `${c.due}${c.due_time ? ' ' + c.due_time : ''}` : '?';
  return c.overdue ? t('ticket.clock.overdue', { due, limit }) : t('ticket.clock.running', { due, limit });
}

const warrantyText = (ctx: Context, w: boolean | null) => (w === null ? '' : ctx.t(w ? 'ticket.warranty.in' : 'ticket.warranty.out'));

export async function ticketList(ctx: Context, opts: TicketListOptions): Promise<Outcome> {
  const read = readProject(ctx);
  const { project } = read;
  const kind = choiceOption(ctx, '--kind', opts.kind, TICKET_KINDS);
  const { facts } = factsOf(project, ctx.asOf);
  const rows = [...facts.values()]
    .filter((f) => (opts.all || f.state !== 'closed') && (!kind || f.kind === kind))
    .sort((a, b) => (a.opened < b.opened ? -1 : a.opened > b.opened ? 1 : a.id < b.id ? -1 : 1));
  if (ctx.json) {
    printJson(ctx, 'ticket.list', { as_of: ctx.asOf, items: rows });
    return readOutcome(read);
  }
  const t = ctx.t;
  printTable(
    ctx,
    [
      { header: t('exp.h.id'), value: (f: TicketFact) => f.id },
      { header: t('exp.h.opened'), value: (f) => f.opened },
      { header: t('exp.h.ticket_kind'), value: (f) => t(`ticket.kind.${f.kind}`) },
      { header: t('exp.h.severity'), value: (f) => t(`ticket.severity.${f.severity}`) },
      { header: t('exp.h.title'), value: (f) => f.title },
      { header: t('exp.h.state'), value: (f) => t(`ticket.state.${f.state}`) },
      {
        header: t('ticket.col.response'),
        value: (f) => clockText(ctx, f.response),
        style: (s, f, c) => (f.response.met === false ? c.red(s) : s),
      },
      {
        header: t('ticket.col.resolution'),
        value: (f) => clockText(ctx, f.resolution),
        style: (s, f, c) => (f.resolution.met === false ? c.red(s) : s),
      },
      { header: t('ticket.col.warranty'), value: (f) => warrantyText(ctx, f.under_warranty) },
    ],
    rows,
  );
  return readOutcome(read);
}

export async function ticketShow(ctx: Context, id: string): Promise<Outcome> {
  const read = readProject(ctx);
  const { project } = read;
  const located = findTicket(ctx, read, id);
  const { facts, view } = factsOf(project, ctx.asOf);
  const fact = facts.get(id);
  // A ticket opened after the report date did not exist then: show the record, no clocks.
  const tk = view.tickets.find((x) => x.data.id === id)?.data ?? located.data;
  if (ctx.json) {
    printJson(ctx, 'ticket.show', { as_of: ctx.asOf, ticket: located.data, file: located.file, ...(fact ? { facts: fact } : {}) });
    return readOutcome(read);
  }
  const t = ctx.t;
  const c = ctx.chalk();
  const line = (label: string, v: unknown) => v !== undefined && v !== '' && println(ctx, `${label}: ${safeText(v)}`);
  println(ctx, c.bold(`${safeText(tk.id)}  ${safeText(tk.title)}`));
  line(
    t('exp.h.ticket_kind'),
    `${t(`ticket.kind.${tk.kind}`)} · ${t(`ticket.severity.${tk.severity}`)}${tk.channel ? ' · ' + t(`ticket.channel.${tk.channel}`) : ''}`,
  );
  line(t('exp.h.state'), t(`ticket.state.${fact?.state ?? 'open'}`));
  line(t('exp.h.opened'), `${tk.opened}${tk.opened_time ? ' ' + tk.opened_time : ''}`);
  line(t('exp.h.contact'), tk.contact);
  line(t('exp.h.owner'), tk.owner);
  line(t('exp.h.requirement'), tk.requirement);
  line(t('exp.h.acceptance'), tk.acceptance);
  if (fact) {
    line(t('ticket.col.response'), clockText(ctx, fact.response));
    line(t('ticket.col.resolution'), clockText(ctx, fact.resolution));
    line(t('ticket.col.warranty'), warrantyText(ctx, fact.under_warranty));
  }
  if (tk.description) println(ctx, safeBlock(tk.description));
  if (tk.response)
    line(
      t('ticket.show.responded'),
      `${tk.response.date}${tk.response.time ? ' ' + tk.response.time : ''}${tk.response.by ? ' · ' + tk.response.by : ''}${tk.response.text ? ' — ' + tk.response.text : ''}`,
    );
  for (const u of tk.updates ?? []) {
    line(
      t('ticket.show.update'),
      `${u.date}${u.by ? ' · ' + u.by : ''} — ${u.text}${u.expected ? ' · ' + t('ticket.show.expected', { date: u.expected }) : ''}`,
    );
  }
  if (tk.resolved)
    line(
      t('ticket.show.resolved'),
      `${tk.resolved.date}${tk.resolved.time ? ' ' + tk.resolved.time : ''}${tk.resolved.by ? ' · ' + tk.resolved.by : ''}${tk.resolved.text ? ' — ' + tk.resolved.text : ''}`,
    );
  if (tk.closed)
    line(
      t('ticket.show.closed'),
      `${tk.closed.date} · ${t('ticket.show.confirmedBy', { name: tk.closed.confirmed_by })}${tk.closed.text ? ' — ' + tk.closed.text : ''}`,
    );
  return readOutcome(read);
}

/** Refuses a step dated before the ticket was opened (or before the step it follows). */
function notBefore(ctx: Context, date: IsoDate, after: IsoDate | undefined, what: string): void {
  if (after !== undefined && date < after) throw new RefusedError(ctx.t('ticket.beforeDate', { date, what, after }));
}

export async function ticketRespond(ctx: Context, id: string, opts: TicketRespondOptions): Promise<Outcome> {
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const time = timeOption(ctx, opts.time);
  const by = textOption(opts.by),
    text = textOption(opts.text);
  changeProject(ctx, (p, loaded) => {
    const tk = findTicket(ctx, loaded, id);
    if (tk.data.response) throw new RefusedError(ctx.t('ticket.alreadyResponded', { id, date: tk.data.response.date }));
    if (tk.data.closed) throw new RefusedError(ctx.t('ticket.isClosed', { id }));
    notBefore(ctx, date, tk.data.opened, ctx.t('exp.h.opened'));
    const value = { date, ...(time ? { time } : {}), ...(by ? { by } : {}), ...(text ? { text } : {}) };
    return { changes: [{ kind: 'ticket', rel: tk.file, edits: [{ op: 'set', path: ['response'], value }] }], result: undefined };
  });
  if (ctx.json) printJson(ctx, 'ticket.respond', { id, date });
  else println(ctx, ctx.t('ticket.responded', { id, date }));
  return WROTE;
}

export async function ticketUpdate(ctx: Context, id: string, opts: TicketUpdateOptions): Promise<Outcome> {
  const text = textOption(opts.text);
  if (!text) throw new UsageError(ctx.t('err.missingOption', { option: '--text' }), ctx.t('err.missingOptionHint', { option: '--text' }));
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const expected = dateOption(ctx, '--expected', opts.expected);
  const by = textOption(opts.by);
  changeProject(ctx, (p, loaded) => {
    const tk = findTicket(ctx, loaded, id);
    if (tk.data.closed) throw new RefusedError(ctx.t('ticket.isClosed', { id }));
    notBefore(ctx, date, tk.data.opened, ctx.t('exp.h.opened'));
    if (expected) notBefore(ctx, expected, date, ctx.t('exp.h.date'));
    const value = { date, text, ...(expected ? { expected } : {}), ...(by ? { by } : {}) };
    // Telling the customer about progress is also an answer: the first update stands as the response.
    const edits: Edit[] = [{ op: 'append', path: ['updates'], value }];
    if (!tk.data.response) edits.push({ op: 'set', path: ['response'], value: { date, ...(by ? { by } : {}), text } });
    return { changes: [{ kind: 'ticket', rel: tk.file, edits }], result: undefined };
  });
  if (ctx.json) printJson(ctx, 'ticket.update', { id, date, ...(expected ? { expected } : {}) });
  else println(ctx, ctx.t('ticket.updated', { id, date }));
  return WROTE;
}

export async function ticketResolve(ctx: Context, id: string, opts: TicketResolveOptions): Promise<Outcome> {
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const time = timeOption(ctx, opts.time);
  const by = textOption(opts.by),
    text = textOption(opts.text);
  changeProject(ctx, (p, loaded) => {
    const tk = findTicket(ctx, loaded, id);
    if (tk.data.resolved) throw new RefusedError(ctx.t('ticket.alreadyResolved', { id, date: tk.data.resolved.date }));
    notBefore(ctx, date, tk.data.response?.date ?? tk.data.opened, ctx.t(tk.data.response ? 'ticket.show.responded' : 'exp.h.opened'));
    const value = { date, ...(time ? { time } : {}), ...(by ? { by } : {}), ...(text ? { text } : {}) };
    return { changes: [{ kind: 'ticket', rel: tk.file, edits: [{ op: 'set', path: ['resolved'], value }] }], result: undefined };
  });
  if (ctx.json) printJson(ctx, 'ticket.resolve', { id, date });
  else println(ctx, ctx.t('ticket.resolvedDone', { id, date }));
  return WROTE;
}

export async function ticketClose(ctx: Context, id: string, opts: TicketCloseOptions): Promise<Outcome> {
  const confirmedBy = textOption(opts.confirmedBy);
  if (!confirmedBy) throw new UsageError(ctx.t('err.missingOption', { option: '--confirmed-by' }), ctx.t('ticket.closeHint'));
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const text = textOption(opts.text);
  changeProject(ctx, (p, loaded) => {
    const tk = findTicket(ctx, loaded, id);
    if (tk.data.closed) throw new RefusedError(ctx.t('ticket.isClosed', { id }));
    if (!tk.data.resolved) throw new RefusedError(ctx.t('ticket.notResolved', { id }), ctx.t('ticket.notResolvedHint', { id }));
    notBefore(ctx, date, tk.data.resolved.date, ctx.t('ticket.show.resolved'));
    const value = { date, confirmed_by: confirmedBy, ...(text ? { text } : {}) };
    return { changes: [{ kind: 'ticket', rel: tk.file, edits: [{ op: 'set', path: ['closed'], value }] }], result: undefined };
  });
  if (ctx.json) printJson(ctx, 'ticket.close', { id, date, confirmed_by: confirmedBy });
  else println(ctx, ctx.t('ticket.closedDone', { id, name: safeText(confirmedBy) }));
  return WROTE;
}
