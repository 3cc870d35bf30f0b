// Temp projects for tests: built from an object of path → file content, or copied from examples/.
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function tempDir(prefix = 'deliver-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A minimal valid deliver.yaml, for tests that need a project around their records. */
export const MANIFEST = `schema_version: 1
name: Test project
client: ACME
start: 2026-09-01
due: 2026-12-31
language: en
calendar:
  base: none
`;

/** A minimal valid risk record, risks/R-001-*.yaml. */
export const RISK = `id: R-001
title: Vendor late
category: production
probability: 3
impact: 4
response: mitigate
owner: Wang
identified: 2026-09-01
status: open
`;

export function makeProject(files: Record<string, string | Buffer>, withManifest = true): string {
  const dir = tempDir();
  const all = withManifest && !('deliver.yaml' in files) ? { 'deliver.yaml': MANIFEST, ...files } : files;
  for (const [rel, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

export function copyExample(name: string): string {
  const dir = tempDir();
  cpSync(join(REPO, 'examples', name), dir, { recursive: true });
  return dir;
}

/** sha256 of every file under dir (relative path → hash), to prove a command changed nothing. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const ent of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, ent.name);
      if (ent.isDirectory()) walk(p);
      else if (ent.isFile()) out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
      else if (ent.isSymbolicLink())
        out[relative(dir, p)] = `link:${readlinkSync(p)}`; // never followed
      else out[relative(dir, p)] = `special:${lstatSync(p).mode}`;
    }
  };
  walk(dir);
  return out;
}

export function read(dir: string, rel: string): string {
  return readFileSync(join(dir, rel), 'utf8');
}
