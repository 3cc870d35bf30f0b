// Milestone timeline as SVG: one row per milestone, its baseline date (hollow diamond) and its forecast
// (solid diamond) on a shared date axis, joined by a line, with the slip in working days as the schedule
// computed it (item.slip against the baseline, else item.dueVariance against the agreed due date).
import { fromDay, toDay, type IsoDate } from '../../core/dates.js';
import type { Project } from '../../core/model.js';
import { compareIds } from '../../core/id-order.js';
import type { Schedule } from '../../core/schedule.js';
import { formatDate, type Fmt } from '../kpi.js';
import { sanitizeInline } from '../sanitize.js';
import { COLORS, diamond, fit, legend, line, svgRoot, text, textWidth, WIDTH, xmlEscape, type Figure } from './common.js';

export interface MilestoneRow {
  id: string;
  name: string;
  forecast: IsoDate;
  baseline?: IsoDate;
  due?: IsoDate;
  done: boolean;
  /** Working days after the baseline (else after the due date); undefined when there is neither. */
  slip?: number;
  against?: 'baseline' | 'due';
  critical: boolean;
}

export function milestoneRows(p: Project, s: Schedule): MilestoneRow[] {
  const out: MilestoneRow[] = [];
  for (const m of p.milestones) {
    const it = s.items.get(m.data.id);
    if (!it) continue;
    const against = it.slip !== undefined ? ('baseline' as const) : it.dueVariance !== undefined ? ('due' as const) : undefined;
    out.push({
      id: m.data.id,
      name: m.data.name,
      forecast: it.end,
      done: it.finished,
      critical: it.critical && !it.finished,
      ...(it.baselineEnd ? { baseline: it.baselineEnd } : {}),
      ...(m.data.due ? { due: m.data.due } : {}),
      ...(against ? { slip: against === 'baseline' ? it.slip! : it.dueVariance!, against } : {}),
    });
  }
  return out.sort((a, b) => (a.forecast < b.forecast ? -1 : a.forecast > b.forecast ? 1 : compareIds(a.id, b.id)));
}

const LABEL_W = 200,
  ROW = 24,
  TOP = 30;

export function milestoneFigure(p: Project, s: Schedule, asOf: IsoDate, f: Fmt): Figure {
  const t = f.t;
  const rows = milestoneRows(p, s);
  const dates = rows
    .flatMap((r) => [r.forecast, r.baseline, r.due])
    .filter((d): d is string => d !== undefined)
    .map(toDay);
  dates.push(toDay(asOf));
  const from = Math.min(...dates) - 3,
    to = Math.max(...dates) + 3;
  // the slip column is as wide as its longest label
  const slipLabels = rows.map((r) => {
    const slipText =
      r.slip === undefined
        ? r.done
          ? t('chart.ms.done')
          : ''
        : r.slip === 0
          ? t('chart.ms.onTime')
          : t('chart.ms.slip', { days: r.slip > 0 ? `+${r.slip}` : String(r.slip) }) +
            (r.against === 'due' ? ` ${t('chart.ms.vsDue')}` : '');
    return (r.slip === undefined ? '' : r.slip > 0 ? '▲ ' : r.slip < 0 ? '▼ ' : '● ') + slipText;
  });
  const slipW = Math.min(240, Math.max(90, ...slipLabels.map((l) => textWidth(l, 11) + 24)));
  const x0 = LABEL_W + 10,
    x1 = WIDTH - slipW;
  const xOf = (d: number) => x0 + ((d - from) / Math.max(1, to - from)) * (x1 - x0);
  const body: string[] = [];
  const bottom = TOP + Math.max(rows.length, 1) * ROW;
  // axis: about six evenly spaced date labels
  const step = Math.max(1, Math.ceil((to - from) / 6));
  for (let d = from + 3; d <= to; d += step) {
    body.push(line(xOf(d), TOP - 6, xOf(d), bottom, `stroke="${COLORS.grid}"`));
    body.push(text(xOf(d) - 14, TOP - 12, formatDate(f, fromDay(d), true), `font-size="11" fill="${COLORS.muted}"`));
  }
  const xa = xOf(toDay(asOf));
  body.push(line(xa, TOP - 4, xa, bottom + 2, `class="asof" stroke="${COLORS.asOf}" stroke-width="2" stroke-dasharray="4 3"`));
  rows.forEach((r, i) => {
    const y = TOP + i * ROW + 12;
    body.push(`<g class="row">`);
    body.push(
      text(
        4,
        y + 4,
        fit(`${sanitizeInline(r.id)} ${sanitizeInline(r.name)}`, LABEL_W - 8, 12),
        r.critical ? `fill="${COLORS.critical}" font-weight="600"` : '',
      ),
    );
    const xf = xOf(toDay(r.forecast));
    const ref = r.against === 'baseline' ? r.baseline : r.against === 'due' ? r.due : undefined;
    if (ref) {
      const xr = xOf(toDay(ref));
      body.push(line(xr, y, xf, y, `stroke="${COLORS.baseline}" stroke-width="2"`));
      body.push(diamond(xr, y, 6, `class="ms-ref" fill="#fff" stroke="${COLORS.axis}" stroke-width="1.5"`));
    }
    const late = (r.slip ?? 0) > 0 && !r.done;
    const fill = r.done ? COLORS.done : late ? COLORS.critical : COLORS.in_progress;
    body.push(diamond(xf, y, 7, `class="ms-fc" fill="${fill}"`));
    body.push(`<title>${xmlEscape(`${r.id} ${r.name}: ${r.forecast}`)}</title>`);
    body.push(
      text(x1 + 12, y + 4, slipLabels[i]!, `font-size="11" fill="${late ? COLORS.critical : r.done ? COLORS.done : COLORS.muted}"`),
    );
    body.push('</g>');
  });
  if (rows.length === 0) body.push(text(x0, TOP + 15, t('chart.ms.empty'), `fill="${COLORS.muted}"`));
  body.push(
    ...legend(4, bottom + 16, [
      {
        label: t(s.baseline !== undefined ? 'chart.ms.baseline' : 'chart.ms.due'),
        swatch: `<path d="M{cx} {y}l5 5l-5 5l-5 -5Z" fill="#fff" stroke="${COLORS.axis}"/>`,
      },
      { label: t('chart.ms.forecast'), swatch: `<path d="M{cx} {y}l5 5l-5 5l-5 -5Z" fill="${COLORS.in_progress}"/>` },
      { label: t('chart.ms.done'), swatch: `<path d="M{cx} {y}l5 5l-5 5l-5 -5Z" fill="${COLORS.done}"/>` },
      { label: t('chart.legend.late'), swatch: `<path d="M{cx} {y}l5 5l-5 5l-5 -5Z" fill="${COLORS.critical}"/>` },
      { label: t('chart.legend.asOf'), swatch: `<rect x="{x}" y="{y}" width="2" height="10" fill="${COLORS.asOf}"/>` },
    ]),
  );
  const title = t('chart.ms.title');
  return { kind: 'milestones', title, bars: rows.length, svg: svgRoot(bottom + 36, title, body) };
}
