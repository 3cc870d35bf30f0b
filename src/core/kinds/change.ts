// Change slips (变更单): one file each in changes/.
import type { IsoDate } from '../dates.js';
import type { Change } from '../model.js';
import { after, listCell, type KindSpec } from './spec.js';

/** Approvals, a rejection or an application dated later are undone, and the status with them. */
function changeAsOf(c: Change, asOf: IsoDate): Change {
  const x: Change = { ...c };
  if (x.applied && after(x.applied.date, asOf)) {
    delete x.applied;
    if (x.status === 'applied') x.status = 'approved';
  }
  if (x.rejection && after(x.rejection.date, asOf)) {
    delete x.rejection;
    if (x.status === 'rejected') x.status = 'submitted';
  }
  if (x.approvals) {
    const ap = { ...x.approvals };
    if (ap.customer && after(ap.customer.date, asOf)) delete ap.customer;
    if (ap.internal && after(ap.internal.date, asOf)) delete ap.internal;
    x.approvals = ap;
    if (x.status === 'approved' && !(ap.customer && ap.internal)) x.status = 'submitted';
  }
  return x;
}

export const changeKind = {
  collection: 'changes',
  storage: { folder: 'changes' },
  schema: 'change',
  id: { prefix: 'CR-', pattern: /^CR-\d{3,6}$/, def: 'changeId', form: 'CR-NNN' },
  title: (c) => c.title,
  refs: [{ path: 'requirements[]' }, { path: 'tasks[]' }, { path: 'applied.moves[].id', remembers: true }],
  born: (c) => c.submitted,
  asOf: changeAsOf,
  facts: ['approvals.customer.date', 'approvals.internal.date', 'rejection.date', 'applied.date'],
  columns: [
    { key: 'id', value: (c) => c.id },
    { key: 'title', value: (c) => c.title },
    { key: 'status', value: (c) => c.status },
    { key: 'submitted', value: (c) => c.submitted },
    { key: 'requested_by', value: (c) => c.requested_by },
    { key: 'requirements', value: (c) => listCell(c.requirements) },
    { key: 'tasks', value: (c) => listCell(c.tasks) },
    { key: 'schedule_days', value: (c) => c.schedule_days },
    { key: 'cost', value: (c) => (c.cost ? `${c.cost.amount} ${c.cost.currency}` : undefined) },
    {
      key: 'customer_approval',
      value: (c) => (c.approvals?.customer ? `${c.approvals.customer.date} ${c.approvals.customer.by}` : undefined),
    },
    {
      key: 'internal_approval',
      value: (c) => (c.approvals?.internal ? `${c.approvals.internal.date} ${c.approvals.internal.by}` : undefined),
    },
  ],
  diff: 'own',
} as const satisfies KindSpec<Change, 'changes'>;
