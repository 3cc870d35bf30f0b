// Gantt of the coming weeks as SVG: the forecast bar of every task and milestone in the window (taken
// from the computed schedule, never recomputed), its baseline as a ghost underneath, the report date as
// a line, milestones as diamonds, the critical path outlined in red. Late unfinished work that ended
// before the window is kept at its left edge so it is never hidden.
import { fromDay, toDay, weekdayOf, type IsoDate } from '../../core/dates.js';
import { compareIds } from '../../core/id-order.js';
import type { Schedule, ScheduledItem } from '../../core/schedule.js';
import { formatDate, type Fmt } from '../kpi.js';
import { sanitizeInline } from '../sanitize.js';
import { COLORS, diamond, fit, legend, line, rect, svgRoot, text, textWidth, WIDTH, xmlEscape, type Figure } from './common.js';

export interface GanttWindow {
  from: IsoDate;
  to: IsoDate;
}

/** Monday of the week before the report date's week, through the Sunday eight weeks later (9 weeks). */
export function comingWeeks(asOf: IsoDate, weeks = 9): GanttWindow {
  const d = toDay(asOf);
  const monday = d - ((weekdayOf(d) + 6) % 7);
  return { from: fromDay(monday - 7), to: fromDay(monday - 7 + weeks * 7 - 1) };
}

export const MAX_GANTT_ROWS = 40;

/** The items drawn, in order: those touching the window, and late unfinished work before it. */
export function ganttRows(s: Schedule, w: GanttWindow): ScheduledItem[] {
  return [...s.items.values()]
    .filter((i) => (i.start <= w.to && i.end >= w.from) || (i.late && !i.finished && i.end < w.from))
    .sort((a, b) =>
      a.start < b.start ? -1 : a.start > b.start ? 1 : a.kind !== b.kind ? (a.kind === 'task' ? -1 : 1) : compareIds(a.id, b.id),
    );
}

const LABEL_W = 220;
const ROW = 22;
const TOP = 34;

