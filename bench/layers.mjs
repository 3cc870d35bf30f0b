#!/usr/bin/env node
// `npm run bench:layers [-- --runs N] [--sizes 1000,10000]`: what each speed layer buys, measured
// by turning it off. Each layer is compared with itself on and off in the same rounds (interleaved,
// so both sides see the same moments of a shared machine), on the generated projects of
// `npm run bench` (bench/work/p<N>, made here when missing):
//
// - the subset reader: `validate` and `status` with the cache off, against a variant bundle whose
//   reader always gives up (every file goes to js-yaml 5), built into bench/work/variants/;
// - the remembered output: `status` with the cache off, with its output remembered, with a key that
//   changes every run (what a miss costs: every file hashed, the output written), and after one
//   record file was edited (the usual miss);
// - the V8 code cache: `--help`, `status` on the small example and at each size, with and without it
//   (DELIVER_CODE_CACHE=0).
//
// Reports the median wall time and, where `perf` can count them, the median CPU time of each
// process (task-clock: all of its threads; steadier than wall time on a busy machine). Writes
// bench/layers.md. Never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { generateProject, isCurrent } from './generate.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(opt('--runs', '7'));
const sizes = opt('--sizes', '1000,10000').split(',').map(Number);
const root = process.cwd();
const work = join(root, 'bench', 'work');
const cacheDir = join(work, 'layers-cache');
mkdirSync(work, { recursive: true });

if (!existsSync(join(root, 'dist', 'main.cjs'))) spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
for (const n of sizes) if (!isCurrent(join(work, `p${n}`))) generateProject(join(work, `p${n}`), n, n);
const small = join(work, 'example');
rmSync(small, { recursive: true, force: true });
cpSync(join(root, 'examples', 'crm-dashboard-zh'), small, { recursive: true });

// The variant without the subset reader: the same build with readSubset answering "not in the
// subset" for every text, in a folder of its own with the same bin/ shim and its own code cache.
const noSubset = join(work, 'variants', 'no-subset');
{
  const { bundle } = await import('../scripts/build.mjs');
  const offPlugin = {
    name: 'subset-reader-off',
    setup(b) {
      b.onLoad({ filter: /src[\\/]store[\\/]subset-yaml\.ts$/ }, (a) => {
        const src = readFileSync(a.path, 'utf8');
        const head = 'export function readSubset(text: string): unknown {';
        if (!src.includes(head)) throw new Error('bench/layers.mjs: readSubset not found in subset-yaml.ts');
        return { contents: src.replace(head, `${head}\n  if (text !== undefined) return NOT_SUBSET;`), loader: 'ts' };
      });
    },
  };
  rmSync(noSubset, { recursive: true, force: true });
  cpSync(join(root, 'bin'), join(noSubset, 'bin'), { recursive: true });
  await bundle({ dist: join(noSubset, 'dist'), plugins: [offPlugin] });
}

const perf = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', 'true'], { encoding: 'utf8' }).status === 0;
const bins = { main: join(root, 'bin', 'deliver.js'), noSubset: join(noSubset, 'bin', 'deliver.js') };

