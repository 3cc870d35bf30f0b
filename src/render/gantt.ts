// Text Gantt chart of a computed schedule: pure (string in, string out), fits a width, readable without colour.
import { Chalk, type ChalkInstance } from 'chalk';
import { displayWidth as stringWidth, isPrintableAscii } from './width.js';
import type { WorkCalendar } from '../core/calendar.js';
import { fromDay, toDay, weekdayOf, type IsoDate } from '../core/dates.js';
import { compareByStart, type Schedule, type ScheduledItem } from '../core/schedule.js';
import { sanitizeInline } from './sanitize.js';

export type GanttLang = 'en' | 'zh-CN';

export interface GanttOptions {
  /** Total columns available (display width). */
  width: number;
  lang: GanttLang;
  asOf: IsoDate;
  /** Plotted window; default the span of the schedule (and its due date). */
  from?: IsoDate;
  to?: IsoDate;
  /** auto: one column per day when the window fits, else weeks. */
  scale?: 'day' | 'week' | 'auto';
  /** Colour on/off (default off). deliver decides, never chalk's own detection. */
  color?: boolean;
  /** A chalk instance to use when colour is on; default a 16-colour one. */
  chalk?: ChalkInstance;
  /** Shades non-working days in day scale. */
  calendar?: WorkCalendar;
  /** Show a baseline bar under the tasks whose dates differ from it (default true when the schedule has a baseline). */
  baselineRows?: boolean;
  /** Under every task that has a baseline, also where nothing moved (the user asked with --baseline). */
  allBaselineRows?: boolean;
  title?: string;
}

const TEXT = {
  en: {
    title: 'Gantt',
    asOf: 'as of',
    day: 'days',
    week: (k: number) => (k === 1 ? 'weeks' : `${k} weeks per column`),
    done: 'done',
    progress: 'in progress',
    todo: 'to do',
    blocked: 'blocked',
    milestone: 'milestone',
    critical: 'critical',
    off: 'non-working day',
    baseline: 'baseline',
    outside: 'continues outside',
    path: (ids: string) => `Critical path: ${ids}`,
    late: (n: number) => `late ${n}d`,
    slip: (s: string) => `${s}d`,
    unscheduled: (n: number) => `${n} item(s) not scheduled: run deliver validate`,
    truncated: 'window cut to fit the width; use --from/--to or --scale week',
    empty: 'Nothing is scheduled in this window.',
    month: (y: number, m: number, withYear: boolean) => `${MONTHS[m - 1]}${withYear ? ` ${y}` : ''}`,
  },
  'zh-CN': {
    title: '甘特图',
    asOf: '截至',
    day: '按日',
    week: (k: number) => (k === 1 ? '按周' : `每列${k}周`),
    done: '完成',
    progress: '进行中',
    todo: '未开始',
    blocked: '阻塞',
    milestone: '里程碑',
    critical: '关键路径',
    off: '非工作日',
    baseline: '基线',
    outside: '超出窗口',
    path: (ids: string) => `关键路径：${ids}`,
    late: (n: number) => `逾期${n}天`,
    slip: (s: string) => `${s}天`,
    unscheduled: (n: number) => `${n} 项未能排期：请运行 deliver validate`,
    truncated: '时间窗口已按宽度截断；可用 --from/--to 或 --scale week',
    empty: '此时间窗口内没有排期内容。',
    month: (y: number, m: number, withYear: boolean) => `${withYear ? `${y}年` : ''}${m}月`,
  },
} as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const GLYPH = {
  done: '█',
  in_progress: '▓',
  todo: '░',
  blocked: '×',
  milestone: '◆',
  baseline: '─',
  baselineMs: '◇',
  asOf: '│',
  off: '·',
  before: '◂',
  after: '▸',
  critical: '!',
} as const;

type Style = 'done' | 'progress' | 'todo' | 'blocked' | 'crit' | 'milestone' | 'asof' | 'baseline' | 'off' | 'late' | 'plain' | 'head';
interface Cell {
  ch: string;
  style: Style;
}

