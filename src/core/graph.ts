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
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < n; i++) {
    const ds = lists[i]!;
    for (let e = 0; e < ds.length; e++) {
      const j = index.get(ds[e]!);
      if (j === undefined || j === i) continue;
      from.push(j);
      to.push(i);
    }
  }
  return topologicalOrder(n, from, to).size === n;
}

/**
 * Kahn's order over nodes 0 … n-1 and the edges from[e] → to[e], in typed arrays (no object per
 * node: it runs over 10,000 tasks on every command, mostly before V8 has optimized it). `order`
 * holds `size` nodes, all n exactly when there is no cycle; node i's successors are
 * succ[start[i]] … succ[start[i + 1] - 1].
 */
export function topologicalOrder(
  n: number,
  from: readonly number[],
  to: readonly number[],
): { order: Int32Array; size: number; start: Int32Array; succ: Int32Array } {
  const { start, succ } = successorRanges(n, from, to);
  const indegree = new Int32Array(n);
  for (let e = 0; e < to.length; e++) indegree[to[e]!]!++;
  const order = new Int32Array(n);
  let size = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order[size++] = i;
  for (let head = 0; head < size; head++) {
    const i = order[head]!;
    for (let k = start[i]!; k < start[i + 1]!; k++) if (--indegree[succ[k]!]! === 0) order[size++] = succ[k]!;
  }
  return { order, size, start, succ };
}

/**
 * The edges from[e] → to[e] grouped by node, counted and then filled: node i's successors are
 * succ[start[i]] … succ[start[i + 1] - 1].
 */
export function successorRanges(n: number, from: readonly number[], to: readonly number[]): { start: Int32Array; succ: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) start[from[e]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const succ = new Int32Array(from.length);
  const fill = start.slice(0, n);
  for (let e = 0; e < from.length; e++) succ[fill[from[e]!]!++] = to[e]!;
  return { start, succ };
}

/**
 * Marks everything reachable from the nodes in `queue` along `ranges` (successorRanges), appending
 * each newly marked node to `queue`. Nodes already marked are not entered again.
 */
export function markReachable(ranges: { start: Int32Array; succ: Int32Array }, queue: number[], marked: Uint8Array): void {
  const { start, succ } = ranges;
  for (const i of queue) marked[i] = 1;
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!;
    for (let k = start[i]!; k < start[i + 1]!; k++)
      if (marked[succ[k]!] === 0) {
        marked[succ[k]!] = 1;
        queue.push(succ[k]!);
      }
  }
}
