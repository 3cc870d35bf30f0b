// The static portfolio site as text (pure): one index of projects, one page per project and one
// stylesheet. Plain HTML and inline SVG, no script, relative links only, so it opens from file:// and
// from any static host (GitHub Pages). Every record text is escaped.
import type { IsoDate } from '../../core/dates.js';
import { acceptanceState } from '../../core/acceptance.js';
import { KPI_KEYS, kpiList, type Kpis } from '../../core/kpi.js';
import type { Project } from '../../core/model.js';
import type { Schedule } from '../../core/schedule.js';
import type { StatusFacts } from '../../core/status.js';
import { formatDate, formatTarget, formatValue, type Fmt } from '../kpi.js';
import { sanitizeInline } from '../sanitize.js';
import { chartFigures } from '../svg/charts.js';
import { CHART_CSS, figureHtml } from '../svg/common.js';
import { kpiFigure } from '../svg/kpi-bars.js';
import { milestoneRows } from '../svg/milestones.js';

export interface SiteProject {
  /** File name stem of the project's page (projects/<slug>.html). */
  slug: string;
  name: string;
  code?: string;
  /** Findings of severity error in its records. */
  errors: number;
  /** The project as of the report date, and what the status command computes from it. */
  project: Project;
  schedule: Schedule;
  facts: StatusFacts;
  /** KPIs of each month, oldest first. */
  trend: { label: string; kpis: Kpis }[];
}

export interface SiteInput {
  asOf: IsoDate;
  lang: string;
  projects: SiteProject[];
  totals: Kpis;
}

const esc = (s: unknown): string =>
  sanitizeInline(s === undefined || s === null ? '' : String(s)).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export const SITE_CSS = `:root { --fg: #1f2933; --muted: #616e7c; --line: #d9dee4; --red: #c62828; --amber: #b26a00; --green: #2e7d32; --link: #1565c0; }
* { box-sizing: border-box; }
body { font: 15px/1.55 -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif; color: var(--fg); max-width: 1100px; margin: 1.5rem auto; padding: 0 1.25rem; }
a { color: var(--link); }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); margin: .2rem 0 1rem; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 3px; color: #fff; font-weight: 600; white-space: nowrap; }
.badge.red { background: var(--red); } .badge.amber { background: var(--amber); } .badge.green { background: var(--green); }
.reasons { margin: .2rem 0 0; padding-left: 1.1rem; color: var(--muted); font-size: .85rem; }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td:first-child { white-space: nowrap; }
th { background: #f3f5f7; overflow-wrap: normal; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.met { color: var(--green); } .notmet { color: var(--red); font-weight: 600; }
.late { color: var(--red); }
table.index th:nth-child(1) { width: 17%; } table.index th:nth-child(2) { width: 27%; } table.index th:nth-child(n+7) { width: 7%; }
footer { color: var(--muted); font-size: .8rem; margin: 2rem 0 1rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .wrap { overflow: visible; }
  table { table-layout: fixed; font-size: 8.5pt; }
  th, td { padding: .2rem .3rem; overflow-wrap: anywhere; }
  .reasons { padding-left: .8rem; font-size: 7.5pt; }
  td:first-child, td.num { white-space: normal; }
  .badge { border: 1px solid #000; color: #000; background: none !important; }
  @page { size: A4; margin: 14mm 12mm; }
}
${CHART_CSS}`;

