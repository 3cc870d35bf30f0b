// Parallel writers (the built binary, started together): every one succeeds, ids are distinct,
// nothing is lost (new files and in-place edits of plan.yaml alike), no lock or temp file remains.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/store/load.js';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';
import { builtBinary } from './built.js';
import { isRegistered } from './support.js';

const PLAN = `schema_version: 1
tasks:
  - id: T-001
    name: Design
    start: 2026-09-07
    days: 5
    status: todo
`;
const ENV = { ...process.env, DELIVER_CACHE: '0', DELIVER_AS_OF: '2026-11-20', NO_COLOR: '1' };
const WRITERS = 8;
const ROUNDS = 4;

function run(bin: string, cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function allFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(join(d, e.name).slice(dir.length + 1));
    }
  };
  walk(dir);
  return out;
}

describe('parallel writers (built binary)', () => {
  let bin: string;
  let taskAdd = false;

  beforeAll(async () => {
    bin = builtBinary();
    taskAdd = await isRegistered(['task', 'add']);
  }, 240_000);

  it(`${ROUNDS} rounds of ${WRITERS} processes adding records at the same moment: distinct ids, nothing lost`, async () => {
    const dir = makeProject({ 'plan.yaml': PLAN });
    const printed: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Half add requirements (new files), half add tasks (edits of the one plan.yaml: lost updates show here).
      const jobs = Array.from({ length: WRITERS }, (_, w) => {
        const tag = `r${round}w${w}`;
        return taskAdd && w % 2 === 1
          ? run(bin, dir, ['task', 'add', '--name', `Task ${tag}`, '--days', '1', '--after', 'T-001', '--yes'])
          : run(bin, dir, [
              'req',
              'add',
              '--title',
              `Request ${tag}`,
              '--customer',
              'ACME',
              '--contact',
              'Li',
              '--receiver',
              'Zhou',
              '--yes',
            ]);
      });
      const results = await Promise.all(jobs);
      for (const r of results) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        printed.push(r.stdout.trim());
      }
    }
    expect(new Set(printed).size).toBe(printed.length);

    const p = loadProject(dir).project;
    const reqIds = p.requirements.map((r) => r.data.id);
    const taskIds = p.tasks.map((t) => t.data.id).filter((id) => id !== 'T-001');
    expect(new Set([...reqIds, ...taskIds]).size).toBe(printed.length);
    expect([...reqIds, ...taskIds].sort()).toEqual([...printed].sort());
    // Every writer's title or name made it into its record.
    const names = [...p.requirements.map((r) => r.data.title), ...p.tasks.map((t) => t.data.name)];
    for (let round = 0; round < ROUNDS; round++) {
      for (let w = 0; w < WRITERS; w++) expect(names.some((n) => n.endsWith(`r${round}w${w}`))).toBe(true);
    }

    const v = await runCli(['validate'], { cwd: dir, env: { DELIVER_CACHE: '0' } });
    expect(v.code, v.stdout).toBe(0);
    expect(allFiles(dir).filter((f) => f.endsWith('.deliver-tmp') || f.startsWith('.deliver/lock') || f.endsWith('journal.json'))).toEqual(
      [],
    );
    console.log(
      `concurrency: ${ROUNDS * WRITERS} writers in ${ROUNDS} rounds of ${WRITERS}, ${reqIds.length} requirements and ${taskIds.length} tasks added`,
    );
  }, 240_000);
});
