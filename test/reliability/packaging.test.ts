// The installed command's entry point. `npx deliver` inside a clone links the clone into npm's npx
// cache once and never refreshes the bin links, so the bin file's path is part of the contract:
// renaming it broke `npx deliver` for everyone who had run it before ("deliver: not found").
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  version: string;
  bin: { deliver: string };
};

describe('the deliver bin', () => {
  it('keeps the path earlier npx caches link to', () => {
    expect(pkg.bin).toEqual({ deliver: 'bin/deliver.js' });
    expect(existsSync(join(REPO, pkg.bin.deliver))).toBe(true);
  });

  it('runs as CommonJS although the package is an ES module package', () => {
    const r = spawnSync(process.execPath, [join(REPO, pkg.bin.deliver), '--version'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(r.status).toBe(0);
  });

  it('prints the version for -v as for --version and -V', () => {
    for (const flag of ['-v', '-V']) {
      const r = spawnSync(process.execPath, [join(REPO, pkg.bin.deliver), flag], { encoding: 'utf8' });
      expect(r.stdout).toBe(`${pkg.version}\n`);
      expect(r.status).toBe(0);
    }
  });
});

describe('the package name', () => {
  it('is not the unrelated `deliver` package on the npm registry, and the command stays `deliver`', () => {
    const named = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string };
    expect(named.name).toBe('deliver-tracker');
    expect(Object.keys(pkg.bin)).toEqual(['deliver']);
  });

  it('is the one every install instruction uses', () => {
    for (const rel of ['README.md', 'examples/github-workflow.yml', 'bin/pre-commit-hook.sh']) {
      const text = readFileSync(join(REPO, rel), 'utf8');
      // Installing `deliver` from the registry would fetch someone else's package.
      const installs = text
        .split('\n')
        .flatMap((line) => line.split(/&&|`|#|;/))
        .filter((part) => /\bnpm (install|i)\b/.test(part));
      expect(installs.length, rel).toBeGreaterThan(0);
      for (const part of installs)
        expect(part.trim().split(/\s+/), `${rel}: ${part}`).not.toContainEqual(expect.stringMatching(/^deliver(@.*)?$/));
      expect(text, rel).not.toMatch(/node_modules\/deliver\//);
    }
    expect(readFileSync(join(REPO, 'examples/github-workflow.yml'), 'utf8')).toMatch(/DELIVER_PACKAGE: deliver-tracker/);
  });
});
