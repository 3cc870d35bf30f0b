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
