// Reports sent to the customer (报告发送记录): one file each in sent-reports/, checked against the
// communication plan of deliver.yaml.
import type { Dispatch } from '../model.js';
import { listCell, type KindSpec } from './spec.js';

export const dispatchKind = {
  collection: 'dispatches',
  storage: { folder: 'sent-reports' },
  schema: 'dispatch',
  id: { prefix: 'RS-', pattern: /^RS-\d{3,6}$/, def: 'dispatchId', form: 'RS-NNN' },
  title: (d) => `${d.type}${d.period ? `-${d.period}` : ''}`,
  refs: [],
  born: (d) => d.date,
  columns: [
    { key: 'id', value: (d) => d.id },
    { key: 'date', value: (d) => d.date },
    { key: 'report_type', value: (d) => d.type },
    { key: 'period', value: (d) => d.period },
    { key: 'promise', value: (d) => d.promise },
    { key: 'sent_to', value: (d) => listCell(d.to) },
    { key: 'file', value: (d) => d.file },
  ],
  diff: 'generic',
} as const satisfies KindSpec<Dispatch, 'dispatches'>;
