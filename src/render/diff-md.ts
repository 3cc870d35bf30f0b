// `deliver diff --format md`: a pull-request comment. The summary comes first; details are folded
// in <details> blocks. Record text is untrusted: Markdown, HTML, math and @-mentions are escaped
// so a title can neither break the layout, inject markup nor ping people.
import type { Diagnostic } from '../core/diagnostics.js';
import type { DiffDocument, Msg } from './diff-lines.js';
import { escapeArgs, findingLine, type DiffLabels } from './diff-text.js';
import type { Lang, Translate } from './i18n.js';
import { sanitizeInline } from './sanitize.js';

/** First line of every Markdown diff (an HTML comment: invisible on GitHub). */
const MD_MARKER = '<!-- deliver-diff -->';

/** A comment must stay well under GitHub's 65,536-character limit. */
const MAX_LINES_PER_SECTION = 200;

const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };

/** Escapes text for inline Markdown (GitHub flavour): one line, no markup, no HTML, no mentions. */
export function mdEscape(s: string): string {
  return sanitizeInline(s)
    .replace(/[<>&"]/g, (ch) => ENTITY[ch]!)
    .replace(/[\\`*_[\]|~#!$]/g, (ch) => `\\${ch}`)
    .replace(/@/g, '@&#8203;')
    .replace(/:\/\//g, ':&#47;&#47;'); // no autolinks from record text
}

function block(title: string, items: string[]): string[] {
  const shown =
    items.length > MAX_LINES_PER_SECTION
      ? [...items.slice(0, MAX_LINES_PER_SECTION), `… (${items.length - MAX_LINES_PER_SECTION})`]
      : items;
  return ['<details>', `<summary>${title} (${items.length})</summary>`, '', ...shown.map((s) => `- ${s}`), '', '</details>'];
}

export function renderDiffMarkdown(doc: DiffDocument, labels: DiffLabels, t: Translate, lang: Lang): string {
  const line = (m: Msg) => t(m.key, escapeArgs(m.args, mdEscape));
  const code = (s: string) => `\`${sanitizeInline(s).replace(/`/g, "'")}\``;
  // The marker lets a CI job find and update its own comment instead of adding a new one each push.
  const out: string[] = [MD_MARKER, `### ${t('diff.title', { base: code(labels.base), head: code(labels.head) })}`, ''];
  for (const n of doc.notes) out.push(`> ${line(n)}`, '');
  if (doc.summary.length === 0 && doc.sections.length === 0) {
    out.push(t('diff.noChanges'));
    return out.join('\n') + '\n';
  }
  for (const m of doc.summary) out.push(`- ${line(m)}`);
  for (const s of doc.sections) {
    out.push('');
    if (s.findings) {
      const f = (d: Diagnostic, label: string) => `${label}: ${mdEscape(findingLine(d, lang))}`;
      out.push(
        ...block(t(s.title), [
          ...s.findings.introduced.map((d) => f(d, `**${t('diff.finding.introduced')}**`)),
          ...s.findings.fixed.map((d) => f(d, t('diff.finding.fixed'))),
        ]),
      );
    } else {
      out.push(...block(t(s.title), s.lines.map(line)));
    }
  }
  out.push('', `<sub>${t('diff.footer')}</sub>`);
  return out.join('\n') + '\n';
}
