// Path safety: ids and titles with `/`, `\`, `..`, control and zero-width characters never become
// paths outside their folder; linked record folders and files pointing outside the project are
// neither read nor written through (an outside folder is hashed before and after every step).
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeOutside, OUTSIDE_SECRET } from '../fixtures/hostile/corpus.js';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';
import { assertCleanOutput, hashTreeNoFollow, isRegistered, UNSAFE_OUTPUT } from './support.js';

const ENV = { DELIVER_CACHE: '0' };
const PERSON = ['--customer', 'ACME', '--contact', 'Li', '--receiver', 'Zhou', '--yes'];
const REQ = 'id: 202609-001\ntitle: Linked\ncustomer: A\ncontact: B\nurgency: low\nreceived: 2026-09-02\nreceiver: C\nstatus: received\n';
const PLAN = 'schema_version: 1\ntasks:\n  - id: T-001\n    name: Design\n    start: 2026-09-07\n    days: 3\n    status: todo\n';

const HOSTILE_TITLES = [
  '../../../../tmp/escaped',
  '..\\..\\windows',
  '/etc/passwd',
  'a/b/c',
  '..',
  '.',
  '.hidden',
  'name\u0000nul',
  'tab\tand\nnewline',
  '\u001b[31mred',
  'bidi\u202eexe.txt',
  'zero\u200bwidth',
  'CON',
  'x'.repeat(500),
  '////',
  '\u2028\u2029',
  '%2e%2e%2f',
  '中文/../标题',
  '😀/../',
];

let outside: string;
let outsideBefore: Record<string, string>;
beforeEach(() => {
  outside = makeOutside();
  outsideBefore = hashTreeNoFollow(outside);
});
const outsideUnchanged = () => expect(hashTreeNoFollow(outside)).toEqual(outsideBefore);

function files(dir: string, sub: string): string[] {
  try {
    return readdirSync(join(dir, sub));
  } catch {
    return [];
  }
}

describe('path safety', () => {
  it('hostile titles become safe file names inside the record folder', async () => {
    const dir = makeProject({});
    for (const title of HOSTILE_TITLES) {
      const r = await runCli(['req', 'add', '--title', title, ...PERSON], { cwd: dir, env: ENV });
      expect(assertCleanOutput(r, false)).toEqual([]);
      // Titles the schema refuses (too long, control characters) are refused; the others are stored.
      expect([0, 1, 2], r.stderr).toContain(r.code);
    }
    const names = files(dir, 'requirements');
    expect(names.length).toBeGreaterThan(10);
    for (const n of names) {
      expect(n).toMatch(/^\d{6}-\d{3,5}-[^/\\]+\.yaml$/);
      expect(n).not.toMatch(UNSAFE_OUTPUT);
      expect(n).not.toContain('..');
    }
    // Nothing was created beside the record folder (the state folder aside).
    expect(
      readdirSync(dir)
        .filter((f) => f !== '.deliver')
        .sort(),
    ).toEqual(['deliver.yaml', 'requirements']);
    const v = await runCli(['validate'], { cwd: dir, env: ENV });
    expect(v.code, v.stdout).toBe(0);
    outsideUnchanged();
  });

  it('ids with path characters on the command line are unknown ids, never paths', async () => {
    const dir = makeProject({ 'requirements/202609-001-x.yaml': REQ, 'plan.yaml': PLAN });
    const ids = [
      '../requirements/202609-001-x',
      '../../etc/passwd',
      '202609-001/../202609-001',
      '202609-001\u200b',
      'T-001\u0000',
      `${outside}/secret`,
      'T-001/..',
      '..\\T-001',
    ];
    for (const id of ids) {
      for (const args of [
        ['req', 'show', id],
        ['req', 'move', id, 'analyzing'],
        ['task', 'show', id],
        ['task', 'done', id],
        ['risk', 'show', id],
        ['change', 'show', id],
      ]) {
        if (!(await isRegistered(args.slice(0, 2)))) continue;
        const r = await runCli(args, { cwd: dir, env: ENV });
        expect(assertCleanOutput(r, false)).toEqual([]);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stdout + r.stderr).not.toContain(OUTSIDE_SECRET);
      }
    }
    outsideUnchanged();
  });

  it('a record folder linked outside: not read, and a write into it is refused', async () => {
    const dir = makeProject({ 'plan.yaml': PLAN });
    symlinkSync(outside, join(dir, 'requirements'));
    const list = await runCli(['req', 'list'], { cwd: dir, env: ENV });
    expect(list.stdout + list.stderr).not.toContain(OUTSIDE_SECRET);
    const add = await runCli(['req', 'add', '--title', 'Through the link', ...PERSON], { cwd: dir, env: ENV });
    expect(assertCleanOutput(add, false)).toEqual([]);
    expect(add.code, add.stderr).toBe(1);
    expect(add.stderr).toContain('requirements');
    outsideUnchanged();
  });

  it('a record file linked outside: not read, not edited, not replaced', async () => {
    const dir = makeProject({ 'plan.yaml': PLAN });
    mkdirSync(join(dir, 'requirements'));
    writeFileSync(join(outside, '202609-001-linked.yaml'), REQ);
    outsideBefore = hashTreeNoFollow(outside);
    symlinkSync(join(outside, '202609-001-linked.yaml'), join(dir, 'requirements', '202609-001-linked.yaml'));
    const before = hashTreeNoFollow(dir);
    for (const args of [
      ['req', 'show', '202609-001'],
      ['req', 'move', '202609-001', 'analyzing', '--by', 'Li'],
      ['req', 'list'],
    ]) {
      const r = await runCli(args, { cwd: dir, env: ENV });
      expect(assertCleanOutput(r, false)).toEqual([]);
      expect(r.stdout).not.toContain('Linked');
      // Refused either as a broken record (1) or as an unknown id (2: the link is not a record).
      if (args[1] !== 'list') expect([1, 2], `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
    }
    expect(hashTreeNoFollow(dir)).toEqual(before);
    outsideUnchanged();
  });

  it('plan.yaml linked outside: task edits are refused and the outside plan is untouched', async () => {
    const dir = makeProject({});
    symlinkSync(join(outside, 'plan.yaml'), join(dir, 'plan.yaml'));
    for (const args of [['task', 'add', '--name', 'x', '--days', '1', '--yes'], ['task', 'done', 'T-001'], ['task', 'list'], ['gantt']]) {
      if (!(await isRegistered(args.slice(0, 2))) && !(await isRegistered(args.slice(0, 1)))) continue;
      const r = await runCli(args, { cwd: dir, env: ENV });
      expect(assertCleanOutput(r, false)).toEqual([]);
      expect(r.stdout + r.stderr).not.toContain(OUTSIDE_SECRET);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).not.toBe(0);
    }
    outsideUnchanged();
  });

  it('a linked subfolder inside a record folder and a hostile file name are skipped, not followed', async () => {
    const dir = makeProject({ 'requirements/202609-001-x.yaml': REQ });
    symlinkSync(outside, join(dir, 'requirements', 'nested.yaml'));
    writeFileSync(join(dir, 'requirements', '202609-002-\u202eevil.yaml'), REQ.replace('202609-001', '202609-002'));
    const r = await runCli(['validate'], { cwd: dir, env: ENV });
    expect(assertCleanOutput(r, false)).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^requirements\/nested\.yaml: error DLV-E015/m);
    expect(r.stdout).toMatch(/^requirements\/202609-002-\\u202eevil\.yaml: error DLV-E019/m);
    expect(r.stdout).not.toContain(OUTSIDE_SECRET);
    outsideUnchanged();
  });
});
