// Where deliver keeps its cache (the remembered output of read commands, cli/memo.ts): outside the
// project, so nothing of it reaches git or a pull request; safe to delete. DELIVER_CACHE_DIR moves it.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function cacheDir(env: Record<string, string | undefined>): string {
  if (env.DELIVER_CACHE_DIR) return resolve(env.DELIVER_CACHE_DIR);
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'deliver');
}
