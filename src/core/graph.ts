// Dependency graphs: topological order and cycle finding, iterative (no recursion limit) and
// linear in nodes + edges, so a hostile plan can neither hang nor overflow the stack.

/** Each cycle once, as the list of its nodes in dependency order (first node repeated at the end). */
export function findCycles(nodes: readonly string[], edges: (n: string) => readonly string[]): string[][] {
  const state = new Map<string, 1 | 2>(); // 1 on the current path, 2 finished
  const cycles: string[][] = [];
  for (const start of nodes) {
    if (state.has(start)) continue;
    const stack: { n: string; i: number; next: readonly string[] }[] = [{ n: start, i: 0, next: edges(start) }];
    const path: string[] = [start];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (top.i < top.next.length) {
        const m = top.next[top.i++]!;
        const s = state.get(m);
        if (s === 1) {
          const from = path.lastIndexOf(m);
          cycles.push([...path.slice(from), m]);
        } else if (s === undefined && nodes.length > 0) {
          state.set(m, 1);
          path.push(m);
          stack.push({ n: m, i: 0, next: edges(m) });
        }
      } else {
        state.set(top.n, 2);
        stack.pop();
        path.pop();
      }
    }
  }
  return cycles;
}
