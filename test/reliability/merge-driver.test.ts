// deliver's merge driver in real git merges: two branches that both `task add` (the same next id)
// and change different tasks merge cleanly, the incoming task renumbered with its references;
// a real conflict falls back to git's markers. init writes .gitattributes; doctor checks the setup.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/project.js';
import { builtBinary } from './built.js';

let pathDir: string;
beforeAll(() => {
  // Built first; then the checkout's own bin, which finds the templates init needs next to it.
  builtBinary();
  const bin = join(REPO, 'bin', 'deliver.js');
  pathDir = tempDir('deliver-path-');
  writeFileSync(join(pathDir, 'deliver'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  chmodSync(join(pathDir, 'deliver'), 0o755);
}, 240_000);

const env = () => ({
  ...process.env,
  PATH: `${pathDir}:${process.env.PATH}`,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  DELIVER_AS_OF: '2026-11-20',
  DELIVER_CACHE: '0',
  TZ: 'Asia/Shanghai',
  LANG: 'en_US.UTF-8',
});
const git = (dir: string, ...args: string[]) =>
  spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    env: env(),
    encoding: 'utf8',
  });
const deliver = (dir: string, ...args: string[]) => spawnSync('deliver', args, { cwd: dir, env: env(), encoding: 'utf8' });

function repo(): string {
  const dir = tempDir('deliver-merge-');
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: env() });
  const init = deliver(
    dir,
    'init',
    '.',
    '--yes',
    '--name',
    'Merge test',
    '--client',
    'ACME',
    '--start',
    '2026-09-01',
    '--due',
    '2026-12-31',
    '--lang',
    'en',
  );
  expect(init.status, init.stderr).toBe(0);
  expect(init.stdout).toContain('git config merge.deliver.driver "deliver merge-driver %O %A %B %P"');
  expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toContain('*.yaml merge=deliver');
  // Before the driver is configured, doctor says what to run.
  const before = deliver(dir, 'doctor');
  expect(before.status).toBe(1);
  expect(before.stdout).toContain('git config merge.deliver.driver');
  git(dir, 'config', 'merge.deliver.driver', 'deliver merge-driver %O %A %B %P');
  expect(deliver(dir, 'doctor').status).toBe(0);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'init');
  return dir;
}

const tasks = (dir: string) =>
  (load(readFileSync(join(dir, 'plan.yaml'), 'utf8')) as { tasks: { id: string; name: string; depends_on?: string[] }[] }).tasks;

describe('deliver merge-driver in real git merges', () => {
  it('merges two branches that each added tasks with the same new ids', () => {
    const dir = repo();
    const first = tasks(dir).length;
    const next = `T-${String(first + 1).padStart(3, '0')}`;
    git(dir, 'checkout', '-qb', 'feature');
    expect(deliver(dir, 'task', 'add', '--name', 'Feature work', '--days', '3', '--yes').stdout.trim()).toBe(next);
    expect(deliver(dir, 'task', 'add', '--name', 'Feature follow-up', '--days', '1', '--after', next, '--yes').status).toBe(0);
    expect(
      deliver(
        dir,
        'risk',
        'add',
        '--title',
        'Feature risk',
        '--probability',
        '2',
        '--impact',
        '2',
        '--category',
        'technical',
        '--response',
        'accept',
        '--owner',
        'Li',
      ).status,
    ).toBe(0);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'feature');
    git(dir, 'checkout', '-q', 'main');
    expect(deliver(dir, 'task', 'add', '--name', 'Main work', '--days', '2', '--yes').stdout.trim()).toBe(next);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'main');
    const m = git(dir, 'merge', '--no-edit', 'feature');
    expect(m.status, m.stdout + m.stderr).toBe(0);
    expect(m.stderr).toMatch(new RegExp(`both branches added ${next}; the incoming one is now T-\\d+`));
    const after = tasks(dir);
    expect(after.map((t) => t.name).slice(first)).toEqual(['Main work', 'Feature work', 'Feature follow-up']);
    const feature = after.find((t) => t.name === 'Feature work')!;
    expect(feature.id).not.toBe(next);
    expect(after.find((t) => t.name === 'Feature follow-up')!.depends_on).toEqual([feature.id]);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toMatch(/^# yaml-language-server/);
    const v = deliver(dir, 'validate');
    expect(v.status, v.stdout + v.stderr).toBe(0);
  });

  it('falls back to conflict markers when both sides changed the same field', () => {
    const dir = repo();
    const id = tasks(dir)[0]!.id;
    git(dir, 'checkout', '-qb', 'feature');
    writeFileSync(
      join(dir, 'plan.yaml'),
      readFileSync(join(dir, 'plan.yaml'), 'utf8').replace(/(id: T-001\n\s+name: ).*/, '$1Feature name'),
    );
    git(dir, 'commit', '-qam', 'feature');
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(join(dir, 'plan.yaml'), 'utf8').replace(/(id: T-001\n\s+name: ).*/, '$1Main name'));
    git(dir, 'commit', '-qam', 'main');
    const m = git(dir, 'merge', '--no-edit', 'feature');
    expect(m.status).not.toBe(0);
    expect(m.stderr).toContain(`cannot merge by record id (tasks.${id}.name)`);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toMatch(
      /<<<<<<< [\s\S]*Main name[\s\S]*=======[\s\S]*Feature name[\s\S]*>>>>>>> /,
    );
  });
});
