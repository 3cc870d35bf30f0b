// The SVG charts: golden files for the deterministic output (English and Chinese), and the facts each
// chart must show, checked against the schedule and KPIs the status command computes (never a second
// computation of dates).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectView } from '../../src/cli/views.js';
import { kpiList } from '../../src/core/kpi.js';
import { statusFacts } from '../../src/core/status.js';
import { riskMatrix } from '../../src/core/risk.js';
import { translator, type Lang } from '../../src/render/i18n.js';
import { burnSeries } from '../../src/render/svg/burnup.js';
import { chartFigures, chartsSection } from '../../src/render/svg/charts.js';
import { fit, n, xmlEscape } from '../../src/render/svg/common.js';
import { comingWeeks, ganttRows, MAX_GANTT_ROWS } from '../../src/render/svg/gantt.js';
import { loadProject } from '../../src/store/load.js';
import { expectGolden } from '../helpers/golden.js';
import { REPO } from '../helpers/project.js';

const ALPHA = join(REPO, 'test', 'golden', 'reports', 'portfolio', 'alpha');
const GOLDEN = join(REPO, 'test', 'golden', 'charts');
const AS_OF = '2026-11-20';

function view(root: string, asOf = AS_OF) {
  const { project, plan } = projectView(loadProject(root).project, asOf);
  const facts = statusFacts({ project, asOf, calendar: plan.calendar, schedule: plan.schedule });
  return { project, schedule: plan.schedule, asOf, kpis: facts.kpis };
}

const fmt = (lang: Lang) => ({ t: translator(lang), year: 2026 });
const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;

