// `deliver report weekly`: golden Markdown in English and Chinese, the self-contained HTML, the model's
// sections (customer asks, next week), --week selection, and safe --out writes.
import { lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO, hashTree, tempDir } from '../helpers/project.js';
import { cpSync } from 'node:fs';
import { expectGolden } from '../helpers/golden.js';

const GOLDEN = join(REPO, 'test', 'golden', 'reports');
const ALPHA = join(GOLDEN, 'portfolio', 'alpha');

const golden = (name: string, actual: string): void => expectGolden(GOLDEN, name, actual);

function copyAlpha(): string {
  const dir = tempDir();
  cpSync(ALPHA, dir, { recursive: true });
  return dir;
}

describe('deliver report weekly', () => {
  it.each(['en', 'zh-CN'])('golden Markdown (%s)', async (lang) => {
    const r = await runCli(['report', 'weekly', '--lang', lang, '--as-of', '2026-11-20'], { cwd: ALPHA });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    golden(`weekly-${lang}.md`, r.stdout);
  });

  it('says what the customer must provide and by when', async () => {
    const r = await runCli(['report', 'weekly', '--as-of', '2026-11-20'], { cwd: ALPHA });
    const asks = r.stdout.split('## What we need from you')[1]!.split('##')[0]!;
    // Carol Zhang is on the customer's side: her task, her risk action, the inspection of AC-002, and CR-001's signature.
    // T-003 was planned to end 27 Nov but has not started: 10 working days from the report date.
    expect(asks).toMatch(
      /By 3 Dec: Provide anonymised test data \(T-003, Carol Zhang\)\. Expected: Test data extract, 3 months of orders\./,
    );
    expect(asks).toMatch(/Action for Carol Zhang, due on 25 Nov: Name a backup key user \(risk R-002, action 2\)\./);
    expect(asks).toMatch(/Please inspect and sign off Report pack, "Q4"; draft \(AC-002\), delivered on 18 Nov\./);
    expect(asks).toMatch(/Please approve or reject change request CR-001 Add a CSV export to the order API/);
    expect(r.stdout).toMatch(/T-006 Write interface spec \(Bob Li\), completed on 18 Nov\./);
    expect(r.stdout).toMatch(/## Planned for next week \(23 Nov – 29 Nov\)/);
  });

  it('an earlier --week reports that week as it stood on its Sunday', async () => {
    const r = await runCli(['report', 'weekly', '--week', '2026-W46', '--json', '--as-of', '2026-11-20'], { cwd: ALPHA });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      kind: 'report.weekly',
      as_of: '2026-11-15',
      week: { label: '2026-W46', from: '2026-11-09', to: '2026-11-15' },
    });
    expect(j.acceptance.map((a: { id: string; accepted_on?: string }) => [a.id, a.accepted_on])).toEqual([['AC-001', '2026-11-12']]);
    expect(j.changes).toEqual([]);
    expect(j.kpis.acceptance_pass_rate).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('refuses a malformed --week', async () => {
    const r = await runCli(['report', 'weekly', '--week', '2026-47'], { cwd: ALPHA });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--week must be an ISO week/);
  });

  it('HTML: one self-contained file with print CSS and escaped record text', async () => {
    const r = await runCli(['report', 'weekly', '--format', 'html', '--lang', 'zh-CN'], { cwd: ALPHA });
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    expect(html).toContain('Report pack, &quot;Q4&quot;; draft');
    expect(html).not.toContain('<b>not booked</b>');
    expect(html).toMatch(/<span class="badge red">红色<\/span>/);
    expect(html).toMatch(/<\/html>\n$/);
  });

  it('--out writes the file atomically and prints where', async () => {
    const dir = copyAlpha();
    const before = hashTree(dir);
    const r = await runCli(['report', 'weekly', '--format', 'html', '--out', 'reports/w47.html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Report written to reports\/w47\.html/);
    expect(readFileSync(join(dir, 'reports', 'w47.html'), 'utf8')).toMatch(/<!DOCTYPE html>/);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['w47.html']); // no temp file left
    const after = hashTree(dir);
    delete after['reports/w47.html'];
    expect(after).toEqual(before);
    const again = await runCli(['report', 'weekly', '--out', 'reports/w47.html'], { cwd: dir });
    expect(again.code).toBe(0); // a report file may be replaced
  });

  it('--out refuses record files and symbolic links on the way', async () => {
    const dir = copyAlpha();
    for (const target of ['deliver.yaml', 'plan.yaml', 'risks/R-001-api-vendor.yaml', 'risks/R-009-new.yaml', '.deliver/x.md']) {
      const r = await runCli(['report', 'weekly', '--out', target], { cwd: dir });
      expect(r.code, target).toBe(1);
      expect(r.stderr).toMatch(/refusing to write/);
    }
    const outside = tempDir();
    symlinkSync(outside, join(dir, 'linked'));
    const r = await runCli(['report', 'weekly', '--out', 'linked/w47.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
    writeFileSync(join(outside, 'real.md'), 'x');
    symlinkSync(join(outside, 'real.md'), join(dir, 'file-link.md'));
    const r2 = await runCli(['report', 'weekly', '--out', 'file-link.md'], { cwd: dir });
    expect(r2.code).toBe(1);
    expect(readFileSync(join(outside, 'real.md'), 'utf8')).toBe('x');
    expect(lstatSync(join(dir, 'file-link.md')).isSymbolicLink()).toBe(true);
    mkdirSync(join(dir, 'sub'));
    expect((await runCli(['report', 'weekly', '--out', join(dir, 'sub', 'abs.md')], { cwd: dir })).code).toBe(0);
  });
});
