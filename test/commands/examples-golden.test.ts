// The bundled examples after delivery: their status screen and weekly report, byte for byte, so the
// after-sales, visit, communication and training records they carry stay visible and reviewed.
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { REPO } from '../helpers/project.js';

const GOLDEN = join(REPO, 'test', 'golden', 'examples');

describe('bundled examples', () => {
  for (const ex of ['crm-dashboard-zh', 'erp-rollout-en']) {
    it(`${ex}: status and weekly report as of 2026-11-20`, async () => {
      const cwd = join(REPO, 'examples', ex);
      const status = await runCli(['status', '--as-of', '2026-11-20'], { cwd });
      expectGolden(GOLDEN, `${ex}-status.txt`, status.stdout);
      const weekly = await runCli(['report', 'weekly', '--as-of', '2026-11-20'], { cwd });
      expectGolden(GOLDEN, `${ex}-weekly.md`, weekly.stdout);
    });
  }
});
