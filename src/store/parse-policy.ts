// The parsing policy for untrusted record files, enforced here and nowhere else: size cap, strict
// UTF-8 (BOM and CRLF accepted), conflict markers, YAML 1.2 only, no tags beyond the core schema,
// no aliases, no merge keys, one document, bounded depth and string length, no prototype keys.
// Reading uses the subset reader or js-yaml 5 (see parseRecordText); editing uses the `yaml`
// Document API only after this policy passed.
import { carefulYaml } from './careful-yaml.js';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import { lineCol, locate } from './locate.js';

import { FORBIDDEN_KEYS, LIMITS } from './limits.js';
import { NOT_SUBSET, readSubset } from './subset-yaml.js';
import { invisibleFindings, mayHoldInvisible, rawControlFindings } from './invisible.js';

export { LIMITS };

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
    // The line and column of the first bad byte too, so CI annotations point at the line.
    const offset = firstBadUtf8Byte(bytes);
    let lineStart = 0,
      line = 1;
    for (let i = 0; i < offset; i++)
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).replace(/^\ufeff/, '').length + 1;
    return fail({ ...diag('DLV-E009', file, { offset }), line, column });
  }
  return parseRecordText(source, file);
}

/**
 * Parses one record's text under the policy. Never throws. `fast: false` skips the subset reader
 * (the tests compare both ways).
 *
 * The fast path: the subset reader (subset-yaml.ts) reads the plain block YAML nearly every record
 * is, with the careful parser's results, several times faster. What it reads needs none of the
 * checks below: a conflict marker, a directive or an empty text stops it, the top is a mapping,
 * and it gives up beyond the policy's limits. Everything else, including every error, goes to the
 * careful parser, so findings and their positions always come from one place.
 * test/store/parse-paths.test.ts holds the two paths to the same results.
 */
export function parseRecordText(source: string, file: string, options: { fast?: boolean } = {}): ParsedText {
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  if (options.fast !== false) {
    const plain = readSubset(source);
    if (plain !== NOT_SUBSET)
      return { source, data: plain, diagnostics: mayHoldInvisible(source) ? invisibleFindings(plain, source, file) : [] };
  }
  const out: ParsedText = { source, diagnostics: [] };
  // Nothing but blanks and comments: the finding is placed where the record would begin.
  if (!/^\s*[^\s#]/m.test(source)) return { source, diagnostics: [at(diag('DLV-E010', file), source, 0)] };

  for (const m of source.matchAll(CONFLICT_RE)) out.diagnostics.push(at(diag('DLV-E008', file, { marker: m[1]! }), source, m.index));
  for (const m of source.matchAll(DIRECTIVE_RE)) {
    if (m[1] === 'YAML' && m[2] !== '1.2') out.diagnostics.push(at(diag('DLV-E005', file, { version: m[2] ?? '' }), source, m.index));
    if (m[1] === 'TAG') out.diagnostics.push(at(diag('DLV-E004', file, { tag: `%TAG ${m[2] ?? ''}` }), source, m.index));
  }
  if (out.diagnostics.length) return out;
  let data: unknown;
  try {
    const y = carefulYaml();
    data = y.load(source, { schema: y.CORE_SCHEMA, maxAliases: 0, maxDepth: LIMITS.depth, filename: file });
  } catch (e) {
    out.diagnostics.push(fromYamlException(e, file, source));
    // Raw control characters the parser refused: also say which character and where.
    out.diagnostics.push(...rawControlFindings(source, file));
    return out;
  }
  if (!isMapping(data)) {
    // At the value the file holds instead: its first line that is not blank, a comment or a directive.
    const value = /^[ \t]*[^\s#%]/m.exec(source);
    const d = diag('DLV-E016', file, { type: data === null ? 'null' : Array.isArray(data) ? 'a list' : typeof data });
    out.diagnostics.push(value ? at(d, source, value.index + value[0].length - 1) : d);
    return out;
  }
  inspect(data, file, out.diagnostics);
  for (const d of out.diagnostics) if (d.path) Object.assign(d, locate(source, d.path));
  if (out.diagnostics.length === 0) {
    // Invisible characters in values and keys are errors, but the record stays readable (and is
    // printed escaped), like a schema error.
    out.data = data;
    if (mayHoldInvisible(source)) out.diagnostics.push(...invisibleFindings(data, source, file));
  }
  return out;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function fail(d: Diagnostic): ParsedText {
  return { diagnostics: [d] };
}

/**
 * One walk over the careful parser's value for what it accepts but the policy refuses: prototype
 * keys, merge keys, over-long strings and keys. (Aliases are off and depth is limited in the
 * parser, so the value is a tree of plain objects and arrays.) The path is kept on one stack and
 * copied only when something is reported.
 */
function inspect(root: unknown, file: string, ds: Diagnostic[]): void {
  const path: (string | number)[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === 'string') {
      if (v.length > LIMITS.stringChars) ds.push(diag('DLV-E012', file, { length: v.length, limit: LIMITS.stringChars }, [...path]));
      return;
    }
    if (v === null || typeof v !== 'object' || depth > LIMITS.depth) return;
    if (ds.length > 50) return; // a hostile file gets a bounded report
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i], depth + 1);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(v)) {
      path.push(key);
      if (FORBIDDEN_KEYS.has(key)) ds.push(diag('DLV-E014', file, { key }, [...path]));
      else if (key === '<<') ds.push(diag('DLV-E006', file, {}, [...path]));
      else if (key.length > LIMITS.keyChars) ds.push(diag('DLV-E012', file, { length: key.length, limit: LIMITS.keyChars }, [...path]));
      else walk((v as Record<string, unknown>)[key], depth + 1);
      path.pop();
    }
  };
  walk(root, 1);
}

