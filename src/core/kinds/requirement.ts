// Requirements (需求): one file each in requirements/, numbered by intake month (YYYYMM-NNN).
import type { IsoDate } from '../dates.js';
import type { Requirement } from '../model.js';
import { after, listCell, type KindSpec } from './spec.js';

/** Analysis, assessment, plan, confirmation, escalations, archiving and status moves dated later are undone. */
function requirementAsOf(r: Requirement, asOf: IsoDate): Requirement {
  const x: Requirement = { ...r };
  if (x.analysis && after(x.analysis.date, asOf)) delete x.analysis;
  if (x.feasibility && after(x.feasibility.date, asOf)) delete x.feasibility;
  if (x.confirmation && after(x.confirmation.date, asOf)) delete x.confirmation;
  if (x.plan && after(x.plan.date, asOf)) delete x.plan;
  if (x.escalations?.some((e) => after(e.date, asOf) || after(e.outcome_date, asOf))) {
    x.escalations = x.escalations
      .filter((e) => !after(e.date, asOf))
      .map((e) => (after(e.outcome_date, asOf) ? (({ outcome: _o, outcome_date: _d, ...rest }) => rest)(e) : e));
    if (x.escalations.length === 0) delete x.escalations;
  }
  if (after(x.archived, asOf)) {
    delete x.archived;
    delete x.archive;
  }
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
  facts: ['analysis.date', 'feasibility.date', 'confirmation.date', 'escalations[].date', 'history[].date'],
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
    { key: 'plan_target', value: (r) => r.plan?.target },
    { key: 'confirmation_method', value: (r) => r.confirmation?.method },
    { key: 'open_escalations', value: (r) => (r.escalations ?? []).filter((e) => e.outcome === undefined).length || undefined },
    { key: 'attachments', value: (r) => listCell(r.attachments) },
    { key: 'contact_phone', value: (r) => r.contact_phone },
    { key: 'contact_email', value: (r) => r.contact_email },
    { key: 'archived', value: (r) => r.archived },
    { key: 'archive_number', value: (r) => r.archive?.number },
  ],
  diff: 'own',
} as const satisfies KindSpec<Requirement, 'requirements'>;
