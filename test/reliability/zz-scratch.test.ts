import { it } from 'vitest';
import { listCases, materialize, cleanup } from '../fixtures/hostile/corpus.js';
import { runCli } from '../helpers/cli.js';
it('show', async () => {
  const c = listCases().find((x) => x.name === process.env.CASE)!;
  const m = materialize(c);
  for (const a of JSON.parse(process.env.CMDS!)) {
    const r = await runCli(a, { cwd: m.dir, env: { DELIVER_CACHE: '0' } });
    console.log('=====', a.join(' '), r.code, '\n--- stdout\n', r.stdout.slice(0, 1500), '\n--- stderr\n', r.stderr.slice(0, 1500));
  }
  cleanup(m);
});
