// After-sales tickets (售后工单): one file each in tickets/, from the customer's report to their
// confirmation that it is settled.
import type { IsoDate } from '../dates.js';
import type { Ticket } from '../model.js';
import { after, type KindSpec } from './spec.js';

/** A response, update, resolution or closing dated later has not happened yet. */
function ticketAsOf(t: Ticket, asOf: IsoDate): Ticket {
  if (
    !after(t.response?.date, asOf) &&
    !t.updates?.some((u) => u.date > asOf) &&
    !after(t.resolved?.date, asOf) &&
    !after(t.closed?.date, asOf)
  )
    return t;
  const x: Ticket = { ...t };
  if (after(x.response?.date, asOf)) delete x.response;
  if (x.updates) x.updates = x.updates.filter((u) => u.date <= asOf);
  if (after(x.resolved?.date, asOf)) delete x.resolved;
  if (after(x.closed?.date, asOf)) delete x.closed;
  return x;
}

export const ticketKind = {
  collection: 'tickets',
  storage: { folder: 'tickets' },
  schema: 'ticket',
  id: { prefix: 'TK-', pattern: /^TK-\d{3,6}$/, def: 'ticketId', form: 'TK-NNN' },
  title: (t) => t.title,
  refs: [{ path: 'requirement' }, { path: 'acceptance' }],
  born: (t) => t.opened,
  asOf: ticketAsOf,
  columns: [
    { key: 'id', value: (t) => t.id },
    { key: 'title', value: (t) => t.title },
    { key: 'ticket_kind', value: (t) => t.kind },
    { key: 'severity', value: (t) => t.severity },
    { key: 'channel', value: (t) => t.channel },
    { key: 'contact', value: (t) => t.contact },
    { key: 'owner', value: (t) => t.owner },
    { key: 'opened', value: (t) => t.opened },
    { key: 'responded', value: (t) => t.response?.date },
    { key: 'expected', value: (t) => t.updates?.filter((u) => u.expected).at(-1)?.expected },
    { key: 'resolved', value: (t) => t.resolved?.date },
    { key: 'closed', value: (t) => t.closed?.date },
    { key: 'confirmed_by', value: (t) => t.closed?.confirmed_by },
    { key: 'requirement', value: (t) => t.requirement },
    { key: 'acceptance', value: (t) => t.acceptance },
  ],
  diff: 'generic',
} as const satisfies KindSpec<Ticket, 'tickets'>;
