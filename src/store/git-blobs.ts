// Reading many blobs with one `git cat-file --batch`: its output format, and a read that runs in
// the background while the caller works. In the background, git reads the object ids from a file
// and writes the blobs to another (both unlinked as soon as they are open where the system allows
// it), so it never waits for this process: a pipe would hold it at 64 KB until the event loop ran.
import { spawn } from 'node:child_process';
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** English messages, no prompts, no optional locks, no pager: for every git process deliver runs. */
export const GIT_ENV = { LC_ALL: 'C', LANGUAGE: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat' };

const SP = 0x20,
  LF = 0x0a;

/** The decimal number in buf[from, to), or -1 when that is empty or not all digits. */
function decimal(buf: Buffer, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * `cat-file --batch` output for `oids`, in order: each blob's bytes, or null when git has no such
 * blob. A header is `<oid> <type> <size>` (the content follows) or `<oid> missing`; it is read by
 * bytes (a string and a pattern per header cost 30 ms over 7,000 files).
 */
export function parseBatch(buf: Buffer, oids: readonly string[]): Map<string, Uint8Array | null> {
  const out = new Map<string, Uint8Array | null>();
  let pos = 0;
  for (const oid of oids) {
    const nl = buf.indexOf(LF, pos);
    if (nl < 0) break;
    const header = pos;
    pos = nl + 1;
    const first = buf.indexOf(SP, header);
    const last = nl > header ? buf.lastIndexOf(SP, nl - 1) : -1;
    const size = first > header && first < last ? decimal(buf, last + 1, nl) : -1;
    if (size < 0) {
      out.set(oid, null); // "<oid> missing": no content follows
      continue;
    }
    if (pos + size > buf.length) break; // cut short: the rest is read again when asked for
    const blob = last - first === 5 && buf.toString('latin1', first + 1, last) === 'blob';
    const same = first - header === oid.length && buf.toString('latin1', header, first) === oid;
    out.set(oid, blob && same ? buf.subarray(pos, pos + size) : null);
    pos += size + 1;
  }
  return out;
}

/** A temporary file open for reading and writing, removed from the folder at once where allowed. */
function scratchFile(dir: string, name: string): { fd: number; remove: () => void } {
  const path = join(dir, name);
  const fd = openSync(path, 'wx+', 0o600);
  let removed = false;
  const remove = () => {
    if (removed) return;
    try {
      rmSync(path, { force: true });
      removed = true;
    } catch {
      // still open elsewhere (Windows): removed with its folder afterwards
    }
  };
  remove();
  return { fd, remove };
}

function readAll(fd: number): Buffer {
  const size = fstatSync(fd).size;
  const buf = Buffer.allocUnsafe(size);
  let off = 0;
  while (off < size) {
    const n = readSync(fd, buf, off, size - off, off);
    if (n === 0) break;
    off += n;
  }
  return buf.subarray(0, off);
}

/**
 * Starts `git cat-file --batch` for `oids` in `repoDir`; the promise gives what it wrote (see
 * parseBatch), or undefined when it could not run or failed: the caller then reads those blobs the
 * usual way, which reports the failure.
 */
export function readBlobsInBackground(repoDir: string, oids: readonly string[]): Promise<Buffer | undefined> {
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'deliver-blobs-'));
  } catch {
    return Promise.resolve(undefined);
  }
  const files: { fd: number; remove: () => void }[] = [];
  let finished = false;
  // Once: a process that could not start reports an error and may report closing too.
  const done = (result: () => Buffer | undefined): Buffer | undefined => {
    if (finished) return undefined;
    finished = true;
    let out: Buffer | undefined;
    try {
      out = result();
    } catch {
      out = undefined;
    }
    for (const f of files) {
      try {
        closeSync(f.fd);
      } catch {
        // already closed
      }
      f.remove();
    }
    rmSync(dir, { recursive: true, force: true });
    return out;
  };
  try {
    const input = scratchFile(dir, 'oids');
    files.push(input);
    const output = scratchFile(dir, 'blobs');
    files.push(output);
    // Both files are already out of the folder where the system allows it: the folder goes too, so
    // nothing is left behind even if this process is killed before git ends.
    try {
      rmdirSync(dir);
    } catch {
      // not empty (Windows keeps open files): removed when done
    }
    writeSync(input.fd, `${oids.join('\n')}\n`, 0);
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: repoDir,
      env: { ...process.env, ...GIT_ENV },
      stdio: [input.fd, output.fd, 'ignore'],
      windowsHide: true,
    });
    return new Promise<Buffer | undefined>((resolve) => {
      child.once('error', () => resolve(done(() => undefined)));
      child.once('close', (status) => {
        if (!finished) resolve(done(() => (status === 0 ? readAll(output.fd) : undefined)));
      });
    });
  } catch {
    return Promise.resolve(done(() => undefined));
  }
}
