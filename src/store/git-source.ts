// Reads a project as it was at a git revision without a checkout: one `git ls-tree` lists the
// files, `git cat-file --batch` reads the blobs (BlobStore: all at once, or one first and the rest
// in the background, git-blobs.ts). Paths and contents from git are untrusted and
// pass the same rules as the working tree (files.ts): links, submodules, folders where a record
// should be and unusable names are reported, never read; sizes are capped before a blob is read.
import { spawnSync } from 'node:child_process';
import { diag } from '../core/diagnostics.js';
import { FOLDERS, MANIFEST_FILE, PLAN_FILE } from '../core/model.js';
import { isUnsafeFileName, type Listing, type ReadResult } from './files.js';
import type { FileSource } from './load.js';
import { GIT_ENV, parseBatch, readBlobsInBackground } from './git-blobs.js';
import { LIMITS } from './limits.js';

/** Why git could not give us what we asked for; commands turn this into a message (exit 2). */
export class GitError extends Error {
  constructor(
    readonly reason: 'no_git' | 'not_repo' | 'no_revision' | 'no_merge_base' | 'failed',
    readonly detail: string,
    readonly revision?: string,
    /** The repository is a shallow clone: a missing revision is probably outside its depth. */
    readonly shallow = false,
  ) {
    super(detail);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

interface RunOptions {
  input?: Buffer;
  maxBuffer?: number;
  /** Exit statuses that are answers rather than failures (rev-parse --verify exits 1 for "no such"). */
  allow?: number[];
}

/** Runs git with an argument array (never a shell), English messages, no prompts, no optional locks. */
function git(cwd: string, args: string[], opts: RunOptions = {}): { status: number; stdout: Buffer; stderr: string } {
  const r = spawnSync('git', args, {
    cwd,
    input: opts.input,
    maxBuffer: opts.maxBuffer ?? 16 * 1024 * 1024,
    env: { ...process.env, ...GIT_ENV },
    windowsHide: true,
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GitError('no_git', 'git is not installed or not on PATH');
    throw new GitError('failed', `git ${args[0]}: ${r.error.message}`);
  }
  const status = r.status ?? 128;
  const stderr = r.stderr.toString('utf8').trim();
  if (status !== 0 && !(opts.allow ?? []).includes(status)) throw new GitError('failed', `git ${args[0]}: ${stderr.split('\n')[0] ?? ''}`);
  return { status, stdout: r.stdout, stderr };
}

export interface RepoInfo {
  /** Absolute path of the working tree's top folder. */
  top: string;
  /** The project's folder relative to `top`, with a trailing slash ('' at the top). */
  prefix: string;
}

/** The repository holding `dir`, and where `dir` sits in it. */
export function repoOf(dir: string): RepoInfo {
  const r = git(dir, ['rev-parse', '--show-toplevel', '--show-prefix'], { allow: [128] });
  if (r.status !== 0) throw new GitError('not_repo', r.stderr.split('\n')[0] ?? 'not a git repository');
  const [top, prefix] = r.stdout.toString('utf8').split('\n');
  if (!top) throw new GitError('not_repo', 'not inside a git working tree (a bare repository?)');
  return { top, prefix: prefix ?? '' };
}

/**
 * The project folder's path from the repository root ('' at the root, else with a trailing slash),
 * for CI annotations that must name files from the root; '' when git or a repository is missing.
 */
export function repoPathPrefix(dir: string): string {
  try {
    return repoOf(dir).prefix;
  } catch (e) {
    if (e instanceof GitError) return '';
    throw e;
  }
}

function isShallow(repoDir: string): boolean {
  return (
    git(repoDir, ['rev-parse', '--is-shallow-repository'], { allow: [128] })
      .stdout.toString()
      .trim() === 'true'
  );
}

/** The commit a revision names; GitError('no_revision') when the repository does not have it. */
export function resolveCommit(repoDir: string, revision: string): string {
  const r = git(repoDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], { allow: [1, 128] });
  const sha = r.stdout.toString('utf8').trim();
  if (r.status !== 0 || !/^[0-9a-f]{40,64}$/.test(sha)) {
    throw new GitError('no_revision', `revision ${revision} not found`, revision, isShallow(repoDir));
  }
  return sha;
}

/** Candidates for "the default branch", most specific first. */
const DEFAULT_BRANCHES = ['origin/HEAD', 'main', 'origin/main', 'master', 'origin/master'];

/**
 * Where a change set starts: the merge base of HEAD with the default branch (origin/HEAD, else
 * main, else master). Returns the branch name used and the merge-base commit.
 */
export function defaultBase(repoDir: string): { branch: string; commit: string } {
  resolveCommit(repoDir, 'HEAD');
  for (const branch of DEFAULT_BRANCHES) {
    let tip: string;
    try {
      tip = resolveCommit(repoDir, branch);
    } catch (e) {
      if (e instanceof GitError && e.reason === 'no_revision') continue;
      throw e;
    }
    const r = git(repoDir, ['merge-base', 'HEAD', tip], { allow: [1] });
    const sha = r.stdout.toString('utf8').trim();
    if (r.status !== 0 || !sha)
      throw new GitError('no_merge_base', `HEAD and ${branch} have no common commit here`, branch, isShallow(repoDir));
    return { branch, commit: sha };
  }
  throw new GitError(
    'no_revision',
    `no default branch found (tried ${DEFAULT_BRANCHES.join(', ')})`,
    DEFAULT_BRANCHES.join(', '),
    isShallow(repoDir),
  );
}

interface Entry {
  mode: string;
  oid: string;
  size: number;
}

export interface GitFileSource extends FileSource {
  /** The commit read. */
  readonly commit: string;
  /** The object id of a file that will be read (a regular file within the size limit), else undefined. */
  readableOid(rel: string): string | undefined;
  /** deliver.yaml exists at this revision (else the project did not exist yet). */
  readonly hasProject: boolean;
}

function typeOfMode(mode: string): string | undefined {
  if (mode === '100644' || mode === '100755') return undefined; // a regular file
  if (mode === '120000') return 'symbolic link';
  if (mode === '160000') return 'submodule';
  return 'special file';
}

/**
 * Blobs shared between the sources of one command (diff reads two revisions): each source names
 * the objects it may read as soon as it is listed, and the first read fetches every object named
 * so far in one `git cat-file --batch`. An object identical on both sides is read once.
 */
export class BlobStore {
  private readonly blobs = new Map<string, Uint8Array | null>();
  private readonly wanted = new Set<string>();
  /** How many `git cat-file` processes were run. */
  fetches = 0;

  constructor(private readonly repoDir: string) {}

  want(oids: Iterable<string>): void {
    for (const oid of oids) if (!this.blobs.has(oid)) this.wanted.add(oid);
  }

  /** The blob's bytes; null when git does not have it; undefined when it was never wanted. */
  get(oid: string): Uint8Array | null | undefined {
    if (!this.blobs.has(oid) && this.wanted.has(oid)) this.fetch([...this.wanted]);
    return this.blobs.get(oid);
  }

  private fetch(oids: readonly string[]): void {
    this.fetches++;
    for (const [o, bytes] of readBlobs(this.repoDir, oids)) {
      this.blobs.set(o, bytes);
      this.wanted.delete(o);
    }
  }

  /**
   * Reads `first` now, then every other blob wanted so far in the background while `work` runs on
   * `first`'s bytes (diff parses plan.yaml, the largest file, meanwhile). Whatever the background
   * read does not give is read the usual way when it is first asked for.
   */
  async readAround(first: string | undefined, work: (bytes: Uint8Array | null | undefined) => void): Promise<void> {
    if (first !== undefined && this.wanted.has(first)) this.fetch([first]);
    const rest = [...this.wanted];
    const background = rest.length ? readBlobsInBackground(this.repoDir, rest) : undefined;
    if (background) this.fetches++;
    work(first === undefined ? undefined : this.blobs.get(first));
    const out = background ? await background : undefined;
    if (!out) return;
    for (const [oid, bytes] of parseBatch(out, rest)) {
      if (this.blobs.has(oid)) continue; // read meanwhile: keep the bytes already handed out
      this.blobs.set(oid, bytes);
      this.wanted.delete(oid);
    }
  }

  /** How many blobs were read. */
  get size(): number {
    return this.blobs.size;
  }
}

/**
 * A FileSource over `revision` for the project at `projectPrefix` (relative to the repository top,
 * with a trailing slash, or ''). All paths it deals in are project-relative, as for fsSource.
 */
export function gitSource(repoDir: string, revision: string, projectPrefix: string, blobs?: BlobStore): GitFileSource {
  return gitSourceAt(repoDir, resolveCommit(repoDir, revision), projectPrefix, blobs);
}

/** gitSource at a commit already resolved (a full object id from resolveCommit). */
export function gitSourceAt(repoDir: string, commit: string, projectPrefix: string, blobs = new BlobStore(repoDir)): GitFileSource {
  const prefix = projectPrefix && !projectPrefix.endsWith('/') ? `${projectPrefix}/` : projectPrefix;
  const wanted = [MANIFEST_FILE, PLAN_FILE, ...Object.values(FOLDERS)].map((p) => prefix + p);
  const out = git(repoDir, ['--literal-pathspecs', 'ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', ...wanted], {
    maxBuffer: 256 * 1024 * 1024,
  });

  const entries = new Map<string, Entry>();
  /** Names that could not be decoded or used: project-relative lossy path → shown name. */
  const badNames = new Map<string, string>();
  const add = (header: string, path: string) => {
    const m = /^(\d{6}) \w+ ([0-9a-f]+) +(\d+|-)$/.exec(header);
    if (m && path.startsWith(prefix))
      entries.set(path.slice(prefix.length), { mode: m[1]!, oid: m[2]!, size: m[3] === '-' ? 0 : Number(m[3]) });
  };
  // Every name valid UTF-8 (nearly always): one decode for the whole listing, not one per file.
  let listing: string | undefined;
  try {
    listing = utf8.decode(out.stdout);
  } catch {
    listing = undefined;
  }
  if (listing !== undefined) {
    for (const rec of listing.split('\0')) {
      const tab = rec.indexOf('\t');
      if (tab >= 0) add(rec.slice(0, tab), rec.slice(tab + 1));
    }
  } else {
    for (const rec of splitNul(out.stdout)) {
      const tab = rec.indexOf(0x09);
      if (tab < 0) continue;
      const pathBytes = rec.subarray(tab + 1);
      let path: string;
      try {
        path = utf8.decode(pathBytes);
      } catch {
        if (!/^(\d{6}) \w+ ([0-9a-f]+) +(\d+|-)$/.test(rec.subarray(0, tab).toString('latin1'))) continue;
        path = lossy.decode(pathBytes);
        if (path.startsWith(prefix)) badNames.set(path.slice(prefix.length), path.slice(path.lastIndexOf('/') + 1));
        continue;
      }
      add(rec.subarray(0, tab).toString('latin1'), path);
    }
  }

  const isFolder = (rel: string) => {
    for (const k of entries.keys()) if (k.startsWith(`${rel}/`)) return true;
    return false;
  };
  const limitOf = (rel: string) => (rel === PLAN_FILE ? LIMITS.planBytes : LIMITS.recordBytes);
  const readable = (rel: string, e: Entry) => typeOfMode(e.mode) === undefined && e.size <= limitOf(rel);
  // Every readable candidate, read with the first file; oversized blobs are never requested.
  blobs.want([...entries.entries()].filter(([rel, e]) => readable(rel, e)).map(([, e]) => e.oid));

  return {
    commit,
    readableOid(rel: string): string | undefined {
      const e = entries.get(rel);
      return e && readable(rel, e) ? e.oid : undefined;
    },
    hasProject: entries.has(MANIFEST_FILE),
    list(folder: string): Listing {
      const listing: Listing = { files: [], diagnostics: [] };
      const self = entries.get(folder);
      if (self) {
        listing.diagnostics.push(diag('DLV-E015', folder, { type: typeOfMode(self.mode) ?? 'special file' }));
        return listing;
      }
      const names = new Map<string, Entry | 'folder' | 'bad'>();
      for (const [rel, e] of entries) {
        if (!rel.startsWith(`${folder}/`)) continue;
        const rest = rel.slice(folder.length + 1);
        const slash = rest.indexOf('/');
        if (slash < 0) names.set(rest, e);
        else if (!names.has(rest.slice(0, slash))) names.set(rest.slice(0, slash), 'folder');
      }
      for (const [rel, shown] of badNames)
        if (rel.startsWith(`${folder}/`) && !rel.slice(folder.length + 1).includes('/')) names.set(shown, 'bad');
      for (const name of [...names.keys()].sort()) {
        const e = names.get(name)!;
        const rel = `${folder}/${name}`;
        if (name.startsWith('.')) continue; // as in the working tree: .gitkeep and friends
        if (e === 'bad' || isUnsafeFileName(name)) {
          listing.diagnostics.push(diag('DLV-E019', rel, { name }));
          continue;
        }
        const isYaml = name.endsWith('.yaml') || name.endsWith('.yml');
        if (e === 'folder') {
          if (isYaml) listing.diagnostics.push(diag('DLV-E015', rel, { type: 'folder' }));
          continue;
        }
        const type = typeOfMode(e.mode);
        if (type !== undefined) listing.diagnostics.push(diag('DLV-E015', rel, { type }));
        else if (!isYaml) listing.diagnostics.push(diag('DLV-W018', rel));
        else listing.files.push(rel);
      }
      return listing;
    },
    read(rel: string, maxBytes: number): ReadResult {
      const e = entries.get(rel);
      if (!e)
        return { diagnostic: isFolder(rel) ? diag('DLV-E015', rel, { type: 'folder' }) : diag('DLV-E017', rel, { reason: 'ENOENT' }) };
      const type = typeOfMode(e.mode);
      if (type !== undefined) return { diagnostic: diag('DLV-E015', rel, { type }) };
      if (e.size > maxBytes || e.size > limitOf(rel))
        return { diagnostic: diag('DLV-E011', rel, { size: e.size, limit: Math.min(maxBytes, limitOf(rel)) }) };
      const bytes = blobs.get(e.oid);
      if (!bytes) return { diagnostic: diag('DLV-E017', rel, { reason: `git object ${e.oid.slice(0, 12)} is missing` }) };
      return { bytes };
    },
    exists(rel: string): boolean {
      return entries.has(rel) || isFolder(rel);
    },
  };
}

function splitNul(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = buf.indexOf(0); i >= 0; i = buf.indexOf(0, start)) {
    out.push(buf.subarray(start, i));
    start = i + 1;
  }
  if (start < buf.length) out.push(buf.subarray(start));
  return out;
}

/** `git cat-file --batch` for many objects at once; a missing object maps to null. */
function readBlobs(repoDir: string, oids: readonly string[]): Map<string, Uint8Array | null> {
  if (oids.length === 0) return new Map();
  // The listing bounded every size, so the output is bounded too: sizes + one header line each.
  const r = git(repoDir, ['cat-file', '--batch'], { input: Buffer.from(oids.join('\n') + '\n'), maxBuffer: 1024 * 1024 * 1024 });
  return parseBatch(r.stdout, oids);
}
