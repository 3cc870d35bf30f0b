// gitSource: a project read from a git revision obeys the same file rules as the working tree
// (links, submodules, unusable names, folders, size caps), reads every blob with one process, and
// refuses missing revisions and non-repositories with typed errors.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { BlobStore, GitError, defaultBase, gitSource, repoOf, repoPathPrefix, resolveCommit } from '../../src/store/git-source.js';
import { parseBatch, readBlobsInBackground } from '../../src/store/git-blobs.js';
import { fsSource, loadProjectFrom } from '../../src/store/load.js';
import { MANIFEST, tempDir } from '../helpers/project.js';

const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    { cwd: dir, env: GIT_ENV, encoding: 'utf8' },
  );
}

function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
}

const RISK = (id: string) =>
  `id: ${id}\ntitle: Vendor late\ncategory: delivery\nprobability: 2\nimpact: 3\nresponse: mitigate\nowner: Zhou\nidentified: 2026-09-01\nstatus: open\n`;

function repoWith(files: Record<string, string | Buffer>, prefix = 'proj/'): string {
  const dir = tempDir('deliver-gitsrc-');
  git(dir, 'init', '-q');
  write(dir, Object.fromEntries(Object.entries(files).map(([k, v]) => [prefix + k, v])));
  return dir;
}

function commit(dir: string): string {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'c');
  return git(dir, 'rev-parse', 'HEAD').trim();
}

const sorted = (ds: Diagnostic[]) => ds.map((d) => `${d.file} ${d.code} ${JSON.stringify(d.args)}`).sort();

const traceFile = { path: '' };
afterEach(() => {
  delete process.env.GIT_TRACE;
  if (traceFile.path) rmSync(traceFile.path, { force: true });
});

