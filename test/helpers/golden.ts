// Golden files: output compared byte for byte with a reviewed file. `UPDATE_GOLDEN=1` rewrites
// them (review the diff); a missing golden is written and the test fails, so none passes unseen.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export function expectGolden(dir: string, name: string, actual: string): void {
  const file = join(dir, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`golden ${name} was missing and has been written: check it and rerun`);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