/** One process: wall seconds and CPU seconds (undefined without perf). */
function runOnce({ bin = bins.main, argv, env = {}, before }) {
  before?.();
  const cmd = perf ? 'perf' : 'node';
  const cmdArgs = perf ? ['stat', '-x,', '-e', 'task-clock', 'node', bin, ...argv] : [bin, ...argv];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, {
    env: { ...process.env, DELIVER_AS_OF: '2026-11-20', DELIVER_CACHE_DIR: cacheDir, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const line = perf
    ? String(r.stderr)
        .split('\n')
        .find((l) => l.includes('task-clock'))
    : undefined;
  return { wall, cpu: line ? Number(line.split(',')[0]) / 1000 : undefined, status: r.status };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Interleaved rounds of several variants (one warm-up round first): median wall and CPU seconds. */
function compare(variants) {
  const wall = variants.map(() => []),
    cpu = variants.map(() => []);
  for (let round = 0; round <= runs; round++) {
    variants.forEach((v, i) => {
      const r = runOnce(v);
      if (r.status !== 0 && r.status !== 1) throw new Error(`${v.label}: exit ${r.status}`);
      if (round === 0) return;
      wall[i].push(r.wall);
      if (r.cpu !== undefined) cpu[i].push(r.cpu);
    });
  }
  return variants.map((v, i) => ({ label: v.label, wall: median(wall[i]), cpu: cpu[i].length ? median(cpu[i]) : undefined }));
}

const sections = [];
function report(title, size, results) {
  const base = results[0];
  const rows = results.map((r) => {
    const dWall = r.wall - base.wall,
      dCpu = r.cpu !== undefined ? r.cpu - base.cpu : undefined;
    const d = (x) => (x === undefined ? '' : `${x >= 0 ? '+' : '−'}${Math.abs(x * 1000).toFixed(0)} ms`);
    return `| ${r.label} | ${(r.wall * 1000).toFixed(0)} ms | ${r === base ? '' : d(dWall)} | ${r.cpu === undefined ? '' : `${(r.cpu * 1000).toFixed(0)} ms`} | ${r === base ? '' : d(dCpu)} |`;
  });
  sections.push(
    `### ${title}${size ? ` (${size} tasks)` : ''}`,
    '',
    '| variant | wall | vs first | CPU | vs first |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  );
  console.log(`\n${title}${size ? ` (${size} tasks)` : ''}`);
  for (const r of results)
    console.log(
      `  ${r.label.padEnd(52)} wall ${(r.wall * 1000).toFixed(0).padStart(5)} ms   cpu ${r.cpu === undefined ? '  n/a' : (r.cpu * 1000).toFixed(0).padStart(5)} ms`,
    );
}

const off = { DELIVER_CACHE: '0' };
const dropCache = () => rmSync(cacheDir, { recursive: true, force: true });
let term = 0;

report(
  'V8 code cache: help',
  0,
  compare([
    { label: '`--help`, code cache', argv: ['--help'] },
    { label: '`--help`, DELIVER_CODE_CACHE=0', argv: ['--help'], env: { DELIVER_CODE_CACHE: '0' } },
  ]),
);
report(
  'V8 code cache: `status` on the bundled example',
  0,
  compare([
    { label: 'code cache', argv: ['status', '-C', small], env: off },
    { label: 'DELIVER_CODE_CACHE=0', argv: ['status', '-C', small], env: { ...off, DELIVER_CODE_CACHE: '0' } },
  ]),
);

for (const n of sizes) {
  const dir = join(work, `p${n}`);
  const C = ['-C', dir];
  report(
    'V8 code cache: `status`, cache off',
    n,
    compare([
      { label: 'code cache', argv: ['status', ...C], env: off },
      { label: 'DELIVER_CODE_CACHE=0', argv: ['status', ...C], env: { ...off, DELIVER_CODE_CACHE: '0' } },
    ]),
  );
  for (const cmd of ['validate', 'status']) {
    report(
      `Subset reader: \`${cmd}\`, cache off`,
      n,
      compare([
        { label: 'subset reader, then js-yaml 5 for the rest', argv: [cmd, ...C], env: off },
        { label: 'js-yaml 5 only (variant build)', bin: bins.noSubset, argv: [cmd, ...C], env: off },
      ]),
    );
  }
  dropCache();
  const edited = join(dir, 'deliver.yaml');
  const original = readFileSync(edited, 'utf8');
  report(
    'Remembered output: `status`',
    n,
    compare([
      { label: 'cache off', argv: ['status', ...C], env: off },
      {
        label: 'miss: a new key each run, output computed and stored',
        argv: ['status', ...C],
        get env() {
          return { TERM: `bench-${term++}` };
        },
      },
      {
        label: 'miss: deliver.yaml edited (a comment) before the run',
        argv: ['status', ...C],
        before: () => writeFileSync(edited, `${original}# edit ${term++}\n`),
      },
      { label: 'hit: output remembered (repeated run)', argv: ['status', ...C] },
    ]),
  );
  writeFileSync(edited, original);
}

const lines = [
  '# What each speed layer buys',
  '',
  `Generated by \`npm run bench:layers\` on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${runs} interleaved rounds after a warm-up round, medians. CPU is the process's task-clock (all threads) from \`perf stat\`${perf ? '' : ' (not available here)'}. "vs first": difference to the first row of the table.`,
  '',
  ...sections,
];
writeFileSync(join(root, 'bench', 'layers.md'), lines.join('\n'));
console.log('\nwrote bench/layers.md');
