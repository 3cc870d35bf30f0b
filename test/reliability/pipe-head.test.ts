// A closed stdout (`deliver kpi | head -3`) is the reader being done, not a bug: every read command
// ends quietly with exit 0 when its reader goes away, with nothing on stderr.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/project.js';
import { builtBinary } from './built.js';

let bin: string;
let dir: string;

beforeAll(() => {
  bin = builtBinary();
  dir = copyExample('crm-dashboard-zh');
}, 240_000);

/** Runs `deliver <args> | true` (the reader is gone before the first write) in a shell and returns deliver's own exit status and stderr. */
function piped(args: string): { status: number; stderr: string } {
  const r = spawnSync('bash', ['-c', `node "${bin}" ${args} 2>err.txt | true; echo "\${PIPESTATUS[0]}"; cat err.txt`], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, DELIVER_AS_OF: '2026-11-20', DELIVER_CACHE: '0', TZ: 'Asia/Shanghai' },
  });
  const [status, ...rest] = r.stdout.split('\n');
  return { status: Number(status), stderr: rest.join('\n').trim() };
}

describe('a closed stdout', () => {
  for (const args of ['kpi', 'validate', 'plan show', 'gantt', 'status', 'task list', 'risk list', 'export --kind tasks', '--help']) {
    it(`deliver ${args} | head ends with exit 0 and no message`, () => {
      // --lang en: the same path in the other language.
      const r = piped(args === '--help' ? args : `${args} --lang en`);
      // Nothing but the forecast's calendar notice (a line of its own, not about the pipe).
      expect(
        r.stderr
          .split('\n')
          .filter((l) => l && !l.startsWith('deliver: note: the forecast reaches'))
          .join('\n'),
      ).toBe('');
      expect(r.status).toBe(0);
    });
  }
});
