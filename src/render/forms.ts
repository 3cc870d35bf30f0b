// The toolkit's forms (客户需求登记表, 需求分析说明书, 需求变更申请单, 客户验收表) filled from the records,
// as A4 HTML (print CSS, signature and stamp blanks for the sides that sign) or Markdown. Pure: the
// records in, the text out; every piece of record text is escaped for the target format.
import type { Acceptance, Change, Requirement } from '../core/model.js';
import type { Translate } from './i18n.js';
import { sanitize } from './sanitize.js';

export interface FormField {
  label: string;
  value: string;
  wide?: boolean;
}
export interface FormTable {
  title: string;
  head: string[];
  rows: string[][];
}
export interface Signature {
  label: string;
  stamp?: boolean;
  name?: string;
}
export interface Form {
  title: string;
  number: string;
  fields: FormField[];
  tables: FormTable[];
  signatures: Signature[];
}

const v = (x: unknown) => (x === undefined || x === null || x === '' ? '' : sanitize(String(x)));
const list = (xs: readonly string[] | undefined, sep = '\n') => (xs ?? []).map(v).join(sep);

export function requirementForm(t: Translate, r: Requirement): Form {
  return {
    title: t('form.requirement.title'),
    number: r.id,
    fields: [
      { label: t('form.f.id'), value: v(r.id) },
      { label: t('form.f.customer'), value: v(r.customer) },
      { label: t('form.f.contact'), value: v(r.contact) },
      { label: t('form.f.contactInfo'), value: [r.contact_phone, r.contact_email].filter(Boolean).map(v).join(' / ') },
      { label: t('form.f.summary'), value: v(r.title), wide: true },
      { label: t('form.f.details'), value: v(r.description), wide: true },
      { label: t('form.f.attachments'), value: list(r.attachments), wide: true },
      { label: t('form.f.urgency'), value: t(`urgency.${r.urgency}`) },
      { label: t('form.f.expected'), value: v(r.due) },
      { label: t('form.f.submitted'), value: v(r.received) },
      { label: t('form.f.receiver'), value: v(r.receiver) },
      { label: t('form.f.status'), value: t(`status.${r.status}`) },
      { label: t('form.f.channel'), value: r.channel ? t(`form.channel.${r.channel}`) : '' },
    ],
    tables: [],
    signatures: [
      { label: t('form.sig.customer'), stamp: true },
      { label: t('form.sig.receiver'), name: v(r.receiver) },
    ],
  };
}

export function analysisForm(t: Translate, r: Requirement): Form {
  const a = r.analysis,
    f = r.feasibility;
  return {
    title: t('form.analysis.title'),
    number: r.id,
    fields: [
      { label: t('form.f.id'), value: v(r.id) },
      { label: t('form.f.name'), value: v(r.title) },
      { label: t('form.f.analyst'), value: v(a?.analyst) },
      { label: t('form.f.analysisDate'), value: v(a?.date) },
      { label: t('form.f.background'), value: [a?.background, a?.goal].filter(Boolean).map(v).join('\n'), wide: true },
      { label: t('form.f.features'), value: list(a?.features), wide: true },
      { label: t('form.f.priority'), value: a?.priority ? t(`urgency.${a.priority}`) : '' },
      { label: t('form.f.suggested'), value: a?.suggested_days !== undefined ? t('rep.wd', { n: a.suggested_days }) : '' },
      { label: t('form.f.resources'), value: v(a?.resources), wide: true },
      { label: t('form.f.risks'), value: list(a?.risks), wide: true },
      {
        label: t('form.f.feasibility'),
        value: f ? t(f.feasible ? 'form.feasible' : 'form.notFeasible', { who: v(f.assessor), date: v(f.date) }) : '',
        wide: true,
      },
    ],
    tables: [],
    signatures: [
      { label: t('form.sig.analyst'), name: v(a?.analyst) },
      { label: t('form.sig.assessor'), name: v(f?.assessor) },
      { label: t('form.sig.customerConfirm'), stamp: true },
    ],
  };
}

