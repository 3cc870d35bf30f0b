// The checks a write must pass besides validate's rules: facts after the report date (DLV-E071),
// actual dates before the project start (DLV-E072), looked at in the files a write changes.
import { describe, expect, it } from 'vitest';
import { emptyProject, type Manifest, type Project } from '../../src/core/model.js';
import { writeChecks } from '../../src/core/write-checks.js';

function project(): Project {
  const p = emptyProject();
  p.manifest = { file: 'deliver.yaml', path: [], data: { schema_version: 1, name: 'P', client: 'C', start: '2026-09-01' } as Manifest };
  p.tasks = [
    {
      file: 'plan.yaml',
      path: ['tasks', 0],
      data: { id: 'T-001', name: 'a', status: 'done', actual_start: '2026-08-20', actual_end: '2026-11-25' },
    },
  ];
  p.risks = [
    {
      file: 'risks/R-001-x.yaml',
      path: [],
      data: {
        id: 'R-001',
        title: 'x',
        category: 'technical',
        probability: 2,
        impact: 2,
        response: 'mitigate',
        owner: 'A',
        status: 'open',
        identified: '2026-12-01',
        actions: [{ text: 'a', owner: 'A', due: '2026-12-31', done: '2026-11-30' }],
      },
    },
  ];
  return p;
}

describe('writeChecks', () => {
  const codes = (files?: ReadonlySet<string>) =>
    writeChecks(project(), '2026-11-20', files).map((d) => `${d.code} ${d.file} ${(d.path ?? []).join('.')}`);

  it('finds facts after the report date and actual dates before the start, at their paths', () => {
    expect(codes()).toEqual([
      'DLV-E072 plan.yaml tasks.0.actual_start',
      'DLV-E071 plan.yaml tasks.0.actual_end',
      // A risk identified later is simply not there yet as of the date; its action done later is a fact.
      'DLV-E071 risks/R-001-x.yaml actions.0.done',
    ]);
  });

  it('looks only at the records of the files given', () => {
    expect(codes(new Set(['risks/R-001-x.yaml']))).toEqual(['DLV-E071 risks/R-001-x.yaml actions.0.done']);
    expect(codes(new Set(['plan.yaml']))).toEqual(['DLV-E072 plan.yaml tasks.0.actual_start', 'DLV-E071 plan.yaml tasks.0.actual_end']);
    expect(codes(new Set())).toEqual([]);
  });
});
