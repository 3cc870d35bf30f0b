// Finding, reading and changing the project for a command: -C or the nearest deliver.yaml upward;
// reads return findings with positions; changes run under the project lock on a fresh read, so
// two processes never allocate the same id or lose each other's edits.
import { resolve } from 'node:path';
import { hasErrors, type Diagnostic } from '../core/diagnostics.js';
import type { Project } from '../core/model.js';
import { FOLDERS } from '../core/model.js';
import { checkRules } from '../core/rules/index.js';
import { findProjectRoot, isProjectRoot } from '../store/files.js';
import { loadProject, resolvePositions, type LoadedProject } from '../store/load.js';
import { withProjectLock } from '../store/lock.js';
import { writeRecords, type RecordChange } from '../store/write.js';
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

export interface ReadProject extends LoadedProject {
  /** Every finding: reading, schema and rules, with positions. */
  findings: Diagnostic[];
}

/** Reads and checks the whole project, and switches the output language to the project's. */
export function readProject(ctx: Context, root = projectRoot(ctx)): ReadProject {
  const loaded = loadProject(root);
  ctx.useProjectLanguage(loaded.project.manifest?.data.language);
  const findings = resolvePositions([...loaded.diagnostics, ...checkRules(loaded.project)], loaded.sources);
  return { ...loaded, findings };
}

export function projectHasErrors(r: ReadProject): boolean {
  return hasErrors(r.findings);
}

/**
 * Changes records under the project lock: the project is read afresh inside the lock, `plan`
 * computes the changes from that state, and all of them are written together or not at all.
 */
export function changeProject<T>(ctx: Context, plan: (project: Project, loaded: LoadedProject) => { changes: RecordChange[]; result: T }): T {
  const root = projectRoot(ctx);
  return withProjectLock(root, Object.values(FOLDERS), () => {
    const loaded = loadProject(root);
    ctx.useProjectLanguage(loaded.project.manifest?.data.language);
    const { changes, result } = plan(loaded.project, loaded);
    writeRecords(root, changes);
    return result;
  });
}
