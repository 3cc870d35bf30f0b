// A record that is on the base side and in a file the head side could not read or validate was
// not deleted: its file is broken. Such records are taken out of the "removed" lists and reported
// as could-not-be-read, with the file to fix (pure).
import { kindOfId } from './ids.js';
import type { Project } from './model.js';
import type { ProjectDiff } from './diff.js';

export interface UnreadableRecord {
  id: string;
  title: string;
  file: string;
}

/** Where the head side's copy of `id` is, when that file could not be read or validated. */
function brokenFile(head: Project, id: string): string | undefined {
  const broken = head.brokenRecords.find((r) => r.data.id === id);
  if (broken) return broken.file;
  const kind = kindOfId(id);
  return kind ? head.unreadable.find((u) => u.kinds.includes(kind))?.file : undefined;
}

/** Moves the removed records whose head file is broken into `unreadable`. */
export function separateUnreadable(diff: Omit<ProjectDiff, 'unreadable'>, head: Project): ProjectDiff {
  const unreadable: UnreadableRecord[] = [];
  const keep = <T>(list: T[], id: (x: T) => string, title: (x: T) => string): T[] =>
    list.filter((x) => {
      const file = brokenFile(head, id(x));
      if (file === undefined) return true;
      unreadable.push({ id: id(x), title: title(x), file });
      return false;
    });
  const p = diff.plan;
  return {
    ...diff,
    requirements: {
      ...diff.requirements,
      removed: keep(
        diff.requirements.removed,
        (x) => x.id,
        (x) => x.title,
      ),
    },
    plan: {
      ...p,
      milestones: {
        ...p.milestones,
        removed: keep(
          p.milestones.removed,
          (x) => x.id,
          (x) => x.name,
        ),
      },
      tasks: {
        ...p.tasks,
        removed: keep(
          p.tasks.removed,
          (x) => x.id,
          (x) => x.name,
        ),
      },
    },
    risks: {
      ...diff.risks,
      removed: keep(
        diff.risks.removed,
        (x) => x.id,
        (x) => x.title,
      ),
    },
    changes: diff.changes.filter(
      (c) =>
        c.to !== null ||
        keep(
          [c],
          (x) => x.id,
          (x) => x.title,
        ).length > 0,
    ),
    acceptance: {
      ...diff.acceptance,
      removed: keep(
        diff.acceptance.removed,
        (x) => x.id,
        (x) => x.deliverable,
      ),
    },
    records: diff.records.map((r) => ({
      ...r,
      removed: keep(
        r.removed,
        (x) => x.id,
        (x) => x.title,
      ),
    })),
    unreadable,
  };
}
