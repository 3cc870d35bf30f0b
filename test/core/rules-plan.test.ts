// The plan rule's dependency cycles: told by a typed-array pass first, named by findCycles only
// when there is one. Over random graphs (self-dependencies, unknown ids, repeated and duplicated
// ids included) the findings are those findCycles gives for the whole graph.
import { describe, expect, it } from 'vitest';
import { findCycles } from '../../src/core/graph.js';
import { emptyProject, type Project } from '../../src/core/model.js';
import { checkPlan } from '../../src/core/rules/plan.js';
import { rng as random } from '../../bench/generate.mjs';

function planWith(depsOf: string[][]): Project {
  const p = emptyProject();
  depsOf.forEach((deps, i) => {
    // Every tenth id is repeated: the later task's dependencies are the ones checked.
    const id = `T-${String(i % 10 === 9 ? i - 1 : i).padStart(3, '0')}`;
    p.tasks.push({ file: 'plan.yaml', path: ['tasks', i], data: { id, name: id, days: 1, status: 'todo', depends_on: deps } });
  });
  return p;
}

describe('dependency cycles in the plan rule', () => {
  it('are those findCycles names, over random graphs with and without cycles', () => {
    const next = random(7);
    let withCycles = 0;
    for (let round = 0; round < 400; round++) {
      const n = 2 + Math.floor(next() * 40);
      // Mostly edges to earlier tasks (acyclic), sometimes one to a later one, an unknown id or itself.
      const depsOf = Array.from({ length: n }, (_, i) =>
        Array.from({ length: Math.floor(next() * 3) }, () => {
          const r = next();
          const j = r < 0.8 ? Math.floor(next() * Math.max(1, i)) : r < 0.92 ? Math.floor(next() * n) : r < 0.97 ? i : 999;
          return `T-${String(j).padStart(3, '0')}`;
        }),
      );
      const p = planWith(depsOf);
      const deps = new Map(p.tasks.map((t) => [t.data.id, t.data.depends_on ?? []]));
      const expected = findCycles([...deps.keys()], (id) => (deps.get(id) ?? []).filter((d) => d !== id && deps.has(d))).map((c) =>
        c.join(' → '),
      );
      const found = checkPlan(p)
        .filter((d) => d.code === 'DLV-E060')
        .map((d) => (d.args as { cycle: string }).cycle);
      expect(found).toEqual(expected);
      if (expected.length) withCycles++;
    }
    expect(withCycles).toBeGreaterThan(40);
  });
});
