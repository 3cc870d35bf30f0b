// The record cache may make runs faster but can never change a result: entries are found by the
// hash of the bytes just read, and a corrupt or foreign cache file is ignored.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../src/store/cache.js';
import { loadProject } from '../../src/store/load.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, RISK as RISK_RECORD, tempDir } from '../helpers/project.js';

const RISK = (p: number) => RISK_RECORD.replace('probability: 3', `probability: ${p}`);

describe('record cache', () => {
  it('serves unchanged files from the cache and re-reads changed ones', () => {
    const dir = makeProject({ 'risks/R-001-vendor.yaml': RISK(3) });
    const env = { DELIVER_CACHE_DIR: tempDir() };
    const c1 = openCache(dir, env)!;
    const first = loadProject(dir, { cache: c1 });
    c1.save();
    expect(readdirSync(env.DELIVER_CACHE_DIR)).toHaveLength(1);

    let hits = 0;
    const c2 = openCache(dir, env)!;
    const counting = { ...c2, get: (k: string) => { const v = c2.get(k); if (v) hits++; return v; } };
    const second = loadProject(dir, { cache: counting });
    expect(hits).toBe(2); // deliver.yaml and the risk
    expect(second.project).toEqual(first.project);

    writeFileSync(join(dir, 'risks/R-001-vendor.yaml'), RISK(9)); // now invalid: probability 9
    const third = loadProject(dir, { cache: openCache(dir, env)! });
    expect(third.project.risks).toEqual([]);
    expect(third.diagnostics.map((d) => d.code)).toEqual(['DLV-E027']);
  });

  it('ignores a corrupt cache file and still gives the right answer through the CLI', async () => {
    const dir = makeProject({ 'risks/R-001-vendor.yaml': RISK(3) });
    const cacheDir = tempDir();
    const env = { DELIVER_CACHE: '1', DELIVER_CACHE_DIR: cacheDir };
    expect((await runCli(['validate'], { cwd: dir, env })).code).toBe(0);
    for (const f of readdirSync(cacheDir, { recursive: true, withFileTypes: true })) if (f.isFile()) writeFileSync(join(f.parentPath, f.name), 'garbage');
    expect((await runCli(['validate'], { cwd: dir, env })).code).toBe(0);
    writeFileSync(join(dir, 'risks/R-001-vendor.yaml'), RISK(3) + 'colour: red\n');
    const r = await runCli(['validate'], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('risks/R-001-vendor.yaml:10:1: error DLV-E022');
  });
});
