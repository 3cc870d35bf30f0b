// The write guard judges a change on the project as the change would leave it, built from the
// parses the command already holds (write-guard.ts: projectAfter). That view must be exactly what
// reading the written files afresh gives: the same records, the same findings, the same broken ids.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectAfter } from '../../src/cli/write-guard.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { checkRules } from '../../src/core/rules/index.js';
import { commitFiles } from '../../src/store/atomic.js';
import { loadProject, type LoadedProject } from '../../src/store/load.js';
import { prepareRecords, type RecordChange } from '../../src/store/write.js';
import { copyExample, tempDir } from '../helpers/project.js';

/** A project's model, read findings and rule findings as plain JSON (sets sorted), for comparing two reads. */
function shape(l: LoadedProject): unknown {
  const project = JSON.parse(JSON.stringify(l.project, (_k, v: unknown) => (v instanceof Set ? [...v].sort() : v)));
  const findings = [...l.diagnostics, ...checkRules(l.project, '2026-11-20')]
    .map((d: Diagnostic) => ({ code: d.code, file: d.file, args: d.args, path: d.path }))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return { project, findings, filesRead: l.filesRead };
}

/** The guard's view of `changes` next to a fresh read of the project once they are written. */
function bothViews(dir: string, changes: (l: LoadedProject) => RecordChange[]): { guard: unknown; fresh: unknown } {
  const before = loadProject(dir, { keepData: true });
  const { writes, removals } = prepareRecords(dir, changes(before), before);
  const guard = shape(projectAfter(dir, before, writes, removals));
  commitFiles(dir, writes, removals);
  return { guard, fresh: shape(loadProject(dir)) };
}

const planPath = (l: LoadedProject, id: string) => l.project.tasks.find((t) => t.data.id === id)!.path;

describe('the write guard reads the changed project as a fresh read would', () => {
  it('edits in plan.yaml and a record folder, and a new record', () => {
    const dir = copyExample('crm-dashboard-zh');
    const { guard, fresh } = bothViews(dir, (l) => {
      const req = l.project.requirements[0]!;
      return [
        { kind: 'plan', rel: 'plan.yaml', edits: [{ op: 'set', path: [...planPath(l, 'T-001'), 'days'], value: 9 }] },
        { kind: 'requirement', rel: req.file, edits: [{ op: 'set', path: ['urgency'], value: 'low' }] },
        {
          kind: 'risk',
          rel: 'risks/R-900-new.yaml',
          create: {
            id: 'R-900',
            title: 'New risk',
            category: 'technical',
            probability: 2,
            impact: 3,
            response: 'mitigate',
            owner: '王磊',
            identified: '2026-10-01',
            status: 'open',
          },
        },
      ];
    });
    expect(guard).toEqual(fresh);
  });

  it('a change that breaks a rule, beside unreadable files the listing refused', () => {
    const dir = copyExample('crm-dashboard-zh');
    const outside = tempDir();
    writeFileSync(join(outside, 'x.yaml'), 'id: R-950\n');
    symlinkSync(join(outside, 'x.yaml'), join(dir, 'risks', 'R-950-link.yaml'));
    writeFileSync(join(dir, 'risks', 'R-951-broken.yaml'), 'id: R-951\ntitle: [unclosed\n');
    writeFileSync(join(dir, 'risks', 'notes.txt'), 'not a record\n');
    mkdirSync(join(dir, 'changes', 'sub.yaml'));
    const { guard, fresh } = bothViews(dir, (l) => [
      // A dependency on a task that does not exist: a new rule finding (DLV-E042).
      { kind: 'plan', rel: 'plan.yaml', edits: [{ op: 'set', path: [...planPath(l, 'T-002'), 'depends_on'], value: ['T-999'] }] },
    ]);
    expect(guard).toEqual(fresh);
    expect(JSON.stringify(fresh)).toContain('DLV-E042');
  });
});
