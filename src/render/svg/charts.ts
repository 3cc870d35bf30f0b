// The charts of an HTML report or site page, as one block of inline SVG figures. Every report that
// shows charts (weekly today; monthly and close-out later) passes what the status command computed:
// the project as of the report date, its schedule (commands/plan-shared.ts planOf) and its KPIs
// (core/kpi.ts), so the pictures always show the same forecast as every other command.
import type { IsoDate } from '../../core/dates.js';
import type { Kpis } from '../../core/kpi.js';
import type { Project } from '../../core/model.js';
import type { Schedule } from '../../core/schedule.js';
import type { Fmt } from '../kpi.js';
import { burnupFigure } from './burnup.js';
import { figureHtml, xmlEscape, type Figure } from './common.js';
import { ganttFigure } from './gantt.js';
import { heatmapFigure } from './heatmap.js';
import { kpiFigure } from './kpi-bars.js';
import { milestoneFigure } from './milestones.js';

export { CHART_CSS } from './common.js';

export type ChartKind = 'gantt' | 'milestones' | 'kpi' | 'burnup' | 'heatmap';
export const ALL_CHARTS: readonly ChartKind[] = ['gantt', 'milestones', 'kpi', 'burnup', 'heatmap'];

export interface ChartInput {
  /** The project as it stood on `asOf` (commands/status.ts projectView). */
  project: Project;
  schedule: Schedule;
  asOf: IsoDate;
  kpis: Kpis;
}

export function chartFigures(input: ChartInput, f: Fmt, which: readonly ChartKind[] = ALL_CHARTS): Figure[] {
  const { project: p, schedule: s, asOf, kpis } = input;
  // A table rather than a switch: a chart kind left out is a type error here.
  const figure: Record<ChartKind, () => Figure> = {
    gantt: () => ganttFigure(s, asOf, f),
    milestones: () => milestoneFigure(p, s, asOf, f),
    kpi: () => kpiFigure(kpis, f),
    burnup: () => burnupFigure(s, asOf, f),
    heatmap: () => heatmapFigure(p, f),
  };
  return which.map((k) => figure[k]());
}

/** A `<section>` with a heading and the figures. */
export function chartsSection(input: ChartInput, f: Fmt, which: readonly ChartKind[] = ALL_CHARTS): string {
  return [
    `<section class="charts">`,
    `<h2>${xmlEscape(f.t('chart.section'))}</h2>`,
    ...chartFigures(input, f, which).map(figureHtml),
    '</section>',
  ].join('\n');
}
