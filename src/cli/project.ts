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

/** Reads and checks the whole project, and switches the output language to the project's. */
export function readProject(ctx: Context, root = projectRoot(ctx)): ReadProject {
  const snapshot = ctx.snapshots?.get(root);
  const loaded = snapshot ? loadProjectFrom(snapshot, root) : loadProject(root);
  ctx.useProjectLanguage(loaded.project.manifest?.data.language);
  const findings = resolvePositions(capPerFile([...loaded.diagnostics, ...checkRules(loaded.project)], MAX_FINDINGS_PER_FILE), loaded.sources);
  const read = { ...loaded, findings };
  (ctx.projectsRead ??= []).push(read);
  ctx.lastLoaded = read;
  return read;
}


/**
 * The record with `id` in `list`. An id that exists but failed to load is refused with its findings
 * (exit 1) rather than called unknown; a truly unknown id is a usage error (exit 2).
 */
export function findRecord<T extends { id: string }>(
  ctx: Context, project: Project, list: readonly Located<T>[], id: string, kind: string, command: string, loaded?: LoadedProject,
): Located<T> {
  const rec = list.find((x) => x.data.id === id);
  if (rec) return rec;
  if (project.brokenIds.has(id)) {
    const from = loaded ?? ctx.lastLoaded;
    const files = new Set(project.brokenRecords.filter((r) => r.data.id === id).map((r) => r.file));
    const ds = (from?.diagnostics ?? []).filter((d) => files.has(d.file));
    throw new FindingsError(ds, from?.sources ?? new Map(), ctx.t('err.brokenRecord', { id }));
  }
  throw new UsageError(ctx.t('err.unknownId', { kind, id }), ctx.t('err.unknownIdHint', { command }));
}
