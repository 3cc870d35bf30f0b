// The parsing policy for untrusted record files, enforced here and nowhere else: size cap, strict
// UTF-8 (BOM and CRLF accepted), conflict markers, YAML 1.2 only, no tags beyond the core schema,
// no aliases, no merge keys, one document, bounded depth and string length, no prototype keys.
// Reading uses the subset reader or js-yaml 5 (see fastLoad); editing uses the `yaml` Document API only after this policy passed.
import { carefulYaml } from './careful-yaml.js';
import { diag, type Diagnostic, type JsonPath } from '../core/diagnostics.js';
import { lineCol, locate } from './locate.js';

import { LIMITS } from './limits.js';
import { NOT_SUBSET, readSubset } from './subset-yaml.js';

export { LIMITS };

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

  let data = fastLoad(source);
  if (data !== NOT_FAST && isMapping(data) && inspect(data, file, out.diagnostics) === NOT_PLAIN) {
    out.diagnostics.length = 0;
    data = NOT_FAST;
  }
  const careful = data === NOT_FAST;
  if (careful) {
    try {
      const y = carefulYaml();
      data = y.load(source, { schema: y.CORE_SCHEMA, maxAliases: 0, maxDepth: LIMITS.depth, filename: file });
    } catch (e) {
      out.diagnostics.push(fromYamlException(e, file, source));
      return out;
    }
  }
  if (!isMapping(data)) {
    out.diagnostics.push(diag('DLV-E016', file, { type: data === null ? 'null' : Array.isArray(data) ? 'a list' : typeof data }));
    return out;
  }
  if (careful) inspect(data, file, out.diagnostics);
  for (const d of out.diagnostics) if (d.path) Object.assign(d, locate(source, d.path));
  if (out.diagnostics.length === 0) out.data = data;
  return out;
}

const NOT_FAST = Symbol('not fast');

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The fast path: the subset reader (subset-yaml.ts) reads the plain block YAML nearly every record
 * is, with the careful parser's results, several times faster. Its result is used only when it
 * reads the whole text and the result is a plain tree within the limits; everything else,
 * including every error, goes to the careful parser, so findings and their positions always come
 * from one place. test/store/parse-paths.test.ts runs both over the fixtures and random records.
 */
function fastLoad(source: string): unknown {
  const plain = readSubset(source, LIMITS.depth);
  return plain === NOT_SUBSET ? NOT_FAST : plain;
}

function fail(d: Diagnostic): ParsedText {
  return { diagnostics: [d] };
}

/**
 * One walk over the loaded value for what the parsers accept but the policy refuses (prototype
 * keys, merge keys, over-long strings) and for what only the fast parser lets through (shared
 * nodes from aliases, nesting beyond the limit: reported as NOT_PLAIN so the careful parser
 * decides). The path is kept on one stack and copied only when something is reported.
 */
const NOT_PLAIN = 'not-plain';

function inspect(root: unknown, file: string, ds: Diagnostic[]): typeof NOT_PLAIN | undefined {
  // Nearly every file is clean: check without keeping a path, and walk again with one (to say
  // where) only when something is found.
  if (isClean(root)) return undefined;
  const path: (string | number)[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') {
      if (v.length > LIMITS.stringChars) ds.push(diag('DLV-E012', file, { length: v.length, limit: LIMITS.stringChars }, [...path]));
      return true;
    }
    if (v === null || typeof v !== 'object') return true;
    if (depth > LIMITS.depth || seen.has(v)) return false;
    seen.add(v);
    if (ds.length > 50) return true; // a hostile file gets a bounded report
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        const ok = walk(v[i], depth + 1);
        path.pop();
        if (!ok) return false;
      }
      return true;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) return false;
    for (const key of Object.keys(v)) {
      path.push(key);
      let ok = true;
      if (FORBIDDEN_KEYS.has(key)) ds.push(diag('DLV-E014', file, { key }, [...path]));
      else if (key === '<<') ds.push(diag('DLV-E006', file, {}, [...path]));
      else if (key.length > LIMITS.keyChars) ds.push(diag('DLV-E012', file, { length: key.length, limit: LIMITS.keyChars }, [...path]));
      else ok = walk((v as Record<string, unknown>)[key], depth + 1);
      path.pop();
      if (!ok) return false;
    }
    return true;
  };
  return walk(root, 1) ? undefined : NOT_PLAIN;
}

/** True when `inspect` would find nothing: the same checks, in the same order, without recording where. */
function isClean(root: unknown): boolean {
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') return v.length <= LIMITS.stringChars;
    if (v === null || typeof v !== 'object') return true;
    if (depth > LIMITS.depth || seen.has(v)) return false;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (!walk(v[i], depth + 1)) return false;
      return true;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) return false;
    const keys = Object.keys(v);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      if (FORBIDDEN_KEYS.has(key) || key === '<<' || key.length > LIMITS.keyChars) return false;
      if (!walk((v as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return true;
  };
  return walk(root, 1);
}

function fromYamlException(e: unknown, file: string, source: string): Diagnostic {
  if (!(e instanceof carefulYaml().YAMLException)) return diag('DLV-E001', file, { reason: String((e as Error)?.message ?? e) });
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