/** Renders the chart; every line is at most `width` columns wide. */
export function renderGantt(schedule: Schedule, opts: GanttOptions): string {
  const t = TEXT[opts.lang];
  const W = Math.max(40, Math.floor(opts.width));
  const paint = painter(opts);
  const asOf = toDay(opts.asOf);
  const all = [...schedule.items.values()];
  const lines: string[] = [];

  // ---- window ----
  const due = schedule.due ? toDay(schedule.due) : undefined;
  let from = opts.from ? toDay(opts.from) : all.reduce((m, i) => Math.min(m, toDay(i.start)), due ?? Infinity);
  let to = opts.to ? toDay(opts.to) : all.reduce((m, i) => Math.max(m, toDay(i.end)), due ?? -Infinity);
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    from = asOf;
    to = asOf;
  }
  if (to < from) [from, to] = [to, from];

  const rows = all.filter((i) => toDay(i.end) >= from && toDay(i.start) <= to).sort(compareByStart);
  const withBaseline = schedule.baseline !== undefined;
  const baselineRows = withBaseline && (opts.baselineRows ?? true);

  // ---- columns: label | chart | info ----
  const infos = new Map(rows.map((r) => [r.id, infoText(r, withBaseline, t)]));
  let infoW = 0;
  for (const s of infos.values()) infoW = Math.min(14, Math.max(infoW, stringWidth(s)));
  let labelW = Math.min(36, Math.max(14, Math.round(W * 0.3)));
  let chartW = W - labelW - 1 - (infoW ? infoW + 1 : 0);
  if (chartW < 12) {
    labelW = Math.max(8, labelW - (12 - chartW));
    chartW = W - labelW - 1 - (infoW ? infoW + 1 : 0);
  }

  // ---- scale ----
  let truncated = false;
  const span = to - from + 1;
  let scale: 'day' | 'week' = opts.scale === 'day' ? 'day' : opts.scale === 'week' ? 'week' : span <= chartW ? 'day' : 'week';
  // `unit.cols` columns show `unit.days` days: a day per column, several columns per week (the chart
  // fills its width), or several weeks per column when even one column a week is too wide.
  let origin = from;
  let unit = { days: 1, cols: 1 };
  if (scale === 'day') {
    if (span > chartW) {
      to = from + chartW - 1;
      truncated = true;
    }
  } else {
    origin = from - ((weekdayOf(from) + 6) % 7); // the Monday on or before `from`
    const weeks = Math.floor((to - origin) / 7) + 1;
    // The weeks spread over every column there is (at most one column a day), else whole weeks per column.
    unit = weeks <= chartW ? { days: 7 * weeks, cols: Math.min(chartW, 7 * weeks) } : { days: 7 * Math.ceil(weeks / chartW), cols: 1 };
  }
  const perCol = unit.days / unit.cols;
  const colOf = (d: number) => Math.floor(((d - origin) * unit.cols) / unit.days);
  /** The first day a column shows. */
  const dayAt = (c: number) => origin + Math.ceil((c * unit.days) / unit.cols);
  const cols = Math.min(chartW, colOf(to) + 1);
  const inWindow = (d: number) => d >= from && d <= to;

  // ---- header ----
  const scaleName = scale === 'day' ? t.day : t.week(Math.max(1, perCol / 7));
  const title = `${opts.title !== undefined ? sanitizeInline(opts.title) : t.title} · ${fromDay(from)} – ${fromDay(to)} · ${scaleName} · ${t.asOf} ${opts.asOf}`;
  lines.push(paint('head', fit(title, W).trimEnd()));
  const pad = ' '.repeat(labelW + 1);
  lines.push(pad + axisLine(cols, dayAt, perCol, 'month', opts.lang, origin).trimEnd());
  lines.push(pad + axisLine(cols, dayAt, perCol, 'day', opts.lang, origin).trimEnd());

  // ---- background: non-working days (day scale), as-of marker ----
  const background = (): Cell[] => {
    const cells: Cell[] = [];
    for (let c = 0; c < cols; c++) {
      const d = dayAt(c);
      const off = scale === 'day' && opts.calendar !== undefined && !opts.calendar.isWorkingDay(d);
      cells.push(off ? { ch: GLYPH.off, style: 'off' } : { ch: ' ', style: 'plain' });
    }
    if (inWindow(asOf)) cells[colOf(asOf)] = { ch: GLYPH.asOf, style: 'asof' };
    return cells;
  };
  const bar = (cells: Cell[], s: number, e: number, ch: string, style: Style) => {
    const cs = colOf(Math.max(s, from)),
      ce = colOf(Math.min(e, to));
    for (let c = Math.max(0, cs); c <= Math.min(cols - 1, ce); c++) cells[c] = { ch, style };
    if (s < from && cs >= 0 && cs < cols) cells[cs] = { ch: GLYPH.before, style };
    if (e > to && ce >= 0 && ce < cols) cells[ce] = { ch: GLYPH.after, style };
  };

  let drewBaseline = false;
  if (rows.length === 0) lines.push(t.empty);
  for (const r of rows) {
    const cells = background();
    const s = toDay(r.start),
      e = toDay(r.end);
    if (r.kind === 'milestone') {
      if (inWindow(e)) cells[colOf(e)] = { ch: GLYPH.milestone, style: r.critical ? 'crit' : 'milestone' };
    } else {
      const [ch, style] = barGlyph(r);
      bar(cells, s, e, ch, r.critical && !r.finished ? 'crit' : style);
    }
    const mark = r.critical ? GLYPH.critical : ' ';
    const label = fit(`${mark}${sanitizeInline(r.id)} ${sanitizeInline(r.name)}`, labelW);
    const info = infos.get(r.id)!;
    lines.push(
      (r.critical ? paint('crit', label) : label) +
        ' ' +
        renderCells(cells, paint) +
        (infoW && info ? ' ' + paint(r.late ? 'late' : 'plain', info) : ''),
    );
    // A baseline row where the dates moved (every row when asked for with --baseline).
    const moved = r.baselineEnd !== r.end || (r.baselineStart !== undefined && r.kind !== 'milestone' && r.baselineStart !== r.start);
    if (baselineRows && r.baselineEnd !== undefined && (moved || opts.allBaselineRows)) {
      drewBaseline = true;
      const b = background();
      const be = toDay(r.baselineEnd),
        bs = r.baselineStart !== undefined ? toDay(r.baselineStart) : be;
      if (r.kind === 'milestone') {
        if (inWindow(be)) b[colOf(be)] = { ch: GLYPH.baselineMs, style: 'baseline' };
      } else if (be >= from && bs <= to) bar(b, bs, be, GLYPH.baseline, 'baseline');
      lines.push(paint('baseline', fit(`  ${t.baseline}`, labelW)) + ' ' + renderCells(b, paint));
    }
  }

  // ---- footer: critical path, notes, legend ----
  if (schedule.criticalPath.length) {
    lines.push(fit(t.path(schedule.criticalPath.map(sanitizeInline).join(' → ')), W).trimEnd());
  }
  const unscheduled = new Set(
    schedule.problems.flatMap((p) => ('id' in p && !schedule.items.has(p.id) ? [p.id] : p.kind === 'cycle' ? p.ids : [])),
  );
  if (unscheduled.size) lines.push(fit(t.unscheduled(unscheduled.size), W).trimEnd());
  if (truncated) lines.push(fit(t.truncated, W).trimEnd());
  const legend: [string, Style][] = [
    [`${GLYPH.done} ${t.done}`, 'done'],
    [`${GLYPH.in_progress} ${t.progress}`, 'progress'],
    [`${GLYPH.todo} ${t.todo}`, 'todo'],
    [`${GLYPH.blocked} ${t.blocked}`, 'blocked'],
    [`${GLYPH.milestone} ${t.milestone}`, 'milestone'],
    [`${GLYPH.critical} ${t.critical}`, 'crit'],
    [`${GLYPH.asOf} ${t.asOf} ${opts.asOf}`, 'asof'],
    ...(scale === 'day' && opts.calendar ? [[`${GLYPH.off} ${t.off}`, 'off'] as [string, Style]] : []),
    ...(drewBaseline ? [[`${GLYPH.baseline} ${t.baseline}`, 'baseline'] as [string, Style]] : []),
    [`${GLYPH.before}${GLYPH.after} ${t.outside}`, 'plain'],
  ];
  lines.push(...wrapLegend(legend, W, paint));
  // Trailing blanks (padding, empty cells) are noise in files and diffs.
  return lines.map(trimTrailingSpaces).join('\n') + '\n';
}

