// The kill test and the parallel-writers test on a 10,000-task project (the bench's generator):
// SIGKILL while a write command holds the lock or writes leaves every record file old or complete
// and valid, and the next run recovers; writers started together all succeed and lose nothing.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadProject } from '../../src/store/load.js';
import { REPO, tempDir } from '../helpers/project.js';
import { builtBinary } from './built.js';

const TASKS = 10_000;
const KILLS = 10;
const ENV = { ...process.env, DELIVER_CACHE: '0', DELIVER_AS_OF: '2026-11-20', NO_COLOR: '1' };

type Kill = { afterLockMs: number } | { afterTempMs: number };
interface Outcome {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  lockToEnd?: number;
}

function runBinary(bin: string, cwd: string, args: string[], kill?: Kill): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args, '-C', cwd], { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timers: NodeJS.Timeout[] = [];
    const later = (ms: number) => timers.push(setTimeout(() => child.kill('SIGKILL'), ms));
    let lockSeen: number | undefined;
    let tempSeen = false;
    const watchers = ['.', '.deliver', 'requirements'].map((d) =>
      watch(join(cwd, d), (_e, name) => {
        const n = String(name);
        if (n === 'lock' && lockSeen === undefined && existsSync(join(cwd, '.deliver', 'lock'))) {
          lockSeen = performance.now();
          if (kill && 'afterLockMs' in kill) later(kill.afterLockMs);
        }
        if (!tempSeen && (n.endsWith('.deliver-tmp') || n === 'journal.json')) {
          tempSeen = true;
          if (kill && 'afterTempMs' in kill) later(kill.afterTempMs);
        }
      }),
    );
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      for (const w of watchers) w.close();
      resolve({
        pid: child.pid!,
        code,
        signal,
        stdout,
        stderr,
        ...(lockSeen !== undefined ? { lockToEnd: performance.now() - lockSeen } : {}),
      });
    });
  });
}

const recordFiles = (dir: string): Map<string, string> => {
  const out = new Map<string, string>([['plan.yaml', readFileSync(join(dir, 'plan.yaml'), 'utf8')]]);
  for (const f of readdirSync(join(dir, 'requirements')))
    if (f.endsWith('.yaml')) out.set(`requirements/${f}`, readFileSync(join(dir, 'requirements', f), 'utf8'));
  return out;
};
const leftovers = (dir: string) =>
  [
    ...readdirSync(dir),
    ...readdirSync(join(dir, '.deliver')).map((f) => `.deliver/${f}`),
    ...readdirSync(join(dir, 'requirements')),
  ].filter((f) => f.endsWith('.deliver-tmp') || f === '.deliver/lock' || f === '.deliver/journal.json');

describe(`writes on a ${TASKS.toLocaleString('en')}-task project (built binary)`, () => {
  let bin = '';
  let generate: (dir: string, tasks: number, seed?: number) => void;

  beforeAll(async () => {
    bin = builtBinary();
    ({ generateProject: generate } = (await import(pathToFileURL(join(REPO, 'bench', 'generate.mjs')).href)) as {
      generateProject: typeof generate;
    });
  }, 240_000);

  const project = (): string => {
    const dir = join(tempDir('deliver-large-'), 'p');
    generate(dir, TASKS, 11);
    mkdirSync(join(dir, '.deliver'), { recursive: true });
    return dir;
  };

  it(`SIGKILL ${KILLS} times while task add, task done or req add holds the lock or writes: files old or complete, then recovered`, async () => {
    const dir = project();
    const rand = fc.sample(fc.double({ min: 0, max: 1, noNaN: true }), { numRuns: KILLS * 4, seed: 18 });
    let r = 0;
    const next = () => rand[r++]!;
    // A todo task near the end of the plan for each `task done`, so no two runs mark the same one.
    let todo = TASKS;
    const ops = [
      () => ['task', 'add', '--name', 'Added under fire', '--days', '2'],
      () => ['task', 'done', `T-${String(todo--).padStart(5, '0')}`],
      () => [
        'req',
        'add',
        '--title',
        'Request under fire',
        '--customer',
        'C',
        '--contact',
        'Li',
        '--receiver',
        'Zhou',
        '--received',
        '2026-11-02',
        '--urgency',
        'low',
      ],
    ];
    // How long the lock is held when left alone: kills are aimed inside that stretch.
    const calm = await runBinary(bin, dir, ops[0]!());
    expect(calm.code, calm.stderr).toBe(0);
    const held = calm.lockToEnd ?? 500;
    let kills = 0;
    for (let i = 0; kills < KILLS && i < KILLS * 3; i++) {
      const before = recordFiles(dir);
      const kill: Kill = next() < 0.6 ? { afterLockMs: Math.floor(held * next()) } : { afterTempMs: Math.floor(3 * next()) };
      const out = await runBinary(bin, dir, ops[i % ops.length]!(), kill);
      if (out.signal !== 'SIGKILL') {
        expect(out.code, out.stderr).toBe(0);
        continue;
      }
      kills++;
      const after = recordFiles(dir);
      for (const f of before.keys()) expect(after.has(f), `${f} vanished`).toBe(true);
      // Each file is the old one or a complete new one: the whole project reads without a finding.
      expect(loadProject(dir).diagnostics, JSON.stringify(kill)).toEqual([]);
    }
    expect(kills).toBe(KILLS);
    // The next run recovers: it succeeds, and no lock, temp file or journal remains.
    const last = await runBinary(bin, dir, ops[0]!());
    expect(last.code, last.stderr).toBe(0);
    expect(leftovers(dir)).toEqual([]);
    expect(loadProject(dir).diagnostics).toEqual([]);
  }, 600_000);

  it('four writers started together, twice: all succeed, nothing is lost', async () => {
    const dir = project();
    const done = ['T-09990', 'T-09991', 'T-09992', 'T-09993'];
    const added: string[] = [];
    for (let round = 0; round < 2; round++) {
      const jobs = [
        runBinary(bin, dir, ['task', 'add', '--name', `Parallel ${round}a`, '--days', '1']),
        runBinary(bin, dir, ['task', 'add', '--name', `Parallel ${round}b`, '--days', '1']),
        runBinary(bin, dir, ['task', 'done', done[2 * round]!]),
        runBinary(bin, dir, [
          'req',
          'add',
          '--title',
          `Parallel ${round}`,
          '--customer',
          'C',
          '--contact',
          'Li',
          '--receiver',
          'Zhou',
          '--received',
          '2026-11-02',
          '--urgency',
          'low',
        ]),
        runBinary(bin, dir, ['task', 'done', done[2 * round + 1]!]),
      ];
      for (const [i, out] of (await Promise.all(jobs)).entries()) {
        expect(out.code, out.stderr).toBe(0);
        if (i === 0 || i === 1 || i === 3) added.push(out.stdout.trim());
      }
    }
    expect(new Set(added).size, added.join(' ')).toBe(added.length);
    const p = loadProject(dir).project;
    const ids = new Set([...p.tasks.map((t) => t.data.id), ...p.requirements.map((q) => q.data.id)]);
    for (const id of added) expect(ids.has(id), id).toBe(true);
    for (const id of done) expect(p.tasks.find((t) => t.data.id === id)?.data.status, id).toBe('done');
    expect(p.tasks.length).toBe(TASKS + 4);
    expect(leftovers(dir)).toEqual([]);
  }, 600_000);
});
