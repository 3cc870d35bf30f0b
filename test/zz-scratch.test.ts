import { it } from 'vitest';
import { runCli } from './helpers/cli.js';
it('x', async () => {
  for (const a of (process.env.A ?? '').split('|')) {
    const r = await runCli(a.split(' '), { cwd: process.env.D! });
    console.log('$ deliver', a, '\n' + r.stdout + r.stderr, 'exit', r.code);
  }
});
