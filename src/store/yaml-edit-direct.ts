// The edits most commands make, done by lines without a YAML parser (the `yaml` Document API's
// first, cold parse is 10–25 ms of every write): a scalar set on a record or on an item of a
// top-level list (a status, a date, a number of days), a key of one line deleted, a new key holding
// a mapping or list (a change slip's `applied`), an item appended to a top-level list (a task, a
// history entry, an acceptance round). Only plain shapes are taken: a block mapping whose keys each
// start a line at one column, a scalar to replace alone on its key's line, no comment line where a
// line is added or removed, every new scalar one `yaml` writes plain. The text is the one the
// `yaml`-based editor (yaml-edit.ts) makes for the same edits, byte for byte —
// test/store/yaml-edit-direct.test.ts holds the two together; anything else is left to that editor
// (undefined). The writer reads every result back and compares it with the intended data either
// way (write.ts).
import { applyPatches, inlineScalar, overlaps, type Edit, type Patch } from './yaml-edit.js';
import { blockStructure, isWholeValue, linesOf } from './yaml-narrow.js';

type Scalar = string | number | boolean | null;

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*):(?=[ \r]|$)/;
const CORE_WORDS: ReadonlySet<string> = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
/** Text `yaml` writes plain: a letter first, then letters, digits, `_ . / -` and single inner spaces. */
const PLAIN_TEXT = /^[A-Za-z\u4e00-\u9fff](?:[A-Za-z0-9\u4e00-\u9fff_./-]| (?! |$))*$/;
/** Dates and requirement ids: digits first, but never a number (a `-` inside). */
const DATE_OR_ID = /^(?:\d{4}-\d{2}-\d{2}|\d{1,9}-\d{1,9})$/;

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

/** A scalar as the `yaml`-based editor writes it on one line (inlineScalar there); `yaml` decides the rare cases. */
export function scalarText(v: Scalar): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  return (PLAIN_TEXT.test(v) && !CORE_WORDS.has(v)) || DATE_OR_ID.test(v) ? v : inlineScalar(v);
}

/** A line break to start with when text goes at the end of a file that does not end a line. */
function lineBreakAt(src: string, at: number, eol: string): string {
  return at === src.length && !src.endsWith('\n') ? eol : '';
}

/** A block mapping found by lines: where each key's line is, and where a new key goes. */
interface MapLines {
  column: number;
  /** Key → [start of the key, end of its line's content]. */
  keys: Map<string, { key: number; lineEnd: number; single: boolean }>;
  /** Where a new `key: value` line goes (after the last content line), or undefined when comments make it unclear. */
  insertAt: number | undefined;
  /** Where the first key starts. */
  firstKey: number;
}

/**
 * The mapping whose keys start lines at `column` in src[from, to): the first line may hold its
 * first key after `firstAt` (a list item's `- `). Undefined when any line does not fit.
 */
function mapLines(src: string, from: number, to: number, column: number, firstAt?: number): MapLines | undefined {
  const lines = linesOf(src, from, to);
  const keys = new Map<string, { key: number; lineEnd: number; single: boolean }>();
  let last: { key: number; lineEnd: number; single: boolean } | undefined;
  let firstKey = -1;
  let lastContentEnd = -1;
  let comments = false;
  for (let n = 0; n < lines.length; n++) {
    const l = lines[n]!;
    if (l.blank) continue;
    if (l.comment) {
      comments = true;
      continue;
    }
    const start = n === 0 && firstAt !== undefined ? firstAt : l.from + l.indent;
    const atColumn = n === 0 && firstAt !== undefined ? true : l.indent === column;
    if (atColumn) {
      const m = KEY_LINE.exec(src.slice(start, l.to));
      if (!m || keys.has(m[1]!)) return undefined;
      last = { key: start, lineEnd: l.to, single: true };
      keys.set(m[1]!, last);
      if (firstKey < 0) firstKey = start;
    } else if (l.indent > column && last) {
      last.single = false; // its value goes on over more lines
    } else return undefined;
    lastContentEnd = l.to;
  }
  if (!last) return undefined;
  const nl = src.indexOf('\n', lastContentEnd);
  return { column, keys, insertAt: comments ? undefined : nl === -1 ? src.length : nl + 1, firstKey };
}

