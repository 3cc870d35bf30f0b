// `deliver doctor`: is this repository set up for deliver? The merge driver must be configured
// (`git config merge.deliver.driver …`, per clone: git never takes it from the repository) and
// the YAML records marked `merge=deliver` in .gitattributes (which init writes and git shares).
// The project's editor schemas must be the ones this deliver ships (`--fix` rewrites them).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Context } from '../../cli/context.js';
import { EXIT } from '../../cli/errors.js';
import type { Outcome } from '../../cli/outcome.js';
import { printJson, println } from '../../cli/output.js';
import { sanitize } from '../../render/sanitize.js';
import { findProjectRoot } from '../../store/files.js';
import { ATTRIBUTES_LINE, GIT_CONFIG_LINE } from '../../cli/git-setup.js';
import { staleSchemas } from '../../cli/schema-files.js';
import { commitFiles } from '../../store/atomic.js';
import { withProjectLock } from '../../store/lock.js';
import type { DoctorOptions } from './command.js';

function git(cwd: string, ...args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { ok: r.status === 0, out: (r.stdout ?? '').trim() };
}

export async function doctor(ctx: Context, opts: DoctorOptions): Promise<Outcome> {
  const start = resolve(ctx.cwd, ctx.dir ?? '.');
  const root = findProjectRoot(start);
  const dir = root ?? start;
  const lines: { ok: boolean; text: string }[] = [];
  if (!git(dir, 'rev-parse', '--is-inside-work-tree').ok) {
    lines.push({ ok: true, text: ctx.t('doctor.noGit') });
  } else {
    const driver = git(dir, 'config', '--get', 'merge.deliver.driver').out;
    lines.push(
      driver.includes('merge-driver')
        ? { ok: true, text: ctx.t('doctor.ok', { driver: sanitize(driver) }) }
        : { ok: false, text: ctx.t('doctor.noDriver', { command: GIT_CONFIG_LINE }) },
    );
    const attr = git(dir, 'check-attr', 'merge', '--', 'plan.yaml').out;
    if (!/: merge: deliver$/.test(attr))
      lines.push({ ok: false, text: ctx.t('doctor.noAttributes', { file: '.gitattributes', line: ATTRIBUTES_LINE }) });
  }
  if (root !== null) lines.push(checkSchemas(ctx, root, opts.fix === true));
  const ok = lines.every((l) => l.ok);
  if (ctx.json) printJson(ctx, 'doctor', { ok, checks: lines });
  else {
    for (const l of lines) println(ctx, `${l.ok ? '✓' : '✗'} ${l.text}`);
    if (ok) println(ctx, ctx.t('doctor.allGood'));
  }
  return { exit: ok ? EXIT.ok : EXIT.findings };
}

/** The editor schemas: all there and current, rewritten with `--fix` (under the project lock). */
function checkSchemas(ctx: Context, root: string, fix: boolean): { ok: boolean; text: string } {
  const stale = staleSchemas(root);
  if (stale.length === 0) return { ok: true, text: ctx.t('doctor.schemasOk') };
  const files = stale.map((w) => sanitize(w.rel.slice(w.rel.lastIndexOf('/') + 1))).join(', ');
  if (!fix) return { ok: false, text: ctx.t('doctor.schemasStale', { n: stale.length, files }) };
  withProjectLock(root, [], () => commitFiles(root, staleSchemas(root)));
  return { ok: true, text: ctx.t('doctor.schemasFixed', { n: stale.length, files }) };
}