describe('SVG charts', () => {
  it.each(['en', 'zh-CN'] as const)('golden figures (%s)', (lang) => {
    const html = chartsSection(view(ALPHA), fmt(lang));
    expectGolden(GOLDEN, `alpha-${lang}.html`, html + '\n');
  });

  it('are self-contained: no script, no external reference, no event handler', () => {
    for (const root of [ALPHA, join(REPO, 'examples', 'crm-dashboard-zh'), join(REPO, 'examples', 'erp-rollout-en')]) {
      const html = chartsSection(view(root), fmt('en'));
      expect(html).not.toMatch(/<script|href=|src=|\bon[a-z]+=|url\(/i);
      expect(count(html, /<svg /g)).toBe(5);
      expect(count(html, /<svg /g)).toBe(count(html, /<\/svg>/g));
    }
  });

  it('the Gantt draws one bar per task of the schedule in the coming weeks, where the schedule puts it', () => {
    const v = view(join(REPO, 'examples', 'erp-rollout-en'));
    const [g] = chartFigures(v, fmt('en'), ['gantt']);
    const w = comingWeeks(AS_OF);
    expect(w).toEqual({ from: '2026-11-09', to: '2027-01-10' });
    const rows = ganttRows(v.schedule, w);
    const tasks = rows.filter((i) => i.kind === 'task');
    expect(g!.bars).toBe(tasks.length);
    expect(count(g!.svg, /class="bar"/g)).toBe(tasks.length);
    expect(count(g!.svg, /class="ms"/g)).toBe(rows.length - tasks.length);
    // every item the schedule has in the window (and nothing else) has a row, critical ones in red
    const ids = [...g!.svg.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(rows.map((r) => r.id));
    for (const it of [...v.schedule.items.values()]) {
      const inWindow = it.start <= w.to && it.end >= w.from;
      if (inWindow) expect(ids).toContain(it.id);
    }
    expect(g!.svg).toMatch(/class="asof"/);
    expect(g!.notes!.join(' ')).toContain(`Critical path: ${v.schedule.criticalPath.join(' → ')}`);
  });

  it('the Gantt shows at most 40 rows and says how many more there are', () => {
    const v = view(join(REPO, 'examples', 'erp-rollout-en'));
    const items = new Map(v.schedule.items);
    const base = [...items.values()][0]!;
    for (let i = 0; i < 60; i++)
      items.set(`T-9${i}`, { ...base, id: `T-9${i}`, kind: 'task', start: '2026-11-23', end: '2026-11-27', late: false, finished: false });
    const [g] = chartFigures({ ...v, schedule: { ...v.schedule, items } }, fmt('en'), ['gantt']);
    expect(count(g!.svg, /class="row"/g)).toBe(MAX_GANTT_ROWS);
    expect(g!.notes![0]).toMatch(/^\d+ more item\(s\) in this window are not shown$/);
  });

  it('milestones: one forecast diamond each, with the slip the schedule computed', () => {
    const v = view(join(REPO, 'examples', 'erp-rollout-en'));
    const [m] = chartFigures(v, fmt('en'), ['milestones']);
    expect(m!.bars).toBe(v.project.milestones.length);
    expect(count(m!.svg, /class="ms-fc"/g)).toBe(v.project.milestones.length);
    for (const ms of v.project.milestones) {
      const slip = v.schedule.items.get(ms.data.id)!.slip!;
      expect(m!.svg).toContain(slip > 0 ? `+${slip} wd` : slip === 0 ? 'on plan' : `${slip} wd`);
    }
  });

  it('KPI bars: a bar per measure with a value, met and not met told by colour and symbol', () => {
    const v = view(ALPHA);
    const [k] = chartFigures(v, fmt('en'), ['kpi']);
    const withValue = kpiList(v.kpis).filter((m) => m.value !== null);
    expect(k!.bars).toBe(withValue.length);
    expect(count(k!.svg, /class="bar"/g)).toBe(withValue.length);
    expect(count(k!.svg, /✓ /g)).toBe(withValue.filter((m) => m.met === true).length);
    expect(count(k!.svg, /✗ /g)).toBe(withValue.filter((m) => m.met === false).length);
    expect(count(k!.svg, /class="bar" fill="#2e7d32"/g)).toBe(withValue.filter((m) => m.met === true).length);
    expect(count(k!.svg, /class="bar" fill="#c62828"/g)).toBe(withValue.filter((m) => m.met === false).length);
  });

  it('burn-up: done counts finished tasks by their (actual) end; the forecast ends with every task', () => {
    const v = view(join(REPO, 'examples', 'crm-dashboard-zh'));
    const { points, total } = burnSeries(v.schedule, AS_OF);
    const tasks = [...v.schedule.items.values()].filter((i) => i.kind === 'task');
    expect(total).toBe(tasks.length);
    const atAsOf = points.find((p) => p.date === AS_OF)!;
    expect(atAsOf.done).toBe(tasks.filter((i) => i.finished).length);
    expect(points[points.length - 1]!.forecast).toBe(total);
    expect(points[points.length - 1]!.planned).toBe(total);
    for (let i = 1; i < points.length; i++) expect(points[i]!.planned).toBeGreaterThanOrEqual(points[i - 1]!.planned);
  });

  it('heat map: 25 cells whose counts add up to the open risks', () => {
    const v = view(join(REPO, 'examples', 'erp-rollout-en'));
    const [h] = chartFigures(v, fmt('en'), ['heatmap']);
    expect(count(h!.svg, /class="cell"/g)).toBe(25);
    const counts = [...h!.svg.matchAll(/data-count="(\d+)"/g)].map((m) => Number(m[1]));
    const open = v.project.risks.filter((r) => r.data.status !== 'closed');
    expect(counts.reduce((a, b) => a + b, 0)).toBe(open.length);
    const cells = riskMatrix(open.map((r) => r.data)).flat();
    for (const c of cells) expect(h!.svg).toContain(`data-p="${c.probability}" data-i="${c.impact}" data-count="${c.ids.length}"`);
  });

  it('record text is escaped and cut to fit', () => {
    expect(xmlEscape('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(fit('一二三四五六七八九十', 60, 12)).toMatch(/…$/);
    expect(fit('short', 200, 12)).toBe('short');
    expect(n(1.25)).toBe('1.3');
    expect(n(-0.01)).toBe('0');
  });
});
