// `deliver diff` as terminal text: a header naming both sides, the summary, then one block per
// area. Every argument that may carry record text is sanitized here.
import type { Diagnostic } from '../core/diagnostics.js';
import { formatLocation, renderDiagnostic, type Paint } from './diagnostics.js';
import type { Args, DiffDocument, Msg } from './diff-lines.js';
import type { Lang, Translate } from './i18n.js';
import { sanitizeInline } from './sanitize.js';

export interface DiffLabels {
  /** e.g. `origin/main (3f2a9c1)`. */
  base: string;
  head: string;
}

export function escapeArgs(args: Args, esc: (s: string) => string): Args {
  const out: Args = {};
  for (const [k, v] of Object.entries(args)) out[k] = typeof v === 'string' ? esc(v) : v;
  return out;
}

export function findingLine(d: Diagnostic, lang: Lang): string {
  const r = renderDiagnostic(d, lang);
  return `${formatLocation(r)}: ${r.severity} ${r.code} ${r.message}`;
}

export function renderDiffText(doc: DiffDocument, labels: DiffLabels, t: Translate, lang: Lang, paint: Paint): string {
  const line = (m: Msg) => t(m.key, escapeArgs(m.args, sanitizeInline));
  const out: string[] = [paint.bold(t('diff.title', { base: sanitizeInline(labels.base), head: sanitizeInline(labels.head) }))];
  for (const n of doc.notes) out.push(line(n));
  if (doc.summary.length === 0 && doc.sections.length === 0) {
    out.push(t('diff.noChanges'));
    return out.join('\n') + '\n';
  }
  out.push('', paint.bold(t('diff.summary')));
  for (const m of doc.summary) out.push(`  ${line(m)}`);
  for (const s of doc.sections) {
    out.push('', paint.bold(t(s.title)));
    for (const m of s.lines) out.push(`  ${line(m)}`);
    if (s.findings) {
      for (const d of s.findings.introduced) out.push(`  ${paint.red(t('diff.finding.introduced'))}: ${findingLine(d, lang)}`);
      for (const d of s.findings.fixed) out.push(`  ${paint.cyan(t('diff.finding.fixed'))}: ${findingLine(d, lang)}`);
    }
  }
  return out.join('\n') + '\n';
}
