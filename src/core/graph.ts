// Dependency cycles for validation and for refusing a new dependency, found by the scheduler's
// own linear graph walk (schedule-graph.ts), so a cycle is reported the same way everywhere.
import { orderGraph, type GraphNode } from './schedule-graph.js';

/** Cycles among `nodes` along `edges` (each id's dependencies), each closed and starting at its smallest id. */
export function findCycles(nodes: readonly string[], edges: (n: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const graph: GraphNode[] = [];
  const visit = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = graph.length;
      index.set(id, i);
      graph.push({ id, preds: [], succs: [] });
    }
    return i;
  };
  // Nodes reachable from the ones asked about, with their dependencies as predecessors.
  const queue = nodes.map(visit);
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    const preds = graph[i]!.preds;
    for (const dep of edges(graph[i]!.id)) {
      const seen = index.has(dep);
      const j = visit(dep);
      if (!seen) queue.push(j);
      if (preds.includes(j)) continue; // listed twice (dependency lists are short: no Set needed)
      preds.push(j);
      graph[j]!.succs.push(i);
    }
  }
  return orderGraph(graph).cycles;
}

/**
 * Cycles among the ids of `deps` (each id's dependencies; one on itself or on an id not in the map
 * is no edge). Nearly every plan has none: that is told by Kahn's order over typed arrays, without
 * the graph findCycles builds to name them (the plan rule runs over 10,000 tasks on every command).
 */
export function cyclesAmong(deps: ReadonlyMap<string, readonly string[]>): string[][] {
  if (acyclic(deps)) return [];
  return findCycles([...deps.keys()], (n) => {
    const ds = deps.get(n) ?? [];
    return ds.every((d) => d !== n && deps.has(d)) ? ds : ds.filter((d) => d !== n && deps.has(d));
  });
}

function acyclic(deps: ReadonlyMap<string, readonly string[]>): boolean {
  const n = deps.size;
  const index = new Map<string, number>();
  const lists: (readonly string[])[] = new Array(n);
  let k = 0;
  for (const [id, ds] of deps) {
    index.set(id, k);
    lists[k++] = ds;
  }
  // Edges dependency → dependant, each node's in one range of `succ` (counted, then filled).
  const indeg = new Int32Array(n);
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const ds = lists[i]!;
    for (let e = 0; e < ds.length; e++) {
      const j = index.get(ds[e]!);
      if (j === undefined || j === i) continue;
      indeg[i]!++;
      start[j + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const succ = new Int32Array(start[n]!);
  for (let i = 0; i < n; i++) {
    const ds = lists[i]!;
    for (let e = 0; e < ds.length; e++) {
      const j = index.get(ds[e]!);
      if (j === undefined || j === i) continue;
      succ[fill[j]!++] = i;
    }
  }
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (indeg[i] === 0) queue[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const j = queue[head]!;
    for (let e = start[j]!; e < start[j + 1]!; e++) if (--indeg[succ[e]!]! === 0) queue[tail++] = succ[e]!;
  }
  return tail === n;
}
