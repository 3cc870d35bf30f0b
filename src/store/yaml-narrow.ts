// Editing a large record without parsing all of it with the `yaml` Document API (3 s for a
// 10,000-task plan.yaml): the items of its top-level block lists that no edit touches are left out
// of the text the editor parses, and the editor's patches are mapped back to the full text.
//
// Only whole list items are left out, each from its `-` line to the next item's, so what remains
// is the same YAML around the kept items; the last item of every list is always kept, so every
// list and the mapping end where they did. This is only a way to find positions faster: the
// result is re-read and compared with the intended data as before (write.ts), and whenever the
// narrowed text misleads the editor the full text is edited instead. One pass over line starts,
// no parser.
import type { Edit } from './yaml-edit.js';

/** Files below this size are edited whole: parsing them is already cheap. */
export const NARROW_MIN_BYTES = 16 * 1024;
/** Lists with fewer items are kept whole. */
const MIN_ITEMS = 8;

interface Segment {
  /** Start in the narrowed text. */
  at: number;
  /** Start and end in the full text. */
  from: number;
  to: number;
}

export interface Narrowed {
  text: string;
  /** The edits with list indices renumbered to the kept items. */
  edits: Edit[];
  /** An offset in the narrowed text as an offset in the full text (a segment's end stays with it). */
  toFull(offset: number): number;
}

export interface BlockList {
  /** The top-level key it belongs to, and whether it is that key's value itself. */
  key: string;
  top: boolean;
  /** Line starts of its items, and the end of its last item. */
  items: number[];
  end: number;
}

export interface TopKey {
  key: string;
  from: number;
  to: number;
}

const SPACE = 32,
  HASH = 35,
  DASH = 45,
  CR = 13;

export interface BlockStructure {
  lists: BlockList[];
  keys: TopKey[];
}

let lastScan: { src: string; found: BlockStructure | undefined } | undefined;

/**
 * The block lists and top-level keys of `src` (scan), remembered for the last text asked about:
 * an edit narrows the file's text and then reads the result back against the same text.
 */
export function blockStructure(src: string): BlockStructure | undefined {
  if (lastScan?.src !== src) lastScan = { src, found: scanStructure(src) };
  return lastScan.found;
}

/**
 * The list is its key's whole value: the key line is `key:` with at most a comment after it, only
 * blank and comment lines come before the first item, it is the key's one list at the top, and it
 * ends where the next top-level key begins (a line less indented than its items would have ended
 * it early).
 */
