// Satisfaction surveys (满意度调查): one file each in surveys/.
import type { Survey } from '../model.js';
import type { KindSpec } from './spec.js';

export const surveyKind = {
  collection: 'surveys',
  storage: { folder: 'surveys' },
  schema: 'survey',
  id: { prefix: 'S-', pattern: /^S-\d{3,6}$/, def: 'surveyId', form: 'S-NNN' },
  title: (s) => s.respondent ?? 'survey',
  refs: [{ path: 'requirement' }, { path: 'acceptance' }],
  born: (s) => s.date,
  columns: [
    { key: 'id', value: (s) => s.id },
    { key: 'date', value: (s) => s.date },
    { key: 'audience', value: (s) => s.audience ?? 'customer' },
    { key: 'score', value: (s) => s.score },
    { key: 'quality', value: (s) => s.dimensions?.quality },
    { key: 'timeliness', value: (s) => s.dimensions?.timeliness },
    { key: 'after_sales', value: (s) => s.dimensions?.after_sales },
    { key: 'respondent', value: (s) => s.respondent },
    { key: 'requirement', value: (s) => s.requirement },
    { key: 'acceptance', value: (s) => s.acceptance },
    { key: 'comment', value: (s) => s.comment },
  ],
  diff: 'generic',
} as const satisfies KindSpec<Survey, 'surveys'>;
