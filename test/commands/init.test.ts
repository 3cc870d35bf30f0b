import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { runCli, scriptedPrompter } from '../helpers/cli.js';
import { hashTree, read, tempDir } from '../helpers/project.js';

describe('deliver init', () => {
  it.each(['software', 'handover'])('scaffolds the %s template in both languages, validating clean', async (template) => {
    for (const lang of ['zh-CN', 'en']) {
      const dir = tempDir();
      const r = await runCli(['init', 'p', '--yes', '--template', template, '--lang', lang, '--name', 'Demo', '--client', 'ACME', '--start', '2026-09-01', '--due', '2026-12-31'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const p = join(dir, 'p');
      const v = await runCli(['validate', '--lang', 'en'], { cwd: p });
      expect(v.stdout).toContain('no problems found');
      expect(v.code).toBe(0);
      const plan = load(read(p, 'plan.yaml')) as { tasks: { name: string; start?: string }[]; milestones: unknown[] };
      expect(plan.tasks.length).toBeGreaterThan(5);
      expect(plan.milestones.length).toBeGreaterThan(2);
      expect(readdirSync(join(p, 'risks')).length).toBeGreaterThanOrEqual(3);
      expect(read(p, 'deliver.yaml')).toContain(`language: ${lang}`);
      if (lang === 'zh-CN') expect(read(p, 'deliver.yaml')).toContain('base: cn');
      // only the targets the source documents give; the other measures have none until the user sets one
      expect((load(read(p, 'deliver.yaml')) as { kpi_targets: unknown }).kpi_targets).toEqual({
        project_on_time_rate: 0.9, customer_satisfaction: 80, risk_response_rate: 0.95, risks_identified: 3, team_communication_score: 4,
      });
      if (template === 'handover') expect(plan.tasks[0]!.start).toBe('2026-10-02'); // 90 days before 2026-12-31
      expect(existsSync(join(p, '.deliver', 'schemas', 'requirement.schema.json'))).toBe(true);
    }
  });

  it('asks for what is missing in a terminal', async () => {
    const dir = tempDir();
    // Then the lead, the specialist, the customer's contact, the contract number and date: all may stay empty.
    const prompter = scriptedPrompter(['handover', 'zh-CN', '滨江花园交付', '某地产公司', '2026-09-01', '2027-01-15', '', '', '', '', '']);
    const r = await runCli(['init', 'site'], { cwd: dir, stdinIsTTY: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked).toHaveLength(11);
    expect(prompter.asked[5]).toBe('交房日期（必填）');
    expect(read(join(dir, 'site'), 'deliver.yaml')).toContain('name: 滨江花园交付');
    expect(read(join(dir, 'site'), 'deliver.yaml')).toContain('due: 2027-01-15');
  });

  it('never prompts without a terminal and uses defaults', async () => {
    const dir = tempDir();
    const r = await runCli(['init'], { cwd: dir, stdinIsTTY: false, prompter: scriptedPrompter([]) });
    expect(r.code).toBe(0);
    expect(read(dir, 'deliver.yaml')).toContain('start: 2026-11-20');
  });

  it('refuses to overwrite an existing project and changes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deliver.yaml'), '# mine\n');
    const before = hashTree(dir);
    const r = await runCli(['init', '--yes'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to overwrite');
    expect(hashTree(dir)).toEqual(before);
  });

  it('rejects an unknown template and a bad date', async () => {
    const dir = tempDir();
    expect((await runCli(['init', '--yes', '--template', 'nope'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['init', '--yes', '--start', '2026-02-30'], { cwd: dir })).code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});
