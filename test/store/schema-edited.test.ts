// The writer checks only what an edit changed in a record that was valid (schema-edited.ts). Held
// to the whole-record check on random edits of the bundled examples' records: valid and invalid
// values, appended and removed list items, the top-level fields themselves.
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as validators from '../../src/generated/validators.js';
import type { Validator } from '../../src/generated/validators.js';
import type { RecordKind } from '../../src/core/model.js';
import { loadProject } from '../../src/store/load.js';
import { editedStillValid } from '../../src/store/schema-edited.js';
import { applyEditsToData, type Edit } from '../../src/store/yaml-edit.js';
import { REPO } from '../helpers/project.js';

const VALIDATORS: Record<RecordKind, Validator> = validators;

/** Values an edit might write: valid ones for common fields, and ones no schema takes. */
const VALUES: unknown[] = [
  'done',
  'todo',
  'in_progress',
  'nonsense-status',
  '2026-11-20',
  '2026-02-30',
  3,
  -1,
  1.5,
  100001,
  '',
  'x'.repeat(300),
  null,
  true,
  [],
  ['T-001'],
  ['T-001', 'T-001'],
  {},
  { id: 'T-900', name: 'New task', status: 'todo', days: 2 },
  { id: 'T-901', name: 'Broken', status: 'todo', colour: 'red' },
  { id: 'bad id', name: 'X', status: 'todo' },
  { text: 'Call the vendor', due: '2026-12-01' },
];

function records(): { kind: RecordKind; data: Record<string, unknown> }[] {
  const out: { kind: RecordKind; data: Record<string, unknown> }[] = [];
  for (const ex of ['crm-dashboard-zh', 'erp-rollout-en']) {
    const l = loadProject(join(REPO, 'examples', ex), { keepData: true });
    for (const [file, entry] of l.parses!) {
      if (!('entry' in entry) || entry.entry.errors !== null) continue;
      const kind: RecordKind =
        file === 'plan.yaml'
          ? 'plan'
          : file === 'deliver.yaml'
            ? 'manifest'
            : (l.project.requirements.some((r) => r.file === file) && 'requirement') ||
              (l.project.risks.some((r) => r.file === file) && 'risk') ||
              (l.project.acceptance.some((r) => r.file === file) && 'acceptance') ||
              (l.project.meetings.some((r) => r.file === file) && 'meeting') ||
              (l.project.tickets.some((r) => r.file === file) && 'ticket') ||
              ('survey' as RecordKind);
      if (VALIDATORS[kind](entry.entry.data)) out.push({ kind, data: entry.entry.data as Record<string, unknown> });
    }
  }
  return out;
}

describe('editedStillValid', () => {
  const all = records();

  it('agrees with checking the whole record, on random edits of every example record', () => {
    expect(all.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(
        fc.nat({ max: all.length - 1 }),
        fc.array(
          fc.record({ op: fc.constantFrom('set', 'append', 'delete'), key: fc.nat(), index: fc.nat(), field: fc.nat(), value: fc.nat() }),
          { minLength: 1, maxLength: 4 },
        ),
        (which, raw) => {
          const { kind, data } = all[which]!;
          const keys = Object.keys(data);
          const fields = ['status', 'days', 'name', 'id', 'depends_on', 'start', 'due', 'done', 'text', 'colour'];
          const edits: Edit[] = raw.map((e) => {
            const key = keys[e.key % keys.length]!;
            const list = data[key];
            const value = VALUES[e.value % VALUES.length];
            if (Array.isArray(list) && list.length > 0) {
              const i = e.index % (list.length + 1);
              if (e.op === 'append') return { op: 'append', path: [key], value };
              if (e.op === 'delete') return { op: 'delete', path: [key, Math.min(i, list.length - 1)] };
              return typeof list[0] === 'object'
                ? { op: 'set', path: [key, Math.min(i, list.length - 1), fields[e.field % fields.length]!], value }
                : { op: 'set', path: [key, Math.min(i, list.length - 1)], value };
            }
            return e.op === 'delete' ? { op: 'delete', path: [key] } : { op: 'set', path: [key], value };
          });
          let after: unknown;
          try {
            after = applyEditsToData(data, edits);
          } catch {
            return; // an edit the writer would refuse before checking anything
          }
          const whole = VALIDATORS[kind](after);
          const quick = editedStillValid(kind, data, after);
          // Shown valid only when it is; and every kind with lists checked item by item shows it.
          if (quick) expect(whole, `${kind} ${JSON.stringify(edits)}`).toBe(true);
          if (whole && kind === 'plan') expect(quick, `${kind} ${JSON.stringify(edits)}`).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses a list grown past its maxItems without checking its items', () => {
    const plan = all.find((r) => r.kind === 'plan')!.data;
    const tasks = plan.tasks as unknown[];
    const grown = { ...plan, tasks: [...tasks, ...Array.from({ length: 100_001 - tasks.length }, () => tasks[0])] };
    expect(editedStillValid('plan', plan, grown)).toBe(false);
    expect(VALIDATORS.plan(grown)).toBe(false);
  });
});
