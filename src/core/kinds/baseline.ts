// Baselines (基线): frozen copies of the plan's dates in the `baselines:` list of plan.yaml. They
// have no id of their own; the ids they hold stay taken even when the task is removed later.
import type { Baseline } from '../model.js';
import type { KindSpec } from './spec.js';

export const baselineKind = {
  collection: 'baselines',
  storage: { planList: 'baselines' },
  schema: 'plan',
  title: (b) => b.name,
  holder: (b) => `baseline ${b.name}`,
  refs: [{ path: 'items[].id', field: 'items', checked: false, remembers: true }],
  born: (b) => b.taken,
  diff: 'own',
} as const satisfies KindSpec<Baseline, 'baselines'>;