/**
 * The line without its trailing spaces. (`/ +$/` tries every run of spaces in the line to the end:
 * 75 ms over a 10,000-row chart whose bars are mostly spaces.)
 */
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  return end === line.length ? line : line.slice(0, end);
}

function barGlyph(r: ScheduledItem): [string, Style] {
  switch (r.status) {
    case 'done':
      return [GLYPH.done, 'done'];
    case 'in_progress':
      return [GLYPH.in_progress, 'progress'];
    case 'blocked':
      return [GLYPH.blocked, 'blocked'];
    default:
      return [GLYPH.todo, 'todo'];
  }
}

function infoText(r: ScheduledItem, withBaseline: boolean, t: (typeof TEXT)[GanttLang]): string {
  const parts: string[] = [];
  if (withBaseline && r.slip !== undefined) parts.push(t.slip(r.slip > 0 ? `+${r.slip}` : String(r.slip)));
  if (r.late) parts.push(t.late(r.lateBy));
  return parts.join(' ');
}

/** Month labels or day-of-month numbers placed at their columns where they do not overlap. */
function axisLine(
  cols: number,
  dayAt: (c: number) => number,
  perCol: number,
  kind: 'month' | 'day',
  lang: GanttLang,
  origin: number,
): string {
  const out: string[] = new Array<string>(cols).fill(' ');
  let free = 0; // first column not yet covered by a label
  let first = true;
  let pending: { m: number; y: number } | undefined; // a month whose label did not fit where it starts
  for (let c = 0; c < cols; c++) {
    const iso = fromDay(dayAt(c));
    const y = Number(iso.slice(0, 4)),
      m = Number(iso.slice(5, 7)),
      dd = Number(iso.slice(8, 10));
    let text: string | undefined;
    if (kind === 'month') {
      const prevMonth = c === 0 ? -1 : Number(fromDay(dayAt(c - 1)).slice(5, 7));
      if (c === 0 || m !== prevMonth) pending = { m, y };
      // Every month is labelled: one that starts under the previous label is written where that ends.
      if (pending && pending.m === m && c >= free) text = TEXT[lang].month(y, m, first || m === 1);
      else if (pending && pending.m !== m) pending = undefined;
    } else if (perCol === 1) {
      if (weekdayOf(dayAt(c)) === 1 || c === 0) text = String(dd);
    } else {
      // Week scale: the Monday of each week, at the column where its week begins.
      const week = Math.floor((dayAt(c) - origin) / 7);
      if (c === 0 || week !== Math.floor((dayAt(c - 1) - origin) / 7)) text = String(Number(fromDay(origin + 7 * week).slice(8, 10)));
    }
    if (text === undefined || c < free) continue;
    // The first label carries the year; when that does not fit, the month alone (else a narrow zh-CN chart has no months at all).
    if (kind === 'month' && first && m !== 1 && c + stringWidth(text) > cols) text = TEXT[lang].month(y, m, false);
    // A label with its year that would cover the next month's start loses the year, so that month keeps its label.
    if (kind === 'month' && m !== 1 && text !== TEXT[lang].month(y, m, false)) {
      let next = c + 1;
      while (next < cols && Number(fromDay(dayAt(next)).slice(5, 7)) === m) next++;
      if (next < cols && c + stringWidth(text) >= next) text = TEXT[lang].month(y, m, false);
    }
    if (kind === 'month' && c + stringWidth(text) > cols) text = TEXT[lang].month(y, m, false);
    const w = stringWidth(text);
    if (c + w > cols) continue;
    pending = undefined;
    // Wide (CJK) characters take two columns: put the character in the first and blank the second.
    let pos = c;
    for (const ch of text) {
      out[pos] = ch;
      const cw = stringWidth(ch);
      for (let k = 1; k < cw; k++) out[pos + k] = '';
      pos += cw;
    }
    free = pos + 1;
    first = false;
  }
  return out.join('');
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Truncates to `w` display columns with an ellipsis, never splitting a wide character, then pads. */
export function fit(s: string, w: number): string {
  // Printable ASCII is one column a character: slicing gives what the grapheme walk would.
  if (isPrintableAscii(s)) return s.length <= w ? s + ' '.repeat(w - s.length) : s.slice(0, Math.max(0, w - 1)) + '…';
  return fitByGraphemes(s, w);
}

/** `fit` for any text: measured grapheme by grapheme. */
export function fitByGraphemes(s: string, w: number): string {
  const total = stringWidth(s);
  if (total <= w) return s + ' '.repeat(w - total);
  let out = '',
    used = 0;
  for (const { segment } of segmenter.segment(s)) {
    const gw = stringWidth(segment);
    if (used + gw > w - 1) break;
    out += segment;
    used += gw;
  }
  return out + '…' + ' '.repeat(Math.max(0, w - used - 1));
}

function renderCells(cells: Cell[], paint: (s: Style, text: string) => string): string {
  let out = '',
    run = '',
    style: Style | undefined;
  for (const c of cells) {
    if (c.style !== style && run) {
      out += paint(style!, run);
      run = '';
    }
    style = c.style;
    run += c.ch;
  }
  return run ? out + paint(style!, run) : out;
}

function wrapLegend(items: [string, Style][], W: number, paint: (s: Style, text: string) => string): string[] {
  const lines: string[] = [];
  let line = '',
    used = 0;
  for (const [text, style] of items) {
    const w = stringWidth(text);
    if (used && used + 2 + w > W) {
      lines.push(line);
      line = '';
      used = 0;
    }
    const piece = w > W ? fit(text, W).trimEnd() : text;
    line += (used ? '  ' : '') + paint(style, piece);
    used += (used ? 2 : 0) + Math.min(w, W);
  }
  if (used) lines.push(line);
  return lines;
}

function painter(opts: GanttOptions): (style: Style, text: string) => string {
  if (!opts.color) return (_s, text) => text;
  const c = opts.chalk ?? new Chalk({ level: 1 });
  const styles: Record<Style, (s: string) => string> = {
    done: c.green,
    progress: c.cyan,
    todo: c.white,
    blocked: c.magenta,
    crit: c.red.bold,
    milestone: c.yellow,
    asof: c.blue.bold,
    baseline: c.gray,
    off: c.gray,
    late: c.yellow,
    plain: (s) => s,
    head: c.bold,
  };
  return (style, text) => styles[style](text);
}