function page(lang: string, title: string, css: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh-CN' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<link rel="stylesheet" href="${css}">`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function table(head: string[], rows: string[][], numeric: number[] = [], cls = ''): string {
  const al = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
  return [
    `<div class="wrap"><table${cls ? ` class="${cls}"` : ''}>`,
    `<thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((r) => `<tr>${r.map((c, i) => `<td${al(i)}>${c}</td>`).join('')}</tr>`),
    '</tbody>',
    '</table></div>',
  ].join('\n');
}

const badge = (f: Fmt, level: string) =>
  `<span class="badge ${level}">${level === 'red' ? '● ' : level === 'amber' ? '▲ ' : '✓ '}${esc(f.t(`health.${level}`))}</span>`;

function reasons(f: Fmt, facts: StatusFacts): string {
  if (!facts.health.reasons.length) return '';
  return `<ul class="reasons">${facts.health.reasons.map((r) => `<li>${esc(f.t(`health.reason.${r.code}`, { ids: r.ids.join(', '), days: r.days ?? 0 }))}</li>`).join('')}</ul>`;
}

function floatText(f: Fmt, x: number | undefined): string {
  if (x === undefined) return f.t('site.float.none');
  return x < 0 ? `<span class="late">${esc(f.t('site.float.late', { n: -x }))}</span>` : esc(f.t('site.float.ok', { n: x }));
}

function kpisMet(k: Kpis): { met: number; n: number } {
  const judged = kpiList(k).filter((m) => m.met !== null);
  return { met: judged.filter((m) => m.met).length, n: judged.length };
}

export function renderIndex(input: SiteInput, f: Fmt): string {
  const t = f.t;
  const rows = input.projects.map((p) => {
    const pr = p.facts.progress;
    const next = p.facts.milestones.overdue[0] ?? p.facts.milestones.next[0];
    const km = kpisMet(p.facts.kpis);
    const waiting = p.facts.acceptance.length;
    return [
      `<a href="projects/${encodeURIComponent(p.slug)}.html">${esc(p.code ? `${p.code} ` : '')}${esc(p.name)}</a>${p.errors ? `<br><span class="late">${esc(t('site.errors', { n: p.errors }))}</span>` : ''}`,
      `${badge(f, p.facts.health.level)}${reasons(f, p.facts)}`,
      esc(formatDate(f, pr.project_end)),
      esc(formatDate(f, pr.due)),
      floatText(f, pr.due_float),
      next ? `${esc(next.id)} ${esc(next.name)}<br>${esc(formatDate(f, next.forecast ?? next.due))}` : esc(t('site.float.none')),
      km.n ? `<span class="${km.met === km.n ? 'met' : 'notmet'}">${esc(t('site.kpisMet', { met: km.met, n: km.n }))}</span>` : '—',
      String(p.facts.risks.length),
      String(p.facts.open_changes.length),
      String(waiting),
    ];
  });
  const body = [
    `<h1>${esc(t('site.title'))}</h1>`,
    `<p class="meta">${esc(t('site.asOf', { date: formatDate(f, input.asOf) }))}</p>`,
    table(
      [
        t('site.col.project'),
        t('site.col.health'),
        t('site.col.forecast'),
        t('site.col.due'),
        t('site.col.float'),
        t('site.col.next'),
        t('site.col.kpis'),
        t('site.col.risks'),
        t('site.col.changes'),
        t('site.col.acceptance'),
      ],
      rows,
      [7, 8, 9],
      'index',
    ),
    '<section class="charts">',
    figureHtml(kpiFigure(input.totals, f)),
    '</section>',
    `<footer>${esc(t('site.generated'))}</footer>`,
  ];
  return page(input.lang, esc(t('site.title')), 'style.css', body);
}

export function renderProjectPage(input: SiteInput, p: SiteProject, f: Fmt): string {
  const t = f.t;
  const facts = p.facts;
  const pr = facts.progress;
  const body: string[] = [
    `<p><a href="../index.html">${esc(t('site.back'))}</a></p>`,
    `<h1>${esc(p.code ? `${p.code} ` : '')}${esc(p.name)}</h1>`,
    `<p class="meta">${esc(facts.project.client)} · ${esc(t('site.asOf', { date: formatDate(f, input.asOf) }))} · ${badge(f, facts.health.level)}</p>`,
  ];
  if (p.errors) body.push(`<p class="late">${esc(t('site.errors', { n: p.errors }))}</p>`);
  body.push(
    `<h2>${esc(t('site.status'))}</h2>`,
    reasons(f, facts) || `<p>${esc(t('wk.health.green'))}</p>`,
    `<p>${esc(t('site.progressLine', { done: pr.tasks_done, total: pr.tasks_total, planned: pr.tasks_planned_to_date }))}<br>` +
      `${esc(t('site.forecastLine', { forecast: formatDate(f, pr.project_end), due: formatDate(f, pr.due) }))} · ${floatText(f, pr.due_float)}</p>`,
  );
  const figs = chartFigures({ project: p.project, schedule: p.schedule, asOf: input.asOf, kpis: facts.kpis }, f, [
    'gantt',
    'milestones',
    'burnup',
  ]);
  body.push('<section class="charts">', ...figs.map(figureHtml), '</section>');

  body.push(`<h2>${esc(t('site.milestones'))}</h2>`);
  const ms = milestoneRows(p.project, p.schedule);
  body.push(
    ms.length
      ? table(
          [
            t('site.col.id'),
            t('site.col.name'),
            t('site.col.baseline'),
            t('site.col.forecastDate'),
            t('site.col.dueDate'),
            t('site.col.slipWd'),
          ],
          ms.map((m) => [
            esc(m.id),
            esc(m.name),
            esc(formatDate(f, m.baseline)),
            esc(formatDate(f, m.forecast)) + (m.done ? ' ✓' : ''),
            esc(formatDate(f, m.due)),
            m.slip === undefined ? '—' : `<span class="${m.slip > 0 ? 'late' : ''}">${m.slip > 0 ? '+' : ''}${m.slip}</span>`,
          ]),
          [5],
        )
      : `<p>${esc(t('site.none'))}</p>`,
  );

  body.push(`<h2>${esc(t('site.risks'))}</h2>`);
  const [heat] = chartFigures({ project: p.project, schedule: p.schedule, asOf: input.asOf, kpis: facts.kpis }, f, ['heatmap']);
  body.push('<section class="charts">', figureHtml(heat!), '</section>');
  body.push(
    facts.risks.length
      ? table(
          [t('site.col.id'), t('site.col.title'), t('site.col.score'), t('site.col.owner'), t('site.col.status'), t('site.col.nextAction')],
          facts.risks.map((r) => [
            esc(r.id),
            esc(r.title),
            `${r.score} ${esc(t(`chart.heat.${r.level}`))}`,
            esc(r.owner),
            esc(r.status),
            (r.next_action
              ? `${esc(r.next_action.text)}${r.next_action.due ? ` (${esc(formatDate(f, r.next_action.due, true))})` : ''}`
              : '—') + (r.overdue_actions.length ? ` <span class="late">!</span>` : ''),
          ]),
          [2],
        )
      : `<p>${esc(t('site.none'))}</p>`,
  );

  body.push(`<h2>${esc(t('site.changes'))}</h2>`);
  const changes = p.project.changes.map((c) => c.data);
  body.push(
    changes.length
      ? table(
          [
            t('site.col.id'),
            t('site.col.title'),
            t('site.col.status'),
            t('site.col.submitted'),
            t('site.col.slip'),
            t('site.col.awaiting'),
          ],
          changes.map((c) => {
            const awaiting =
              c.status === 'submitted'
                ? (['customer', 'internal'] as const).filter((s) => !c.approvals?.[s]).map((s) => t(`site.awaiting.${s}`))
                : [];
            return [
              esc(c.id),
              esc(c.title),
              esc(c.status),
              esc(formatDate(f, c.submitted)),
              c.schedule_days !== undefined ? esc(t('rep.wd', { n: `${c.schedule_days > 0 ? '+' : ''}${c.schedule_days}` })) : '—',
              esc(awaiting.join(', ') || '—'),
            ];
          }),
        )
      : `<p>${esc(t('site.none'))}</p>`,
  );

  body.push(`<h2>${esc(t('site.acceptance'))}</h2>`);
  const acc = p.project.acceptance.map((a) => a.data);
  body.push(
    acc.length
      ? table(
          [t('site.col.id'), t('site.col.deliverable'), t('site.col.delivered'), t('site.col.rounds'), t('site.col.state')],
          acc.map((a) => {
            const state = acceptanceState(a, input.asOf);
            return [
              esc(a.id),
              esc(a.deliverable),
              esc(formatDate(f, a.delivered)),
              String(a.rounds?.length ?? 0),
              esc(t(`site.acc.${state}`)),
            ];
          }),
          [3],
        )
      : `<p>${esc(t('site.none'))}</p>`,
  );

  body.push(`<h2>${esc(t('site.kpiTrend'))}</h2>`);
  body.push('<section class="charts">', figureHtml(kpiFigure(facts.kpis, f)), '</section>');
  if (p.trend.length) {
    body.push(
      table(
        [t('site.col.measure'), ...p.trend.map((m) => m.label), t('site.col.target')],
        KPI_KEYS.map((key) => [
          esc(t(`kpi.name.${key}`)),
          ...p.trend.map((m) => {
            const x = m.kpis[key];
            const cls = x.met === true ? 'met' : x.met === false ? 'notmet' : '';
            const sym = x.met === true ? '✓ ' : x.met === false ? '✗ ' : '';
            return x.value === null ? '—' : `<span class="${cls}">${sym}${esc(formatValue(x))}</span>`;
          }),
          esc(formatTarget(facts.kpis[key])),
        ]),
        p.trend.map((_, i) => i + 1),
      ),
    );
  }
  body.push(`<footer>${esc(t('site.generated'))}</footer>`);
  return page(input.lang, `${esc(p.name)} · ${esc(t('site.title'))}`, '../style.css', body);
}
