// Mermaid `gantt` block of a computed schedule, with record text escaped so it cannot break the syntax.
import type { WorkCalendar } from '../core/calendar.js';
import { fromDay, toDay, weekdayOf, type IsoDate } from '../core/dates.js';
import type { Schedule, ScheduledItem } from '../core/schedule.js';
import { sanitizeInline } from './sanitize.js';

export interface MermaidGanttOptions {
  lang: 'en' | 'zh-CN';
  asOf: IsoDate;
  from?: IsoDate;
  to?: IsoDate;
  title?: string;
  /** Lists the project's non-working weekdays (and worked weekend days) in the plotted window. */
  calendar?: WorkCalendar;
}

const TEXT = {
  en: { title: 'Plan', other: 'Tasks without a milestone', asOf: 'as of' },
  'zh-CN': { title: '计划', other: '未归入里程碑的任务', asOf: '截至' },
} as const;

// Mermaid's gantt lexer treats these words at the start of a line as statements, not task text.
const KEYWORDS =
  /^(?:gantt|title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|inclusiveenddates|topaxis|weekday|weekend|click|acctitle|accdescr|displaymode)\b/i;

/**
 * Free text for a task, section or title line. `:` separates text from data, `#` and `%%` start
 * comments, `;` ends a statement, `,` splits data: replace them with full-width look-alikes; control
 * characters and line breaks become spaces so a record can never add a line.
 */
export function mermaidText(s: string): string {
  // sanitizeInline shows control characters visibly (\x1b, \n) as in the terminal; the rest is Mermaid's syntax.
  const out = sanitizeInline(s)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g, ' ')
    .replace(/:/g, '：')
    .replace(/#/g, '＃')
    .replace(/;/g, '；')
    .replace(/%/g, '％')
    .replace(/,/g, '，')
    .replace(/[<>{}]/g, (c) => ({ '<': '‹', '>': '›', '{': '｛', '}': '｝' })[c]!)
    .replace(/\s+/g, ' ')
    .trim();
  if (out === '') return '-';
  return KEYWORDS.test(out) ? `· ${out}` : out;
}

/** A Mermaid task id: letters, digits, `_` and `-` only (it also appears inside the comma-separated data). */
export function mermaidId(id: string): string {
  const out = id.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(out) ? out : `_${out}`;
}

export function renderMermaidGantt(schedule: Schedule, opts: MermaidGanttOptions): string {
  const t = TEXT[opts.lang];
  const all = [...schedule.items.values()];
  // Loops, not Math.min(...spread): a plan may hold 100,000 items, beyond the engine's argument limit.
  const from = opts.from ? toDay(opts.from) : all.reduce((m, i) => Math.min(m, toDay(i.start)), Infinity);
  const to = opts.to ? toDay(opts.to) : all.reduce((m, i) => Math.max(m, toDay(i.end)), schedule.due ? toDay(schedule.due) : -Infinity);
  const visible = all.filter((i) => toDay(i.end) >= from && toDay(i.start) <= to);

  const lines = ['gantt', `    title ${mermaidText(opts.title ?? t.title)}`, '    dateFormat YYYY-MM-DD', '    axisFormat %m-%d'];
  lines.push(`    %% ${t.asOf} ${opts.asOf}`);
  const { excludes, includes } = calendarLines(opts.calendar, from, to);
  lines.push(`    excludes ${excludes.join(', ')}`);
  if (includes.length) lines.push(`    includes ${includes.join(', ')}`);

  // Sections by milestone, in milestone date order; tasks grouped by their `milestone` field.
  const byStart = (a: ScheduledItem, b: ScheduledItem) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  const milestones = visible.filter((i) => i.kind === 'milestone').sort(byStart);
  const msIds = new Set(milestones.map((m) => m.id));
  const tasks = visible.filter((i) => i.kind === 'task').sort(byStart);
  const others = tasks.filter((task) => task.milestone === undefined || !msIds.has(task.milestone));
  if (others.length) {
    lines.push(`    section ${mermaidText(t.other)}`);
    for (const task of others) lines.push(taskLine(task));
  }
  for (const m of milestones) {
    lines.push(`    section ${mermaidText(`${m.id} ${m.name}`)}`);
    for (const task of tasks) if (task.milestone === m.id) lines.push(taskLine(task));
    lines.push(taskLine(m));
  }
  return lines.join('\n') + '\n';
}

function taskLine(i: ScheduledItem): string {
  const tags: string[] = [];
  if (i.critical) tags.push('crit');
  if (i.finished) tags.push('done');
  else if (i.status === 'in_progress') tags.push('active');
  const text = mermaidText(`${i.id} ${i.name}`);
  if (i.kind === 'milestone') {
    tags.push('milestone');
    return `    ${text} :${[...tags, mermaidId(i.id), i.end, '0d'].join(', ')}`;
  }
  // Mermaid end dates are exclusive and, being explicit, are not stretched over excluded days.
  const endExclusive = fromDay(toDay(i.end) + 1);
  return `    ${text} :${[...tags, mermaidId(i.id), i.start, endExclusive].join(', ')}`;
}

/** `excludes weekends` plus non-working weekdays; worked weekend days (调休) go to `includes`. */
function calendarLines(cal: WorkCalendar | undefined, from: number, to: number): { excludes: string[]; includes: string[] } {
  const excludes = ['weekends'];
  const includes: string[] = [];
  if (!cal || !Number.isFinite(from) || !Number.isFinite(to)) return { excludes, includes };
  for (let d = from; d <= to; d++) {
    const weekend = weekdayOf(d) === 0 || weekdayOf(d) === 6;
    const working = cal.isWorkingDay(d);
    if (weekend && working) includes.push(fromDay(d));
    else if (!weekend && !working) excludes.push(fromDay(d));
  }
  return { excludes, includes };
}
