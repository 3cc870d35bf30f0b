import { mkfifoSync } from './fifo.js';
import { symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/store/load.js';
import { makeProject, RISK, tempDir } from '../helpers/project.js';

describe('loadProject', () => {
  it('reads a valid risk and reports schema findings with positions', () => {
    const dir = makeProject({
      'risks/R-001-vendor-late.yaml': RISK,
      'risks/R-002-bad.yaml': RISK.replace('R-001', 'R-002')
        .replace('probability: 3', 'probability: 7')
        .replace('status: open', 'status: open\ncolour: red'),
    });
    const r = loadProject(dir);
    expect(r.project.risks.map((x) => x.data.id)).toEqual(['R-001']);
    expect(r.project.brokenIds.has('R-002')).toBe(true);
    const codes = r.diagnostics.map((d) => d.code).sort();
    expect(codes).toEqual(['DLV-E022', 'DLV-E027']);
  });

  it('refuses symbolic links (to files and folders) without following them', () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.yaml'), RISK);
    const dir = makeProject({});
    mkdirSync(join(dir, 'risks'));
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'risks', 'R-001-link.yaml'));
    symlinkSync(outside, join(dir, 'changes'));
    const r = loadProject(dir);
    expect(r.project.risks).toEqual([]);
    expect(
      r.diagnostics
        .filter((d) => d.code === 'DLV-E015')
        .map((d) => d.file)
        .sort(),
    ).toEqual(['changes', 'risks/R-001-link.yaml']);
  });

  it('refuses a FIFO without blocking on it', () => {
    const dir = makeProject({});
    mkdirSync(join(dir, 'risks'));
    if (!mkfifoSync(join(dir, 'risks', 'R-009-pipe.yaml'))) return; // no mkfifo on this system
    const r = loadProject(dir);
    expect(r.diagnostics.map((d) => d.code)).toContain('DLV-E015');
  });

  it('keeps valid plan items when one task is broken', () => {
    const dir = makeProject({
      'plan.yaml':
        'schema_version: 1\ntasks:\n  - id: T-001\n    name: ok\n    status: todo\n  - id: T-002\n    name: bad\n    status: maybe\n',
    });
    const r = loadProject(dir);
    expect(r.project.tasks.map((t) => t.data.id)).toEqual(['T-001']);
    expect(r.project.tasks[0]!.path).toEqual(['tasks', 0]);
    expect(r.project.brokenIds.has('T-002')).toBe(true);
  });
});
