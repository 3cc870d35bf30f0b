import { it } from 'vitest';
import { makeProject } from '../helpers/project.js';
import { runCli } from '../helpers/cli.js';
import { loadProject, resolvePositions } from '../../src/store/load.js';
import { checkRules } from '../../src/core/rules/index.js';

it('scale', async () => {
  for (const n of [250, 500, 1000, 2000]) {
    const lines = ['schema_version: 1', 'tasks:'];
    for (let i = 0; i < n; i++) lines.push(`  - {id: T-${1000 + i}, name: x, status: maybe, depends_on: [T-${1000 + i}]}`);
    const dir = makeProject({ 'plan.yaml': lines.join('\n') + '\n' });
    let t = Date.now();
    const l = loadProject(dir);
    const tl = Date.now() - t; t = Date.now();
    const rules = checkRules(l.project);
    const tr = Date.now() - t; t = Date.now();
    resolvePositions([...l.diagnostics, ...rules], l.sources);
    const tp = Date.now() - t; t = Date.now();
    const r = await runCli(['validate'], { cwd: dir });
    console.log(n, 'load', tl, 'rules', tr, 'positions', tp, 'cli', Date.now() - t, 'diags', l.diagnostics.length, 'out', r.stdout.length);
  }
}, 600000);