describe('gitSource', () => {
  it('reads the same project as the working tree, with one cat-file for all blobs', () => {
    const dir = repoWith({
      'deliver.yaml': MANIFEST,
      'plan.yaml': 'schema_version: 1\ntasks:\n  - id: T-001\n    name: a\n    status: todo\n',
      'risks/R-001-vendor-late.yaml': RISK('R-001'),
      'risks/R-002-other.yaml': RISK('R-002'),
      'requirements/.gitkeep': '',
    });
    commit(dir);
    traceFile.path = join(tempDir('deliver-trace-'), 'trace.log');
    process.env.GIT_TRACE = traceFile.path;
    const src = gitSource(dir, 'HEAD', 'proj/');
    const fromGit = loadProjectFrom(src, 'git');
    delete process.env.GIT_TRACE;
    const fromFs = loadProjectFrom(fsSource(join(dir, 'proj')), 'fs');
    expect(src.hasProject).toBe(true);
    expect(fromGit.diagnostics).toEqual([]);
    expect(fromGit.project.risks.map((r) => [r.file, r.data.id])).toEqual([
      ['risks/R-001-vendor-late.yaml', 'R-001'],
      ['risks/R-002-other.yaml', 'R-002'],
    ]);
    expect(JSON.stringify({ ...fromGit.project, brokenIds: [] })).toBe(JSON.stringify({ ...fromFs.project, brokenIds: [] }));
    expect([...fromGit.sources.keys()].sort()).toEqual([...fromFs.sources.keys()].sort());
    const trace = readFileSync(traceFile.path, 'utf8');
    expect(trace.match(/built-in: git cat-file --batch/g)).toHaveLength(1);
    expect(trace.match(/built-in: git ls-tree/g)).toHaveLength(1);
  });

  it('refuses links, submodules, folders named like records and unusable names, as the working tree does', () => {
    const dir = repoWith({
      'deliver.yaml': MANIFEST,
      'risks/R-001-vendor-late.yaml': RISK('R-001'),
      'risks/R-002-\u001b[31mred.yaml': RISK('R-002'),
      'risks/R-003-bidi\u202e.yaml': RISK('R-003'),
      'risks/notes.txt': 'x',
      'risks/R-004-folder.yaml/inner.yaml': RISK('R-004'),
      'risks/archive/R-009-old.yaml': RISK('R-009'),
    });
    symlinkSync('R-001-vendor-late.yaml', join(dir, 'proj/risks/R-005-link.yaml'));
    symlinkSync('/etc/passwd', join(dir, 'proj/plan.yaml'));
    const sha = commit(dir);
    // A submodule (gitlink) where a record should be.
    git(dir, 'update-index', '--add', '--cacheinfo', `160000,${sha},proj/risks/R-006-sub.yaml`);
    git(dir, 'commit', '-qm', 'sub');
    const fromGit = loadProjectFrom(gitSource(dir, 'HEAD', 'proj/'), 'git');
    const fromFs = loadProjectFrom(fsSource(join(dir, 'proj')), 'fs');
    const gitDs = sorted(fromGit.diagnostics);
    expect(gitDs).toEqual(
      expect.arrayContaining([
        'plan.yaml DLV-E015 {"type":"symbolic link"}',
        'risks/R-005-link.yaml DLV-E015 {"type":"symbolic link"}',
        'risks/R-006-sub.yaml DLV-E015 {"type":"submodule"}',
        'risks/R-004-folder.yaml DLV-E015 {"type":"folder"}',
        'risks/notes.txt DLV-W018 {}',
      ]),
    );
    expect(gitDs.filter((d) => d.includes('DLV-E019'))).toHaveLength(2);
    // Everything but the submodule (which a working tree shows as a folder) matches the working tree.
    expect(gitDs.filter((d) => !d.includes('R-006'))).toEqual(sorted(fromFs.diagnostics));
    expect(fromGit.project.risks.map((r) => r.data.id)).toEqual(['R-001']);
  });

  it('refuses a file name that is not UTF-8, and caps sizes before reading', () => {
    const dir = repoWith({ 'deliver.yaml': MANIFEST, 'risks/R-007-big.yaml': `notes: "${'x'.repeat(1024 * 1024 + 10)}"\n` });
    writeFileSync(
      Buffer.concat([Buffer.from(join(dir, 'proj/risks/R-008-')), Buffer.from([0xff, 0xfe]), Buffer.from('.yaml')]),
      RISK('R-008'),
    );
    commit(dir);
    const loaded = loadProjectFrom(gitSource(dir, 'HEAD', 'proj/'), 'git');
    const ds = sorted(loaded.diagnostics);
    expect(ds.some((d) => d.startsWith('risks/R-008-') && d.includes('DLV-E019'))).toBe(true);
    expect(ds).toContain(`risks/R-007-big.yaml DLV-E011 {"size":${1024 * 1024 + 20},"limit":${1024 * 1024}}`);
    expect(loaded.project.risks).toEqual([]);
  });

  it('knows when the project did not exist yet, and reads a project at the top of the repository', () => {
    const dir = repoWith({ 'README.md': 'x' }, '');
    const first = commit(dir);
    write(dir, { 'deliver.yaml': MANIFEST, 'risks/R-001-a.yaml': RISK('R-001') });
    commit(dir);
    expect(gitSource(dir, first, '').hasProject).toBe(false);
    expect(loadProjectFrom(gitSource(dir, first, ''), 'x').project.manifest).toBeNull();
    const now = loadProjectFrom(gitSource(dir, 'HEAD', ''), 'x');
    expect(now.project.risks.map((r) => r.data.id)).toEqual(['R-001']);
    expect(repoOf(dir).prefix).toBe('');
    mkdirSync(join(dir, 'sub/inner'), { recursive: true });
    expect(repoOf(join(dir, 'sub/inner')).prefix).toBe('sub/inner/');
    expect(repoPathPrefix(join(dir, 'sub/inner'))).toBe('sub/inner/');
    expect(repoPathPrefix(tempDir('deliver-norepo-'))).toBe('');
  });

  it('gives typed errors: missing revision, no repository, default branch', () => {
    const dir = repoWith({ 'deliver.yaml': MANIFEST });
    const base = commit(dir);
    git(dir, 'checkout', '-qb', 'topic');
    write(dir, { 'proj/risks/R-001-a.yaml': RISK('R-001') });
    commit(dir);
    expect(defaultBase(dir)).toEqual({ branch: 'main', commit: base });
    expect(() => resolveCommit(dir, 'nope')).toThrow(GitError);
    try {
      resolveCommit(dir, '--output=/tmp/x');
    } catch (e) {
      expect((e as GitError).reason).toBe('no_revision');
    }
    const plain = tempDir('deliver-norepo-');
    expect(() => repoOf(plain)).toThrow(expect.objectContaining({ reason: 'not_repo' }));
  });
});

