// Prints findings as text (`file:line:col: error CODE message` and a hint line), JSON, or GitHub
// workflow annotations. Every piece of text that came from a file is sanitized here.
import type { Diagnostic } from '../core/diagnostics.js';
import { diagnosticText, type Lang } from './i18n.js';
import { sanitizeInline } from './sanitize.js';

export type DiagnosticFormat = 'text' | 'json' | 'github';

export interface RenderedDiagnostic {
  code: string;
  severity: string;
  file: string;
  line: number | null;
  column: number | null;
  message: string;
  hint: string | null;
}

function cleanArgs(args: Diagnostic['args']): Diagnostic['args'] {
  const out: Diagnostic['args'] = {};
  for (const [k, v] of Object.entries(args))
    out[k] = typeof v === 'string' ? sanitizeInline(v.length > 300 ? v.slice(0, 300) + '…' : v) : v;
  return out;
}

export function renderDiagnostic(d: Diagnostic, lang: Lang): RenderedDiagnostic {
  const { message, hint } = diagnosticText(d.code, cleanArgs(d.args), lang);
  return {
    code: d.code,
    severity: d.severity,
    file: sanitizeInline(d.file),
    line: d.line ?? null,
    column: d.column ?? null,
    message,
    hint: hint ?? null,
  };
}

export function formatLocation(r: RenderedDiagnostic): string {
  return r.line ? `${r.file}:${r.line}:${r.column ?? 1}` : r.file;
}

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

/** The severity word before each finding, in the session's language. */
const SEVERITY_WORDS = { en: { error: 'error', warning: 'warning', info: 'info' }, zh: { error: '错误', warning: '警告', info: '提示' } };

export function diagnosticsAsText(ds: readonly Diagnostic[], lang: Lang, paint: Paint, hintLabel: string): string {
  let out = '';
  for (const d of ds) {
    const r = renderDiagnostic(d, lang);
    const word = SEVERITY_WORDS[lang === 'zh-CN' ? 'zh' : 'en'];
    const sev =
      r.severity === 'error' ? paint.red(word.error) : r.severity === 'warning' ? paint.yellow(word.warning) : paint.cyan(word.info);
    out += `${paint.bold(formatLocation(r))}: ${sev} ${paint.dim(r.code)} ${r.message}\n`;
    if (r.hint) out += `  ${paint.dim(hintLabel)}: ${r.hint}\n`;
  }
  return out;
}

/** GitHub workflow commands: data escapes %, CR and LF; properties also escape : and ,. */
function ghData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function ghProp(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function diagnosticsAsGithub(ds: readonly Diagnostic[], lang: Lang, prefix = ''): string {
  let out = '';
  for (const d of ds) {
    const r = renderDiagnostic(d, lang);
    const level = r.severity === 'error' ? 'error' : r.severity === 'warning' ? 'warning' : 'notice';
    const props = [`file=${ghProp(prefix + r.file)}`];
    if (r.line) props.push(`line=${r.line}`, `col=${r.column ?? 1}`);
    props.push(`title=${ghProp(r.code)}`);
    out += `::${level} ${props.join(',')}::${ghData(r.message + (r.hint ? ` (${r.hint})` : ''))}\n`;
  }
  return out;
}
