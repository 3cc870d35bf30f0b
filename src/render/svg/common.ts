// Shared pieces of the SVG charts: escaping, number formatting that never varies between runs (the
// charts have golden files), label fitting by display width, colours, and the figure wrapper that
// carries what a browser test counts (data-chart, data-bars).
//
// Why our own module rather than a charting library: the charts are five fixed shapes whose every date
// comes from the schedule, whose output must be byte-for-byte stable for golden tests, must need no
// script to view, and must print on A4; server-side charting libraries bring a DOM or canvas
// emulation (jsdom, node-canvas) and megabytes to a CLI whose start-up is measured, for less control.
import { sanitizeInline } from '../sanitize.js';
import { displayWidth } from '../width.js';

/** Record text made safe twice over: control and bidi characters shown escaped, then XML-escaped. */
export function xmlEscape(s: string): string {
  return sanitizeInline(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A coordinate with at most one decimal, no trailing zeros: stable text for golden files. */
export function n(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Approximate rendered width in px of `s` at `size` px: wide (CJK) characters 1 em, others 0.56 em. */
export function textWidth(s: string, size: number): number {
  return displayWidth(s) * size * 0.56;
}

/** `s` cut with an ellipsis so that it fits `px` at `size`. */
export function fit(s: string, px: number, size: number): string {
  if (textWidth(s, size) <= px) return s;
  const chars = [...s];
  let out = '';
  for (const ch of chars) {
    if (textWidth(out + ch + '…', size) > px) break;
    out += ch;
  }
  return out + '…';
}

export const COLORS = {
  done: '#2e7d32',
  in_progress: '#1565c0',
  todo: '#90caf9',
  blocked: '#8e24aa',
  critical: '#c62828',
  baseline: '#9e9e9e',
  grid: '#e3e7eb',
  axis: '#616e7c',
  text: '#1f2933',
  muted: '#616e7c',
  asOf: '#1565c0',
  met: '#2e7d32',
  notMet: '#c62828',
  none: '#9e9e9e',
  amber: '#b26a00',
  high: '#ef9a9a',
  medium: '#ffe082',
  low: '#c5e1a5',
  empty: '#f5f7f9',
} as const;

/** Chart width in SVG units; the SVG scales to its container (100% wide), so it fits A4 and a phone. */
export const WIDTH = 760;
export const FONT = 12;

export interface Figure {
  /** Which chart: gantt, milestones, kpi, burnup, heatmap. */
  kind: string;
  title: string;
  /** Marks drawn, for tests: bars, diamonds, points or cells. */
  bars: number;
  svg: string;
  /** Text under the chart (already escaped). */
  notes?: string[];
}

export function svgRoot(height: number, label: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${n(height)}" width="${WIDTH}" height="${n(height)}" role="img" aria-label="${xmlEscape(label)}" font-size="${FONT}" fill="${COLORS.text}">`,
    ...body,
    '</svg>',
  ].join('\n');
}

export function figureHtml(f: Figure): string {
  const notes = (f.notes ?? []).map((x) => `<p class="chart-note">${x}</p>`).join('');
  return `<figure class="chart" data-chart="${f.kind}" data-bars="${f.bars}">\n<figcaption>${xmlEscape(f.title)}</figcaption>\n${f.svg}\n${notes}</figure>`;
}

export function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs ? ' ' + attrs : ''}>${xmlEscape(s)}</text>`;
}

export function rect(x: number, y: number, w: number, h: number, attrs: string): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, w))}" height="${n(h)}" ${attrs}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, attrs: string): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" ${attrs}/>`;
}

export function diamond(cx: number, cy: number, r: number, attrs: string): string {
  return `<path d="M${n(cx)} ${n(cy - r)}L${n(cx + r)} ${n(cy)}L${n(cx)} ${n(cy + r)}L${n(cx - r)} ${n(cy)}Z" ${attrs}/>`;
}

/** A row of legend swatches starting at (x, y); returns the markup. */
export function legend(x: number, y: number, items: { label: string; swatch: string }[]): string[] {
  const out: string[] = [];
  let cx = x;
  for (const it of items) {
    out.push(
      it.swatch
        .replace(/\{x\}/g, n(cx))
        .replace(/\{y\}/g, n(y))
        .replace(/\{cx\}/g, n(cx + 6))
        .replace(/\{cy\}/g, n(y + 5)),
    );
    out.push(text(cx + 16, y + 9, it.label, `font-size="11" fill="${COLORS.muted}"`));
    cx += 16 + textWidth(it.label, 11) + 14;
  }
  return out;
}

/** CSS for the figures, added to every page that shows charts. */
export const CHART_CSS = `
.charts { display: block; }
figure.chart { margin: 1rem 0 1.4rem; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: 600; margin: 0 0 .3rem; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: ${WIDTH}px; overflow: visible; }
figure.chart .chart-note { color: var(--muted, #616e7c); font-size: .85rem; margin: .2rem 0 0; }
@media print { figure.chart svg { max-width: 100%; } }
`;
