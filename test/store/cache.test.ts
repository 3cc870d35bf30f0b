// The cache (remembered output, cli/memo.ts) may make runs faster but can never change a result:
// a corrupt or foreign cache file is ignored.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject, RISK as RISK_RECORD, tempDir } from '../helpers/project.js';

const RISK = (p: number) => RISK_RECORD.replace('probability: 3', `probability: ${p}`);

describe('cache', () => {
  it('ignores a corrupt cache file and still gives the right answer through the CLI', async () => {
    const dir = makeProject({ 'risks/R-001-vendor.yaml': RISK(3) });
    const cacheDir = tempDir();
    const env = { DELIVER_CACHE: '1', DELIVER_CACHE_DIR: cacheDir };
    expect((await runCli(['validate'], { cwd: dir, env })).code).toBe(0);
    for (const f of readdirSync(cacheDir, { recursive: true, withFileTypes: true }))
      if (f.isFile()) writeFileSync(join(f.parentPath, f.name), 'garbage');
    expect((await runCli(['validate'], { cwd: dir, env })).code).toBe(0);
    writeFileSync(join(dir, 'risks/R-001-vendor.yaml'), RISK(3) + 'colour: red\n');
    const r = await runCli(['validate'], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('risks/R-001-vendor.yaml:10:1: error DLV-E022');
  });
});
