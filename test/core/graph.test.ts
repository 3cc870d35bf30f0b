// cyclesAmong tells a plan without cycles over typed arrays before findCycles builds the
// scheduler's graph to name them. Over random graphs (self-dependencies, repeated dependencies,
// unknown ids) its cycles are those the scheduler's walk names on the graph of known ids.
import { describe, expect, it } from 'vitest';
import { rng as random } from '../../bench/generate.mjs';
import { cyclesAmong } from '../../src/core/graph.js';
import { orderGraph, type GraphNode } from '../../src/core/schedule-graph.js';

/** The scheduler's walk over the known ids, self-dependencies left out, built directly. */
function cyclesByWalk(deps: Map<string, string[]>): string[][] {
  const ids = [...deps.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const graph: GraphNode[] = ids.map((id) => ({ id, preds: [], succs: [] }));
  for (const [id, ds] of deps) {
    const i = index.get(id)!;
    for (const d of ds) {
      const j = index.get(d);
      if (j === undefined || j === i || graph[i]!.preds.includes(j)) continue;
      graph[i]!.preds.push(j);
      graph[j]!.succs.push(i);
    }
  }
  return orderGraph(graph).cycles;
}

describe('cyclesAmong', () => {
  it('names the cycles the scheduler walk names, over random graphs with and without cycles', () => {
    const next = random(3);
    let withCycles = 0;
    for (let round = 0; round < 500; round++) {
      const n = 1 + Math.floor(next() * 30);
      const id = (i: number) => `T-${String(i).padStart(3, '0')}`;
      const deps = new Map<string, string[]>();
      for (let i = 0; i < n; i++) {
        const ds = Array.from({ length: Math.floor(next() * 3) }, () => {
          const r = next();
          // Mostly earlier tasks; sometimes a later one, itself, or an id only ever depended on.
          return id(r < 0.8 ? Math.floor(next() * Math.max(1, i)) : r < 0.92 ? Math.floor(next() * n) : r < 0.96 ? i : 900 + i);
        });
        deps.set(id(i), ds);
      }
      const expected = cyclesByWalk(deps);
      expect(cyclesAmong(deps)).toEqual(expected);
      if (expected.length) withCycles++;
    }
    expect(withCycles).toBeGreaterThan(50);
  });
});
