// `deliver doctor` on the editor schemas: a project made by an older deliver lacks the newer kinds'
// schemas (its records' modelines then point at nothing) or holds older versions; doctor names them
// and `--fix` rewrites exactly those, never through a link.
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyExample, hashTree, REPO, tempDir } from '../helpers/project.js';

const shipped = readdirSync(join(REPO, 'schemas')).filter((f) => f.endsWith('.schema.json'));

describe('deliver doctor: editor schemas', () => {
  it('passes on a project whose schemas are current (outside git)', async () => {
    const r = await runCli(['doctor', '--json'], { cwd: copyExample('erp-rollout-en') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).checks.map((c: { ok: boolean }) => c.ok)).toEqual([true, true]);
  });

  it('names missing and outdated schemas (exit 1); --fix rewrites only those, then all is well', async () => {
    const dir = copyExample('crm-dashboard-zh');
    const schemas = join(dir, '.deliver', 'schemas');
    rmSync(join(schemas, 'meeting.schema.json'));
    writeFileSync(join(schemas, 'risk.schema.json'), '{"old": true}\n');
    writeFileSync(join(schemas, 'custom.schema.json'), '{"mine": true}\n');
    const before = hashTree(dir);

    const r = await runCli(['doctor', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2 missing or outdated (meeting.schema.json, risk.schema.json); run: deliver doctor --fix');
    expect(hashTree(dir)).toEqual(before);

    const fixed = await runCli(['doctor', '--fix', '--lang', 'en'], { cwd: dir });
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain('2 rewritten (meeting.schema.json, risk.schema.json)');
    for (const f of shipped) expect(readFileSync(join(schemas, f), 'utf8')).toBe(readFileSync(join(REPO, 'schemas', f), 'utf8'));
    expect(readFileSync(join(schemas, 'custom.schema.json'), 'utf8')).toBe('{"mine": true}\n');
    const after = hashTree(dir);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed.sort()).toEqual(['.deliver/schemas/meeting.schema.json', '.deliver/schemas/risk.schema.json']);
    expect((await runCli(['doctor'], { cwd: dir })).code).toBe(0);
  });

  it('refuses to write through a linked schemas folder', async () => {
    const dir = copyExample('erp-rollout-en');
    const outside = tempDir();
    rmSync(join(dir, '.deliver', 'schemas'), { recursive: true });
    symlinkSync(outside, join(dir, '.deliver', 'schemas'));
    expect((await runCli(['doctor'], { cwd: dir })).code).toBe(1);
    const r = await runCli(['doctor', '--fix'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not a regular folder');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('checks nothing of schemas outside a project', async () => {
    const empty = tempDir();
    mkdirSync(join(empty, 'sub'));
    const r = await runCli(['doctor', '--json'], { cwd: join(empty, 'sub') });
    expect(JSON.parse(r.stdout).checks).toHaveLength(1);
  });
});