/** The value on a key's line, when it is a plain scalar alone there: its start and end. */
function plainValue(src: string, key: number, lineEnd: number): { at: number; end: number } | undefined {
  const colon = src.indexOf(':', key);
  let at = colon + 1;
  if (src.charCodeAt(at) !== 32) return undefined;
  while (at < lineEnd && src.charCodeAt(at) === 32) at++;
  let end = lineEnd;
  while (end > at && src.charCodeAt(end - 1) === 32) end--;
  if (end <= at) return undefined;
  const text = src.slice(at, end);
  // Indicators, quotes and comments are the parser's to read.
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) || text.includes(' #') || text.includes(': ') || text.includes('\t')) return undefined;
  return { at, end };
}

/** A scalar `yaml` writes plain in a block collection (blockLines there); undefined for any other. */
function plainText(v: unknown): string | undefined {
  if (v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return String(v);
  return typeof v === 'string' && ((PLAIN_TEXT.test(v) && !CORE_WORDS.has(v)) || DATE_OR_ID.test(v)) ? v : undefined;
}

/**
 * The lines `yaml` writes for a collection in block style (blockLines there: two spaces a level,
 * list items indented under their key), every scalar plain; undefined for anything else (text to
 * quote, a list directly in a list, an unusual key).
 */
export function blockText(value: unknown): string[] | undefined {
  if (value === null || typeof value !== 'object' || (Array.isArray(value) ? value.length : Object.keys(value).length) === 0)
    return undefined;
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const x of value) {
      if (Array.isArray(x) && x.length > 0) return undefined;
      const lines = x !== null && typeof x === 'object' ? collectionLines(x) : [plainText(x)];
      if (lines === undefined || lines.some((l) => l === undefined)) return undefined;
      for (let i = 0; i < lines.length; i++) out.push(i === 0 ? `- ${lines[i]}` : `  ${lines[i]}`);
    }
    return out;
  }
  const out: string[] = [];
  for (const [k, x] of Object.entries(value)) {
    if (!KEY_LINE.test(`${k}:`) || plainText(k) !== k) return undefined;
    if (x !== null && typeof x === 'object') {
      const empty = Array.isArray(x) ? x.length === 0 : Object.keys(x).length === 0;
      if (empty) {
        out.push(`${k}: ${Array.isArray(x) ? '[]' : '{}'}`);
        continue;
      }
      const inner = blockText(x);
      if (inner === undefined) return undefined;
      out.push(`${k}:`, ...inner.map((l) => `  ${l}`));
    } else {
      const t = plainText(x);
      if (t === undefined) return undefined;
      out.push(`${k}: ${t}`);
    }
  }
  return out;
}

/** A collection as it stands in a list: `[]` and `{}` when empty, else its block lines. */
function collectionLines(x: object): (string | undefined)[] | undefined {
  const empty = Array.isArray(x) ? x.length === 0 : Object.keys(x).length === 0;
  if (empty) return [Array.isArray(x) ? '[]' : '{}'];
  return blockText(x);
}

/** `- key: value` lines for a new list item at `column` (the dash's), as `yaml` writes them (itemText there). */
function itemLines(value: unknown, column: number, eol: string): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) return undefined;
  const lines = blockText(value);
  if (lines === undefined) return undefined;
  const pad = ' '.repeat(column + 2);
  return `${' '.repeat(column)}- ${lines.join(`${eol}${pad}`)}${eol}`;
}

/** A new item after the last one of a top-level block list whose items end plainly (no comment after them). */
function appendItem(
  src: string,
  found: NonNullable<ReturnType<typeof blockStructure>>,
  path: readonly (string | number)[],
  value: unknown,
  eol: string,
  seq: number,
): Patch | undefined {
  if (path.length !== 1 || typeof path[0] !== 'string') return undefined;
  const list = found.lists.find((l) => l.top && l.key === path[0]);
  if (!list || !isWholeValue(src, list, found.keys)) return undefined;
  const column = src.indexOf('-', list.items[0]!) - list.items[0]!;
  let lastContentEnd = -1;
  for (const l of linesOf(src, list.items[list.items.length - 1]!, list.end)) {
    if (l.blank) continue;
    if (l.comment) return undefined; // that editor may count it in or out of the item
    lastContentEnd = l.to;
  }
  const text = itemLines(value, column, eol);
  if (text === undefined || lastContentEnd < 0) return undefined;
  const nl = src.indexOf('\n', lastContentEnd);
  const at = nl === -1 ? src.length : nl + 1;
  return { at, end: at, text: `${lineBreakAt(src, at, eol)}${text}`, seq };
}

