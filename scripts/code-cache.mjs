// Part of the build: runs the fresh bundle through the everyday commands on copies of the bundled
// examples, then writes V8's code cache of everything those runs compiled to dist/main.cjs.cache
// (bin/load-bundle.cjs reads it). Functions compiled here start ready on every later run; the rest
// compile on first use as usual. Help gets a small cache of its own (main.cjs.help-cache).
// Nothing outside a temporary folder and dist/ is touched.
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

/** Help runs: their own, small code cache (help must not pay for deserializing the commands). */
const HELP_RUNS = [[], ['--help'], ['status', '--help'], ['task', '--help']];

/** Arguments of the warm-up runs, each from the copied project's folder. */
const RUNS = [
  ...HELP_RUNS,
  ['validate'],
  ['validate', '--format', 'json'],
  ['status'],
  ['gantt'],
  ['kpi'],
  ['report', 'weekly'],
  ['export', '--format', 'csv'],
  ['req', 'list'],
  ['task', 'list'],
  ['risk', 'list'],
  ['req', 'add', '--title', 'warm-up', '--customer', 'warm-up', '--urgency', 'low', '--yes'],
  ['no-such-command'],
];

/**
 * Write commands too (after the read runs, on the same copies): their code (the editor, the writer,
 * the write guard, the scheduling a slip needs) is then compiled ahead as well. Ids are the
 * examples' own; a run that is refused still compiles most of its path.
 */
const WRITE_IDS = {
  'erp-rollout-en': { todo: 'T-011', slip: 'CR-002', risk: 'R-001', by: 'Maya Chen' },
  'crm-dashboard-zh': { todo: 'T-015', slip: 'CR-002', risk: 'R-001', by: '刘建国' },
};
const writeRuns = ({ todo, slip, risk, by }) => [
  ['task', 'add', '--name', 'warm-up', '--days', '1'],
  ['task', 'update', todo, '--days', '3'],
  ['task', 'done', todo],
  ['change', 'approve', slip, '--as', 'customer', '--by', by],
  ['change', 'approve', slip, '--as', 'internal', '--by', by],
  ['change', 'apply', slip, '--by', by],
  ['risk', 'act', risk, '3', '--done'],
];

const sink = { write: () => true };

/** Writes the code cache of a loaded bundle to `file` atomically, headed by the bundle's build id. */
function writeCache({ script, buildId }, cacheHeader, file) {
  writeFileSync(`${file}.tmp`, Buffer.concat([cacheHeader(buildId), script.createCachedData()]));
  renameSync(`${file}.tmp`, file);
}

export async function writeCodeCache(root, dist = join(root, 'dist')) {
  const { loadBundle, cacheHeader } = createRequire(import.meta.url)(join(root, 'bin', 'load-bundle.cjs'));
  const help = loadBundle(dist, { useCodeCache: false });
  for (const argv of HELP_RUNS)
    await help.exports.main(argv, {
      cwd: root,
      env: process.env,
      stdout: sink,
      stderr: sink,
      stdoutIsTTY: false,
      stdinIsTTY: false,
      today: '2026-11-20',
    });
  writeCache(help, cacheHeader, join(dist, 'main.cjs.help-cache'));

  const full = loadBundle(dist, { useCodeCache: false });
  const work = mkdtempSync(join(tmpdir(), 'deliver-code-cache-'));
  try {
    for (const example of ['erp-rollout-en', 'crm-dashboard-zh']) {
      const dir = join(work, example);
      cpSync(join(root, 'examples', example), dir, { recursive: true });
      // Twice with the result cache (stored in the temporary folder), once without it.
      for (const cache of ['1', '1', '0']) {
        for (const argv of [...RUNS, ...writeRuns(WRITE_IDS[example])]) {
          const env = { ...process.env, DELIVER_CACHE: cache, DELIVER_CACHE_DIR: join(work, 'cache'), DELIVER_AS_OF: '2026-11-20' };
          const io = {
            cwd: dir,
            env,
            stdout: sink,
            stderr: sink,
            stdoutIsTTY: false,
            stdinIsTTY: false,
            columns: 100,
            today: '2026-11-20',
          };
          const code = await full.exports.main(argv, io);
          if (code === 70) throw new Error(`warm-up run \`deliver ${argv.join(' ')}\` hit an internal error`);
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeCache(full, cacheHeader, join(dist, 'main.cjs.cache'));
}
