#!/usr/bin/env node
// `npm run bench [-- --full] [--runs N]`: generates deterministic projects (100 and 1,000 tasks
// and a portfolio of 100 × 100; 10,000 tasks and a portfolio of 1,000 × 100 with --full), times
// whole `deliver` processes against the floors measured in the same run (`node -e 0`; reading
// every file; reading and parsing every file with js-yaml 4), and writes the table to
// bench/results.md. Read commands, write commands (bench/writes.mjs: each run starts from the same
// git state) and `diff` between two revisions. Never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { generatePortfolio, generateProject, isCurrent } from './generate.mjs';
import { prepareWriteProject, resetWriteProject, WRITES } from './writes.mjs';

const args = process.argv.slice(2);
const full = args.includes('--full');
// Nine rounds: on the shared 2-core machine a few slow seconds moved a median of five by ±0.2 in
// ratio (bench/README.md); a median of nine holds against them.
const runs = Number(args[args.indexOf('--runs') + 1]) || 9;
// `--only reads|writes|portfolio` (comma-separated): time those parts alone (results.md says so).
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const want = (part) => !only || only.includes(part);
const root = process.cwd();
const work = join(root, 'bench', 'work');
const cacheDir = join(work, 'cache');
const bin = join(root, 'bin', 'deliver.js');
mkdirSync(work, { recursive: true });

if (!existsSync(join(root, 'dist', 'main.cjs'))) spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });

const sizes = full ? [100, 1000, 10000] : [100, 1000];
console.log(`generating projects: ${sizes.join(', ')} tasks, portfolio 100 × 100 …`);
for (const n of sizes) {
  const dir = join(work, `p${n}`);
  if (!isCurrent(dir)) generateProject(dir, n, n);
}
const portfolio = join(work, 'portfolio');
if (!isCurrent(portfolio)) generatePortfolio(portfolio, 100, 100);
const bigPortfolio = join(work, 'portfolio-1000');
if (full && !isCurrent(bigPortfolio)) {
  console.log('generating portfolio 1,000 × 100 …');
  generatePortfolio(bigPortfolio, 1000, 100);
}

