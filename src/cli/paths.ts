// Where the package's own files (schemas, templates) are, from the bundle or from the sources:
// the nearest folder upward from this module that holds deliver's package.json (deliver-tracker;
// 'deliver' was its name before it had one of its own on the npm registry).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (['deliver-tracker', 'deliver'].includes((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name ?? ''))
          return (cached = dir);
      } catch {
        // not ours; keep going up
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the deliver package folder');
    dir = up;
  }
}

export const schemasDir = (): string => join(packageRoot(), 'schemas');
export const templatesDir = (): string => join(packageRoot(), 'templates');
