// Every write is checked before it is written: the project as it would be after the change is read
// from the prepared file contents (nothing touches the disk), checked with the rules of `validate`
// and the write checks (dates after the report date or before the project start), and compared with
// the project before. An error the change would introduce refuses the command (exit 1, nothing
// written); a new warning is printed and the write goes ahead. Errors already there do not block.
import type { Diagnostic } from '../core/diagnostics.js';
import { checkRules } from '../core/rules/index.js';
import { writeChecks } from '../core/write-checks.js';
import type { PreparedWrite } from '../store/write.js';
import {
  fsSource,
  LazySources,
  loadProjectFrom,
  resolvePositions,
  type FileSource,
  type KnownParses,
  type LoadedProject,
} from '../store/load.js';
import type { Context } from './context.js';
import { FindingsError } from './errors.js';
import { printDiagnostics } from './output.js';

/**
 * The working tree with the prepared writes and removals laid over it. The folders and files the
 * project was just read from (under the same lock) are served as they were read then, so `known`
 * can hold their parses.
 */
function overlay(
  root: string,
  before: LoadedProject,
  writes: readonly PreparedWrite[],
  removals: readonly string[],
  known: KnownParses,
): FileSource {
  const base = fsSource(root);
  const written = new Map<string, Uint8Array>();
  for (const w of writes) {
    written.set(w.rel, w.content);
    known.set(w.rel, { bytes: w.content, data: w.data, passed: w.kind });
  }
  const removed = new Set(removals.filter((r) => !written.has(r)));
  const readBefore = before.sources instanceof LazySources ? before.sources : undefined;
  return {
    list: (folder) => {
      const l = before.listings?.get(folder) ?? base.list(folder);
      const inFolder = (rel: string) => rel.startsWith(folder + '/') && !rel.slice(folder.length + 1).includes('/');
      const added = [...written.keys()].filter(inFolder);
      if (added.length === 0 && ![...removed].some(inFolder)) return l;
      const files = new Set(l.files.filter((f) => !removed.has(f)));
      for (const rel of added) files.add(rel);
      return { files: [...files].sort(), diagnostics: l.diagnostics };
    },
    read: (rel, maxBytes) => {
      const bytes = written.get(rel) ?? readBefore?.bytesOf(rel);
      return bytes !== undefined ? { bytes } : base.read(rel, maxBytes);
    },
    exists: (rel) => written.has(rel) || (!removed.has(rel) && base.exists(rel)),
  };
}

/** The project as the writes would leave it: unchanged files keep their parses, written ones their verified data. */
export function projectAfter(
  root: string,
  before: LoadedProject,
  writes: readonly PreparedWrite[],
  removals: readonly string[],
): LoadedProject {
  const known: KnownParses = new Map(before.parses);
  return loadProjectFrom(overlay(root, before, writes, removals, known), root, { known });
}

/** `written`: the files the write changes; the write checks look at their records only (both sides alike). */
function findingsOf(l: LoadedProject, asOf: string, written: ReadonlySet<string> | undefined): Diagnostic[] {
  return [...l.diagnostics, ...checkRules(l.project, asOf), ...writeChecks(l.project, asOf, written)];
}

/** What makes two findings the same one, wherever its line moved to. */
const keyOf = (d: Diagnostic) => `${d.code}\u0000${d.file}\u0000${JSON.stringify(d.args)}`;

/** Findings of `after` that `before` does not have (counted, so a second identical one is new). */
export function introduced(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, number>();
  for (const d of before) seen.set(keyOf(d), (seen.get(keyOf(d)) ?? 0) + 1);
  return after.filter((d) => {
    const n = seen.get(keyOf(d)) ?? 0;
    if (n > 0) {
      seen.set(keyOf(d), n - 1);
      return false;
    }
    return true;
  });
}

/** Refuses the writes when they introduce an error; prints the warnings they introduce. */
export function checkWrites(ctx: Context, root: string, before: LoadedProject, writes: PreparedWrite[], removals: string[]): void {
  // Renumbering changes ids and file names on purpose: findings cannot be matched across it.
  if (removals.length > 0) return;
  const after = projectAfter(root, before, writes, removals);
  // A changed project start concerns every actual date of the plan.
  const written = writes.some((w) => w.kind === 'manifest') ? undefined : new Set(writes.map((w) => w.rel));
  const afterFindings = findingsOf(after, ctx.asOf, written);
  // A clean result introduces nothing: the rules need not run over the project as it was.
  if (afterFindings.length === 0) return;
  const fresh = introduced(findingsOf(before, ctx.asOf, written), afterFindings);
  if (fresh.length === 0) return;
  const located = resolvePositions(fresh, after.sources);
  const errors = located.filter((d) => d.severity === 'error');
  if (errors.length) throw new FindingsError(errors, after.sources, ctx.t('write.refused', { n: errors.length }));
  const warnings = located.filter((d) => d.severity === 'warning');
  if (warnings.length) printDiagnostics(ctx, warnings);
}
