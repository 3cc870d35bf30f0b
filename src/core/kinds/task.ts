// Tasks (任务): the `tasks:` list of plan.yaml.
import type { IsoDate } from '../dates.js';
import type { Task } from '../model.js';
import { after, listCell, type KindSpec } from './spec.js';

/** A start or finish dated later is undone: the task is still open on the report date. */
function taskAsOf(t: Task, asOf: IsoDate): Task {
  if (!after(t.actual_start, asOf) && !(t.status === 'done' && after(t.actual_end, asOf))) return t;
  const x: Task = { ...t };
  if (after(x.actual_start, asOf)) delete x.actual_start;
  if (x.status === 'done' && after(x.actual_end, asOf)) {
    delete x.actual_end;
    x.status = x.actual_start !== undefined ? 'in_progress' : 'todo';
  }
  return x;
}

export const taskKind = {
  collection: 'tasks',
  storage: { planList: 'tasks' },
  schema: 'plan',
  id: { prefix: 'T-', pattern: /^T-\d{3,6}$/, def: 'taskId', form: 'T-NNN' },
  title: (t) => t.name,
  refs: [{ path: 'depends_on[]' }, { path: 'milestone' }, { path: 'requirement' }],
  asOf: taskAsOf,
  columns: [
    { key: 'id', value: (t) => t.id },
    { key: 'name', value: (t) => t.name },
    { key: 'owner', value: (t) => t.owner },
    { key: 'status', value: (t) => t.status },
    { key: 'start', value: (t, x) => x.schedule.items.get(t.id)?.start ?? t.start },
    { key: 'end', value: (t, x) => x.schedule.items.get(t.id)?.end ?? t.end },
    { key: 'days', value: (t, x) => x.schedule.items.get(t.id)?.days ?? t.days },
    { key: 'actual_start', value: (t) => t.actual_start },
    { key: 'actual_end', value: (t) => t.actual_end },
    { key: 'depends_on', value: (t) => listCell(t.depends_on) },
    { key: 'milestone', value: (t) => t.milestone },
    { key: 'requirement', value: (t) => t.requirement },
    { key: 'deliverable', value: (t) => t.deliverable },
    { key: 'late', value: (t, x) => x.schedule.items.get(t.id)?.lateBy },
    { key: 'float', value: (t, x) => x.schedule.items.get(t.id)?.totalFloat },
    { key: 'critical', value: (t, x) => x.schedule.items.get(t.id)?.critical },
  ],
  diff: 'own',
} as const satisfies KindSpec<Task, 'tasks'>;