export function changeForm(t: Translate, c: Change): Form {
  return {
    title: t('form.change.title'),
    number: c.id,
    fields: [
      { label: t('form.f.changeId'), value: v(c.id) },
      { label: t('form.f.submitted'), value: v(c.submitted) },
      { label: t('form.f.requestedBy'), value: v(c.requested_by) },
      { label: t('form.f.requirements'), value: (c.requirements ?? []).map(v).join(', ') },
      { label: t('form.f.changeTitle'), value: v(c.title), wide: true },
      { label: t('form.f.reason'), value: v(c.reason), wide: true },
      { label: t('form.f.changeDetails'), value: v(c.description), wide: true },
      { label: t('form.f.scheduleImpact'), value: c.schedule_days !== undefined ? t('rep.wd', { n: c.schedule_days }) : '' },
      { label: t('form.f.costImpact'), value: c.cost ? `${c.cost.amount} ${c.cost.currency}` : '' },
      { label: t('form.f.tasks'), value: (c.tasks ?? []).map(v).join(', '), wide: true },
    ],
    tables: [],
    signatures: [
      { label: t('form.sig.requester'), name: v(c.requested_by) },
      { label: t('form.sig.customerApprove'), stamp: true },
      { label: t('form.sig.internalApprove') },
    ],
  };
}

export function acceptanceForm(t: Translate, a: Acceptance, reqs: readonly Requirement[]): Form {
  const final = [...(a.rounds ?? [])].reverse().find((r) => (r.kind ?? 'final') === 'final');
  const last = final ?? (a.rounds ?? [])[(a.rounds ?? []).length - 1];
  const tables: FormTable[] = [];
  if (a.deliverables?.length) {
    tables.push({
      title: t('form.t.deliverables'),
      head: [t('form.h.type'), t('form.h.name'), t('form.h.version'), t('form.h.file'), t('form.h.handedOver')],
      rows: a.deliverables.map((d) => [t(`accept.dtype.${d.type}`), v(d.name), v(d.version), v(d.file), v(d.handed_over)]),
    });
  }
  if (a.rounds?.length) {
    tables.push({
      title: t('form.t.rounds'),
      head: [t('form.h.round'), t('form.h.date'), t('form.h.kind'), t('form.h.checked'), t('form.h.result'), t('form.h.reasons')],
      rows: a.rounds.map((r, i) => [
        String(i + 1),
        v(r.date),
        t(`accept.kind.${r.kind ?? 'final'}`),
        list(r.checked),
        t(`accept.result.${r.result}`),
        list(r.reasons),
      ]),
    });
  }
  if (a.rectifications?.length) {
    tables.push({
      title: t('form.t.rectification'),
      head: [t('form.h.no'), t('form.h.finding'), t('form.h.owner'), t('form.h.due'), t('form.h.fixed'), t('form.h.verified')],
      rows: a.rectifications.map((x, i) => [
        String(i + 1),
        v(x.finding),
        v(x.owner),
        v(x.due),
        v(x.fixed),
        x.verified ? `${v(x.verified_by)} ${v(x.verified)}` : x.accepted_open ? t('form.acceptedOpen', { by: v(x.accepted_open.by) }) : '',
      ]),
    });
  }
  const names = a.requirements.map((id) => reqs.find((r) => r.id === id)?.title ?? id);
  return {
    title: t('form.acceptance.title'),
    number: a.id,
    fields: [
      { label: t('form.f.reqIds'), value: a.requirements.map(v).join(', ') },
      { label: t('form.f.deliverable'), value: v(a.deliverable) },
      { label: t('form.f.delivered'), value: v(a.delivered) },
      { label: t('form.f.inspected'), value: v(last?.date) },
      { label: t('form.f.customerContact'), value: v(last?.contact) },
      { label: t('form.f.result'), value: last ? t(`accept.result.${last.result}`) : '' },
      { label: t('form.f.scope'), value: names.map(v).join('\n'), wide: true },
      { label: t('form.f.contents'), value: list(a.items), wide: true },
      { label: t('form.f.failReasons'), value: list(last?.result === 'fail' ? last.reasons : undefined), wide: true },
    ],
    tables,
    signatures: [{ label: t('form.sig.customerAccept'), stamp: true }, { label: t('form.sig.supplier') }],
  };
}

const h = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const br = (s: string) => h(s).replace(/\n/g, '<br>');

