// No prototype surprises: hostile keys and ids (`__proto__`, `constructor`, `prototype`) are
// refused with a clear finding, and loading them through the whole CLI (reads and writes, in
// process) leaves Object.prototype untouched: `({}).polluted` stays undefined.
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, listCases, materialize } from '../fixtures/hostile/corpus.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, RISK } from '../helpers/project.js';
import { assertCleanOutput, hasStackTrace, label, registeredReadCommands } from './support.js';

const ENV = { DELIVER_CACHE: '0' };

const POISON = RISK;

/** Every way YAML can spell a prototype key: plain, quoted, flow, nested, in lists, in the manifest and plan. */
const FILES: Record<string, string> = {
  'risks/R-001-a.yaml': `${POISON}__proto__:\n  polluted: plain\n`,
  'risks/R-002-b.yaml': `${POISON.replace('R-001', 'R-002')}"__proto__": {"polluted": "quoted"}\n`,
  'risks/R-003-c.yaml': `${POISON.replace('R-001', 'R-003')}actions:\n  - text: x\n    __proto__: {polluted: in-list}\n`,
  'risks/R-004-d.yaml': `${POISON.replace('R-001', 'R-004')}constructor:\n  prototype:\n    polluted: ctor\n`,
  'risks/R-005-e.yaml': `{id: R-005, __proto__: {polluted: flow}, toString: 1, hasOwnProperty: 2, valueOf: 3}\n`,
  'requirements/__proto__.yaml': 'id: __proto__\ntitle: t\n',
  'requirements/202609-001-constructor.yaml': 'id: constructor\ntitle: t\n',
  'plan.yaml':
    'schema_version: 1\ntasks:\n  - id: T-001\n    name: x\n    status: todo\n    depends_on: [__proto__, constructor, prototype, toString]\n    __proto__: {polluted: plan}\n  - id: __proto__\n    name: y\n    status: todo\n',
  'changes/CR-001-x.yaml':
    'id: CR-001\ntitle: x\nreason: y\nsubmitted: 2026-09-01\nstatus: submitted\nrequirements: [__proto__]\ntasks: [constructor]\n',
};

function assertUnpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_NAMES);
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object as unknown as Record<string, unknown>).polluted).toBeUndefined();
}
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

describe('prototype pollution', () => {
  const dirs: string[] = [];
  afterAll(() => {
    assertUnpolluted();
  });

  it('prototype keys in every position are findings (DLV-E014) with file and line, ids are refused (DLV-E026)', async () => {
    const dir = makeProject(FILES);
    dirs.push(dir);
    const r = await runCli(['validate'], { cwd: dir, env: ENV });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^risks\/R-001-a\.yaml:10:\d+: error DLV-E014 key "__proto__"/m);
    expect(r.stdout).toMatch(/^risks\/R-002-b\.yaml:10:\d+: error DLV-E014/m);
    expect(r.stdout).toMatch(/^risks\/R-003-c\.yaml:12:\d+: error DLV-E014/m);
    expect(r.stdout).toMatch(/^risks\/R-004-d\.yaml:10:\d+: error DLV-E014 key "constructor"/m);
    expect(r.stdout).toMatch(/^risks\/R-005-e\.yaml:1:\d+: error DLV-E014/m);
    expect(r.stdout).toMatch(/^plan\.yaml:7:\d+: error DLV-E014/m);
    expect(r.stdout).toMatch(/^requirements\/__proto__\.yaml:1:\d+: error DLV-E026/m);
    expect(r.stdout).toMatch(/^requirements\/202609-001-constructor\.yaml:1:\d+: error DLV-E026/m);
    assertUnpolluted();
  });

  it('every read command over the prototype project and the hostile corpus leaves Object.prototype alone', async () => {
    const commands = await registeredReadCommands();
    const projects = [makeProject(FILES)];
    const cases = listCases().filter((c) => /proto|merge|alias|escape|id-/.test(c.name));
    const mats = cases.map((c) => materialize(c));
    projects.push(...mats.filter((m) => !m.skip).map((m) => m.dir));
    let runs = 0;
    try {
      for (const dir of projects) {
        for (const cmd of commands) {
          const r = await runCli([...cmd.words, ...(cmd.args ?? [])], { cwd: dir, env: ENV });
          // Output safety is terminal.test.ts's and hostile.test.ts's concern; here: no crash.
          expect(r.code, `${label(cmd)} in ${dir}: ${r.stderr.slice(0, 300)}`).not.toBe(70);
          expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
          runs++;
          assertUnpolluted();
        }
      }
    } finally {
      mats.forEach(cleanup);
    }
    expect(runs).toBeGreaterThan(0);
  });

  it('prototype names as ids on the command line and in writes: refused cleanly, nothing polluted', async () => {
    const dir = makeProject(FILES);
    for (const args of [
      ['req', 'show', '__proto__'],
      ['req', 'show', 'constructor'],
      ['req', 'move', '__proto__', 'analyzing'],
      ['risk', 'show', '__proto__'],
      ['task', 'show', 'prototype'],
      ['task', 'done', '__proto__'],
      ['change', 'show', 'constructor'],
      ['change', 'approve', '__proto__', '--as', 'customer', '--by', 'x'],
      ['accept', 'round', 'constructor', '--result', 'pass'],
    ]) {
      const r = await runCli(args, { cwd: dir, env: ENV });
      expect(assertCleanOutput(r, false), args.join(' ')).toEqual([]);
      expect([1, 2], `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
      assertUnpolluted();
    }
    // A clean project: records titled and named after prototype keys are just text.
    const clean = makeProject({});
    for (const title of ['__proto__', 'constructor', 'prototype', 'toString']) {
      const r = await runCli(['req', 'add', '--title', title, '--customer', title, '--contact', title, '--receiver', title, '--yes'], {
        cwd: clean,
        env: ENV,
      });
      expect(r.code, r.stderr).toBe(0);
    }
    const list = await runCli(['req', 'list', '--json'], { cwd: clean, env: ENV });
    const items = (JSON.parse(list.stdout) as { items: { title: string }[] }).items;
    expect(items.map((i) => i.title).sort()).toEqual(['__proto__', 'constructor', 'prototype', 'toString']);
    const v = await runCli(['validate'], { cwd: clean, env: ENV });
    expect(v.code, v.stdout).toBe(0);
    assertUnpolluted();
  });
});
