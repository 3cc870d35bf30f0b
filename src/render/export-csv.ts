// Records as spreadsheet tables, and CSV that Excel and WPS open correctly: UTF-8 with a byte-order
// mark, CRLF line ends, RFC 4180 quoting, and text cells that would start a formula (= + - @, and tab
// or CR) prefixed with a single quote so a spreadsheet never evaluates record text.
import type { IsoDate } from '../core/dates.js';
import { EXPORTED_KINDS, kindSpec, type Cell, type Column, type SheetKind } from '../core/kinds/index.js';
import { recordsOf, type Project } from '../core/model.js';
import type { Schedule } from '../core/schedule.js';
import type { Translate } from './i18n.js';
import { sanitize } from './sanitize.js';

export type { Cell, SheetKind };
export interface Sheet {
  headers: string[];
  rows: Cell[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: numbers and booleans as they are, text neutralised against formulas, then quoted. */
export function csvField(v: Cell): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  let s = sanitize(v); // control and escape characters shown visibly, tab and newline kept
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(sheet: Sheet): string {
  const lines = [sheet.headers, ...sheet.rows].map((row) => row.map(csvField).join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** The columns of each kind of record, from the kind registry (headers in the user's language, values as stored: ISO dates, codes). */
export function sheetOf(kind: SheetKind, p: Project, sched: Schedule, asOf: IsoDate, t: Translate): Sheet {
  const name = EXPORTED_KINDS.find((k) => kindSpec(k).collection === kind)!;
  const columns = kindSpec(name).columns as readonly Column<unknown>[];
  const x = { schedule: sched, asOf };
  // A code column (as stored, for formulas and scripts) is followed by its label in the user's language.
  const labelled = (c: Column<unknown>) => LABELS[`${name}.${c.key}`];
  return {
    headers: columns.flatMap((c) =>
      labelled(c) ? [t(`exp.h.${c.key}`), t('exp.label', { header: t(`exp.h.${c.key}`) })] : [t(`exp.h.${c.key}`)],
    ),
    rows: (recordsOf(p, name) as { data: unknown }[]).map(({ data }) =>
      columns.flatMap((c) => {
        const v = c.value(data, x);
        const prefix = labelled(c);
        return prefix ? [v, typeof v === 'string' && v ? t(`${prefix}${v}`) : v] : [v];
      }),
    ),
  };
}

/** Columns holding a code, and the message prefix of their labels. */
const LABELS: Record<string, string> = {
  'requirement.status': 'status.',
  'requirement.urgency': 'urgency.',
  'task.status': 'task.status.',
  'risk.category': 'risk.category.',
  'risk.response': 'risk.response.',
  'risk.status': 'risk.status.',
  'change.status': 'change.status.',
  'acceptance.result': 'accept.result.',
  'acceptance.state': 'accept.state.',
  'survey.audience': 'survey.audience.',
  'meeting.meeting_kind': 'meeting.kind.',
};
