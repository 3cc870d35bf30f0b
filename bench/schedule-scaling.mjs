// Shows that scheduling is linear: the pure scheduler on generated plans of 1,000 and 10,000
// tasks, in one process, best of several runs. Bundles src/core on the fly with esbuild.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

const [workDir, ...dirs] = process.argv.slice(2);
const entry = join(workDir, 'schedule-entry.mjs');
mkdirSync(workDir, { recursive: true });
writeFileSync(
  entry,
  `export { schedule } from ${JSON.stringify(join(process.cwd(), 'src/core/schedule.ts'))};
export { makeCalendar } from ${JSON.stringify(join(process.cwd(), 'src/core/calendar.ts'))};\n`,
);
await build({
  entryPoints: [entry],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: join(workDir, 'schedule-bundle.mjs'),
  logLevel: 'error',
});
const { schedule, makeCalendar } = await import(join(workDir, 'schedule-bundle.mjs'));

const out = {};
for (const dir of dirs) {
  const manifest = load(readFileSync(join(dir, 'deliver.yaml'), 'utf8'));
  const plan = load(readFileSync(join(dir, 'plan.yaml'), 'utf8'));
  const calendar = makeCalendar(manifest.calendar);
  const input = {
    start: manifest.start,
    due: manifest.due,
    asOf: '2026-11-20',
    tasks: plan.tasks ?? [],
    milestones: plan.milestones ?? [],
    baselines: plan.baselines ?? [],
    calendar,
  };
  let best = Infinity;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    schedule(input);
    best = Math.min(best, performance.now() - t0);
  }
  out[dir] = { tasks: input.tasks.length, ms: best };
}
process.stdout.write(JSON.stringify(out));
