// Burn-up as SVG: tasks done against tasks planned, week by week from the project start. Every date is
// the schedule's: "done" counts finished tasks by their end (the actual end when recorded), "planned"
// counts tasks by their baseline end (by the forecast end when there is no baseline), and after the
// report date a dashed "forecast" line adds the unfinished tasks by their forecast end.
import { fromDay, toDay, weekdayOf, type IsoDate } from '../../core/dates.js';
import type { Schedule } from '../../core/schedule.js';
import { formatDate, type Fmt } from '../kpi.js';
import { COLORS, legend, line, n, svgRoot, text, WIDTH, type Figure } from './common.js';

export interface BurnPoint {
  date: IsoDate;
  planned: number;
  done?: number;
  forecast?: number;
}

/** Sundays from the week of the project start to the later of the forecast end and the report date (at most 60 points). */
export function burnSeries(s: Schedule, asOf: IsoDate): { points: BurnPoint[]; total: number } {
  const tasks = [...s.items.values()].filter((i) => i.kind === 'task');
  if (tasks.length === 0) return { points: [], total: 0 };
  const start = Math.min(...tasks.map((i) => toDay(i.start)), toDay(s.projectStart));
  const end = Math.max(
    ...tasks.map((i) => toDay(i.end)),
    ...tasks.map((i) => (i.baselineEnd ? toDay(i.baselineEnd) : -Infinity)),
    toDay(asOf),
  );
  const firstSunday = start + ((7 - weekdayOf(start)) % 7);
  const weeks = Math.ceil((end - firstSunday) / 7) + 1;
  const stride = Math.max(1, Math.ceil(weeks / 60));
  const a = toDay(asOf);
  const planned = tasks.map((i) => toDay(i.baselineEnd ?? i.end)).sort((x, y) => x - y);
  const finished = tasks.filter((i) => i.finished).map((i) => toDay(i.end));
  const open = tasks.filter((i) => !i.finished).map((i) => toDay(i.end));
  const count = (xs: number[], d: number) => xs.reduce((c, x) => c + (x <= d ? 1 : 0), 0);
  const doneAt = (d: number) => count(finished, d);
  const days: number[] = [];
  for (let d = firstSunday; d < end + 7 * stride; d += 7 * stride) days.push(d);
  // the report date is a point of its own, where done hands over to forecast
  if (!days.includes(a)) days.push(a);
  days.sort((x, y) => x - y);
  const points = days.map(
    (d): BurnPoint => ({
      date: fromDay(d),
      planned: count(planned, d),
      ...(d <= a ? { done: doneAt(d) } : {}),
      ...(d >= a ? { forecast: doneAt(a) + count(open, d) } : {}),
    }),
  );
  return { points, total: tasks.length };
}

const LEFT = 44,
  TOP = 22,
  H = 200;

export function burnupFigure(s: Schedule, asOf: IsoDate, f: Fmt): Figure {
  const t = f.t;
  const { points, total } = burnSeries(s, asOf);
  const title = t('chart.burn.title');
  const body: string[] = [];
  const x0 = LEFT,
    x1 = WIDTH - 16,
    y0 = TOP + H,
    y1 = TOP;
  if (points.length === 0) {
    body.push(text(x0, TOP + 20, t('chart.burn.empty'), `fill="${COLORS.muted}"`));
    return { kind: 'burnup', title, bars: 0, svg: svgRoot(60, title, body) };
  }
  const d0 = toDay(points[0]!.date),
    d1 = toDay(points[points.length - 1]!.date);
  const xOf = (iso: IsoDate) => x0 + ((toDay(iso) - d0) / Math.max(1, d1 - d0)) * (x1 - x0);
  const yOf = (v: number) => y0 - (v / Math.max(1, total)) * (y0 - y1);
  // y grid: 0, ¼, ½, ¾, all
  for (let q = 0; q <= 4; q++) {
    const v = Math.round((total * q) / 4);
    body.push(line(x0, yOf(v), x1, yOf(v), `stroke="${COLORS.grid}"`));
    body.push(text(x0 - 6, yOf(v) + 4, String(v), `font-size="11" fill="${COLORS.muted}" text-anchor="end"`));
  }
  body.push(text(4, TOP - 12, t('chart.burn.axis'), `font-size="10" fill="${COLORS.muted}"`));
  // x labels: about eight
  const every = Math.max(1, Math.ceil(points.length / 8));
  points.forEach((p, i) => {
    if (i % every === 0) body.push(text(xOf(p.date) - 14, y0 + 16, formatDate(f, p.date, true), `font-size="11" fill="${COLORS.muted}"`));
  });
  body.push(line(x0, y0, x1, y0, `stroke="${COLORS.axis}"`));
  const path = (key: 'planned' | 'done' | 'forecast') =>
    points
      .filter((p) => p[key] !== undefined)
      .map((p) => `${n(xOf(p.date))},${n(yOf(p[key]!))}`)
      .join(' ');
  body.push(
    `<polyline class="series planned" points="${path('planned')}" fill="none" stroke="${COLORS.baseline}" stroke-width="2" stroke-dasharray="6 3"/>`,
  );
  body.push(
    `<polyline class="series forecast" points="${path('forecast')}" fill="none" stroke="${COLORS.in_progress}" stroke-width="2" stroke-dasharray="2 3"/>`,
  );
  body.push(`<polyline class="series done" points="${path('done')}" fill="none" stroke="${COLORS.done}" stroke-width="2.5"/>`);
  let marks = 0;
  for (const p of points) {
    if (p.done !== undefined) {
      body.push(`<circle class="pt" cx="${n(xOf(p.date))}" cy="${n(yOf(p.done))}" r="2.5" fill="${COLORS.done}"/>`);
      marks++;
    }
  }
  const xa = xOf(asOf);
  body.push(line(xa, y1, xa, y0, `class="asof" stroke="${COLORS.asOf}" stroke-width="2" stroke-dasharray="4 3"`));
  const plannedLabel = s.baseline !== undefined ? t('chart.burn.plannedBaseline', { name: s.baseline }) : t('chart.burn.planned');
  body.push(
    ...legend(x0, y0 + 26, [
      { label: t('chart.burn.done'), swatch: `<rect x="{x}" y="{y}" width="12" height="3" fill="${COLORS.done}"/>` },
      { label: plannedLabel, swatch: `<rect x="{x}" y="{y}" width="12" height="3" fill="${COLORS.baseline}"/>` },
      { label: t('chart.burn.forecast'), swatch: `<rect x="{x}" y="{y}" width="12" height="3" fill="${COLORS.in_progress}"/>` },
      { label: t('chart.legend.asOf'), swatch: `<rect x="{x}" y="{y}" width="2" height="10" fill="${COLORS.asOf}"/>` },
    ]),
  );
  return { kind: 'burnup', title, bars: marks, svg: svgRoot(y0 + 44, title, body) };
}
