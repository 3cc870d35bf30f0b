// `deliver site`: the portfolio index and one page per project, golden HTML, relative links that all
// resolve inside the site, no script or external resource, health and counts as status computes them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trendMonths } from '../../src/commands/site/run.js';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { REPO, hashTree, tempDir } from '../helpers/project.js';

const PORTFOLIO = join(REPO, 'test', 'golden', 'reports', 'portfolio');
const GOLDEN = join(REPO, 'test', 'golden', 'site');

async function build(args: string[]): Promise<string> {
  const out = join(tempDir(), 'site');
  const r = await runCli(['site', ...args, '--out', out], { cwd: REPO });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return out;
}

describe('deliver site', () => {
  it('writes index.html, style.css and a page per project; golden HTML', async () => {
    const out = await build([PORTFOLIO]);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'projects', 'style.css']);
    const pages = readdirSync(join(out, 'projects')).sort();
    expect(pages).toHaveLength(2);
    expectGolden(GOLDEN, 'index.html', readFileSync(join(out, 'index.html'), 'utf8'));
    for (const p of pages) expectGolden(GOLDEN, p, readFileSync(join(out, 'projects', p), 'utf8'));
  });

  it('every link is relative and resolves to a file of the site; no script, no external resource', async () => {
    const out = await build([join(REPO, 'examples')]);
    const files = ['index.html', ...readdirSync(join(out, 'projects')).map((p) => `projects/${p}`)];
    for (const f of files) {
      const html = readFileSync(join(out, f), 'utf8');
      expect(html).not.toMatch(/<script|\bon[a-z]+=|src=|url\(/i);
      const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThan(0);
      for (const l of links) {
        expect(l).not.toMatch(/^(\/|[a-z]+:)/i);
        expect(existsSync(resolve(dirname(join(out, f)), decodeURIComponent(l))), `${f} → ${l}`).toBe(true);
      }
    }
    expect(readFileSync(join(out, 'style.css'), 'utf8')).toMatch(/@page \{ size: A4/);
  });

  it('the index shows what status computes for each project', async () => {
    const out = await build([join(REPO, 'examples')]);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const ex of ['crm-dashboard-zh', 'erp-rollout-en']) {
      const s = JSON.parse((await runCli(['status', '--json', '--lang', 'en'], { cwd: join(REPO, 'examples', ex) })).stdout);
      const row = index.split('<tr>').find((x) => x.includes(s.project.code))!;
      expect(row).toContain(`class="badge ${s.health.level}"`);
      expect(row).toContain(
        `<td class="num">${s.risks.length}</td><td class="num">${s.open_changes.length}</td><td class="num">${s.acceptance.length}</td>`,
      );
      const page = readFileSync(join(out, 'projects', `${s.project.code.toLowerCase()}.html`), 'utf8');
      expect(page).toMatch(/data-chart="gantt"/);
      expect(page).toMatch(/data-chart="heatmap"/);
    }
  });

  it('one project from inside it; in its own language; the project is untouched', async () => {
    const dir = join(REPO, 'examples', 'crm-dashboard-zh');
    const before = hashTree(dir);
    const out = join(tempDir(), 'site');
    const r = await runCli(['site', '--out', out], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/已为 1 个项目生成网站/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/<html lang="zh-CN">[\s\S]*交付项目总览/);
    expect(hashTree(dir)).toEqual(before);
  });

  it('refuses a missing --out, a file as --out, and record files of the project', async () => {
    const dir = join(REPO, 'examples', 'crm-dashboard-zh');
    expect((await runCli(['site'], { cwd: dir })).code).toBe(2);
    const f = join(tempDir(), 'file');
    writeFileSync(f, 'x');
    expect((await runCli(['site', '--out', f], { cwd: dir })).code).toBe(2);
    const r = await runCli(['site', '--out', '.deliver'], { cwd: join(REPO, 'test', 'golden', 'reports', 'portfolio', 'alpha') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to write/);
  });

  it('KPI trend months run from the project start to the report date, the last 12 at most', () => {
    expect(trendMonths('2026-09-01', '2026-11-20')).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(trendMonths('2025-01-15', '2026-11-20')).toHaveLength(12);
    expect(trendMonths('2027-01-01', '2026-11-20')).toEqual(['2026-11']);
    expect(trendMonths(undefined, '2026-11-20')).toEqual(['2026-11']);
  });
});