describe('two revisions read together (diff)', () => {
  it('read a blob identical on both sides from git once and parse it once: the same record objects on both sides', async () => {
    const dir = repoWith({ 'deliver.yaml': MANIFEST, 'risks/R-001-a.yaml': RISK('R-001') }, '');
    const base = commit(dir);
    write(dir, { 'risks/R-002-b.yaml': RISK('R-002'), 'risks/R-001-a.yaml': RISK('R-001').replace('Vendor late', 'Vendor very late') });
    const head = commit(dir);
    const blobs = new BlobStore(dir);
    const parsed = new Map();
    const a = loadProjectFrom(gitSource(dir, base, '', blobs), 'base', { parsed });
    const sizeAfterBase = blobs.size;
    const b = loadProjectFrom(gitSource(dir, head, '', blobs), 'head', { parsed });
    expect(blobs.size).toBe(sizeAfterBase + 2); // only the two new blobs were read for the head
    expect(b.project.manifest!.data).toBe(a.project.manifest!.data); // unchanged: one parse, one object
    expect(b.project.risks.find((r) => r.data.id === 'R-001')!.data).not.toBe(a.project.risks[0]!.data);
    expect(b.project.risks.map((r) => r.data.title)).toEqual(['Vendor very late', 'Vendor late']);
  });

  it('read the blobs of both sides in one git process when both are listed first', () => {
    const dir = repoWith({ 'deliver.yaml': MANIFEST, 'risks/R-001-a.yaml': RISK('R-001') }, '');
    const base = commit(dir);
    write(dir, { 'risks/R-002-b.yaml': RISK('R-002') });
    const head = commit(dir);
    const blobs = new BlobStore(dir);
    const [from, to] = [gitSource(dir, base, '', blobs), gitSource(dir, head, '', blobs)];
    const a = loadProjectFrom(from, 'base');
    const b = loadProjectFrom(to, 'head');
    expect(blobs.fetches).toBe(1);
    expect(blobs.size).toBe(3);
    expect(a.project.risks.map((r) => r.data.id)).toEqual(['R-001']);
    expect(b.project.risks.map((r) => r.data.id)).toEqual(['R-001', 'R-002']);
  });
});

describe('blobs read in the background', () => {
  it('parse a batch by its headers: blobs, missing objects, other types and a cut-short end', () => {
    const a = 'a'.repeat(40),
      b = 'b'.repeat(40),
      c = 'c'.repeat(40),
      d = 'd'.repeat(40);
    const out = Buffer.from(`${a} blob 3\nabc\n${b} missing\n${c} tree 2\nxy\n${d} blob 10\nshort`, 'latin1');
    const got = parseBatch(out, [a, b, c, d]);
    expect(Buffer.from(got.get(a)!).toString()).toBe('abc');
    expect(got.get(b)).toBeNull();
    expect(got.get(c)).toBeNull();
    expect(got.has(d)).toBe(false); // cut short: read again when asked for
    // A header for another object than the one asked for gives nothing for it.
    expect(parseBatch(Buffer.from(`${b} blob 1\nz\n`, 'latin1'), [a]).get(a)).toBeNull();
  });

  it('read the first blob at once and the rest in one background git process, leaving no temporary files', async () => {
    const dir = repoWith({ 'deliver.yaml': MANIFEST, 'plan.yaml': 'schema_version: 1\n', 'risks/R-001-a.yaml': RISK('R-001') }, '');
    commit(dir);
    const blobs = new BlobStore(dir);
    const src = gitSource(dir, 'HEAD', '', blobs);
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('deliver-blobs-')).length;
    let seen = '';
    await blobs.readAround(src.readableOid('plan.yaml'), (bytes) => {
      seen = Buffer.from(bytes!).toString();
    });
    expect(seen).toBe('schema_version: 1\n');
    expect(blobs.fetches).toBe(2);
    const loaded = loadProjectFrom(src, 'git');
    expect(blobs.fetches).toBe(2); // nothing read again
    expect(loaded.project.risks.map((r) => r.data.id)).toEqual(['R-001']);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('deliver-blobs-')).length).toBe(before);
  });

  it('give nothing when git cannot run there, so the blobs are read the usual way', async () => {
    expect(await readBlobsInBackground(join(tmpdir(), 'no-such-folder-for-deliver'), ['a'.repeat(40)])).toBeUndefined();
  });
});
