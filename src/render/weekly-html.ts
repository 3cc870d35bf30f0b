// The weekly report as one self-contained HTML file: inline CSS (with print rules), no scripts, no
// external resources; every piece of record text is HTML-escaped.
import type { WeeklyReport } from '../core/weekly.js';
import type { Fmt } from './kpi.js';
import { weeklyDoc } from './weekly-md.js';
import { CHART_CSS } from './svg/common.js';

export function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
:root { --fg: #1f2933; --muted: #616e7c; --line: #d9dee4; --red: #c62828; --amber: #b26a00; --green: #2e7d32; }
* { box-sizing: border-box; }
body { font: 15px/1.6 -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: var(--fg); max-width: 860px; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
.subtitle { font-weight: 600; margin: 0; }
.meta { color: var(--muted); margin: .2rem 0 1rem; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 3px; color: #fff; font-weight: 600; }
.badge.red { background: var(--red); } .badge.amber { background: var(--amber); } .badge.green { background: var(--green); }
ul { padding-left: 1.3rem; margin: .3rem 0; } li { margin: .2rem 0; } li ul { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .93rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f7; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  li, tr { break-inside: avoid; page-break-inside: avoid; }
  .badge { border: 1px solid #000; color: #000; background: none !important; }
  @page { size: A4; margin: 16mm 14mm; }
}
`;

/** `charts`: a block of inline SVG figures (render/svg/charts.ts), shown after the summary. */
export function renderWeeklyHtml(r: WeeklyReport, f: Fmt, lang: string, charts?: string): string {
  const doc = weeklyDoc(r, f, htmlEscape);
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh-CN' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${doc.title} · ${htmlEscape(r.week.label)}</title>`,
    `<style>${CSS}${charts ? CHART_CSS : ''}</style>`,
    '</head>',
    '<body>',
    `<h1>${doc.title}</h1>`,
    `<p class="subtitle">${doc.subtitle}</p>`,
    `<p class="meta">${doc.meta.replace(f.t(`health.${doc.health}`), `<span class="badge ${doc.health}">${f.t(`health.${doc.health}`)}</span>`)}</p>`,
  ];
  doc.sections.forEach((s, i) => {
    if (i === 1 && charts) out.push(charts);
    out.push('<section>', `<h2>${s.title}</h2>`);
    for (const p of s.paragraphs ?? []) out.push(`<p>${p}</p>`);
    if (s.items) {
      out.push('<ul>');
      for (const it of s.items) {
        const sub = it.sub?.length ? `<ul>${it.sub.map((x) => `<li>${x}</li>`).join('')}</ul>` : '';
        out.push(`<li>${it.text}${sub}</li>`);
      }
      out.push('</ul>');
    }
    if (s.table) {
      const al = (i: number) => (s.table!.align?.[i] === 'right' ? ' class="num"' : '');
      out.push('<table>', `<thead><tr>${s.table.head.map((h) => `<th>${htmlEscape(h)}</th>`).join('')}</tr></thead>`, '<tbody>');
      for (const row of s.table.rows) out.push(`<tr>${row.map((c, i) => `<td${al(i)}>${htmlEscape(c)}</td>`).join('')}</tr>`);
      out.push('</tbody>', '</table>');
    }
    out.push('</section>');
  });
  if (doc.sections.length < 2 && charts) out.push(charts);
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}
