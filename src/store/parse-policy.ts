// The parsing policy for untrusted record files, enforced here and nowhere else: size cap, strict
// UTF-8 (BOM and CRLF accepted), conflict markers, YAML 1.2 only, no tags beyond the core schema,
// no aliases, no merge keys, one document, bounded depth and string length, no prototype keys.
// Reading uses js-yaml (fast); editing uses the `yaml` Document API only after this policy passed.
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { diag, type Diagnostic, type JsonPath } from '../core/diagnostics.js';
import { locate } from './locate.js';

export const LIMITS = Object.freeze({
  /** plan.yaml holds every task of a project; other records are one item each. */
  planBytes: 16 * 1024 * 1024,
  recordBytes: 1024 * 1024,
  stringChars: 100_000,
  depth: 24,
});

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedText {
  /** The decoded text (BOM removed), kept for locating findings and for edits. */
  source?: string;
  data?: unknown;
  diagnostics: Diagnostic[];
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const CONFLICT_RE = /^(<{7}|={7}|>{7}|\|{7})(?:[ \t].*)?\r?$/gm;
const DIRECTIVE_RE = /^%(YAML|TAG)[ \t]+(\S*).*$/gm;

/** Decodes and parses one record file's bytes under the policy. Never throws. */
export function parseRecordBytes(bytes: Uint8Array, file: string, maxBytes: number): ParsedText {
  if (bytes.length > maxBytes) return fail(diag('DLV-E011', file, { size: bytes.length, limit: maxBytes }));
  let source: string;
  try {
    source = decoder.decode(bytes);
  } catch {
    return fail(diag('DLV-E009', file, { offset: firstBadUtf8Byte(bytes) }));
  }
  return parseRecordText(source, file);
}

export function parseRecordText(source: string, file: string): ParsedText {
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  const out: ParsedText = { source, diagnostics: [] };
  if (!/^\s*[^\s#]/m.test(source)) return { source, diagnostics: [diag('DLV-E010', file)] };

  for (const m of source.matchAll(CONFLICT_RE)) out.diagnostics.push(at(diag('DLV-E008', file, { marker: m[1]! }), source, m.index));
  for (const m of source.matchAll(DIRECTIVE_RE)) {
    if (m[1] === 'YAML' && m[2] !== '1.2') out.diagnostics.push(at(diag('DLV-E005', file, { version: m[2] ?? '' }), source, m.index));
    if (m[1] === 'TAG') out.diagnostics.push(at(diag('DLV-E004', file, { tag: `%TAG ${m[2] ?? ''}` }), source, m.index));
  }
  if (out.diagnostics.length) return out;

  let data: unknown;
  try {
    data = load(source, { schema: CORE_SCHEMA, maxAliases: 0, maxDepth: LIMITS.depth, filename: file });
  } catch (e) {
    out.diagnostics.push(fromYamlException(e, file, source));
    return out;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    out.diagnostics.push(diag('DLV-E016', file, { type: data === null ? 'null' : Array.isArray(data) ? 'a list' : typeof data }));
    return out;
  }
  checkValues(data, [], file, out.diagnostics);
  for (const d of out.diagnostics) if (d.path) Object.assign(d, locate(source, d.path));
  if (out.diagnostics.length === 0) out.data = data;
  return out;
}

function fail(d: Diagnostic): ParsedText {
  return { diagnostics: [d] };
}

/** Walks the loaded value for what js-yaml accepts but the policy refuses. Depth is already bounded. */
function checkValues(v: unknown, path: (string | number)[], file: string, ds: Diagnostic[]): void {
  if (ds.length > 50) return; // a hostile file gets a bounded report
  if (typeof v === 'string') {
    if (v.length > LIMITS.stringChars) ds.push(diag('DLV-E012', file, { length: v.length, limit: LIMITS.stringChars }, [...path]));
    return;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) checkValues(v[i], [...path, i], file, ds);
    return;
  }
  if (v !== null && typeof v === 'object') {
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) ds.push(diag('DLV-E014', file, { key }, [...path, key]));
      else if (key === '<<') ds.push(diag('DLV-E006', file, {}, [...path, key]));
      else if (key.length > 200) ds.push(diag('DLV-E012', file, { length: key.length, limit: 200 }, [...path]));
      else checkValues((v as Record<string, unknown>)[key], [...path, key], file, ds);
    }
  }
}

function fromYamlException(e: unknown, file: string, source: string): Diagnostic {
  if (!(e instanceof YAMLException)) return diag('DLV-E001', file, { reason: String((e as Error)?.message ?? e) });
  const reason = e.reason ?? 'invalid YAML';
  const mark = e.mark as { line?: number; column?: number; position?: number } | undefined;
  let d: Diagnostic;
  if (/duplicated mapping key/.test(reason)) d = diag('DLV-E002', file, { key: keyAt(source, mark?.position) });
  else if (/alias/.test(reason)) d = diag('DLV-E003', file);
  else if (/unknown .*tag|tag/.test(reason)) d = diag('DLV-E004', file, { tag: (/!<?[^\s>]*>?/.exec(reason)?.[0] ?? 'tag').replace(/^!<tag:yaml\.org,2002:(.*)>$/, '!!$1') });
  else if (/maxDepth/.test(reason)) d = diag('DLV-E013', file, { limit: LIMITS.depth });
  else if (/single document|more than one document/.test(reason)) d = diag('DLV-E007', file);
  else if (/input is empty/.test(reason)) d = diag('DLV-E010', file);
  else d = diag('DLV-E001', file, { reason });
  if (mark && typeof mark.line === 'number') {
    d.line = mark.line + 1;
    d.column = (mark.column ?? 0) + 1;
  } else if (d.code === 'DLV-E007') {
    const m = /^---/m.exec(source.slice(source.search(/\S/) + 3));
    if (m) Object.assign(d, lineCol(source, source.search(/\S/) + 3 + m.index));
  }
  return d;
}

function keyAt(source: string, pos: number | undefined): string {
  if (pos === undefined) return '?';
  const m = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^:#\n]+?)\s*:/.exec(source.slice(pos, pos + 300));
  return m ? m[1]!.replace(/^["']|["']$/g, '') : '?';
}

function at(d: Diagnostic, source: string, offset: number): Diagnostic {
  return Object.assign(d, lineCol(source, offset));
}

export function lineCol(source: string, offset: number): { line: number; column: number } {
  let line = 1, lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that breaks UTF-8 (for the message only; the decoder decided). */
function firstBadUtf8Byte(bytes: Uint8Array): number {
  for (let j = 0; j < bytes.length; j++) {
    const b = bytes[j]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return j;
    for (let k = 1; k <= need; k++) if (((bytes[j + k] ?? 0) & 0xc0) !== 0x80) return j;
    j += need;
  }
  return 0;
}

export type { JsonPath };