export function isWholeValue(src: string, list: BlockList, keys: readonly TopKey[]): boolean {
  const key = keys.find((k) => k.key === list.key);
  if (!key || key.to !== list.end) return false;
  const lineEnd = src.indexOf('\n', key.from);
  if (!/^[A-Za-z_][A-Za-z0-9_]*:[ ]*(?:#.*)?\r?$/.test(src.slice(key.from, lineEnd))) return false;
  for (let p = lineEnd + 1; p < list.items[0]!; ) {
    let e = src.indexOf('\n', p);
    if (e === -1) e = src.length;
    if (!/^[ ]*(?:#.*)?\r?$/.test(src.slice(p, e))) return false;
    p = e + 1;
  }
  return true;
}

/**
 * The block lists of `src` (a list's items are the `-` lines at one column, up to a line less
 * indented or a key at that column) and the top-level keys' line ranges; undefined when the text
 * is not a plain block mapping of simple keys at the top. `jump`: find the next line that matters
 * by a native search (nextLineToRead) rather than line by line; the same answer either way (tested).
 */
export function scanStructure(src: string, jump = true): BlockStructure | undefined {
  const lists: BlockList[] = [];
  const keys: TopKey[] = [];
  const open: { col: number; items: number[]; top: boolean }[] = [];
  let key: TopKey | undefined;
  const n = src.length;
  const closeTo = (ind: number, dash: boolean, at: number) => {
    for (let top = open[open.length - 1]; top && (ind < top.col || (ind === top.col && !dash)); top = open[open.length - 1]) {
      open.pop();
      lists.push({ key: key!.key, top: top.top, items: top.items, end: at });
    }
  };
  for (let p = 0; p < n; ) {
    let e = src.indexOf('\n', p);
    if (e === -1) e = n;
    let i = p;
    while (i < e && src.charCodeAt(i) === SPACE) i++;
    const c = src.charCodeAt(i);
    if (i < e && c !== HASH && !(c === CR && i + 1 === e)) {
      const ind = i - p;
      const dash = c === DASH && (i + 1 === e || src.charCodeAt(i + 1) === SPACE || src.charCodeAt(i + 1) === CR);
      // Most lines are fields inside a list item, deeper than the innermost open list: nothing to do.
      const inner = open.length ? open[open.length - 1]!.col : -1;
      if (!dash && ind > inner && ind > 0 && key) {
        p = e + 1;
        continue;
      }
      if (ind <= inner) closeTo(ind, dash, p);
      if (ind === 0 && !dash) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*):(?:[ \r]|$)/.exec(src.slice(p, Math.min(e, p + 200)));
        if (!m) return undefined; // a document marker, a directive, a quoted or complex key …
        if (key) key.to = p;
        key = { key: m[1]!, from: p, to: n };
        keys.push(key);
      } else if (!key) {
        return undefined;
      } else if (dash) {
        const top = open[open.length - 1];
        if (top && top.col === ind) top.items.push(p);
        else open.push({ col: ind, items: [p], top: open.length === 0 });
      }
    }
    p = e + 1;
    // Jump over the lines the test above would skip (see nextLineToRead).
    if (jump && key && p < n) p = nextLineToRead(src, e, open.length ? open[open.length - 1]!.col : 0);
  }
  closeTo(-1, false, n);
  return { lists, keys };
}

const lineStops = new Map<number, RegExp>();

/**
 * The start of the first line after the line break at `at` that scanStructure must look at once a key is
 * open, `inner` being the column of the innermost open list (0 when none): a line indented by at
 * most `inner` or one whose first character is `-`. Every other line is a blank line, a comment
 * or a field deeper than that list, which it skips. A native search over a 2 MB plan.yaml instead
 * of a walk over each of its 100,000 lines in code that runs once, mostly before it is compiled.
 */
function nextLineToRead(src: string, at: number, inner: number): number {
  let re = lineStops.get(inner);
  if (!re) {
    if (lineStops.size >= 256) lineStops.clear(); // a hostile file with lists at every column
    re = new RegExp(`\\n(?: {0,${inner}}[^ \\n]| *-)`, 'g');
    lineStops.set(inner, re);
  }
  re.lastIndex = at;
  // The match holds one line break, its first character: the line starts after it.
  return re.test(src) ? src.lastIndexOf('\n', re.lastIndex - 1) + 1 : src.length;
}

/**
 * The narrowed text for `edits` on `src`, or undefined when narrowing would not help or the text
 * is not plainly shaped enough to narrow safely. What an edit may touch is kept whole: the item of
 * a top-level list it names, or the whole top-level entry when that is not a list.
 */
export function narrowForEdits(src: string, edits: readonly Edit[], minBytes = NARROW_MIN_BYTES): Narrowed | undefined {
  if (src.length < minBytes) return undefined;
  const found = blockStructure(src);
  if (!found) return undefined;
  const { lists, keys } = found;
  const topList = new Map(lists.filter((l) => l.top).map((l) => [l.key, l]));
  /** Items of top-level lists that edits name, and ranges to keep whole. */
  const named = new Map<string, Set<number>>();
  const whole: [number, number][] = [];
  const keepAll = new Set<string>();
  for (const e of edits) {
    const k = e.path[0];
    const entry = keys.find((x) => x.key === k);
    if (typeof k !== 'string' || !entry) continue; // a new top-level key: added after the last entry, which stays
    const list = topList.get(k);
    const idx = e.path[1];
    if (list && e.path.length === 1 && e.op === 'append') continue;
    if (list && typeof idx === 'number' && Number.isInteger(idx) && idx >= 0 && idx < list.items.length) {
      (named.get(k) ?? named.set(k, new Set()).get(k)!).add(idx);
      whole.push([list.items[idx]!, idx + 1 < list.items.length ? list.items[idx + 1]! : list.end]);
    } else {
      whole.push([entry.from, entry.to]);
      keepAll.add(k);
    }
  }
  const touches = (from: number, to: number) => whole.some(([a, b]) => from < b && a < to);
  const cuts: [number, number][] = [];
  const rank = new Map<string, Map<number, number>>();
  for (const l of lists) {
    if (l.items.length < MIN_ITEMS || keepAll.has(l.key)) continue;
    const ix = l.top ? named.get(l.key) : undefined;
    if (!l.top && touches(l.items[0]!, l.end)) continue; // inside something an edit may touch
    const kept = new Set(ix ?? []);
    kept.add(l.items.length - 1);
    if (l.top) {
      const order = [...kept].sort((a, b) => a - b);
      rank.set(l.key, new Map(order.map((i, r) => [i, r])));
    }
    let from = -1;
    for (let i = 0; i < l.items.length; i++) {
      if (kept.has(i)) {
        if (from !== -1) cuts.push([from, l.items[i]!]);
        from = -1;
      } else if (from === -1) from = l.items[i]!;
    }
  }
  if (cuts.length === 0) return undefined;
  cuts.sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  const parts: string[] = [];
  let pos = 0,
    at = 0;
  for (const [from, to] of cuts) {
    if (from < pos) continue; // inside a cut already made (a list in a left-out item)
    segments.push({ at, from: pos, to: from });
    parts.push(src.slice(pos, from));
    at += from - pos;
    pos = to;
  }
  segments.push({ at, from: pos, to: src.length });
  parts.push(src.slice(pos));
  const narrowed: Edit[] = edits.map((e) => {
    const r = typeof e.path[0] === 'string' ? rank.get(e.path[0]) : undefined;
    if (!r || typeof e.path[1] !== 'number') return e;
    return { ...e, path: [e.path[0]!, r.get(e.path[1])!, ...e.path.slice(2)] } as Edit;
  });
  return {
    text: parts.join(''),
    edits: narrowed,
    toFull(offset: number): number {
      for (const s of segments) if (offset <= s.at + (s.to - s.from)) return s.from + (offset - s.at);
      throw new RangeError('offset beyond the narrowed text');
    },
  };
}

/** One line of a text: where it starts, where its content ends, its indentation in spaces. */
export interface Line {
  from: number;
  /** End of the content, before `\r\n` or `\n`. */
  to: number;
  indent: number;
  blank: boolean;
  comment: boolean;
}

/** The lines of src[from, to). */
export function linesOf(src: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  for (let p = from; p < to; ) {
    let e = src.indexOf('\n', p);
    if (e === -1 || e > to) e = to;
    const end = e > p && src.charCodeAt(e - 1) === 13 ? e - 1 : e;
    let i = p;
    while (i < end && src.charCodeAt(i) === 32) i++;
    out.push({ from: p, to: end, indent: i - p, blank: i === end, comment: i < end && src.charCodeAt(i) === 35 });
    p = e + 1;
  }
  return out;
}
