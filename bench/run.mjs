#!/usr/bin/env node
// `npm run bench [-- --full] [--runs N]`: generates deterministic projects (100 and 1,000 tasks
// and a portfolio of 100 × 100; 10,000 tasks with --full), times whole `deliver` processes against
// the floors measured in the same run (`node -e 0`; reading every file; reading and parsing every
// file with js-yaml 4), and writes the table to bench/results.md. Never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { generatePortfolio, generateProject } from './generate.mjs';

const args = process.argv.slice(2);
const full = args.includes('--full');
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const root = process.cwd();
const work = join(root, 'bench', 'work');
const cacheDir = join(work, 'cache');
const bin = join(root, 'bin', 'deliver.cjs');
mkdirSync(work, { recursive: true });

if (!existsSync(join(root, 'dist', 'main.cjs'))) spawnSync('node', ['src/tools/build.mjs'], { stdio: 'inherit' });

const sizes = full ? [100, 1000, 10000] : [100, 1000];
console.log(`generating projects: ${sizes.join(', ')} tasks, portfolio 100 × 100 …`);
for (const n of sizes) {
  const dir = join(work, `p${n}`);
  if (!existsSync(join(dir, 'deliver.yaml'))) generateProject(dir, n, n);
}
const portfolio = join(work, 'portfolio');
if (!existsSync(join(portfolio, 'project-100', 'deliver.yaml'))) generatePortfolio(portfolio, 100, 100);

/** Runs a command `runs` times after one warm-up; median, min, max seconds and peak RSS. */
function time(cmd, cmdArgs, env = {}) {
  const samples = [];
  let peak = 0;
  let status = 0;
  for (let i = 0; i <= runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('node', ['--require', join(root, 'bench', 'peak.cjs'), cmd, ...cmdArgs], {
      env: { ...process.env, DELIVER_AS_OF: '2026-11-20', DELIVER_CACHE_DIR: cacheDir, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    status = r.status ?? -1;
    if (i === 0) continue; // warm-up: file-system cache (and deliver's cache, when on)
    samples.push(secs);
    peak = Math.max(peak, Number(String(r.output[3] ?? '0')) || 0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples[samples.length - 1], peakMiB: peak / 1024, status };
}

const rows = [];
const fmt = (s) => s.toFixed(3);
function row(label, size, result, floorName, floor, target) {
  const ratio = result.median / floor.median;
  rows.push({ label, size, ...result, floorName, floor: floor.median, ratio, target, ok: target === undefined ? '' : ratio <= target ? 'yes' : 'NO' });
  console.log(`${label.padEnd(34)} ${String(size).padStart(9)}  ${fmt(result.median)} s  [${fmt(result.min)}–${fmt(result.max)}]  ${result.peakMiB.toFixed(0).padStart(4)} MiB  ${ratio.toFixed(2)}× ${floorName}${result.status !== 0 && result.status !== 1 ? `  (exit ${result.status})` : ''}`);
}

const nodeFloor = time('-e', ['0']);
row('node -e 0 (floor)', '', nodeFloor, 'node -e 0', nodeFloor);
row('deliver --version', '', time(bin, ['--version']), 'node -e 0', nodeFloor, 1.5);
row('deliver --help', '', time(bin, ['--help']), 'node -e 0', nodeFloor, 1.5);

for (const n of sizes) {
  const dir = join(work, `p${n}`);
  const readFloor = time(join(root, 'bench', 'floor.mjs'), ['read', dir]);
  const parseFloor = time(join(root, 'bench', 'floor.mjs'), ['parse', dir]);
  row('floor: read every file', n, readFloor, 'read', readFloor);
  row('floor: read + parse (js-yaml 4)', n, parseFloor, 'read+parse', parseFloor);
  const t = n >= 1000 ? 1.5 : undefined;
  for (const cmd of [['validate'], ['status'], ['gantt'], ['kpi']]) {
    row(`deliver ${cmd.join(' ')} (no cache)`, n, time(bin, [...cmd, '-C', dir], { DELIVER_CACHE: '0' }), 'read+parse', parseFloor, cmd[0] === 'validate' || cmd[0] === 'status' ? t : undefined);
    rmSync(cacheDir, { recursive: true, force: true });
    row(`deliver ${cmd.join(' ')} (cached)`, n, time(bin, [...cmd, '-C', dir]), 'read', readFloor, cmd[0] === 'status' && n === 10000 ? 1.5 : undefined);
  }
}
const pRead = time(join(root, 'bench', 'floor.mjs'), ['read', portfolio]);
const pParse = time(join(root, 'bench', 'floor.mjs'), ['parse', portfolio]);
row('floor: read portfolio', '100×100', pRead, 'read', pRead);
row('floor: read + parse portfolio', '100×100', pParse, 'read+parse', pParse);
row('deliver kpi portfolio (no cache)', '100×100', time(bin, ['kpi', portfolio], { DELIVER_CACHE: '0' }), 'read+parse', pParse);
row('deliver kpi portfolio (cached)', '100×100', time(bin, ['kpi', portfolio]), 'read', pRead);

const sched = JSON.parse(spawnSync('node', [join(root, 'bench', 'schedule-scaling.mjs'), work, ...sizes.filter((n) => n >= 1000).map((n) => join(work, `p${n}`))], { encoding: 'utf8' }).stdout || '{}');

const lines = [
  '# Benchmark results',
  '',
  `Generated by \`npm run bench${full ? ' -- --full' : ''}\` on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${runs} runs after a warm-up, median [min–max] wall seconds, peak resident memory. Ratios are to the floor named in the same run. "cached": deliver's cache is warm (parse results by file content, and the output of read commands whose files, flags and date did not change); "no cache": DELIVER_CACHE=0, every file parsed and every figure computed.`,
  '',
  '| what | tasks | median s | min–max s | peak MiB | ratio | target | met |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
  ...rows.map((r) => `| ${r.label} | ${r.size} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} | ${r.peakMiB.toFixed(0)} | ${r.ratio.toFixed(2)}× ${r.floorName} | ${r.target ? `≤ ${r.target}×` : ''} | ${r.ok} |`),
  '',
  '## Scheduling scales linearly',
  '',
  '| tasks | schedule + critical path (best of 7, in process) |',
  '| ---: | ---: |',
  ...Object.values(sched).map((s) => `| ${s.tasks} | ${s.ms.toFixed(1)} ms |`),
  '',
];
writeFileSync(join(root, 'bench', 'results.md'), lines.join('\n'));
console.log(`\nscheduling: ${Object.values(sched).map((s) => `${s.tasks} tasks ${s.ms.toFixed(1)} ms`).join(', ')}`);
console.log('wrote bench/results.md');
