// `deliver renumber <id> [--in <file>] [--line <n>] [--ref-from <id>…] [--dry-run]`: gives one
// record the next free id and rewrites the references to it, all in one atomic commit that keeps
// comments (and renames a record's own file). Picking the copy of a duplicated id: --in names the
// file, --line the line of its `id:` (two copies in plan.yaml); by default the later copy in file
// order, which is the one `deliver validate` reports as the duplicate.
import { relative, resolve, sep } from 'node:path';
import type { Context } from '../../cli/context.js';
import { WROTE, type Outcome } from '../../cli/outcome.js';
import type { RenumberOptions } from './command.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { intOption } from '../../cli/options.js';
import { printJson, println } from '../../cli/output.js';
import { projectRoot } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { kindOfId } from '../../core/ids.js';
import type { Located } from '../../core/model.js';
import { copiesOf, planRenumber, type RefSite, type RenumberPlan } from '../../core/renumber.js';
import { allIdentified } from '../../core/rules/ids.js';
import { sanitizeInline } from '../../render/sanitize.js';
import { locate } from '../../store/locate.js';
import type { LoadedProject } from '../../store/load.js';
import { idList } from '../../cli/plan.js';

interface Renumbered {
  plan: RenumberPlan;
  /** The copy was chosen by the default rule among several. */
  defaulted: boolean;
  lineOf: (file: string, path: readonly (string | number)[]) => number | undefined;
}

/** `--in` as typed, project-relative first, then relative to the current folder (when inside the project). */
function inFileCandidates(ctx: Context, root: string, file: string): string[] {
  const plain = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const viaCwd = relative(root, resolve(ctx.cwd, file)).split(sep).join('/');
  return viaCwd && !viaCwd.startsWith('..') && viaCwd !== plain ? [plain, viaCwd] : [plain];
}

function fileOrder(a: Located<unknown>, b: Located<unknown>): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : Number(a.path[1] ?? 0) - Number(b.path[1] ?? 0);
}

