// The Excel library stays out of the bundle: start-up does not load or even need it (a copy of the
// built binary without node_modules still runs status), and the commands that use it find it in
// node_modules at run time (the bundle's require of exceljs).
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/project.js';
import { readXlsx } from '../helpers/xlsx-reader.js';
import { builtBinary } from './built.js';

const EXAMPLE = join(REPO, 'examples', 'crm-dashboard-zh');
const ENV = { ...process.env, DELIVER_CACHE: '0', DELIVER_AS_OF: '2026-11-20', NO_COLOR: '1', LANG: 'en_US.UTF-8' };
let bin = '';

describe('exceljs outside the bundle', () => {
  beforeAll(() => {
    bin = builtBinary();
  }, 240_000);

  it('is not in dist/main.cjs, which only requires it by name', () => {
    const code = readFileSync(join(dirname(bin), '..', 'dist', 'main.cjs'), 'utf8');
    expect(code).toContain('("exceljs")');
    expect(code).not.toMatch(/sharedStrings\.xml|class Workbook/);
  });

  it('start-up runs without it; export and import find it in node_modules', () => {
    const status = spawnSync(process.execPath, [bin, 'status', '-C', EXAMPLE], { env: ENV, encoding: 'utf8' });
    expect(status.stderr).toBe('');
    expect(status.status).toBe(0);
    symlinkSync(join(REPO, 'node_modules'), join(dirname(bin), '..', 'node_modules'));
    const file = join(tempDir(), 'out.xlsx');
    const r = spawnSync(process.execPath, [bin, 'export', '--format', 'xlsx', '--out', file, '-C', EXAMPLE], {
      env: ENV,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readXlsx(readFileSync(file)).sheets[0]!.name).toBe('需求登记表');
    const imp = spawnSync(process.execPath, [bin, 'import', 'requirements', file, '--dry-run', '--json', '-C', EXAMPLE], {
      env: ENV,
      encoding: 'utf8',
    });
    expect(imp.stderr).toBe('');
    expect(JSON.parse(imp.stdout).records.length).toBeGreaterThan(0);
  });
});
