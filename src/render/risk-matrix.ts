// The 5×5 risk matrix as text: probability rows (5 at the top) × impact columns with the risk ids in their
// cells. Pure (model in, string out); widths by display width so CJK labels align; zones named in a legend
// so the chart reads the same without colour.
import { displayWidth as stringWidth } from './width.js';
import { compareIds } from '../core/id-order.js';
import type { MatrixCell, RiskLevel } from '../core/risk.js';
import { sanitizeInline } from './sanitize.js';

export interface MatrixLabels {
  title: string;
  probability: string;
  impact: string;
  legend: string;
  levels: Record<RiskLevel, string>;
  none: string;
}

export interface MatrixOptions {
  /** Total columns available (display width). */
  width: number;
  labels: MatrixLabels;
  /** Colours the ids by zone when given (the legend carries the same information in words). */
  paint?: Record<RiskLevel, (s: string) => string>;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - stringWidth(s)));
const center = (s: string, w: number) => {
  const gap = Math.max(0, w - stringWidth(s));
  return ' '.repeat(Math.floor(gap / 2)) + s + ' '.repeat(gap - Math.floor(gap / 2));
};

/** Greedy wrap of ids into lines at most `w` wide (an id longer than `w` gets a line of its own). */
function wrapIds(ids: readonly string[], w: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const id of ids) {
    if (cur && stringWidth(cur) + 1 + stringWidth(id) > w) {
      lines.push(cur);
      cur = id;
    } else cur = cur ? `${cur} ${id}` : id;
  }
  if (cur) lines.push(cur);
  return lines;
}

export function renderRiskMatrix(rows: readonly (readonly MatrixCell[])[], opts: MatrixOptions): string {
  const L = opts.labels;
  const safe = (ids: readonly string[]) => ids.map(sanitizeInline);
  const labelW = Math.max(stringWidth(L.probability), 3) + 1;
  const longest = Math.max(5, ...rows.flat().flatMap((c) => safe(c.ids).map((id) => stringWidth(id))));
  const wanted = Math.max(longest, ...rows.flat().map((c) => stringWidth(safe(c.ids).join(' '))));
  const fit = Math.floor((opts.width - labelW - 1) / 5) - 3; // per cell: 2 padding + 1 border
  const W = Math.max(longest, Math.min(wanted, fit));

  const out: string[] = [L.title, ''];
  const rule = (l: string, m: string, r: string) =>
    `${' '.repeat(labelW)}${l}${Array.from({ length: 5 }, () => '─'.repeat(W + 2)).join(m)}${r}`;
  out.push(`${' '.repeat(labelW)} ${center(`${L.impact} →`, 5 * (W + 3) - 1)}`);
  out.push(`${pad(`${L.probability}`, labelW)} ${[1, 2, 3, 4, 5].map((i) => center(String(i), W + 2)).join(' ')}`);
  out.push(rule('┌', '┬', '┐'));
  rows.forEach((row, ri) => {
    const cells = row.map((c) => {
      const lines = wrapIds(safe(c.ids), W);
      return { c, lines: lines.length ? lines : ['·'] };
    });
    const height = Math.max(...cells.map((x) => x.lines.length));
    for (let k = 0; k < height; k++) {
      const label = k === 0 ? ` ${row[0]!.probability}` : '';
      const body = cells.map(({ c, lines }) => {
        const text = lines[k] ?? '';
        const shown = pad(text, W);
        return ` ${opts.paint && c.ids.length ? opts.paint[c.level](shown) : shown} `;
      });
      out.push(`${pad(label, labelW)}│${body.join('│')}│`);
    }
    out.push(ri === rows.length - 1 ? rule('└', '┴', '┘') : rule('├', '┼', '┤'));
  });
  out.push('');
  // Highest score first, then the cell's id order: the same order as `risk list`.
  const byLevel = (lv: RiskLevel) =>
    rows
      .flat()
      .filter((c) => c.level === lv)
      .flatMap((c) => c.ids.map((id) => ({ id, score: c.score })))
      .sort((a, b) => b.score - a.score || compareIds(a.id, b.id))
      .map((x) => sanitizeInline(x.id));
  out.push(L.legend);
  for (const lv of ['high', 'medium', 'low'] as const) {
    const ids = byLevel(lv);
    out.push(`  ${L.levels[lv]}: ${ids.length ? ids.join(', ') : L.none}`);
  }
  return out.join('\n') + '\n';
}
