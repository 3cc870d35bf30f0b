// Which projects `kpi [dirs…]` covers: the current project, a project folder, or a portfolio
// folder whose subfolders are projects. Light on imports: it runs before anything is loaded.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isProjectRoot } from '../store/files.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { projectRoot } from './root.js';

export interface Target {
  root: string;
  /** As the user should read it: relative to the working folder. */
  dir: string;
}

/** Each argument is a project, or a folder whose immediate subfolders include projects. */
export function targets(ctx: Context, dirs: readonly string[]): { list: Target[]; single: boolean } {
  if (dirs.length === 0) {
    const root = projectRoot(ctx);
    return { list: [{ root, dir: relative(ctx.cwd, root) || '.' }], single: true };
  }
  const list: Target[] = [];
  for (const d of dirs) {
    const abs = resolve(ctx.cwd, d);
    if (isProjectRoot(abs)) {
      list.push({ root: abs, dir: d });
      continue;
    }
    let subs: string[] = [];
    try {
      subs = readdirSync(abs, { withFileTypes: true })
        .filter((e) => e.isDirectory() && isProjectRoot(join(abs, e.name)))
        .map((e) => e.name)
        .sort();
    } catch {
      // unreadable or missing: reported below
    }
    if (subs.length === 0) throw new UsageError(ctx.t('err.notProjectOrPortfolio', { dir: d }));
    for (const s of subs) list.push({ root: join(abs, s), dir: join(d, s) });
  }
  return { list, single: dirs.length === 1 && list.length === 1 && isProjectRoot(resolve(ctx.cwd, dirs[0]!)) };
}
