// Which project a command works on: -C, or the nearest folder upward holding deliver.yaml. Kept
// apart from the loader so that finding the root costs no parser or validator start-up.
import { resolve } from 'node:path';
import { findProjectRoot, isProjectRoot } from '../store/files.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';

export function projectRoot(ctx: Context): string {
  if (ctx.dir !== undefined) {
    const dir = resolve(ctx.cwd, ctx.dir);
    if (!isProjectRoot(dir)) throw new UsageError(ctx.t('err.notProject', { dir: ctx.dir }), ctx.t('err.noProjectHint'));
    return dir;
  }
  const root = findProjectRoot(ctx.cwd);
  if (!root) throw new UsageError(ctx.t('err.noProject', { dir: ctx.cwd }), ctx.t('err.noProjectHint'));
  return root;
}