export function ganttFigure(s: Schedule, asOf: IsoDate, f: Fmt, window: GanttWindow = comingWeeks(asOf)): Figure {
  const t = f.t;
  const all = ganttRows(s, window);
  const rows = all.slice(0, MAX_GANTT_ROWS);
  const from = toDay(window.from),
    to = toDay(window.to);
  const x0 = LABEL_W + 10,
    x1 = WIDTH - 10;
  const span = to - from + 1;
  const xOf = (day: number) => x0 + ((Math.min(Math.max(day, from), to + 1) - from) / span) * (x1 - x0);
  const body: string[] = [];
  const height = TOP + Math.max(rows.length, 1) * ROW + 46;

  // week grid and labels (every Monday), weekend shading is left out: weeks are the unit here
  for (let d = from; d <= to; d += 7) {
    body.push(line(xOf(d), TOP - 6, xOf(d), TOP + Math.max(rows.length, 1) * ROW, `stroke="${COLORS.grid}"`));
    body.push(text(xOf(d) + 3, TOP - 12, formatDate(f, fromDay(d), true), `font-size="11" fill="${COLORS.muted}"`));
  }
  body.push(line(x0, TOP + Math.max(rows.length, 1) * ROW, x1, TOP + Math.max(rows.length, 1) * ROW, `stroke="${COLORS.axis}"`));

  let bars = 0;
  rows.forEach((it, i) => {
    const y = TOP + i * ROW;
    const label = `${sanitizeInline(it.id)} ${sanitizeInline(it.name)}`;
    body.push(`<g class="row" data-id="${xmlEscape(it.id)}">`);
    if (i % 2 === 1) body.push(rect(0, y, WIDTH, ROW, `fill="#fafbfc"`));
    body.push(
      text(4, y + 15, fit(label, LABEL_W - 8, 12), it.critical && !it.finished ? `fill="${COLORS.critical}" font-weight="600"` : ''),
    );
    if (it.baselineStart !== undefined && it.baselineEnd !== undefined && it.kind === 'task') {
      const bs = toDay(it.baselineStart),
        be = toDay(it.baselineEnd);
      if (be >= from && bs <= to)
        body.push(
          rect(xOf(bs), y + 15, xOf(be + 1) - xOf(bs), 4, `class="ghost" fill="none" stroke="${COLORS.baseline}" stroke-dasharray="3 2"`),
        );
    } else if (it.baselineEnd !== undefined && it.kind === 'milestone') {
      const be = toDay(it.baselineEnd);
      if (be >= from && be <= to) body.push(diamond(xOf(be), y + 11, 5, `class="ghost" fill="none" stroke="${COLORS.baseline}"`));
    }
    const s0 = toDay(it.start),
      e0 = toDay(it.end);
    if (it.kind === 'milestone') {
      const cx = e0 < from ? x0 : xOf(e0);
      body.push(diamond(cx, y + 11, 7, `class="ms" fill="${it.finished ? COLORS.done : it.critical ? COLORS.critical : COLORS.text}"`));
      body.push(`<title>${xmlEscape(`${it.id} ${it.name}: ${it.end}`)}</title>`);
    } else {
      const status = it.status === 'done' ? 'done' : it.status;
      const fill = COLORS[status as 'done' | 'in_progress' | 'todo' | 'blocked'] ?? COLORS.todo;
      const before = e0 < from;
      const xs = before ? x0 : xOf(s0),
        xe = before ? x0 + 6 : xOf(e0 + 1);
      const stroke = it.critical && !it.finished ? ` stroke="${COLORS.critical}" stroke-width="2"` : '';
      body.push(rect(xs, y + 4, Math.max(xe - xs, 3), 11, `class="bar" rx="2" fill="${fill}"${stroke}`));
      body.push(`<title>${xmlEscape(`${it.id} ${it.name}: ${it.start} – ${it.end}`)}</title>`);
      bars++;
      if (it.late) {
        // right of the bar, or left of it when it would run past the chart's edge
        const label = `${t('chart.legend.late')} ${t('rep.wd', { n: it.lateBy })}`;
        const w = textWidth(label, 10) + 4;
        const lx = xe + 4 + w <= WIDTH - 2 ? xe + 4 : Math.max(x0, xs - w);
        body.push(text(lx, y + 14, label, `font-size="10" fill="${COLORS.critical}"`));
      }
    }
    body.push('</g>');
  });
  if (rows.length === 0) body.push(text(x0 + 8, TOP + 15, t('chart.gantt.empty'), `fill="${COLORS.muted}"`));

  // report date
  const a = toDay(asOf);
  if (a >= from && a <= to) {
    const xa = xOf(a) + (xOf(a + 1) - xOf(a)) / 2;
    body.push(
      line(
        xa,
        TOP - 4,
        xa,
        TOP + Math.max(rows.length, 1) * ROW + 4,
        `class="asof" stroke="${COLORS.asOf}" stroke-width="2" stroke-dasharray="4 3"`,
      ),
    );
  }
  if (s.due && toDay(s.due) >= from && toDay(s.due) <= to) {
    const xd = xOf(toDay(s.due) + 1);
    body.push(line(xd, TOP - 4, xd, TOP + Math.max(rows.length, 1) * ROW, `class="due" stroke="${COLORS.critical}" stroke-width="1"`));
    body.push(text(xd + 3, TOP + Math.max(rows.length, 1) * ROW - 4, t('chart.ms.due'), `font-size="10" fill="${COLORS.critical}"`));
  }
  const ly = TOP + Math.max(rows.length, 1) * ROW + 18;
  body.push(
    ...legend(4, ly, [
      { label: t('chart.legend.done'), swatch: `<rect x="{x}" y="{y}" width="12" height="10" rx="2" fill="${COLORS.done}"/>` },
      {
        label: t('chart.legend.in_progress'),
        swatch: `<rect x="{x}" y="{y}" width="12" height="10" rx="2" fill="${COLORS.in_progress}"/>`,
      },
      { label: t('chart.legend.todo'), swatch: `<rect x="{x}" y="{y}" width="12" height="10" rx="2" fill="${COLORS.todo}"/>` },
      { label: t('chart.legend.blocked'), swatch: `<rect x="{x}" y="{y}" width="12" height="10" rx="2" fill="${COLORS.blocked}"/>` },
      {
        label: t('chart.legend.critical'),
        swatch: `<rect x="{x}" y="{y}" width="12" height="10" rx="2" fill="${COLORS.todo}" stroke="${COLORS.critical}" stroke-width="2"/>`,
      },
      {
        label: t('chart.legend.baseline'),
        swatch: `<rect x="{x}" y="{y}" width="12" height="5" fill="none" stroke="${COLORS.baseline}" stroke-dasharray="3 2"/>`,
      },
      { label: t('chart.legend.milestone'), swatch: `<path d="M{cx} {y}l5 5l-5 5l-5 -5Z" fill="${COLORS.text}"/>` },
      { label: t('chart.legend.asOf'), swatch: `<rect x="{x}" y="{y}" width="2" height="10" fill="${COLORS.asOf}"/>` },
    ]),
  );
  const notes: string[] = [];
  if (all.length > rows.length) notes.push(xmlEscape(t('chart.gantt.more', { n: all.length - rows.length })));
  if (s.criticalPath.length) {
    const shown = s.criticalPath.slice(0, 15).map(sanitizeInline).join(' → ');
    notes.push(
      xmlEscape(t('chart.criticalPath', { ids: s.criticalPath.length > 15 ? `${shown} → … (+${s.criticalPath.length - 15})` : shown })),
    );
  }
  const title = t('chart.gantt.title', { from: formatDate(f, window.from, true), to: formatDate(f, window.to, true) });
  return { kind: 'gantt', title, bars, svg: svgRoot(height, title, body), notes };
}