export async function renumber(ctx: Context, id: string, opts: RenumberOptions): Promise<Outcome> {
  if (!kindOfId(id)) throw new UsageError(ctx.t('renumber.err.badId', { id: sanitizeInline(id) }));
  const line = intOption(ctx, '--line', opts.line, 1, 10_000_000);
  const root = projectRoot(ctx);
  const inFiles = typeof opts.in === 'string' ? inFileCandidates(ctx, root, opts.in) : undefined;
  const refFrom = idList(opts.refFrom);
  const dryRun = Boolean(opts.dryRun);

  const out = changeProject<Renumbered>(ctx, (p, loaded: LoadedProject) => {
    const lineOf = (file: string, path: readonly (string | number)[]) => {
      const src = loaded.sources.get(file);
      return src === undefined ? undefined : locate(src, path).line;
    };
    const valid = copiesOf(p, id);
    const all = [...valid, ...p.brokenRecords.filter((r) => r.data.id === id)].sort(fileOrder);
    if (all.length === 0) throw new UsageError(ctx.t('renumber.err.unknown', { id }), ctx.t('renumber.err.unknownHint'));
    const files = [...new Set(all.map((r) => r.file))];
    let pool: Located<{ id: string }>[] = all;
    if (inFiles !== undefined) {
      const inFile = inFiles.find((f) => all.some((r) => r.file === f));
      if (inFile === undefined)
        throw new UsageError(ctx.t('renumber.err.notIn', { id, file: sanitizeInline(inFiles[0]!), files: files.join(', ') }));
      pool = all.filter((r) => r.file === inFile);
    }
    if (line !== undefined) {
      if (new Set(pool.map((r) => r.file)).size > 1)
        throw new UsageError(ctx.t('renumber.err.lineNeedsFile', { id, files: files.join(', ') }));
      const at = pool.filter((r) => lineOf(r.file, [...r.path, 'id']) === line);
      if (at.length === 0) {
        const lines = pool.map((r) => lineOf(r.file, [...r.path, 'id']) ?? '?').join(', ');
        throw new UsageError(ctx.t('renumber.err.line', { id, line, file: pool[0]!.file, lines }));
      }
      pool = at;
    }
    // Prefer a readable copy: a broken one can only be renumbered once it is repaired.
    const usable = pool.filter((r) => valid.includes(r));
    const target = usable[usable.length - 1];
    if (!target) throw new RefusedError(ctx.t('renumber.err.broken', { id, file: pool[pool.length - 1]!.file }));
    const known = new Set(allIdentified(p).map((r) => r.data.id));
    for (const r of refFrom) if (!known.has(r)) throw new UsageError(ctx.t('renumber.err.refFrom', { id: sanitizeInline(r) }));
    const plan = planRenumber(p, target, new Set(refFrom));
    return {
      changes: dryRun ? [] : plan.changes,
      result: { plan, defaulted: all.length > 1 && inFiles === undefined && line === undefined, lineOf },
    };
  });

  const { plan, lineOf } = out;
  const where = (s: RefSite) => {
    const l = lineOf(s.file, s.path);
    return { file: s.file, line: l ?? null, holder: s.holder, field: s.field };
  };
  const followed = plan.others.length ? plan.updated : [];
  if (ctx.json) {
    printJson(ctx, 'renumber', {
      old: plan.oldId,
      new: plan.newId,
      id_kind: plan.idKind,
      file: plan.target.file,
      path: plan.target.path,
      moved_to: plan.moveTo ?? null,
      duplicate: plan.others.length > 0,
      kept: plan.others.map((r) => ({ file: r.file, path: r.path })),
      updated: plan.updated.map(where),
      ambiguous: plan.ambiguous.map(where),
      dry_run: dryRun,
    });
    return WROTE;
  }
  const site = (s: RefSite) => {
    const w = where(s);
    return `  ${sanitizeInline(w.file)}${w.line ? `:${w.line}` : ''}  ${sanitizeInline(w.holder)} ${w.field}`;
  };
  const t = ctx.t;
  const shown = (l: Located<unknown>) => {
    const n = lineOf(l.file, [...l.path, 'id']);
    return sanitizeInline(l.path.length ? `${l.file}:${n ?? '?'}` : l.file);
  };
  if (dryRun) println(ctx, t('renumber.dryRun'));
  if (out.defaulted) println(ctx, t('renumber.chose', { old: plan.oldId, count: plan.others.length + 1, file: shown(plan.target) }));
  println(ctx, t('renumber.done', { old: plan.oldId, new: plan.newId, kind: t(`renumber.kind.${plan.idKind}`), file: shown(plan.target) }));
  if (plan.moveTo) println(ctx, t('renumber.renamed', { from: sanitizeInline(plan.target.file), to: sanitizeInline(plan.moveTo) }));
  if (followed.length) {
    println(
      ctx,
      t('renumber.followed', {
        count: followed.length,
        ids: [...new Set(followed.map((s) => s.holder))].map(sanitizeInline).join(', '),
        new: plan.newId,
      }),
    );
    for (const s of followed) println(ctx, site(s));
  } else if (plan.updated.length) {
    println(ctx, t('renumber.refs', { count: plan.updated.length, old: plan.oldId }));
    for (const s of plan.updated) println(ctx, site(s));
  } else if (plan.ambiguous.length === 0) println(ctx, t('renumber.noRefs', { old: plan.oldId }));
  if (plan.ambiguous.length) {
    println(ctx, t('renumber.ambiguous', { count: plan.ambiguous.length, old: plan.oldId, kept: plan.others.map(shown).join(', ') }));
    for (const s of plan.ambiguous) println(ctx, site(s));
    println(ctx, t('renumber.ambiguousHint', { new: plan.newId }));
  }
  return WROTE;
}
