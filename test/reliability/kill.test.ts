// SIGKILL at random points during hundreds of edits by the built binary: after every kill each
// record file is its old or a complete new version (never torn), and the next run recovers (no
// temp files, no stale lock, a committed multi-file change rolled forward, nothing lost).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadProject } from '../../src/store/load.js';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';
import { builtBinary } from './built.js';
import { isRegistered } from './support.js';

const PLAN = `schema_version: 1
milestones:
  - id: M-001
    name: Go live
    due: 2026-12-20
    depends_on:
      - T-002
tasks:
  - id: T-001
    name: Design
    owner: Zhou
    start: 2026-09-07
    end: 2026-09-18
    status: done
    actual_start: 2026-09-07
    actual_end: 2026-09-18
  - id: T-002
    name: Build # comments must survive edits
    owner: Li
    start: 2026-09-21
    end: 2026-10-30
    depends_on:
      - T-001
    milestone: M-001
    status: in_progress
    actual_start: 2026-09-21
`;

const KILLS = 150;

/** Finished tasks that make plan.yaml large enough (~100 KB) for reads and writes to take a few ms: wider windows to kill in. */
const FILLER = Array.from(
  { length: 800 },
  (_, i) => `  - id: T-${String(i + 100).padStart(4, '0')}
    name: Earlier work ${i}
    start: 2026-09-07
    days: 1
    status: done
    actual_end: 2026-09-07
`,
).join('');
const ENV = { ...process.env, DELIVER_CACHE: '0', DELIVER_AS_OF: '2026-11-20', NO_COLOR: '1' };

