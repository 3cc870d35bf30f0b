// The delivery summary (交付总结报告) and the monthly report (月报) as documents of sections, rendered as
// Markdown or one self-contained HTML file (inline CSS with A4 print rules, the SVG charts inline).
// Record text is escaped for the target format before it enters a sentence or a cell.
import type { CloseoutReport, MonthlyReport, AcceptanceLine, ChangeLine, Lessons } from '../core/closeout.js';
import { kpiList } from '../core/kpi.js';
import { formatBasis, formatDate, formatMet, formatRange, formatTarget, formatValue, measureName, type Fmt } from './kpi.js';
import { sanitizeInline } from './sanitize.js';
import { htmlEscape } from './weekly-html.js';
import { mdEscape, type Section } from './weekly-md.js';
import { CHART_CSS } from './svg/common.js';
import type { Kpis } from '../core/kpi.js';

export interface ReportDoc {
  title: string;
  subtitle: string;
  meta: string;
  sections: Section[];
}
type Esc = (s: string) => string;

function helpers(f: Fmt, esc: Esc) {
  const x = (v: unknown) => esc(sanitizeInline(v === undefined || v === null ? '' : String(v)));
  const d = (iso: string | undefined) => formatDate(f, iso);
  return { t: f.t, x, d };
}

function kpiSection(f: Fmt, k: Kpis, x: (v: unknown) => string): Section {
  const t = f.t;
  return {
    title: t('rpt.kpis'),
    table: {
      head: [t('kpi.col.measure'), t('kpi.col.value'), t('kpi.col.basis'), t('kpi.col.target'), t('kpi.col.met')],
      rows: kpiList(k).map((m) => [
        m.label !== undefined ? t('kpi.name.satisfaction_own', { dim: x(m.label) }) : measureName(t, m),
        formatValue(m),
        formatBasis(t, m),
        formatTarget(m),
        formatMet(t, m),
      ]),
      align: ['left', 'right', 'right', 'right', 'left'],
    },
  };
}

function acceptanceSection(
  f: Fmt,
  title: string,
  lines: AcceptanceLine[],
  x: (v: unknown) => string,
  d: (s: string | undefined) => string,
): Section {
  const t = f.t;
  if (!lines.length) return { title, paragraphs: [t('rpt.none')] };
  return {
    title,
    table: {
      head: [
        t('exp.h.id'),
        t('accept.col.deliverable'),
        t('accept.col.delivered'),
        t('rpt.rounds'),
        t('rpt.signed'),
        t('accept.show.rectifications'),
      ],
      rows: lines.map((a) => [
        a.id,
        x(a.deliverable),
        d(a.delivered),
        a.rounds.map((r) => `${d(r.date)} ${t(`accept.kind.${r.kind}`)} ${t(`accept.result.${r.result}`)}`).join(t('rep.listSep')) || '—',
        a.signed ? `${x(a.signed.by)} ${d(a.signed.on)}` : '—',
        a.rectifications.total
          ? t('rpt.rectCounts', {
              total: a.rectifications.total,
              verified: a.rectifications.verified,
              accepted_open: a.rectifications.accepted_open,
              open: a.rectifications.open,
            })
          : '—',
      ]),
    },
  };
}

function changeSection(f: Fmt, title: string, lines: ChangeLine[], x: (v: unknown) => string): Section {
  const t = f.t;
  if (!lines.length) return { title, paragraphs: [t('rpt.none')] };
  return {
    title,
    table: {
      head: [t('exp.h.id'), t('exp.h.title'), t('req.col.status'), t('rpt.scheduleDays'), t('rpt.cost')],
      rows: lines.map((c) => [
        c.id,
        x(c.title),
        t(`change.status.${c.status}`),
        c.schedule_days !== undefined ? String(c.schedule_days) : '—',
        c.cost ? `${c.cost.amount} ${c.cost.currency}` : '—',
      ]),
      align: ['left', 'left', 'left', 'right', 'right'],
    },
  };
}

