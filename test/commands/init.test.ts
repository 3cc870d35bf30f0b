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
      const r = await runCli(
        [
          'init',
          'p',
          '--yes',
          '--template',
          template,
          '--lang',
          lang,
          '--name',
          'Demo',
          '--client',
          'ACME',
          '--start',
          '2026-09-01',
          '--due',
          '2026-12-31',
        ],
        { cwd: dir },
      );
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
        project_on_time_rate: 0.9,
        customer_satisfaction: 80,
        risk_response_rate: 0.95,
        risks_identified: 3,
        team_communication_score: 4,
      });
      if (template === 'handover') expect(plan.tasks[1]!.start).toBe('2026-10-02'); // the first pre-inspection, 90 days before 2026-12-31
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

describe('deliver init --template handover (seed 002)', () => {
  it('dates relative to the handover, a fixed handover milestone, and an acceptance record for pre-acceptance rounds with contractor-owned rectification', async () => {
    const dir = tempDir();
    const r = await runCli(
      [
        'init',
        'h',
        '--yes',
        '--template',
        'handover',
        '--lang',
        'en',
        '--name',
        'Riverside',
        '--client',
        'ACME Homes',
        '--start',
        '2026-09-01',
        '--due',
        '2026-12-31',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const p = join(dir, 'h');
    const plan = load(read(p, 'plan.yaml')) as {
      milestones: { name: string; due?: string; fixed?: boolean }[];
      tasks: { name: string; owner: string; start?: string }[];
    };
    const due = Object.fromEntries(plan.milestones.map((m) => [m.name, m.due]));
    expect(due).toEqual({
      'Delivery plan approved (3 months before handover)': '2026-10-02',
      'Second pre-inspection done (≥ 45 days before handover)': '2026-11-16',
      'Area survey done (≥ 1 month before handover)': '2026-12-01',
      'Rectification done and handed to the property company (≥ 20 days before handover)': '2026-12-11',
      Handover: '2026-12-31',
    });
    expect(plan.milestones.at(-1)!.fixed).toBe(true);
    expect(plan.tasks.find((t) => t.name === 'First pre-inspection')!.start).toBe('2026-10-02');
    expect(plan.tasks.filter((t) => t.owner === 'General contractor').map((t) => t.name)).toEqual([
      'Rectification of first-round findings',
      'Final rectification',
    ]);
    const ac = load(read(p, 'acceptance/AC-001-units.yaml')) as Record<string, unknown>;
    expect(ac).toMatchObject({ id: 'AC-001', requirements: [], delivered: '2026-10-02', agreed: '2026-12-31' });
    // the first pre-inspection finds two problems for the contractor; the second passes; the final round needs them verified
    const at = (d: string) => ({ cwd: p, env: { DELIVER_AS_OF: d } });
    expect(
      (
        await runCli(
          [
            'accept',
            'round',
            'AC-001',
            '--kind',
            'pre',
            '--result',
            'fail',
            '--by',
            'Owner rep',
            '--reason',
            'Cracked tiles in 3-201',
            '--reason',
            'Lift 2 not certified',
            '--owner',
            'General contractor',
            '--due',
            '2026-10-20',
          ],
          at('2026-10-05'),
        )
      ).code,
    ).toBe(0);
    expect(
      (await runCli(['accept', 'round', 'AC-001', '--kind', 'pre', '--result', 'pass', '--by', 'Owner rep'], at('2026-11-13'))).code,
    ).toBe(0);
    expect(
      (
        await runCli(
          ['accept', 'round', 'AC-001', '--result', 'pass', '--by', 'Owner rep', '--signed-by', 'ACME Homes', '--signed-on', '2026-12-30'],
          at('2026-12-30'),
        )
      ).code,
    ).toBe(1);
    for (const n of ['1', '2'])
      expect(
        (
          await runCli(
            ['accept', 'rectify', 'AC-001', n, '--fixed', '--verified-by', 'Owner rep', '--date', '2026-10-19'],
            at('2026-10-19'),
          )
        ).code,
      ).toBe(0);
    expect(
      (
        await runCli(
          ['accept', 'round', 'AC-001', '--result', 'pass', '--by', 'Owner rep', '--signed-by', 'ACME Homes', '--signed-on', '2026-12-30'],
          at('2026-12-30'),
        )
      ).code,
    ).toBe(0);
    expect((await runCli(['validate'], at('2026-12-30'))).code).toBe(0);
    const kpi = JSON.parse((await runCli(['kpi', '--json'], at('2026-12-30'))).stdout);
    expect(kpi.kpis.rectification_on_time_rate).toMatchObject({ numerator: 2, denominator: 2 });
  });
});