interface Outcome {
  pid: number;
  /** ms from the lock file appearing to the process ending, when seen. */
  lockToEnd?: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

type Kill = { afterMs: number } | { afterLockMs: number } | { afterTempMs: number };

/**
 * Runs the binary; with `kill`, SIGKILLs it that long after its start, after its lock file appears,
 * or after its first temp file or journal appears (the moment it writes), watched with fs.watch.
 */
function runBinary(bin: string, cwd: string, args: string[], kill?: Kill): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timers: NodeJS.Timeout[] = [];
    const later = (ms: number) => timers.push(setTimeout(() => child.kill('SIGKILL'), ms));
    if (kill && 'afterMs' in kill) later(kill.afterMs);
    let lockSeen: number | undefined;
    let tempSeen = false;
    const watchers = WATCHED.map((d) =>
      watch(join(cwd, d), (_event, name) => {
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

/** Folders where the edits below write (watched to aim kills). */
const WATCHED = ['.', '.deliver', 'requirements', 'changes'];

/** Every file below dir (relative path → content), the state folder included. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(p.slice(dir.length + 1), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

const leftovers = (dir: string) =>
  [...snapshot(dir).keys()].filter((f) => f.endsWith('.deliver-tmp') || f.startsWith('.deliver/lock') || f === '.deliver/journal.json');

type Op = { name: string; args: string[] };

describe('SIGKILL during edits (built binary)', () => {
  let bin: string;
  let ops: { reqAdd: boolean; taskAdd: boolean; change: boolean };

  beforeAll(async () => {
    bin = builtBinary();
    ops = {
      reqAdd: await isRegistered(['req', 'add']),
      taskAdd: await isRegistered(['task', 'add']),
      change:
        (await isRegistered(['change', 'add'])) && (await isRegistered(['change', 'approve'])) && (await isRegistered(['change', 'apply'])),
    };
  }, 240_000);

  it(`every file stays old-or-new and valid across ${KILLS} kills, and the next run recovers`, async () => {
    const dir = makeProject({ 'plan.yaml': PLAN + FILLER });
    for (const d of WATCHED) mkdirSync(join(dir, d), { recursive: true });
    const rand = fc.sample(fc.double({ min: 0, max: 1, noNaN: true }), { numRuns: KILLS * 3, seed: 20261120 });
    let r = 0;
    const next = () => rand[r++ % rand.length]!;
    let serial = 0;

    /** Chooses an edit from the project's current state, so every command is legal when it runs. */
    const chooseOp = (): Op => {
      const p = loadProject(dir).project;
      const x = next();
      const approved = p.changes.find((c) => c.data.status === 'approved');
      const open = p.changes.find((c) => c.data.status === 'submitted');
      if (ops.change && x < 0.45) {
        if (approved) return { name: 'change apply', args: ['change', 'apply', approved.data.id, '--by', 'Zhou'] };
        if (open)
          return {
            name: 'change approve',
            args: ['change', 'approve', open.data.id, '--as', open.data.approvals?.customer ? 'internal' : 'customer', '--by', 'Li'],
          };
        return {
          name: 'change add',
          args: [
            'change',
            'add',
            '--title',
            `Slip ${++serial}`,
            '--reason',
            'customer asked',
            '--task',
            'T-002',
            '--schedule-days',
            '1',
            '--yes',
          ],
        };
      }
      if (ops.taskAdd && x < 0.7)
        return { name: 'task add', args: ['task', 'add', '--name', `Task ${++serial}`, '--days', '2', '--after', 'T-001', '--yes'] };
      return {
        name: 'req add',
        args: [
          'req',
          'add',
          '--title',
          `Request ${++serial} / ../x`,
          '--customer',
          'ACME',
          '--contact',
          'Li',
          '--receiver',
          'Zhou',
          '--yes',
        ],
      };
    };

    // How long each kind of edit takes when left alone: kills are aimed at its last stretch, where it writes.
    const duration = new Map<string, number>();
    const lockTime = new Map<string, number>();
    const completedIds = new Set<string>();
    let kills = 0,
      completed = 0,
      killedMidWrite = 0;
    const stages = { lockHeld: 0, tempLeft: 0, journalLeft: 0, inWriter: 0 };

    while (kills < KILLS) {
      const op = chooseOp();
      const before = snapshot(dir);
      const known = duration.get(op.name);
      // A quarter of the kills land anywhere in the run, half while it holds the lock, a quarter
      // while it writes (after its first temp file appeared); a few runs are let finish.
      const locked = lockTime.get(op.name);
      const aim = next();
      const kill: Kill | undefined =
        known === undefined || locked === undefined
          ? undefined
          : aim < 0.25
            ? { afterMs: Math.floor(known * (0.3 + 0.9 * next())) }
            : aim < 0.75
              ? { afterLockMs: Math.floor(locked * 1.2 * next()) }
              : { afterTempMs: Math.floor(4 * next()) };
      const t0 = performance.now();
      const out = await runBinary(bin, dir, op.args, kill);
      const took = performance.now() - t0;

      if (out.signal === 'SIGKILL') {
        kills++;
        // Right after the kill (no recovery yet): each record file is the old one or complete and valid.
        const after = snapshot(dir);
        const changed = [...after.keys()].filter(
          (f) => f.endsWith('.yaml') && !f.startsWith('.') && !f.includes('/.') && after.get(f) !== before.get(f),
        );
        if (changed.length) killedMidWrite++;
        const state = [...after.keys()];
        const held = after.get('.deliver/lock')?.includes(`"pid":${out.pid},`) ?? false;
        const temp = state.some((f) => f.endsWith('.deliver-tmp') && f.includes(`.${out.pid}.`));
        const journal = state.includes('.deliver/journal.json');
        if (held) stages.lockHeld++;
        if (temp) stages.tempLeft++;
        if (journal) stages.journalLeft++;
        if (held || temp || journal || changed.length) stages.inWriter++;
        const loaded = loadProject(dir);
        expect(loaded.diagnostics, `after killing ${op.name}: ${JSON.stringify(kill)}`).toEqual([]);
        for (const f of before.keys()) if (f.endsWith('.yaml') && !f.includes('/.')) expect(after.has(f), `${f} vanished`).toBe(true);
      } else {
        expect(out.code, `${op.name}: ${out.stderr}`).toBe(0);
        expect(out.stderr).toBe('');
        completed++;
        duration.set(op.name, known === undefined ? took : 0.7 * known + 0.3 * took);
        if (out.lockToEnd !== undefined) lockTime.set(op.name, 0.7 * (lockTime.get(op.name) ?? out.lockToEnd) + 0.3 * out.lockToEnd);
        if (op.name === 'req add' || op.name === 'task add' || op.name === 'change add')
          completedIds.add(out.stdout.trim().split('\n')[0]!);
        // A completed run recovered whatever the kills before it left, and left nothing behind.
        expect(leftovers(dir)).toEqual([]);
      }
    }

    // One last undisturbed run recovers, then the whole project is consistent.
    const last = await runBinary(bin, dir, [
      'req',
      'add',
      '--title',
      'Final',
      '--customer',
      'ACME',
      '--contact',
      'Li',
      '--receiver',
      'Zhou',
      '--yes',
    ]);
    expect(last.code, last.stderr).toBe(0);
    expect(leftovers(dir)).toEqual([]);
    const v = await runCli(['validate'], { cwd: dir, env: { DELIVER_CACHE: '0' } });
    expect(v.stdout).toContain('no problems found');
    expect(v.code).toBe(0);

    const p = loadProject(dir).project;
    const ids = [...p.requirements, ...p.tasks, ...p.changes].map((x) => x.data.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of completedIds) expect(ids, `completed ${id} was lost`).toContain(id);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain('# comments must survive edits');

    // All-or-nothing multi-file change: every applied slip's moves chain onto the plan as it is now.
    const t2 = p.tasks.find((t) => t.data.id === 'T-002')!.data;
    const moves = p.changes
      .filter((c) => c.data.status === 'applied')
      .sort((a, b) => (a.data.id < b.data.id ? -1 : 1))
      .flatMap((c) => (c.data.applied?.moves ?? []).filter((m) => m.id === 'T-002'));
    for (let k = 1; k < moves.length; k++) expect(moves[k]!.from_end).toBe(moves[k - 1]!.to_end);
    if (moves.length) expect(t2.end).toBe(moves[moves.length - 1]!.to_end);
    else expect(t2.end).toBe('2026-10-30');

    expect(existsSync(join(dir, '.deliver', 'lock'))).toBe(false);
    console.log(
      `kill test: ${kills} kills (${stages.inWriter} inside a writer: lock held ${stages.lockHeld}, temp file left ${stages.tempLeft}, journal left ${stages.journalLeft}, a record already changed ${killedMidWrite}), ${completed} completed edits, ${ids.length} records, ${moves.length} applied plan moves`,
    );
    // Enough kills must land inside a writer (lock held, temp file written, record replaced), or this test proves little.
    expect(stages.inWriter).toBeGreaterThanOrEqual(5);
  }, 300_000);
});
