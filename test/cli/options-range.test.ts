// A whole number out of range says the range it must be in, in the session's language.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';

describe('number flags', () => {
  it('name the range for a number out of it, and say "whole number" only for what is not one', async () => {
    const dir = makeProject({});
    const neg = await runCli(['task', 'add', '--name', 'x', '--days', '-3', '--yes', '--lang', 'zh-CN'], { cwd: dir });
    expect(neg.code).toBe(2);
    expect(neg.stderr).toContain('--days 必须在 0 到 100000 之间，实际为 -3');
    const text = await runCli(['task', 'add', '--name', 'x', '--days', 'three', '--yes'], { cwd: dir });
    expect(text.stderr).toContain('--days must be a whole number, got "three"');
  });
});