/**
 * The text after `edits`, each setting a scalar at, or deleting, a top-level key or a key of an item
 * of a top-level list (`[list, index, key]`), or appending a flat item to a top-level list;
 * undefined for anything else or any shape this does not take, for the `yaml`-based editor to do.
 */
export function directEdits(src: string, edits: readonly Edit[]): string | undefined {
  if (edits.length === 0) return undefined;
  const found = blockStructure(src);
  if (!found) return undefined;
  const eol = src.includes('\r\n') ? '\r\n' : '\n';
  const patches: Patch[] = [];
  const maps = new Map<string, MapLines | undefined>();
  for (let seq = 0; seq < edits.length; seq++) {
    const e = edits[seq]!;
    const path = e.path;
    // Paths that share their beginning (the same key twice, a list and its item) are edited in
    // rounds by that editor: left to it.
    for (let k = 0; k < seq; k++) if (overlaps(edits[k]!.path, path)) return undefined;
    if (e.op === 'append') {
      const patch = appendItem(src, found, path, e.value, eol, seq);
      if (!patch) return undefined;
      patches.push(patch);
      continue;
    }
    const collection = e.op === 'set' && !isScalar(e.value);
    let where: string;
    let map: MapLines | undefined;
    if (path.length === 1 && typeof path[0] === 'string') {
      where = '';
      if (!maps.has(where)) maps.set(where, mapLines(src, found.keys[0]?.from ?? 0, src.length, 0));
      map = maps.get(where);
    } else if (path.length === 3 && typeof path[0] === 'string' && typeof path[1] === 'number' && typeof path[2] === 'string') {
      const [listKey, index] = path as [string, number, string];
      where = `${listKey}\u0000${index}`;
      if (!maps.has(where)) {
        const list = found.lists.find((l) => l.top && l.key === listKey);
        let item: MapLines | undefined;
        if (list && Number.isInteger(index) && index >= 0 && index < list.items.length && isWholeValue(src, list, found.keys)) {
          const from = list.items[index]!;
          const to = index + 1 < list.items.length ? list.items[index + 1]! : list.end;
          const dash = src.indexOf('-', from);
          if (src.charCodeAt(dash + 1) === 32 && src.charCodeAt(dash + 2) !== 32) item = mapLines(src, from, to, dash - from + 2, dash + 2);
        }
        maps.set(where, item);
      }
      map = maps.get(where);
    } else return undefined;
    if (!map) return undefined;
    const key = path[path.length - 1] as string;
    const pair = map.keys.get(key);
    if (e.op === 'delete') {
      if (!pair) continue; // nothing to delete: that editor leaves the text as it is too
      // Its line alone; not a list item's first key (its line holds the `- `), not next to comments.
      if (!pair.single || map.insertAt === undefined || pair.key === map.firstKey) return undefined;
      const nl = src.indexOf('\n', pair.lineEnd);
      patches.push({ at: src.lastIndexOf('\n', pair.key - 1) + 1, end: nl === -1 ? src.length : nl + 1, text: '', seq });
      continue;
    }
    if (collection) {
      // A new key holding a non-empty mapping or list, in block style under it (addToMap there).
      const v = e.value as object;
      const lines = pair || (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0) ? undefined : blockText(v);
      if (lines === undefined || map.insertAt === undefined || !KEY_LINE.test(`${key}:`) || scalarText(key) !== key) return undefined;
      const at = map.insertAt;
      const pad = ' '.repeat(map.column + 2);
      const body = lines.map((l) => `${pad}${l}`).join(eol);
      patches.push({
        at,
        end: at,
        text: `${lineBreakAt(src, at, eol)}${' '.repeat(map.column)}${key}:${eol}${body}${eol}`,
        seq,
      });
      continue;
    }
    const text = scalarText(e.value as Scalar);
    if (pair) {
      if (!pair.single) return undefined;
      const v = plainValue(src, pair.key, pair.lineEnd);
      if (!v) return undefined;
      patches.push({ at: v.at, end: v.end, text, seq });
    } else {
      if (map.insertAt === undefined || !KEY_LINE.test(`${key}:`)) return undefined;
      const at = map.insertAt;
      patches.push({ at, end: at, text: `${lineBreakAt(src, at, eol)}${' '.repeat(map.column)}${scalarText(key)}: ${text}${eol}`, seq });
    }
  }
  return applyPatches(src, patches);
}
