// Changing records for a command, under the project lock. Kept apart from project.ts so that read
// commands never load the YAML editor (the \`yaml\` package) or the writer.
import { FOLDERS, type Project } from '../core/model.js';
import { loadProject, type LoadedProject } from '../store/load.js';
import { withProjectLock } from '../store/lock.js';
import { writeRecords, type RecordChange } from '../store/write.js';
import type { Context } from './context.js';
import { checkWrites } from './write-guard.js';
import { projectRoot } from './root.js';

/**
 * Changes records under the project lock: the project is read afresh inside the lock, `plan`
 * computes the changes from that state, the result is checked (write-guard.ts: no new errors),
 * and all of them are written together or not at all.
 */
export function changeProject<T>(
  ctx: Context,
  plan: (project: Project, loaded: LoadedProject) => { changes: RecordChange[]; result: T },
): T {
  const root = projectRoot(ctx);
  return withProjectLock(root, Object.values(FOLDERS), () => {
    const loaded = loadProject(root, { keepData: true });
    ctx.useProjectLanguage(loaded.project.manifest?.data.language);
    const { changes, result } = plan(loaded.project, loaded);
    writeRecords(root, changes, loaded, (writes, removals) => checkWrites(ctx, root, loaded, writes, removals));
    return result;
  });
}