function lessonsSection(f: Fmt, l: Lessons, x: (v: unknown) => string): Section {
  const t = f.t;
  if (!l.meetings.length) return { title: t('rpt.lessons'), paragraphs: [t('rpt.noRetro')] };
  const group = (label: string, items: string[]) => (items.length ? [{ text: label, sub: items.map(x) }] : []);
  return {
    title: t('rpt.lessons'),
    paragraphs: [t('rpt.fromRetro', { ids: l.meetings.join(', ') })],
    items: [
      ...group(t('meeting.highlights'), l.highlights),
      ...group(t('meeting.problems'), l.problems),
      ...group(t('meeting.improvements'), l.improvements),
    ],
  };
}

export function closeoutDoc(r: CloseoutReport, f: Fmt, esc: Esc): ReportDoc {
  const { t, x, d } = helpers(f, esc);
  const s = r.scope;
  const sections: Section[] = [];
  sections.push({
    title: t('rpt.scope'),
    paragraphs: [
      t('rpt.scopeLine', {
        requested: s.requested,
        accepted: s.accepted,
        rejected: s.rejected,
        on_hold: s.on_hold,
        open: s.open,
        archived: s.archived,
      }),
    ],
    ...(s.lines.length
      ? {
          table: {
            head: [t('exp.h.id'), t('exp.h.title'), t('req.col.status'), t('req.col.received'), t('rpt.closed'), t('exp.h.archived')],
            rows: s.lines.map((l) => [l.id, x(l.title), t(`status.${l.status}`), d(l.received), d(l.closed), d(l.archived)]),
          },
        }
      : {}),
  });
  const sc = r.schedule;
  sections.push({
    title: t('rpt.schedule'),
    paragraphs: [
      t('rpt.scheduleLine', {
        start: d(sc.start),
        due: d(sc.due),
        end: d(sc.end),
        baseline: sc.baseline ? x(sc.baseline) : '—',
        baselineEnd: d(sc.baseline_end),
        float: sc.due_float ?? '—',
      }),
    ],
    ...(sc.milestones.length
      ? {
          table: {
            head: [t('exp.h.id'), t('exp.h.name'), t('rpt.due'), t('rpt.baseline'), t('rpt.forecastOrDone'), t('rpt.slip')],
            rows: sc.milestones.map((m) => [
              m.id,
              x(m.name),
              d(m.due),
              d(m.baseline),
              m.done ? t('rpt.doneOn', { date: d(m.done) }) : d(m.forecast),
              m.slip !== undefined ? t('rep.wd', { n: m.slip }) : '—',
            ]),
            align: ['left', 'left', 'left', 'left', 'left', 'right'],
          },
        }
      : {}),
  });
  sections.push(changeSection(f, t('rpt.changes'), r.changes, x));
  sections.push(acceptanceSection(f, t('rpt.acceptance'), r.acceptance, x, d));
  sections.push(kpiSection(f, r.kpis, x));
  sections.push(lessonsSection(f, r.lessons, x));
  return {
    title: t('rpt.closeout.title', { name: x(r.project.name) }),
    subtitle: t('rpt.closeout.subtitle', { client: x(r.project.client) }),
    meta: t('rpt.meta', { date: formatDate(f, r.as_of) }),
    sections,
  };
}

