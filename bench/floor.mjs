// The physical floors `deliver` is measured against: read every record file of a project (or a
// portfolio) with plain Node, and optionally parse each with js-yaml, the fastest YAML 1.2 parser
// here. `node bench/floor.mjs read|parse <dir>`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [mode, root] = process.argv.slice(2);
let load;
// js-yaml 4 (installed as js-yaml-v4) is the fastest YAML 1.2 parser available here.
if (mode === 'parse') load = (await import('js-yaml-v4')).default.load;

let files = 0;
function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.yaml')) {
      const text = readFileSync(p, 'utf8');
      if (load) load(text);
      files++;
    }
  }
}
walk(root);
process.stdout.write(`${files}\n`);
