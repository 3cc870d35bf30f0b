// A file that cannot be parsed hides the records in it, not their references: one note says the
// references into it could not be checked (no false "does not exist" at each one), and `diff`
// says a record in a broken file could not be read instead of calling it deleted.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject, RISK } from '../helpers/project.js';

const PLAN = `schema_version: 1
tasks:
  - id: T-001
    name: Build
    start: 2026-09-14
    days: 5
    status: todo
`;
const CHANGE = `id: CR-001
title: Add a screen
reason: asked for
requirements: []
tasks: [T-001]
requested_by: Wang
submitted: 2026-10-01
status: submitted
schedule_days: 2
`;

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_DATE: '2026-11-01T10:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-01T10:00:00Z',
};
const git = (dir: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    { cwd: dir, env: GIT_ENV, encoding: 'utf8' },
  );

describe('a file that fails to parse', () => {
  it('suppresses the reference errors pointing into it, with one note', async () => {
    const dir = makeProject({ 'plan.yaml': PLAN, 'changes/CR-001-add-a-screen.yaml': CHANGE });
    const ok = await runCli(['validate', '--json'], { cwd: dir });
    expect(ok.stdout).not.toContain('DLV-E042');
    writeFileSync(join(dir, 'plan.yaml'), PLAN.replace('  - id: T-001', '  - id: T-001\n   bad: [unclosed'));
    const r = await runCli(['validate', '--format', 'json'], { cwd: dir });
    const codes = (JSON.parse(r.stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics.map((f) => `${f.code} ${f.file}`);
    expect(codes.filter((c) => c.startsWith('DLV-E042'))).toEqual([]);
    expect(codes.filter((c) => c.startsWith('DLV-I045'))).toEqual(['DLV-I045 plan.yaml']);
    // A reference to an id no unreadable file can hold is still an error.
    writeFileSync(join(dir, 'changes/CR-001-add-a-screen.yaml'), CHANGE.replace('requirements: []', 'requirements: [202609-001]'));
    const r2 = await runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(r2.stdout).toContain('DLV-E042');
  });

  it('is reported by diff as could not be read, not as deleted', async () => {
    const dir = makeProject({ 'plan.yaml': PLAN, 'risks/R-001-x.yaml': RISK });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'base');
    writeFileSync(join(dir, 'risks/R-001-x.yaml'), `${RISK}probability: [\n`);
    const r = await runCli(['diff', 'HEAD', '--format', 'json'], { cwd: dir });
    const diff = JSON.parse(r.stdout) as { risks: { removed: unknown[] }; unreadable: { id: string; file: string }[] };
    expect(diff.risks.removed).toEqual([]);
    expect(diff.unreadable).toEqual([expect.objectContaining({ id: 'R-001', file: 'risks/R-001-x.yaml' })]);
    const text = await runCli(['diff', 'HEAD'], { cwd: dir });
    expect(text.stdout).toMatch(/R-001 .*could not be read in risks\/R-001-x\.yaml/);
  });
});
