// Risk heat map as SVG: the 5×5 probability × impact grid of core/risk.ts riskMatrix (open risks only),
// each cell coloured by zone and showing how many risks sit there, with their ids underneath.
import type { Project } from '../../core/model.js';
import { riskMatrix } from '../../core/risk.js';
import type { Fmt } from '../kpi.js';
import { sanitizeInline } from '../sanitize.js';
import { COLORS, fit, legend, rect, svgRoot, text, xmlEscape, type Figure } from './common.js';

const LEFT = 70,
  TOP = 10,
  CW = 120,
  CH = 54;

export function heatmapFigure(p: Project, f: Fmt): Figure {
  const t = f.t;
  const open = p.risks.map((r) => r.data).filter((r) => r.status !== 'closed');
  const rows = riskMatrix(open);
  const body: string[] = [];
  rows.forEach((row, ri) => {
    const y = TOP + ri * CH;
    body.push(text(LEFT - 12, y + CH / 2 + 4, String(row[0]!.probability), `text-anchor="end" fill="${COLORS.muted}"`));
    row.forEach((c, ci) => {
      const x = LEFT + ci * CW;
      const fill = c.ids.length ? COLORS[c.level] : COLORS.empty;
      body.push(`<g class="cell" data-p="${c.probability}" data-i="${c.impact}" data-count="${c.ids.length}">`);
      body.push(rect(x, y, CW - 2, CH - 2, `fill="${fill}" stroke="#fff"`));
      if (c.ids.length) {
        body.push(text(x + CW / 2 - 1, y + 24, String(c.ids.length), `text-anchor="middle" font-size="18" font-weight="700"`));
        body.push(
          text(
            x + CW / 2 - 1,
            y + 42,
            fit(c.ids.map(sanitizeInline).join(' '), CW - 10, 10),
            `text-anchor="middle" font-size="10" fill="${COLORS.text}"`,
          ),
        );
      } else {
        body.push(text(x + CW / 2 - 1, y + CH / 2 + 3, String(c.score), `text-anchor="middle" font-size="10" fill="#b0b8c1"`));
      }
      body.push('</g>');
    });
  });
  const gridBottom = TOP + 5 * CH;
  for (let i = 1; i <= 5; i++)
    body.push(text(LEFT + (i - 1) * CW + CW / 2 - 1, gridBottom + 14, String(i), `text-anchor="middle" fill="${COLORS.muted}"`));
  body.push(text(LEFT + (5 * CW) / 2, gridBottom + 32, `${t('chart.heat.impact')} →`, `text-anchor="middle" font-weight="600"`));
  body.push(
    `<text x="16" y="${TOP + (5 * CH) / 2}" transform="rotate(-90 16 ${TOP + (5 * CH) / 2})" text-anchor="middle" font-weight="600">${xmlEscape(t('chart.heat.probability'))} →</text>`,
  );
  body.push(
    ...legend(LEFT, gridBottom + 44, [
      { label: t('chart.heat.high'), swatch: `<rect x="{x}" y="{y}" width="12" height="10" fill="${COLORS.high}"/>` },
      { label: t('chart.heat.medium'), swatch: `<rect x="{x}" y="{y}" width="12" height="10" fill="${COLORS.medium}"/>` },
      { label: t('chart.heat.low'), swatch: `<rect x="{x}" y="{y}" width="12" height="10" fill="${COLORS.low}"/>` },
    ]),
  );
  const title = t('chart.heat.title', { n: open.length });
  return { kind: 'heatmap', title, bars: 25, svg: svgRoot(gridBottom + 62, title, body) };
}
