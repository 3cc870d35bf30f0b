// Finds where JSON paths of a record sit in its YAML source, for findings that come from the
// schema or the rules (parse errors carry their own position). Only runs for files with findings,
// and reads each file's events once however many findings it has.
import type { Event } from 'js-yaml';
import { carefulYaml } from './careful-yaml.js';
import type { JsonPath } from '../core/diagnostics.js';
import { LIMITS } from './limits.js';

export function lineCol(source: string, offset: number): { line: number; column: number } {
  let line = 1,
    lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const SEP = '\u0000';
const keyOf = (path: JsonPath) => path.map(String).join(SEP);

interface Frame {
  kind: 'map' | 'seq';
  /** Child nodes seen so far (a mapping alternates key, value). */
  count: number;
  /** This node's path key. */
  at: string;
  /** The pending key's text and offset, while its value is read. */
  key: string;
  keyOffset: number;
}

/**
 * Offsets of the nodes at `paths`: for a mapping entry the position of its key, for a list item
 * the item itself; a path that does not exist (a missing field) falls back to its deepest existing
 * ancestor. One pass over the events; offsets are recorded only along the wanted paths.
 */
export function locateOffsets(source: string, paths: readonly JsonPath[]): number[] {
  let events: Event[];
  try {
    events = carefulYaml().parseEvents(source, { maxDepth: LIMITS.depth });
  } catch {
    return paths.map(() => 0);
  }
  const wanted = new Set<string>();
  for (const p of paths) for (let i = 0; i <= p.length; i++) wanted.add(keyOf(p.slice(0, i)));
  const found = new Map<string, number>();
  const stack: Frame[] = [];
  /** Path key and offset of the node about to start, as a child of the top frame. */
  const child = (start: number): { at: string; offset: number } => {
    const top = stack[stack.length - 1];
    if (!top) return { at: '', offset: start };
    const seg = top.kind === 'seq' ? String(top.count) : top.key;
    return { at: top.at === '' && stack.length === 1 ? seg : top.at + SEP + seg, offset: top.kind === 'map' ? top.keyOffset : start };
  };
  const { EVENT_ID, SCALAR_STYLE, getScalarValue } = carefulYaml();
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const top = stack[stack.length - 1];
        let at = '';
        if (top) {
          const c = child(ev.start);
          at = c.at;
          if (wanted.has(at) && !found.has(at)) found.set(at, c.offset);
        } else if (!found.has('')) found.set('', ev.start);
        stack.push({ kind: ev.type === EVENT_ID.MAPPING ? 'map' : 'seq', count: 0, at, key: '', keyOffset: ev.start });
        break;
      }
      case EVENT_ID.SCALAR:
      case EVENT_ID.ALIAS: {
        const top = stack[stack.length - 1];
        if (!top) break;
        const start = ev.type === EVENT_ID.SCALAR ? ev.valueStart : ev.anchorStart;
        if (top.kind === 'map' && top.count % 2 === 0) {
          // A quoted key is compared by its value: escapes and '' decoded ("caf\u00e9", 'it''s').
          top.key =
            ev.type !== EVENT_ID.SCALAR
              ? ''
              : ev.style === SCALAR_STYLE.PLAIN
                ? source.slice(ev.valueStart, ev.valueEnd)
                : getScalarValue(source, ev);
          top.keyOffset =
            start > 0 &&
            (source[start - 1] === '"' || source[start - 1] === "'") &&
            ev.type === EVENT_ID.SCALAR &&
            ev.style !== SCALAR_STYLE.PLAIN
              ? start - 1
              : start;
        } else {
          const c = child(start);
          if (wanted.has(c.at) && !found.has(c.at)) found.set(c.at, c.offset);
        }
        top.count++;
        break;
      }
      case EVENT_ID.POP: {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) parent.count++;
        break;
      }
      default:
        break;
    }
  }
  return paths.map((p) => {
    for (let i = p.length; i >= 0; i--) {
      const off = found.get(keyOf(p.slice(0, i)));
      if (off !== undefined) return off;
    }
    return 0;
  });
}

export function locate(source: string, path: JsonPath): { line: number; column: number } {
  return lineCol(source, locateOffsets(source, [path])[0]!);
}

/** Positions for many paths of one file, each a 1-based line and column. */
export function locateAll(source: string, paths: readonly JsonPath[]): { line: number; column: number }[] {
  const offsets = locateOffsets(source, paths);
  // One pass over line starts for all offsets, in order.
  const order = offsets.map((o, i) => [o, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<{ line: number; column: number }>(offsets.length);
  let line = 1,
    lineStart = 0,
    next = source.indexOf('\n');
  for (const [o, i] of order) {
    while (next !== -1 && next < o) {
      line++;
      lineStart = next + 1;
      next = source.indexOf('\n', next + 1);
    }
    out[i] = { line, column: o - lineStart + 1 };
  }
  return out;
}
