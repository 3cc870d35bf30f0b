import { it } from 'vitest';
import { runCli } from '/work/main/test/helpers/cli.js';
import { makeProject } from '/work/main/test/helpers/project.js';
import { readFileSync } from 'node:fs';
const F = (n: string) => readFileSync('/work/main/test/golden/commands/cn-national-day/' + n, 'utf8');
it('explore', async () => {
  const dir = makeProject({ 'deliver.yaml': F('deliver.yaml'), 'plan.yaml': F('plan.yaml') });
  for (const args of [['task','list'],['task','list','--late'],['plan','show'],['milestone','list'],['gantt','--width','100'],['task','show','T-002'],['validate']]) {
    const r = await runCli(args, { cwd: dir });
    console.log('$ ' + args.join(' '), r.code, '\n' + r.stdout + (r.stderr ? 'STDERR:' + r.stderr : ''));
  }
  const r = await runCli(['task','list'], { cwd: dir, stdoutIsTTY: true });
  console.log(r.stdout, r.stderr);
});
