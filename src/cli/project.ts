// Reading the project for a command: every finding (reading, schema, rules) with its position,
// and the record an id names. Changes go through change-project.ts.
import { capPerFile, type Diagnostic } from '../core/diagnostics.js';
import type { Located, Project } from '../core/model.js';
import { checkRules } from '../core/rules/index.js';
import { loadProject, loadProjectFrom, resolvePositions, type LoadedProject } from '../store/load.js';
import type { Context } from './context.js';
import { FindingsError, UsageError } from './errors.js';
import { projectRoot } from './root.js';

export { projectRoot } from './root.js';

export interface ReadProject extends LoadedProject {
  /** Every finding: reading, schema and rules, with positions. */
  findings: Diagnostic[];
}

/** Findings kept per file; the rest are counted in one DLV-I030. */
const MAX_FINDINGS_PER_FILE = 100;

/**
 * Reads and checks the whole project, and switches the output language to the project's.
 * `beforeRules` is work the command does with the project anyway, done before the rules so that they
 * reuse what it computed: a command that shows the plan schedules it there, and the calendar rule
 * then reads that plan instead of bounding it (rules/schedule.ts).
 */
export function readProject(ctx: Context, root = projectRoot(ctx), beforeRules?: (project: Project) => void): ReadProject {
  const snapshot = ctx.snapshots?.get(root);
  const loaded = snapshot ? loadProjectFrom(snapshot, root) : loadProject(root);
  ctx.useProjectLanguage(loaded.project.manifest?.data.language);
  beforeRules?.(loaded.project);
  const findings = resolvePositions(
    capPerFile([...loaded.diagnostics, ...checkRules(loaded.project, ctx.asOf)], MAX_FINDINGS_PER_FILE),
    loaded.sources,
  );
  return { ...loaded, findings };
}

/**
 * The record with `id` in `list` (one of `loaded.project`'s lists). An id that exists but failed to
 * load is refused with its findings from `loaded` (exit 1) rather than called unknown; a truly
 * unknown id is a usage error (exit 2).
 */
export function findRecord<T extends { id: string }>(
  ctx: Context,
  loaded: LoadedProject,
  list: readonly Located<T>[],
  id: string,
  kind: string,
  command: string,
): Located<T> {
  const rec = list.find((x) => x.data.id === id);
  if (rec) return rec;
  const project = loaded.project;
  if (project.brokenIds.has(id)) {
    const files = new Set(project.brokenRecords.filter((r) => r.data.id === id).map((r) => r.file));
    const ds = loaded.diagnostics.filter((d) => files.has(d.file));
    // A project read for a change keeps its parses for the writer (changeProject); a read command's does not.
    const changing = loaded.parses !== undefined;
    throw new FindingsError(ds, loaded.sources, ctx.t(changing ? 'err.brokenRecord' : 'err.brokenRecordRead', { id }));
  }
  throw new UsageError(ctx.t('err.unknownId', { kind, id }), ctx.t('err.unknownIdHint', { command }));
}
