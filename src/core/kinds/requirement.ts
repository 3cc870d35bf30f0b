// Requirements (需求): one file each in requirements/, numbered by intake month (YYYYMM-NNN).
import type { IsoDate } from '../dates.js';
import type { Requirement } from '../model.js';
import type { KindSpec } from './spec.js';

const after = (d: string | undefined, asOf: IsoDate) => d !== undefined && d > asOf;

/** Analysis, assessment, confirmation, archiving and status moves dated later are undone. */
function requirementAsOf(r: Requirement, asOf: IsoDate): Requirement {
  const x: Requirement = { ...r };
  if (x.analysis && after(x.analysis.date, asOf)) delete x.analysis;
  if (x.feasibility && after(x.feasibility.date, asOf)) delete x.feasibility;
  if (x.confirmation && after(x.confirmation.date, asOf)) delete x.confirmation;
  if (after(x.archived, asOf)) delete x.archived;
  if (x.history?.some((h) => h.date > asOf)) {
    x.history = x.history.filter((h) => h.date <= asOf);
    x.status = x.history[x.history.length - 1]?.to ?? 'received';
  }
  return x;
}

export const requirementKind = {
  collection: 'requirements',
  storage: { folder: 'requirements' },
  schema: 'requirement',
  id: { prefix: null, pattern: /^\d{4}(?:0[1-9]|1[0-2])-\d{3,5}$/, def: 'requirementId', form: 'YYYYMM-NNN' },
  title: (r) => r.title,
  refs: [],
  born: (r) => r.received,
  asOf: requirementAsOf,
  columns: [
    { key: 'id', value: (r) => r.id },
    { key: 'title', value: (r) => r.title },
    { key: 'customer', value: (r) => r.customer },
    { key: 'contact', value: (r) => r.contact },
    { key: 'channel', value: (r) => r.channel },
    { key: 'urgency', value: (r) => r.urgency },
    { key: 'received', value: (r) => r.received },
    { key: 'due', value: (r) => r.due },
    { key: 'receiver', value: (r) => r.receiver },
    { key: 'status', value: (r) => r.status },
    { key: 'analysis_date', value: (r) => r.analysis?.date },
    { key: 'feasibility_date', value: (r) => r.feasibility?.date },
    { key: 'feasible', value: (r) => r.feasibility?.feasible },
    { key: 'confirmed', value: (r) => r.confirmation?.date },
  ],
  diff: 'own',
} as const satisfies KindSpec<Requirement, 'requirements'>;
