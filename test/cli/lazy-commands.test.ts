// Start-up stays light: the flags of every command (command.ts) are declared at start, but the
// code that runs a command (run.ts and its helpers) is loaded only when that command runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyExample, tempDir } from '../helpers/project.js';

const loaded = vi.hoisted(() => [] as string[]);
vi.mock('../../src/commands/accept/run.js', () => (loaded.push('accept/run'), {}));
vi.mock('../../src/commands/change/run.js', () => (loaded.push('change/run'), {}));
vi.mock('../../src/commands/diff/run.js', () => (loaded.push('diff/run'), {}));
vi.mock('../../src/commands/export/run.js', () => (loaded.push('export/run'), {}));
vi.mock('../../src/commands/gantt/run.js', () => (loaded.push('gantt/run'), {}));
vi.mock('../../src/commands/init/run.js', () => (loaded.push('init/run'), {}));
vi.mock('../../src/commands/kpi/run.js', () => (loaded.push('kpi/run'), {}));
vi.mock('../../src/commands/milestone/run.js', () => (loaded.push('milestone/run'), {}));
vi.mock('../../src/commands/plan/run.js', () => (loaded.push('plan/run'), {}));
vi.mock('../../src/commands/renumber/run.js', () => (loaded.push('renumber/run'), {}));
vi.mock('../../src/commands/report/run.js', () => (loaded.push('report/run'), {}));
vi.mock('../../src/commands/req/run.js', () => (loaded.push('req/run'), {}));
vi.mock('../../src/commands/risk/run.js', () => (loaded.push('risk/run'), {}));
vi.mock('../../src/commands/status/run.js', () => (loaded.push('status/run'), {}));
vi.mock('../../src/commands/survey/run.js', () => (loaded.push('survey/run'), {}));
vi.mock('../../src/commands/task/run.js', () => (loaded.push('task/run'), {}));
vi.mock('../../src/commands/validate/run.js', () => (loaded.push('validate/run'), {}));
vi.mock('../../src/commands/change/apply.js', () => (loaded.push('change/apply'), {}));
vi.mock('../../src/commands/init/template.js', () => (loaded.push('init/template'), {}));

const COMMANDS = join(import.meta.dirname, '..', '..', 'src', 'commands');

describe('command modules', () => {
  it('--version, --help and usage errors load no command implementation', async () => {
    const cwd = tempDir();
    for (const args of [
      ['--version'],
      ['--help'],
      ['task', '--help'],
      ['risk', 'add', '--help'],
      ['status', '--help'],
      ['task', 'add', '--bogus'],
    ]) {
      await runCli(args, { cwd });
    }
    expect(loaded).toEqual([]);
    // The check notices a load: running a command loads its run.ts (mocked empty here, so it fails).
    await runCli(['survey', 'list'], { cwd: copyExample('erp-rollout-en') });
    expect(loaded).toEqual(['survey/run']);
  });

  it('each noun folder holds command.ts and run.ts; command.ts imports run code only lazily', () => {
    for (const noun of readdirSync(COMMANDS)) {
      const files = readdirSync(join(COMMANDS, noun));
      expect(files, noun).toEqual(expect.arrayContaining(['command.ts', 'run.ts']));
      const src = readFileSync(join(COMMANDS, noun, 'command.ts'), 'utf8');
      const eager = [...src.matchAll(/^import (?!type )(?:[^;]*? from )?'([^']+)';$/gm)].map((m) => m[1]);
      expect(
        eager.every((m) => m === '@commander-js/extra-typings' || m === '../../cli/program.js'),
        `${noun}: ${eager.join(', ')}`,
      ).toBe(true);
      expect(src, noun).toMatch(/import\('\.\/run\.js'\)/);
    }
  });
});
