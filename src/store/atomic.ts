// Crash-safe writes: the new content goes to a temp file in the same folder, is fsynced, renamed
// over the target and the folder is fsynced, so a reader sees the old file or the new one, never
// a torn one. Several files change together through a journal (see commitFiles).
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

const TEMP_SUFFIX = '.deliver-tmp';
export const STATE_DIR = '.deliver';
const JOURNAL = 'journal.json';

import { UnsafePathError } from './errors.js';
import { uniqueName } from './digest.js';
export { UnsafePathError };

/** Resolves a project-relative path, refusing anything that would leave the project or pass through a link. */
export function safeTarget(root: string, rel: string): string {
  const abs = resolve(root, rel);
  const r = relative(resolve(root), abs);
  if (!r || r.startsWith('..') || r.includes(`..${sep}`) || resolve(root, r) !== abs)
    throw new UnsafePathError(`path leaves the project: ${rel}`);
  // Every existing folder on the way must be a real folder, and the file itself a regular file.
  let cur = resolve(root);
  const parts = r.split(sep);
  for (let i = 0; i < parts.length; i++) {
    cur = join(cur, parts[i]!);
    try {
      const st = lstatSync(cur);
      const last = i === parts.length - 1;
      if (st.isSymbolicLink() || (last ? !st.isFile() : !st.isDirectory()))
        throw new UnsafePathError(`not a regular ${last ? 'file' : 'folder'}: ${rel}`);
    } catch (e) {
      if (e instanceof UnsafePathError) throw e;
      break; // does not exist yet: nothing below it can be a link
    }
  }
  return abs;
}

/** `.deliver`, created if missing, and refused when it is a link or anything but a real folder. */
export function stateDir(root: string): string {
  const dir = join(root, STATE_DIR);
  try {
    mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (!lstatSync(dir).isDirectory()) throw new UnsafePathError(`not a regular folder: ${STATE_DIR}`);
  return dir;
}

function isRealFolder(abs: string): boolean {
  try {
    return lstatSync(abs).isDirectory();
  } catch {
    return false;
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on folders; the rename is still atomic.
  }
}

function writeTemp(target: string, content: string | Uint8Array): string {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${uniqueName()}${TEMP_SUFFIX}`);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    const buf =
      typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  closeSync(fd);
  return tmp;
}

export interface FileWrite {
  /** Project-relative path. */
  rel: string;
  /** Text (written as UTF-8) or bytes (an xlsx workbook). */
  content: string | Uint8Array;
}

/**
 * Writes one or more files so that either all of them change or none does. A single file is
 * temp-file + rename. For several, the temp files are listed in a journal before the first rename;
 * if the process dies mid-way, `recover` (run under the project lock) finishes the renames.
 */
export function commitFiles(root: string, writes: readonly FileWrite[], removals: readonly string[] = []): void {
  if (writes.length === 0 && removals.length === 0) return;
  const removeAbs = removals.map((rel) => safeTarget(root, rel));
  const targets = writes.map((w) => {
    const abs = safeTarget(root, w.rel);
    mkdirSync(dirname(abs), { recursive: true });
    return abs;
  });
  const temps: string[] = [];
  try {
    writes.forEach((w, i) => {
      temps.push(writeTemp(targets[i]!, w.content));
    });
  } catch (e) {
    for (const t of temps)
      try {
        unlinkSync(t);
      } catch {
        /* ignore */
      }
    throw e;
  }
  if (writes.length === 1 && removals.length === 0) {
    renameSync(temps[0]!, targets[0]!);
    fsyncDir(dirname(targets[0]!));
    return;
  }
  const state = stateDir(root);
  const journal = join(state, JOURNAL);
  const entries: JournalEntry[] = [
    ...temps.map((t, i) => ({ tmp: relative(root, t), target: relative(root, targets[i]!) })),
    ...removeAbs.map((abs) => ({ remove: relative(root, abs) })),
  ];
  const jtmp = writeTemp(journal, JSON.stringify(entries));
  renameSync(jtmp, journal); // from here on the change is committed: recovery rolls forward
  fsyncDir(state);
  rollForward(root, entries);
  unlinkSync(journal);
  fsyncDir(state);
}

type JournalEntry = { tmp: string; target: string } | { remove: string };

function rollForward(root: string, entries: readonly JournalEntry[]): void {
  const dirs = new Set<string>();
  for (const e of entries) {
    try {
      if ('remove' in e) {
        const abs = safeTarget(root, e.remove);
        unlinkSync(abs);
        dirs.add(dirname(abs));
      } else {
        // A journal is only ever ours, but it sits in the project: accept nothing but a temp file
        // next to its target, named after it, so no entry can pull a file in from elsewhere.
        const target = safeTarget(root, e.target);
        const t = resolve(root, e.tmp);
        if (dirname(t) !== dirname(target) || !basename(t).startsWith(`.${basename(target)}.`) || !t.endsWith(TEMP_SUFFIX)) continue;
        renameSync(t, target);
        dirs.add(dirname(t));
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // already done before a crash
    }
  }
  for (const d of dirs) fsyncDir(d);
}

function isJournalEntry(e: unknown): e is JournalEntry {
  if (!e || typeof e !== 'object') return false;
  const o = e as Record<string, unknown>;
  return typeof o.remove === 'string' || (typeof o.tmp === 'string' && typeof o.target === 'string' && o.tmp.endsWith(TEMP_SUFFIX));
}

/**
 * Finishes or discards what an interrupted writer left: a committed journal is rolled forward;
 * temp files without a journal are the remains of a write that never happened and are removed.
 * Must run under the project lock.
 */
export function recover(root: string, folders: readonly string[]): void {
  if (!isRealFolder(join(root, STATE_DIR))) return;
  const journal = join(root, STATE_DIR, JOURNAL);
  try {
    const entries = JSON.parse(readFileSync(journal, 'utf8')) as unknown;
    if (Array.isArray(entries)) rollForward(root, entries.filter(isJournalEntry));
    unlinkSync(journal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      try {
        unlinkSync(journal);
      } catch {
        /* a torn journal was never committed (it is renamed into place) */
      }
    }
  }
  for (const f of ['.', STATE_DIR, ...folders]) {
    if (!isRealFolder(join(root, f))) continue; // a linked folder is never cleaned (or written)
    let names: string[];
    try {
      names = readdirSync(join(root, f));
    } catch {
      continue;
    }
    for (const n of names)
      if (n.endsWith(TEMP_SUFFIX))
        try {
          unlinkSync(join(root, f, n));
        } catch {
          /* ignore */
        }
  }
}
