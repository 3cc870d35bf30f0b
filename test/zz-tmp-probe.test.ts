import { it, expect } from 'vitest';
import { runCli } from '/work/main/test/helpers/cli.js';
import { makeProject } from '/work/main/test/helpers/project.js';
it('x', async () => {
  const dir = makeProject({});
  const r = await runCli(['req', 'add', '--urgency', 'bogus'], { cwd: dir });
  console.log(r);
  const r2 = await runCli(['task', 'list', '--bogus'], { cwd: dir });
  console.log(r2);
});
