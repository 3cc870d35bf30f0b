// Finds where a JSON path of a record sits in its YAML source, for findings that come from the
// schema or the rules (parse errors carry their own position). Only runs for files with findings,
// so the fast read path never pays for positions.
import { EVENT_ID, parseEvents, type Event } from 'js-yaml';
import type { JsonPath } from '../core/diagnostics.js';
import { lineCol, LIMITS } from './parse-policy.js';

interface Frame {
  kind: 'map' | 'seq';
  /** Number of child nodes seen so far (a mapping alternates key, value). */
  count: number;
  key?: string;
  keyOffset: number;
  /** Whether this frame lies on the searched path. */
  onPath: boolean;
  depth: number;
}

/**
 * Offset of the node at `path`: for a mapping entry the position of its key, for a list item the
 * item itself. Falls back to the deepest ancestor found (a missing field points at its parent).
 */
export function locateOffset(source: string, path: JsonPath): number {
  let events: Event[];
  try {
    events = parseEvents(source, { maxDepth: LIMITS.depth });
  } catch {
    return 0;
  }
  let best = 0;
  const stack: Frame[] = [];
  // Does the node about to start (child of the top frame) lie on the path?
  const childOnPath = (): { on: boolean; offset: number } => {
    const top = stack[stack.length - 1];
    if (!top) return { on: path.length >= 0, offset: 0 };
    if (!top.onPath) return { on: false, offset: 0 };
    const want = path[top.depth];
    if (top.kind === 'seq') return { on: want === top.count, offset: -1 };
    return { on: top.count % 2 === 1 && top.key === String(want), offset: top.keyOffset };
  };
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const { on, offset } = childOnPath();
        const depth = stack.length;
        if (on) {
          best = offset >= 0 && stack.length && stack[stack.length - 1]!.kind === 'map' ? offset : ev.start;
          if (depth === path.length) return best;
        }
        stack.push({ kind: ev.type === EVENT_ID.MAPPING ? 'map' : 'seq', count: 0, keyOffset: ev.start, onPath: on, depth });
        break;
      }
      case EVENT_ID.SCALAR:
      case EVENT_ID.ALIAS: {
        const top = stack[stack.length - 1];
        if (!top) break;
        const start = ev.type === EVENT_ID.SCALAR ? ev.valueStart : ev.anchorStart;
        if (top.kind === 'map' && top.count % 2 === 0) {
          // A key: remember it; the path matches on the value that follows.
          top.key = ev.type === EVENT_ID.SCALAR ? source.slice(ev.valueStart, ev.valueEnd).replace(/^["']|["']$/g, '') : '';
          top.keyOffset = start;
          if (top.onPath && top.depth === path.length - 1 && top.key === String(path[top.depth])) return start;
        } else {
          const { on, offset } = childOnPath();
          if (on) return top.kind === 'map' ? offset : start;
        }
        top.count++;
        break;
      }
      case EVENT_ID.POP: {
        const done = stack.pop();
        const parent = stack[stack.length - 1];
        if (done && parent) parent.count++;
        break;
      }
      default:
        break;
    }
  }
  return best;
}

export function locate(source: string, path: JsonPath): { line: number; column: number } {
  return lineCol(source, locateOffset(source, path));
}
