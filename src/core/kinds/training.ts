// Training sessions (培训记录): one file each in training/.
import type { Training } from '../model.js';
import { listCell, type KindSpec } from './spec.js';

export const trainingKind = {
  collection: 'training',
  storage: { folder: 'training' },
  schema: 'training',
  id: { prefix: 'TR-', pattern: /^TR-\d{3,6}$/, def: 'trainingId', form: 'TR-NNN' },
  title: (r) => r.topic,
  refs: [{ path: 'task' }],
  born: (r) => r.date,
  columns: [
    { key: 'id', value: (r) => r.id },
    { key: 'date', value: (r) => r.date },
    { key: 'topic', value: (r) => r.topic },
    { key: 'audience', value: (r) => r.audience },
    { key: 'trainer', value: (r) => r.trainer },
    { key: 'method', value: (r) => r.method },
    { key: 'hours', value: (r) => r.hours },
    { key: 'invited', value: (r) => r.invited },
    { key: 'attended', value: (r) => r.attended ?? r.attendees?.length },
    { key: 'materials', value: (r) => (r.materials ?? []).join('\n') || undefined },
    { key: 'task', value: (r) => r.task },
    { key: 'attendees', value: (r) => listCell(r.attendees) },
  ],
  diff: 'generic',
} as const satisfies KindSpec<Training, 'training'>;