/** One run of a whole process: wall seconds, peak resident KiB, exit status. */
function runOnce({ cmd, args, env = {}, prepare }) {
  prepare?.();
  const t0 = process.hrtime.bigint();
  const r = spawnSync('node', ['--require', join(root, 'bench', 'peak.cjs'), cmd, ...args], {
    env: { ...process.env, DELIVER_AS_OF: '2026-11-20', DELIVER_CACHE_DIR: cacheDir, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return { secs: Number(process.hrtime.bigint() - t0) / 1e9, peak: Number(String(r.output[3] ?? '0')) || 0, status: r.status ?? -1 };
}

/**
 * Times several commands in rounds: one warm-up round (file-system cache, and deliver's cache when
 * on), then `runs` rounds, each running every command once. A command with a `floor` runs right
 * after one run of that floor, and the floor's samples from every such pair are pooled: the floor
 * and what is measured against it see the same moments of a shared machine whose speed drifts, and
 * a median over many floor runs moves less than one over `runs` (a floor run once per round
 * measured 0.68 s in one part of a run and 0.77 s in the next, bench/README.md).
 * Returns median, min, max seconds, peak RSS and exit status per spec, floors included.
 */
function time(...specs) {
  const stats = new Map();
  const measure = (spec, round) => {
    const r = runOnce(spec);
    const s = stats.get(spec) ?? stats.set(spec, { samples: [], peak: 0, status: 0 }).get(spec);
    s.status = r.status;
    if (round === 0) return;
    s.samples.push(r.secs);
    s.peak = Math.max(s.peak, r.peak);
  };
  for (let round = 0; round <= runs; round++) {
    for (const spec of specs) {
      if (spec.floor) measure(spec.floor, round);
      measure(spec, round);
    }
  }
  return (spec) => {
    const { samples, peak, status } = stats.get(spec);
    const s = [...samples].sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1], peakMiB: peak / 1024, status };
  };
}

const rows = [];
const fmt = (s) => s.toFixed(3);
function row(label, size, result, floorName, floor, target, okStatuses = [0, 1]) {
  const ratio = result.median / floor.median;
  // A command that failed measured something else (for read commands 1 is a result: "findings").
  const failed = !okStatuses.includes(result.status);
  const memOk = !(target !== undefined && (size === 10000 || size === '1000×100') && result.peakMiB > 250);
  rows.push({
    label,
    size,
    ...result,
    floorName,
    floor: floor.median,
    ratio,
    target,
    ok: target === undefined ? '' : ratio <= target && memOk && !failed ? 'yes' : failed ? `NO (exit ${result.status})` : 'NO',
  });
  console.log(
    `${label.padEnd(34)} ${String(size).padStart(9)}  ${fmt(result.median)} s  [${fmt(result.min)}–${fmt(result.max)}]  ${result.peakMiB.toFixed(0).padStart(4)} MiB  ${ratio.toFixed(2)}× ${floorName}${failed ? `  (exit ${result.status})` : ''}`,
  );
}

const floorScript = join(root, 'bench', 'floor.mjs');
if (want('reads')) {
  const nodeSpec = { cmd: '-e', args: ['0'] };
  const versionSpec = { cmd: bin, args: ['--version'], floor: nodeSpec };
  const helpSpec = { cmd: bin, args: ['--help'], floor: nodeSpec };
  const result = time(versionSpec, helpSpec);
  const nodeFloor = result(nodeSpec);
  row('node -e 0 (floor)', '', nodeFloor, 'node -e 0', nodeFloor);
  row('deliver --version', '', result(versionSpec), 'node -e 0', nodeFloor, 1.5);
  row('deliver --help', '', result(helpSpec), 'node -e 0', nodeFloor, 1.5);

  rmSync(cacheDir, { recursive: true, force: true });
  for (const n of sizes) {
    const dir = join(work, `p${n}`);
    const commands = [['validate'], ['status'], ['gantt'], ['kpi']];
    const readSpec = { cmd: floorScript, args: ['read', dir] };
    const parseSpec = { cmd: floorScript, args: ['parse', dir] };
    const specs = commands.flatMap((c) => [
      { cmd: bin, args: [...c, '-C', dir], env: { DELIVER_CACHE: '0' }, floor: parseSpec },
      { cmd: bin, args: [...c, '-C', dir], floor: readSpec },
    ]);
    const result = time(...specs);
    const [readFloor, parseFloor] = [result(readSpec), result(parseSpec)];
    const timed = specs.map(result);
    row('floor: read every file', n, readFloor, 'read', readFloor);
    row('floor: read + parse (js-yaml 4)', n, parseFloor, 'read+parse', parseFloor);
    const t = n >= 1000 ? 1.5 : undefined;
    commands.forEach((cmd, i) => {
      row(
        `deliver ${cmd.join(' ')} (no cache)`,
        n,
        timed[2 * i],
        'read+parse',
        parseFloor,
        cmd[0] === 'validate' || cmd[0] === 'status' ? t : undefined,
      );
      row(
        `deliver ${cmd.join(' ')} (cached)`,
        n,
        timed[2 * i + 1],
        'read',
        readFloor,
        cmd[0] === 'status' && n === 10000 ? 1.5 : undefined,
      );
    });
  }
}
// Write commands: each timed run starts from the same git state (reset untimed), no cache.
const writeTarget = (n) => (n >= 1000 ? 1.5 : undefined);
for (const n of want('writes') ? sizes : []) {
  const dir = join(work, `w${n}`);
  const ids = prepareWriteProject(bin, join(work, `p${n}`), dir, n);
  const reset = () => resetWriteProject(dir);
  const floor = { cmd: floorScript, args: ['parse', dir], prepare: reset };
  const specs = [
    ...WRITES.map((w) => ({ cmd: bin, args: [...w.args(ids), '-C', dir], env: { DELIVER_CACHE: '0' }, prepare: reset, floor })),
    { cmd: bin, args: ['diff', 'diff-head~1', 'diff-head', '-C', dir], env: { DELIVER_CACHE: '0' }, prepare: reset, floor },
  ];
  const result = time(...specs);
  const parseFloor = result(floor);
  const timed = specs.map(result);
  row('floor: read + parse (js-yaml 4)', n, parseFloor, 'read+parse', parseFloor);
  for (const [i, w] of WRITES.entries()) row(`deliver ${w.label} (no cache)`, n, timed[i], 'read+parse', parseFloor, writeTarget(n), [0]);
  // diff reads two versions of the project: its target is twice the floor of one.
  row('deliver diff (one risk added, no cache)', n, timed[WRITES.length], 'read+parse', parseFloor, n >= 10000 ? 2 : undefined);
  reset();
}

if (want('portfolio')) {
  const pReadSpec = { cmd: floorScript, args: ['read', portfolio] };
  const pParseSpec = { cmd: floorScript, args: ['parse', portfolio] };
  const pKpiSpec = { cmd: bin, args: ['kpi', portfolio], env: { DELIVER_CACHE: '0' }, floor: pParseSpec };
  const pKpiCachedSpec = { cmd: bin, args: ['kpi', portfolio], floor: pReadSpec };
  const pResult = time(pKpiSpec, pKpiCachedSpec);
  const [pRead, pParse, pKpi, pKpiCached] = [pReadSpec, pParseSpec, pKpiSpec, pKpiCachedSpec].map(pResult);
  row('floor: read portfolio', '100×100', pRead, 'read', pRead);
  row('floor: read + parse portfolio', '100×100', pParse, 'read+parse', pParse);
  row('deliver kpi portfolio (no cache)', '100×100', pKpi, 'read+parse', pParse);
  row('deliver kpi portfolio (cached)', '100×100', pKpiCached, 'read', pRead);
  if (full) {
    // 1,000 projects: the memory target (≤ 250 MiB) matters here; fewer rounds, it is slow.
    const bParseSpec = { cmd: floorScript, args: ['parse', bigPortfolio] };
    const bKpiSpec = { cmd: bin, args: ['kpi', bigPortfolio], env: { DELIVER_CACHE: '0' }, floor: bParseSpec };
    const bResult = time(bKpiSpec);
    const [bParse, bKpi] = [bParseSpec, bKpiSpec].map(bResult);
    row('floor: read + parse portfolio', '1000×100', bParse, 'read+parse', bParse);
    row('deliver kpi portfolio (no cache)', '1000×100', bKpi, 'read+parse', bParse, 1.5);
  }
}

const sched = JSON.parse(
  spawnSync(
    'node',
    [join(root, 'bench', 'schedule-scaling.mjs'), work, ...sizes.filter((n) => n >= 1000).map((n) => join(work, `p${n}`))],
    { encoding: 'utf8' },
  ).stdout || '{}',
);

const lines = [
  '# Benchmark results',
  '',
  `Generated by \`npm run bench${full || only ? ' --' : ''}${full ? ' --full' : ''}${only ? ` --only ${only.join(',')}` : ''}\` on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${runs} rounds after a warm-up round (each round runs every command once, right after one run of its floor), median [min–max] wall seconds, peak resident memory. Ratios are to the floor named in the same run; a floor's median is over all its runs, one before each command measured against it. "cached": deliver's cache is warm (the remembered output of read commands whose files, flags and date did not change); "no cache": DELIVER_CACHE=0, every file parsed and every figure computed. Write commands start every run from the same git state (bench/writes.mjs; the reset is not timed) and are measured against the read + parse floor of the same project; targets: ≤ 1.5× that floor at 1,000 and 10,000 tasks, \`diff\` (two versions read) ≤ 2× at 10,000, and at most 250 MiB peak at 10,000 tasks and for the 1,000-project portfolio ("met" says NO when either is missed).`,
  '',
  '| what | tasks | median s | min–max s | peak MiB | ratio | target | met |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.size} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} | ${r.peakMiB.toFixed(0)} | ${r.ratio.toFixed(2)}× ${r.floorName} | ${r.target ? `≤ ${r.target}×` : ''} | ${r.ok} |`,
  ),
  '',
  '## Scheduling scales linearly',
  '',
  '| tasks | schedule + critical path (best of 7, in process) |',
  '| ---: | ---: |',
  ...Object.values(sched).map((s) => `| ${s.tasks} | ${s.ms.toFixed(1)} ms |`),
  '',
];
writeFileSync(join(root, 'bench', 'results.md'), lines.join('\n'));
console.log(
  `\nscheduling: ${Object.values(sched)
    .map((s) => `${s.tasks} tasks ${s.ms.toFixed(1)} ms`)
    .join(', ')}`,
);
console.log('wrote bench/results.md');