function fromYamlException(e: unknown, file: string, source: string): Diagnostic {
  if (!(e instanceof carefulYaml().YAMLException)) return diag('DLV-E001', file, { reason: String((e as Error)?.message ?? e) });
  const reason = e.reason ?? 'invalid YAML';
  const mark = e.mark as { line?: number; column?: number; position?: number } | undefined;
  let d: Diagnostic;
  if (/duplicated mapping key/.test(reason)) d = diag('DLV-E002', file, { key: keyAt(source, mark?.position) });
  else if (/alias/.test(reason)) d = diag('DLV-E003', file);
  else if (/unknown .*tag|tag/.test(reason))
    d = diag('DLV-E004', file, { tag: (/!<?[^\s>]*>?/.exec(reason)?.[0] ?? 'tag').replace(/^!<tag:yaml\.org,2002:(.*)>$/, '!!$1') });
  else if (/maxDepth/.test(reason)) d = diag('DLV-E013', file, { limit: LIMITS.depth });
  else if (/single document|more than one document/.test(reason)) d = diag('DLV-E007', file);
  else if (/input is empty/.test(reason)) d = diag('DLV-E010', file);
  else d = diag('DLV-E001', file, { reason });
  if (mark && typeof mark.line === 'number') {
    d.line = mark.line + 1;
    d.column = (mark.column ?? 0) + 1;
    // These are noticed on the line after the mistake (an unclosed quote or bracket, a missing colon):
    // point at the last line with content before it, where the mistake is.
    if (/^deficient indentation$|multiline key|within a (flow collection|(single|double) quoted scalar)/.test(reason)) {
      const lines = source.split('\n');
      for (let i = Math.min(mark.line, lines.length) - 1; i >= 0; i--) {
        const text = lines[i]!;
        if (!/^\s*(#.*)?\r?$/.test(text)) {
          d.line = i + 1;
          d.column = text.search(/\S/) + 1;
          break;
        }
      }
    }
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

/** Offset of the first byte that breaks UTF-8 (for the message only; the decoder decided). */
function firstBadUtf8Byte(bytes: Uint8Array): number {
  for (let j = 0; j < bytes.length; j++) {
    const b = bytes[j]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return j;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[j + k] ?? 0;
      if (k === 1 ? c < lo || c > hi : (c & 0xc0) !== 0x80) return j;
    }
    j += need;
  }
  return 0;
}