const CSS = `
@page { size: A4; margin: 15mm 15mm 15mm 15mm; }
* { box-sizing: border-box; }
html { background: #e9ecef; }
body { font: 10.5pt/1.5 "Songti SC", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", "Times New Roman", serif; color: #000; margin: 0; }
.page { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 15mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
h1 { text-align: center; font-size: 18pt; margin: 0 0 2mm; }
html[lang="zh-CN"] h1 { letter-spacing: .15em; }
.no { text-align: right; font-size: 9.5pt; margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0 0 4mm; }
th, td { border: 1px solid #000; padding: 1.8mm 2mm; vertical-align: top; text-align: left; word-wrap: break-word; overflow-wrap: anywhere; }
th { background: #f2f2f2; font-weight: 600; width: 22%; }
table.list th { width: auto; }
td.empty { height: 9mm; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; }
.sign { display: flex; gap: 6mm; margin-top: 8mm; }
.sign .box { flex: 1; border: 1px solid #000; padding: 3mm; min-height: 42mm; position: relative; }
.sign .label { font-weight: 600; }
.sign .stamped .line, .sign .stamped .date { margin-right: 28mm; }
.sign .line { margin-top: 14mm; border-bottom: 1px solid #000; height: 0; }
.sign .date { margin-top: 5mm; }
.sign .stamp { position: absolute; right: 3mm; bottom: 3mm; width: 26mm; height: 26mm; border: 1px dashed #777; border-radius: 50%; color: #777; font-size: 8.5pt; display: flex; align-items: center; justify-content: center; text-align: center; }
.foot { margin-top: 6mm; font-size: 8.5pt; color: #444; }
@media print { html { background: none; } .page { margin: 0; width: auto; min-height: 0; padding: 0; box-shadow: none; } tr, .sign { break-inside: avoid; page-break-inside: avoid; } }
`;

export function renderFormHtml(f: Form, t: Translate, lang: string, footer: string): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh-CN' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${h(f.title)} ${h(f.number)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<div class="page">',
    `<h1>${h(f.title)}</h1>`,
    `<p class="no">${h(t('form.number', { id: f.number }))}</p>`,
    '<table>',
  ];
  // Two label/value pairs per row; wide fields take the whole row.
  let pending: FormField | undefined;
  const cell = (x: FormField) => `<th>${h(x.label)}</th><td${x.value ? '' : ' class="empty"'}>${br(x.value)}</td>`;
  for (const x of f.fields) {
    if (x.wide) {
      if (pending) {
        out.push(`<tr>${cell(pending)}<th></th><td></td></tr>`);
        pending = undefined;
      }
      out.push(`<tr><th>${h(x.label)}</th><td colspan="3"${x.value ? '' : ' class="empty"'}>${br(x.value)}</td></tr>`);
    } else if (pending) {
      out.push(`<tr>${cell(pending)}${cell(x)}</tr>`);
      pending = undefined;
    } else pending = x;
  }
  if (pending) out.push(`<tr>${cell(pending)}<th></th><td></td></tr>`);
  out.push('</table>');
  for (const tb of f.tables) {
    out.push(
      `<h2>${h(tb.title)}</h2>`,
      '<table class="list">',
      `<thead><tr>${tb.head.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead>`,
      '<tbody>',
    );
    for (const row of tb.rows) out.push(`<tr>${row.map((c) => `<td>${br(c)}</td>`).join('')}</tr>`);
    out.push('</tbody>', '</table>');
  }
  out.push('<div class="sign">');
  for (const s of f.signatures) {
    out.push(
      `<div class="box${s.stamp ? ' stamped' : ''}">`,
      `<div class="label">${h(s.label)}</div>`,
      ...(s.stamp ? [`<div class="stamp">${h(t('form.stamp'))}</div>`] : []),
      `<div class="line"></div>`,
      `<div class="date">${h(t('form.date'))}</div>`,
      '</div>',
    );
  }
  out.push('</div>', `<p class="foot">${h(footer)}</p>`, '</div>', '</body>', '</html>');
  return out.join('\n') + '\n';
}

export function renderFormMd(f: Form, t: Translate, footer: string): string {
  const esc = (s: string) => s.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/\n/g, '<br>');
  const out: string[] = [
    `# ${esc(f.title)}`,
    '',
    t('form.number', { id: esc(f.number) }),
    '',
    `| ${t('form.h.item')} | ${t('form.h.content')} |`,
    '| --- | --- |',
  ];
  for (const x of f.fields) out.push(`| ${esc(x.label)} | ${esc(x.value)} |`);
  out.push('');
  for (const tb of f.tables) {
    out.push(`## ${esc(tb.title)}`, '', `| ${tb.head.map(esc).join(' | ')} |`, `| ${tb.head.map(() => '---').join(' | ')} |`);
    for (const row of tb.rows) out.push(`| ${row.map(esc).join(' | ')} |`);
    out.push('');
  }
  for (const s of f.signatures) out.push(t('form.sigMd', { label: esc(s.label), stamp: s.stamp ? t('form.stampMd') : '' }), '');
  out.push(`_${esc(footer)}_`, '');
  return out.join('\n');
}
