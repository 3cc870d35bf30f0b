import { it } from 'vitest';
import { listCases, materialize, cleanup } from '../fixtures/hostile/corpus.js';
import { runCli } from '../helpers/cli.js';
import { writeFileSync } from 'node:fs';

it('dump', async () => {
  let out = '';
  for (const c of listCases()) {
    const m = materialize(c);
    if (m.skip) { out += `## ${c.name} SKIP ${m.skip}\n`; cleanup(m); continue; }
    const t0 = Date.now();
    const r = await runCli(['validate', '--format', 'json'], { cwd: m.dir });
    const ms = Date.now() - t0;
    let ds: any[] = [];
    try { ds = JSON.parse(r.stdout).diagnostics; } catch { out += `stdout not json: ${r.stdout.slice(0, 300)}\n`; }
    out += `## ${c.name} exit=${r.code} (want ${c.expect.exit}) ${ms}ms n=${ds.length} out=${r.stdout.length}+${r.stderr.length}\n`;
    for (const d of ds.slice(0, 8)) out += `   ${d.code} ${JSON.stringify(d.file)}:${d.line}:${d.column} ${d.message.slice(0, 100)}\n`;
    if (r.stderr) out += `   STDERR ${JSON.stringify(r.stderr.slice(0, 300))}\n`;
    cleanup(m);
  }
  writeFileSync('/tmp/corpus/dump.txt', out);
}, 600000);
