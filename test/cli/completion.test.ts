// Shell completion: `deliver completion bash|zsh|fish` prints a script that asks
// `deliver __complete` for commands, flags, flag values and the current project's record ids.
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyExample, tempDir } from '../helpers/project.js';
import { builtBinary } from '../reliability/built.js';

let dir: string;
beforeAll(() => {
  dir = copyExample('crm-dashboard-zh');
});

const complete = async (...words: string[]) =>
  (await runCli(['__complete', '--', ...words], { cwd: dir })).stdout.split('\n').filter(Boolean);

describe('deliver __complete', () => {
  it('completes commands and subcommands', async () => {
    expect(await complete('ga')).toEqual(['gantt']);
    expect(await complete('task', 's')).toEqual(['show', 'start']);
    expect(await complete('')).toContain('completion');
  });

  it("completes the command's flags and the global ones", async () => {
    const flags = await complete('task', 'list', '--');
    expect(flags).toEqual(expect.arrayContaining(['--late', '--owner', '--dir', '--json', '--as-of', '--lang', '--help']));
    expect(flags).not.toContain('--name');
  });

  it('completes enum values of flags and arguments', async () => {
    expect(await complete('risk', 'add', '--response', '')).toEqual(['accept', 'avoid', 'mitigate', 'transfer']);
    expect(await complete('--lang', '')).toEqual(['en', 'zh-CN']);
    expect(await complete('task', 'list', '--status', 'in')).toEqual(['in_progress']);
    expect(await complete('req', 'move', '202609-001', 'ac')).toEqual(['accepted']);
    expect(await complete('completion', '')).toEqual([]);
  });

  it("completes record ids from the current project, by the command's kind", async () => {
    expect(await complete('risk', 'show', '')).toEqual(['R-001', 'R-002', 'R-003', 'R-004', 'R-005']);
    expect(await complete('change', 'approve', 'CR')).toEqual(['CR-001', 'CR-002']);
    expect(await complete('task', 'add', '--after', 'M-')).toEqual(expect.arrayContaining(['M-001']));
    expect(await complete('req', 'show', '202610')).toEqual(['202610-001', '202610-002', '202610-003']);
    // Outside a project there are no ids, and no error.
    expect((await runCli(['__complete', '--', 'risk', 'show', ''], { cwd: tempDir() })).stdout).toBe('');
  });
});

describe('deliver completion', () => {
  it('prints a script for each shell, and refuses another', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await runCli(['completion', shell], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('deliver __complete --');
    }
    expect((await runCli(['completion', 'tcsh'], { cwd: dir })).code).toBe(2);
  });

  it('completes in a real bash', () => {
    const bin = builtBinary();
    const binDir = tempDir('deliver-path-');
    writeFileSync(join(binDir, 'deliver'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
    chmodSync(join(binDir, 'deliver'), 0o755);
    const script = `source <(deliver completion bash)
COMP_WORDS=(deliver risk show R-00); COMP_CWORD=3; _deliver_complete; echo "\${COMPREPLY[*]}"
COMP_WORDS=(deliver task li); COMP_CWORD=2; _deliver_complete; echo "\${COMPREPLY[*]}"`;
    const r = spawnSync('bash', ['-c', script], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, DELIVER_CACHE: '0' },
    });
    expect(r.stdout.split('\n')).toEqual(['R-001 R-002 R-003 R-004 R-005', 'list', '']);
  }, 240_000);
});
