// Dependency graph for scheduling: id index, edges, Kahn topological order, cycle extraction. Linear time.

export interface GraphNode {
  id: string;
  /** Indices of known predecessors (deduplicated). */
  preds: number[];
  /** Indices of successors. */
  succs: number[];
}

export interface GraphResult {
  /** Node indices in topological order (predecessors first); nodes in or behind a cycle are absent. */
  order: number[];
  /** Each cycle in depends-on direction, closed: [T-001, T-002, T-001] = T-001 depends on T-002 … */
  cycles: string[][];
  /** Nodes on a reported cycle. */
  onCycle: Set<number>;
  /** Nodes not ordered and not on a reported cycle: each mapped to an unordered predecessor blocking it. */
  behind: Map<number, number>;
}

/** Orders nodes by Kahn's algorithm; whatever is left over contains cycles, which are then walked out. */
export function orderGraph(nodes: readonly GraphNode[]): GraphResult {
  const n = nodes.length;
  const indeg = new Int32Array(n);
  for (let i = 0; i < n; i++) indeg[i] = nodes[i]!.preds.length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) order.push(i);
  // `order` doubles as the queue: a head pointer avoids Array.shift's O(n) cost.
  for (let head = 0; head < order.length; head++) {
    const succs = nodes[order[head]!]!.succs;
    for (let k = 0; k < succs.length; k++) {
      const s = succs[k]!;
      if (--indeg[s]! === 0) order.push(s);
    }
  }

  const cycles: string[][] = [];
  const onCycle = new Set<number>();
  const behind = new Map<number, number>();
  if (order.length === n) return { order, cycles, onCycle, behind };

  // Every leftover node has a leftover predecessor (else Kahn would have freed it), so following
  // leftover predecessors from any leftover node must eventually revisit a node: that loop is a cycle.
  // Each node is walked at most once overall, keeping this linear.
  const ordered = new Uint8Array(n);
  for (const i of order) ordered[i] = 1;
  const firstLeftPred = (i: number) => nodes[i]!.preds.find((p) => !ordered[p])!;
  const walkOf = new Int32Array(n).fill(-1);
  for (let startNode = 0; startNode < n; startNode++) {
    if (ordered[startNode] || walkOf[startNode] !== -1) continue;
    const path: number[] = [];
    let v = startNode;
    while (walkOf[v] === -1) {
      walkOf[v] = startNode;
      path.push(v);
      v = firstLeftPred(v);
    }
    if (walkOf[v] === startNode) {
      const loop = path.slice(path.indexOf(v));
      for (const i of loop) onCycle.add(i);
      cycles.push(closeCycle(loop.map((i) => nodes[i]!.id)));
    }
  }
  for (let i = 0; i < n; i++) if (!ordered[i] && !onCycle.has(i)) behind.set(i, firstLeftPred(i));
  return { order, cycles, onCycle, behind };
}

/** Rotates a cycle to start at its smallest id (stable reports) and repeats the first id at the end. */
function closeCycle(ids: string[]): string[] {
  let k = 0;
  for (let i = 1; i < ids.length; i++) if (ids[i]! < ids[k]!) k = i;
  const rotated = [...ids.slice(k), ...ids.slice(0, k)];
  return [...rotated, rotated[0]!];
}
