// Milestones (里程碑): the `milestones:` list of plan.yaml.
import type { IsoDate } from '../dates.js';
import type { Milestone } from '../model.js';
import { listCell, type KindSpec } from './spec.js';

/** A milestone reached after the report date is not reached yet. */
function milestoneAsOf(m: Milestone, asOf: IsoDate): Milestone {
  if (m.done === undefined || m.done <= asOf) return m;
  const { done: _done, ...rest } = m;
  return rest;
}

export const milestoneKind = {
  collection: 'milestones',
  storage: { planList: 'milestones' },
  schema: 'plan',
  id: { prefix: 'M-', pattern: /^M-\d{3,6}$/, def: 'milestoneId', form: 'M-NNN' },
  title: (m) => m.name,
  refs: [{ path: 'depends_on[]' }],
  asOf: milestoneAsOf,
  columns: [
    { key: 'id', value: (m) => m.id },
    { key: 'name', value: (m) => m.name },
    { key: 'due', value: (m) => m.due },
    { key: 'forecast', value: (m, x) => x.schedule.items.get(m.id)?.end },
    { key: 'done', value: (m) => m.done },
    { key: 'depends_on', value: (m) => listCell(m.depends_on) },
    { key: 'late', value: (m, x) => x.schedule.items.get(m.id)?.lateBy },
    { key: 'critical', value: (m, x) => x.schedule.items.get(m.id)?.critical },
    { key: 'notes', value: (m) => m.notes },
  ],
  diff: 'own',
} as const satisfies KindSpec<Milestone, 'milestones'>;
