// `deliver merge-driver %O %A %B %P`: git runs it for files marked `merge=deliver` in
// .gitattributes. The merged text replaces %A and the exit status says clean (0) or not (1);
// when the records cannot be merged by id, git's own line merge writes its conflict markers.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../../cli/context.js';
import { EXIT } from '../../cli/errors.js';
import type { Outcome } from '../../cli/outcome.js';
import { sanitize } from '../../render/sanitize.js';
import { LIMITS } from '../../store/limits.js';
import { MergeConflict, mergeYaml } from '../../store/merge3.js';

export async function mergeDriver(ctx: Context, base: string, ours: string, theirs: string, path: string | undefined): Promise<Outcome> {
  const abs = (f: string) => resolve(ctx.cwd, f);
  const shown = sanitize(path ?? ours);
  const texts = [base, ours, theirs].map((f) => readFileSync(abs(f), 'utf8'));
  if (/\.ya?ml$/i.test(path ?? ours) && texts.every((t) => t.length <= LIMITS.planBytes)) {
    try {
      const { text, renumbered } = mergeYaml(texts[0]!, texts[1]!, texts[2]!);
      writeFileSync(abs(ours), text);
      for (const r of renumbered) {
        ctx.stderr.write(`deliver: ${ctx.t('merge.renumbered', { file: shown, old: r.oldId, new: r.newId })}\n`);
        if (r.references.length) ctx.stderr.write(`  ${ctx.t('merge.references', { refs: sanitize(r.references.join(', ')) })}\n`);
      }
      return { exit: EXIT.ok };
    } catch (e) {
      if (!(e instanceof MergeConflict)) throw e;
      ctx.stderr.write(`deliver: ${ctx.t('merge.conflict', { file: shown, at: sanitize(e.path.join('.')) || '—' })}\n`);
    }
  }
  // git's line merge: conflict markers in %A, exit status the number of conflicts.
  const r = spawnSync(
    'git',
    ['merge-file', '-L', `${shown} (ours)`, '-L', `${shown} (base)`, '-L', `${shown} (theirs)`, abs(ours), abs(base), abs(theirs)],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return { exit: r.status === 0 ? EXIT.ok : EXIT.findings };
}
