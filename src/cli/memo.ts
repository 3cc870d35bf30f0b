// Remembered output of read commands. A read command's output is a function of the record files,
// its flags, the report date, the language and terminal settings and deliver's own code; when all
// of them are unchanged, the stored output is printed instead of recomputing it. The key holds a
// hash of every byte of every record file (read afresh each time) and the build fingerprint, so a
// stale answer is impossible. A remembered run replays its stdout, stderr and exit status; only
// runs that exit 0 are stored (a failing run is computed afresh each time). Lives in the cache
// folder outside the project; DELIVER_CACHE=0 turns it off.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINGERPRINT } from '../generated/fingerprint.js';
import { cacheDir } from '../store/cache.js';
import { digest, uniqueName } from '../store/digest.js';
import { snapshotProject } from '../store/snapshot.js';
import type { Context, Writer } from './context.js';
import { EXIT } from './errors.js';
import { settle, type Outcome } from './outcome.js';
import { projectRoot } from './root.js';
import { targets } from './targets.js';

const KEEP = 64;
const ENV_KEYS = ['LANG', 'LC_ALL', 'LC_MESSAGES', 'NO_COLOR', 'TERM', 'DELIVER_PATH_PREFIX'];

/** Runs a one-project read command, or prints what it printed last time for the same inputs. */
export async function memoizedProject(
  ctx: Context,
  command: string,
  opts: Record<string, unknown>,
  run: () => Promise<Outcome>,
): Promise<Outcome> {
  return memoized(ctx, [projectRoot(ctx)], command, opts, run);
}

/** The same for `kpi [dirs…]`: every project of the portfolio is part of the key. */
export async function memoizedTargets(
  ctx: Context,
  dirs: readonly string[],
  command: string,
  opts: Record<string, unknown>,
  run: () => Promise<Outcome>,
): Promise<Outcome> {
  const { list } = targets(ctx, dirs);
  return memoized(
    ctx,
    list.map((t) => t.root),
    command,
    { ...opts, dirs: list.map((t) => t.dir) },
    run,
  );
}

export async function memoized(
  ctx: Context,
  roots: readonly string[],
  command: string,
  opts: Record<string, unknown>,
  run: () => Promise<Outcome>,
): Promise<Outcome> {
  if (ctx.env.DELIVER_CACHE === '0') return run();
  const snaps = roots.map((r) => snapshotProject(r));
  ctx.snapshots = new Map(snaps.map((s) => [s.root, s]));
  const key = digest(
    JSON.stringify({
      fingerprint: FINGERPRINT,
      command,
      opts,
      asOf: ctx.asOf,
      lang: ctx.langFlag ?? null,
      json: ctx.json,
      color: ctx.color,
      tty: [ctx.stdoutIsTTY, ctx.stdinIsTTY],
      columns: ctx.columns,
      env: ENV_KEYS.map((k) => ctx.env[k] ?? null),
      projects: snaps.map((s) => [s.root, s.hash]),
    }),
    'hex',
  );
  const dir = join(cacheDir(ctx.env), 'output');
  const file = join(dir, `${key.slice(0, 40)}.json`);
  try {
    const hit = JSON.parse(readFileSync(file, 'utf8')) as { stdout?: unknown; stderr?: unknown; exit?: unknown };
    if (typeof hit.stdout === 'string' && typeof hit.stderr === 'string' && typeof hit.exit === 'number') {
      ctx.stdout.write(hit.stdout);
      if (hit.stderr) ctx.stderr.write(hit.stderr);
      return { exit: hit.exit };
    }
  } catch {
    // not remembered (or unreadable): compute it
  }
  let out = '',
    err = '';
  const tee = (w: Writer, add: (s: string) => void): Writer => ({ write: (s: string) => (add(s), w.write(s)) });
  ctx.stdout = tee(ctx.stdout, (s) => (out += s));
  ctx.stderr = tee(ctx.stderr, (s) => (err += s));
  // Settled here, not in main: the findings it names on stderr are part of what a replay must show.
  const exit = await settle(ctx, await run()); // a thrown failure is reported as usual and not remembered
  if (exit === EXIT.ok) remember(dir, file, JSON.stringify({ stdout: out, stderr: err, exit }));
  return { exit };
}

function remember(dir: string, file: string, content: string): void {
  const tmp = `${file}.${process.pid}.${uniqueName()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, content, { flag: 'wx' }); // never through anything already at that name
    renameSync(tmp, file);
    const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
    if (names.length > KEEP) {
      const byAge = names.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
      for (const { n } of byAge.slice(0, names.length - KEEP)) unlinkSync(join(dir, n));
    }
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
  }
}
