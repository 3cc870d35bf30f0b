// The charts in the weekly HTML report: golden HTML, the five figures after the summary, and the chart
// module picks up the forecast the report itself uses (a date moved in the plan moves the bar).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { REPO, tempDir } from '../helpers/project.js';

const ALPHA = join(REPO, 'test', 'golden', 'reports', 'portfolio', 'alpha');

describe('weekly HTML report with charts', () => {
  it.each(['en', 'zh-CN'])('golden HTML (%s)', async (lang) => {
    const r = await runCli(['report', 'weekly', '--format', 'html', '--lang', lang], { cwd: ALPHA });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectGolden(join(REPO, 'test', 'golden', 'reports'), `weekly-${lang}.html`, r.stdout);
    const kinds = [...r.stdout.matchAll(/data-chart="(\w+)"/g)].map((m) => m[1]);
    expect(kinds).toEqual(['gantt', 'milestones', 'kpi', 'burnup', 'heatmap']);
    // after the summary, before the rest of the report
    const sections = [...r.stdout.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(sections[1]).toBe(lang === 'en' ? 'At a glance' : '一图速览');
    expect(r.stdout).not.toMatch(/<script|<link|src=|href=/i);
  });

  it('the Gantt follows the schedule: a task given a later start moves with it', async () => {
    const dir = tempDir();
    cpSync(ALPHA, dir, { recursive: true });
    const bar = (html: string, id: string) =>
      /<g class="row" data-id="([^"]+)">[\s\S]*?<rect x="([\d.]+)"[^>]*class="bar"/.exec(
        html.split(`data-id="${id}"`)[1] ? `<g class="row" data-id="${id}"` + html.split(`data-id="${id}"`)[1]! : '',
      )?.[2];
    const before = (await runCli(['report', 'weekly', '--format', 'html'], { cwd: dir })).stdout;
    const json = JSON.parse((await runCli(['task', 'list', '--json'], { cwd: dir })).stdout);
    const open = json.items.find((i: { status: string; start: string }) => i.status === 'todo' && i.start > '2026-11-20');
    expect(open).toBeTruthy();
    const plan = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    const moved = plan.replace(new RegExp(`(- id: ${open.id}\\n)`), `$1    start: 2026-12-14\n`);
    expect(moved).not.toBe(plan);
    writeFileSync(join(dir, 'plan.yaml'), moved);
    const after = (await runCli(['report', 'weekly', '--format', 'html'], { cwd: dir })).stdout;
    expect(Number(bar(after, open.id))).toBeGreaterThan(Number(bar(before, open.id)));
  });
});
