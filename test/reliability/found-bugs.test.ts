// Regression tests for the bugs the reliability work found (issue #8): each test failed before its
// bug was fixed and guards the fix now.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanup, listCases, materialize } from '../fixtures/hostile/corpus.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, MANIFEST, tempDir } from '../helpers/project.js';
import { hashTreeNoFollow } from './support.js';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parseRecordText } from '../../src/store/parse-policy.js';

const ENV = { DELIVER_CACHE: '0' };
const REQ_ADD = ['req', 'add', '--title', 'Export', '--customer', 'ACME', '--contact', 'Li', '--receiver', 'Zhou', '--yes'];

describe('found bugs', () => {
  it('a .deliver state folder that is a link: the lock is taken, and a stale "lock" deleted, outside the project', async () => {
    const outside = tempDir('deliver-outside-');
    writeFileSync(join(outside, 'lock'), "not ours: someone else's file\n");
    writeFileSync(join(outside, 'notes.deliver-tmp'), 'also not ours\n');
    const before = hashTreeNoFollow(outside);
    const dir = makeProject({});
    symlinkSync(outside, join(dir, '.deliver'));
    const r = await runCli(REQ_ADD, { cwd: dir, env: ENV });
    // Expected: refused like any other link (exit 1, naming .deliver), and the outside folder untouched.
    expect(hashTreeNoFollow(outside)).toEqual(before);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.deliver');
  });

  it('a journal left in .deliver can move a file from outside the project into it (its "tmp" is not checked)', async () => {
    const outside = tempDir('deliver-outside-');
    writeFileSync(join(outside, 'payload.deliver-tmp'), 'id: R-001\ntitle: planted\n');
    const dir = makeProject({});
    mkdirSync(join(dir, '.deliver'));
    const journal = [{ tmp: join(outside, 'payload.deliver-tmp'), target: 'risks/R-001-planted.yaml' }];
    writeFileSync(join(dir, '.deliver', 'journal.json'), JSON.stringify(journal));
    mkdirSync(join(dir, 'risks'));
    await runCli(REQ_ADD, { cwd: dir, env: ENV });
    // Expected: entries whose temp file is not inside the project (next to its target) are ignored.
    expect(existsSync(join(outside, 'payload.deliver-tmp'))).toBe(true);
    expect(existsSync(join(dir, 'risks', 'R-001-planted.yaml'))).toBe(false);
  });

  it('`risk show` of a risk whose file is broken says "no risk with id" (exit 2) instead of showing the findings (exit 1)', async () => {
    const c = listCases().find((x) => x.name === 'duplicate-keys')!;
    const m = materialize(c);
    try {
      const r = await runCli(['risk', 'show', 'R-001'], { cwd: m.dir, env: ENV });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('risks/R-001-vendor-late.yaml:4:');
    } finally {
      cleanup(m);
    }
  });

  it('one file with 20 000 unknown keys makes `validate` print 20 000 findings (about 5 MB)', async () => {
    const m = materialize(listCases().find((x) => x.name === 'many-keys')!);
    try {
      const r = await runCli(['validate'], { cwd: m.dir, env: ENV });
      expect(r.code).toBe(1);
      // Expected: findings per file capped (e.g. 100, then "… and N more in this file").
      expect(r.stdout.length).toBeLessThan(1024 * 1024);
    } finally {
      cleanup(m);
    }
  });

  it('JSON output (--json, export --format json) carries bidi overrides, zero-width, C1 and DEL characters raw', async () => {
    const dir = makeProject({
      'requirements/202609-001-x.yaml':
        'id: 202609-001\ntitle: "evil\\u202Egnp.exe\\u009b2J\\x7f"\ncustomer: A\ncontact: B\nurgency: low\nreceived: 2026-09-02\nreceiver: C\nstatus: received\n',
    });
    for (const args of [
      ['req', 'list', '--json'],
      ['export', '--format', 'json'],
    ]) {
      const r = await runCli(args, { cwd: dir, env: ENV });
      // The characters are findings now (DLV-E031, exit 1); the output is still produced.
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('DLV-E031');
      // Expected: JSON escapes them (\u202e), which parses back to the same string.
      expect(r.stdout, args.join(' ')).not.toMatch(/[\u007f-\u009f\u202e]/);
    }
  });

  it('iCalendar export keeps C1 controls, bidi overrides and zero-width characters raw (it strips only C0)', async () => {
    const dir = makeProject({
      'deliver.yaml': MANIFEST.replace('name: Test project', 'name: "Go \\u202Eevil\\u200B\\x9b2J live"'),
      'plan.yaml': 'schema_version: 1\nmilestones:\n  - id: M-001\n    name: "Go \\u202Elive\\x85"\n    due: 2026-12-20\n',
    });
    const r = await runCli(['export', '--format', 'ics'], { cwd: dir, env: ENV });
    expect(r.code, r.stderr).toBe(1); // DLV-E031 since invisible characters are findings; the calendar is still written
    expect(r.stdout).toContain('BEGIN:VEVENT');
    expect(r.stdout).not.toMatch(/[\u0080-\u009f\u200b\u202e]/);
  });

  it("commander's own errors echo argument values raw (unknown command, invalid choice)", async () => {
    const dir = makeProject({});
    for (const args of [['\u001b[2Jevil'], ['export', '--format', 'csv', '--kind', '\u001b]0;pwned\u0007']]) {
      const r = await runCli(args, { cwd: dir, env: ENV });
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain('\u001b');
    }
  });

  it('a bare non-specific tag (`notes: !`) reads as null on the fast path but as "" on the careful one', () => {
    const text = 'id: R-001\nnotes: !\ntitle: x\n';
    const careful = load(text, { schema: CORE_SCHEMA, maxAliases: 0 });
    const r = parseRecordText(text, 'risks/R-001-x.yaml');
    // Expected: one answer whichever parser runs (better still: DLV-E004, as for every other tag).
    if (r.data !== undefined) expect(r.data).toEqual(careful);
    else expect(r.diagnostics.map((d) => d.code)).toContain('DLV-E004');
  });
});
