// Records as spreadsheet tables, and CSV that Excel and WPS open correctly: UTF-8 with a byte-order
// mark, CRLF line ends, RFC 4180 quoting, and text cells that would start a formula (= + - @, and tab
// or CR) prefixed with a single quote so a spreadsheet never evaluates record text.
import { acceptanceState, latestRound } from '../core/acceptance.js';
import type { IsoDate } from '../core/dates.js';
import type { Project } from '../core/model.js';
import { overdueActions, riskScore } from '../core/risk.js';
import type { Schedule } from '../core/schedule.js';
import type { Translate } from './i18n.js';
import { sanitize } from './sanitize.js';

export type Cell = string | number | boolean | undefined | null;
export interface Sheet { headers: string[]; rows: Cell[][] }
export type SheetKind = 'requirements' | 'tasks' | 'milestones' | 'risks' | 'changes' | 'acceptance' | 'surveys';

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

const list = (xs: readonly string[] | undefined) => (xs?.length ? xs.join(' ') : undefined);

/** The columns of each kind of record (headers in the user's language, values as stored: ISO dates, codes). */
export function sheetOf(kind: SheetKind, p: Project, sched: Schedule, asOf: IsoDate, t: Translate): Sheet {
  const h = (keys: string[]) => keys.map((k) => t(`exp.h.${k}`));
  switch (kind) {
    case 'requirements':
      return {
        headers: h(['id', 'title', 'customer', 'contact', 'channel', 'urgency', 'received', 'due', 'receiver', 'status', 'analysis_date', 'feasibility_date', 'feasible', 'confirmed']),
        rows: p.requirements.map(({ data: r }) => [r.id, r.title, r.customer, r.contact, r.channel, r.urgency, r.received, r.due, r.receiver, r.status,
          r.analysis?.date, r.feasibility?.date, r.feasibility?.feasible, r.confirmation?.date]),
      };
    case 'tasks':
      return {
        headers: h(['id', 'name', 'owner', 'status', 'start', 'end', 'days', 'actual_start', 'actual_end', 'depends_on', 'milestone', 'requirement', 'deliverable', 'late', 'float', 'critical']),
        rows: p.tasks.map(({ data: x }) => {
          const it = sched.items.get(x.id);
          return [x.id, x.name, x.owner, x.status, it?.start ?? x.start, it?.end ?? x.end, it?.days ?? x.days, x.actual_start, x.actual_end,
            list(x.depends_on), x.milestone, x.requirement, x.deliverable, it?.lateBy, it?.totalFloat, it?.critical];
        }),
      };
    case 'milestones':
      return {
        headers: h(['id', 'name', 'due', 'forecast', 'done', 'depends_on', 'late', 'critical', 'notes']),
        rows: p.milestones.map(({ data: m }) => {
          const it = sched.items.get(m.id);
          return [m.id, m.name, m.due, it?.end, m.done, list(m.depends_on), it?.lateBy, it?.critical, m.notes];
        }),
      };
    case 'risks':
      return {
        headers: h(['id', 'title', 'category', 'probability', 'impact', 'score', 'response', 'owner', 'identified', 'status', 'actions', 'overdue_actions']),
        rows: p.risks.map(({ data: r }) => [r.id, r.title, r.category, r.probability, r.impact, riskScore(r), r.response, r.owner, r.identified, r.status,
          (r.actions ?? []).map((a, i) => `${i + 1}. ${a.text}${a.due ? ` (${a.due})` : ''}${a.done ? ` ✓${a.done}` : ''}${a.waived !== undefined ? ' ✗' : ''}`).join('\n') || undefined,
          list(overdueActions(r, asOf).map(String))]),
      };
    case 'changes':
      return {
        headers: h(['id', 'title', 'status', 'submitted', 'requested_by', 'requirements', 'tasks', 'schedule_days', 'cost', 'customer_approval', 'internal_approval']),
        rows: p.changes.map(({ data: c }) => [c.id, c.title, c.status, c.submitted, c.requested_by, list(c.requirements), list(c.tasks), c.schedule_days,
          c.cost ? `${c.cost.amount} ${c.cost.currency}` : undefined,
          c.approvals?.customer ? `${c.approvals.customer.date} ${c.approvals.customer.by}` : undefined,
          c.approvals?.internal ? `${c.approvals.internal.date} ${c.approvals.internal.by}` : undefined]),
      };
    case 'acceptance':
      return {
        headers: h(['id', 'deliverable', 'requirements', 'delivered', 'agreed', 'rounds', 'last_round', 'result', 'state']),
        rows: p.acceptance.map(({ data: a }) => {
          const last = latestRound(a);
          return [a.id, a.deliverable, list(a.requirements), a.delivered, a.agreed, a.rounds?.length ?? 0, last?.date, last?.result, acceptanceState(a, asOf)];
        }),
      };
    case 'surveys':
      return {
        headers: h(['id', 'date', 'score', 'quality', 'timeliness', 'after_sales', 'respondent', 'requirement', 'acceptance', 'comment']),
        rows: p.surveys.map(({ data: s }) => [s.id, s.date, s.score, s.dimensions?.quality, s.dimensions?.timeliness, s.dimensions?.after_sales, s.respondent, s.requirement, s.acceptance, s.comment]),
      };
  }
}
