// Follow-up visits (回访): one file each in visits/.
import type { Visit } from '../model.js';
import { listCell, type KindSpec } from './spec.js';

export const visitKind = {
  collection: 'visits',
  storage: { folder: 'visits' },
  schema: 'visit',
  id: { prefix: 'V-', pattern: /^V-\d{3,6}$/, def: 'visitId', form: 'V-NNN' },
  title: (v) => v.contact ?? 'visit',
  refs: [{ path: 'tickets[]' }],
  born: (v) => v.date,
  columns: [
    { key: 'id', value: (v) => v.id },
    { key: 'date', value: (v) => v.date },
    { key: 'contact', value: (v) => v.contact },
    { key: 'visited_by', value: (v) => v.by },
    { key: 'channel', value: (v) => v.channel },
    { key: 'plan_step', value: (v) => v.plan },
    { key: 'raised', value: (v) => v.raised },
    { key: 'satisfaction', value: (v) => v.satisfaction },
    { key: 'tickets', value: (v) => listCell(v.tickets) },
  ],
  diff: 'generic',
} as const satisfies KindSpec<Visit, 'visits'>;
