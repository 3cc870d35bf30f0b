// Risks (风险): one file each in risks/.
import type { IsoDate } from '../dates.js';
import type { Risk } from '../model.js';
import { overdueActions, riskScore } from '../risk.js';
import { after, listCell, type KindSpec } from './spec.js';

/** Actions carried out or waived later are still planned; a risk closed later is still open. */
function riskAsOf(r: Risk, asOf: IsoDate): Risk {
  const x: Risk = { ...r };
  if (x.actions) {
    x.actions = x.actions.map((a) => (after(a.done, asOf) ? (({ done: _d, ...rest }) => rest)(a) : a));
    // A waiver dated later has not happened yet.
    x.actions = x.actions.map((a) => (after(a.waived_date, asOf) ? (({ waived: _w, waived_date: _wd, ...rest }) => rest)(a) : a));
  }
  if (x.closed && after(x.closed.date, asOf)) {
    delete x.closed;
    x.status = 'open';
  }
  return x;
}

export const riskKind = {
  collection: 'risks',
  storage: { folder: 'risks' },
  schema: 'risk',
  id: { prefix: 'R-', pattern: /^R-\d{3,6}$/, def: 'riskId', form: 'R-NNN' },
  title: (r) => r.title,
  refs: [],
  born: (r) => r.identified,
  asOf: riskAsOf,
  facts: ['actions[].done', 'actions[].waived_date', 'closed.date'],
  columns: [
    { key: 'id', value: (r) => r.id },
    { key: 'title', value: (r) => r.title },
    { key: 'category', value: (r) => r.category },
    { key: 'probability', value: (r) => r.probability },
    { key: 'impact', value: (r) => r.impact },
    { key: 'score', value: (r) => riskScore(r) },
    { key: 'response', value: (r) => r.response },
    { key: 'owner', value: (r) => r.owner },
    { key: 'identified', value: (r) => r.identified },
    { key: 'status', value: (r) => r.status },
    {
      key: 'actions',
      value: (r) =>
        (r.actions ?? [])
          .map(
            (a, i) => `${i + 1}. ${a.text}${a.due ? ` (${a.due})` : ''}${a.done ? ` ✓${a.done}` : ''}${a.waived !== undefined ? ' ✗' : ''}`,
          )
          .join('\n') || undefined,
    },
    { key: 'overdue_actions', value: (r, x) => listCell(overdueActions(r, x.asOf).map(String)) },
  ],
  diff: 'own',
} as const satisfies KindSpec<Risk, 'risks'>;