export function monthlyDoc(r: MonthlyReport, f: Fmt, esc: Esc): ReportDoc {
  const { t, x, d } = helpers(f, esc);
  const v = r.volume;
  const sections: Section[] = [];
  const k = r.kpis;
  sections.push({
    title: t('rpt.figures'),
    paragraphs: [t('rpt.volumeLine', { received: v.received, accepted: v.accepted, rejected: v.rejected, open: v.open_at_end })],
    table: {
      head: [t('kpi.col.measure'), t('kpi.col.value'), t('kpi.col.basis')],
      rows: [
        k.requirements_received,
        k.acceptance_pass_rate,
        k.first_pass_rate,
        k.average_cycle_days,
        k.analysis_sla_rate,
        k.feasibility_sla_rate,
        k.rectification_on_time_rate,
      ].map((m) => [measureName(t, m), formatValue(m), formatBasis(t, m)]),
      align: ['left', 'right', 'right'],
    },
  });
  sections.push(
    r.sla_misses.length
      ? {
          title: t('rpt.slaMisses'),
          items: r.sla_misses.map((m) => ({
            text: t(m.done ? 'rpt.missDone' : 'rpt.missOpen', {
              title: x(m.title),
              id: x(m.id),
              step: t(`wf.step.${m.step}`),
              start: d(m.start),
              done: d(m.done),
              n: m.days,
            }),
          })),
        }
      : { title: t('rpt.slaMisses'), paragraphs: [t('rpt.noMisses')] },
  );
  sections.push(
    r.problems.length
      ? {
          title: t('rpt.problems'),
          items: r.problems.map((p) => ({
            text: t('rpt.problemItem', { text: x(p.text), src: t(`rpt.src.${p.source}`), id: x(p.id), date: d(p.date) }),
          })),
        }
      : { title: t('rpt.problems'), paragraphs: [t('rpt.noProblems')] },
  );
  sections.push(acceptanceSection(f, t('rpt.acceptanceMonth'), r.acceptance, x, d));
  sections.push(changeSection(f, t('rpt.changesMonth'), r.changes, x));
  sections.push(
    r.meetings.length
      ? {
          title: t('rpt.meetings'),
          items: r.meetings.map((m) => ({
            text: t('rpt.meetingItem', { date: d(m.date), kind: t(`meeting.kind.${m.kind}`), title: x(m.title), id: x(m.id) }),
          })),
        }
      : { title: t('rpt.meetings'), paragraphs: [t('rpt.none')] },
  );
  if (r.lessons.meetings.length) sections.push(lessonsSection(f, r.lessons, x));
  sections.push(kpiSection(f, r.kpis, x));
  return {
    title: t('rpt.monthly.title', { name: x(r.project.name), month: r.month.label }),
    subtitle: t('rpt.monthly.subtitle', { client: x(r.project.client), range: formatRange(f, r.month.from, r.month.to) }),
    meta: t('rpt.meta', { date: formatDate(f, r.as_of) }),
    sections,
  };
}

const CSS = `
:root { --fg: #1f2933; --muted: #616e7c; --line: #d9dee4; }
* { box-sizing: border-box; }
body { font: 15px/1.6 -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: var(--fg); max-width: 900px; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; } h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
.subtitle { font-weight: 600; margin: 0; } .meta { color: var(--muted); margin: .2rem 0 1rem; }
ul { padding-left: 1.3rem; margin: .3rem 0; } li { margin: .2rem 0; } li ul { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .93rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f7; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; } li, tr, figure { break-inside: avoid; page-break-inside: avoid; }
  @page { size: A4; margin: 16mm 14mm; }
}
`;

/** `charts`: inline SVG figures (render/svg/charts.ts chartsSection), placed after the first section. */
export function renderDocHtml(doc: ReportDoc, lang: string, charts?: string): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh-CN' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${doc.title}</title>`,
    `<style>${CSS}${charts ? CHART_CSS : ''}</style>`,
    '</head>',
    '<body>',
    `<h1>${doc.title}</h1>`,
    `<p class="subtitle">${doc.subtitle}</p>`,
    `<p class="meta">${doc.meta}</p>`,
  ];
  doc.sections.forEach((s, i) => {
    if (i === 1 && charts) out.push(charts);
    out.push('<section>', `<h2>${s.title}</h2>`);
    for (const p of s.paragraphs ?? []) out.push(`<p>${p}</p>`);
    if (s.items) {
      out.push('<ul>');
      for (const it of s.items)
        out.push(`<li>${it.text}${it.sub?.length ? `<ul>${it.sub.map((x) => `<li>${x}</li>`).join('')}</ul>` : ''}</li>`);
      out.push('</ul>');
    }
    if (s.table) {
      const al = (j: number) => (s.table!.align?.[j] === 'right' ? ' class="num"' : '');
      out.push('<table>', `<thead><tr>${s.table.head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`, '<tbody>');
      for (const row of s.table.rows) out.push(`<tr>${row.map((c, j) => `<td${al(j)}>${c}</td>`).join('')}</tr>`);
      out.push('</tbody>', '</table>');
    }
    out.push('</section>');
  });
  if (doc.sections.length < 2 && charts) out.push(charts);
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}

export { htmlEscape, mdEscape };
