// KPI bars against their targets: one row per measure (core/kpi.ts computes every value), a bar for
// the value, a tick for the target, and met / not met told by colour and by a symbol (✓ ✗) so the
// chart reads the same in black and white.
import { kpiList, unitOf, type Kpis, type Measure } from '../../core/kpi.js';
import { formatTarget, formatValue, measureName, type Fmt } from '../kpi.js';
import { COLORS, fit, line, rect, svgRoot, text, WIDTH, type Figure } from './common.js';

const LABEL_W = 200,
  ROW = 24,
  TOP = 8,
  RIGHT = 240;

/** The scale's end for a measure: rates to 100%, scores to 100, counts and days past the larger of value and target. */
function scaleMax(m: Measure): number {
  const unit = unitOf(m.key);
  if (unit === 'rate') return Math.max(1, m.value ?? 0, m.target ?? 0);
  if (unit === 'score') return Math.max(100, m.value ?? 0, m.target ?? 0);
  return Math.max(1, (m.value ?? 0) * 1.25, (m.target ?? 0) * 1.25);
}

export function kpiFigure(k: Kpis, f: Fmt): Figure {
  const t = f.t;
  const rows = kpiList(k);
  const x0 = LABEL_W + 10,
    x1 = WIDTH - RIGHT;
  const body: string[] = [];
  let bars = 0;
  rows.forEach((m, i) => {
    const y = TOP + i * ROW;
    body.push(`<g class="row" data-kpi="${m.key}">`);
    if (i % 2 === 1) body.push(rect(0, y, WIDTH, ROW, 'fill="#fafbfc"'));
    body.push(text(4, y + 16, fit(measureName(t, m), LABEL_W - 8, 12)));
    body.push(rect(x0, y + 6, x1 - x0, 12, `fill="${COLORS.empty}"`));
    const max = scaleMax(m);
    const color = m.met === true ? COLORS.met : m.met === false ? COLORS.notMet : COLORS.none;
    if (m.value !== null) {
      body.push(rect(x0, y + 6, (Math.min(m.value, max) / max) * (x1 - x0), 12, `class="bar" fill="${color}"`));
      bars++;
    }
    if (m.target !== null) {
      const xt = x0 + (Math.min(m.target, max) / max) * (x1 - x0);
      body.push(line(xt, y + 2, xt, y + 22, `class="target" stroke="${COLORS.text}" stroke-width="2"`));
    }
    const sym = m.value === null ? '' : m.met === true ? '✓ ' : m.met === false ? '✗ ' : '– ';
    const verdict =
      m.value === null
        ? t('chart.kpi.noValue')
        : m.met === true
          ? t('chart.kpi.met')
          : m.met === false
            ? t('chart.kpi.notMet')
            : t('chart.kpi.noTarget');
    const value = m.value === null ? '—' : formatValue(m);
    const target = m.target === null ? '' : ` · ${t('chart.kpi.target')} ${formatTarget(m)}`;
    body.push(
      text(
        x1 + 10,
        y + 16,
        `${sym}${value} · ${verdict}${target}`,
        `font-size="11" fill="${m.value === null ? COLORS.muted : color}"${m.met === false ? ' font-weight="600"' : ''}`,
      ),
    );
    body.push('</g>');
  });
  const title = t('chart.kpi.title');
  return { kind: 'kpi', title, bars, svg: svgRoot(TOP + rows.length * ROW + 8, title, body) };
}
