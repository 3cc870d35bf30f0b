// `deliver report closeout|monthly`: the delivery summary and the monthly report, Markdown and HTML
// (with the SVG charts), in both languages, as of the report date.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyExample } from '../helpers/project.js';

const at = (asOf: string) => ({ env: { DELIVER_AS_OF: asOf } });

describe('deliver report closeout', () => {
  it('scope against requested, schedule against baseline, changes, acceptance and rectification, KPIs, lessons', async () => {
    const dir = copyExample('erp-rollout-en');
    const r = await runCli(['report', 'closeout'], { cwd: dir, ...at('2026-11-20') });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const md = r.stdout;
    expect(md).toContain('# Harlow Dayton plant – MRP and warehouse rollout — delivery summary');
    expect(md).toContain('8 requirement(s) requested: 1 accepted, 1 rejected, 1 on hold, 5 still open; 1 archived.');
    expect(md).toContain('| M-005 | Final acceptance | 18 Dec 2026 | 11 Dec 2026 | 31 Dec 2026 | 12 wd |');
    expect(md).toContain('| CR-002 | Add a mobile cycle-count app | submitted | 6 | 24000 USD |');
    expect(md).toContain(
      '| AC-002 | Migrated master data (mock load 2) | 6 Nov 2026 | 10 Nov 2026 pre-acceptance fail | — | 3 item(s): 0 verified, 0 accepted open, 3 open |',
    );
    expect(md).toContain('| Rectification on time | 33.3% | 1 / 3 |');
    expect(md).toContain('From the retrospective(s) MT-003.');
    expect(md).toContain("  - Run the customer's sample checks ourselves before every hand-over");
    const json = JSON.parse((await runCli(['report', 'closeout', '--json'], { cwd: dir, ...at('2026-11-20') })).stdout);
    expect(json.scope).toMatchObject({ requested: 8, accepted: 1, archived: 1 });
    expect(json.lessons.meetings).toEqual(['MT-003']);
    // before the retrospective there were no lessons yet
    const early = await runCli(['report', 'closeout'], { cwd: dir, ...at('2026-11-12') });
    expect(early.stdout).toContain('No retrospective is recorded');
  });

  it('html: self-contained, A4 print rules, the charts inline, record text escaped; --out writes the file', async () => {
    const dir = copyExample('crm-dashboard-zh');
    const r = await runCli(['report', 'closeout', '--format', 'html', '--out', 'closeout.html'], { cwd: dir, ...at('2026-11-20') });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'closeout.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('交付总结报告');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('<section class="charts">');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)[^"]*\.(css|js)/);
    expect(html).toContain('经验教训');
  });
});

describe('deliver report monthly', () => {
  it('volume, the handling figures, SLA misses and common problems from the records', async () => {
    const dir = copyExample('crm-dashboard-zh');
    const r = await runCli(['report', 'monthly'], { cwd: dir, ...at('2026-11-20') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# 鑫禾零售销售数据看板及 CRM 交付项目——2026-11 月报');
    expect(r.stdout).toContain('本月接收需求 2 项，验收通过 1 项，拒绝 0 项');
    expect(r.stdout).toContain('- 原型评审时指标口径与财务不一致，导致首轮验收不通过（复盘 MT-003，2026年11月13日）');
    expect(r.stdout).toContain('| 整改按时完成率 |');
    const oct = await runCli(['report', 'monthly', '--month', '2026-10', '--lang', 'en'], { cwd: dir, ...at('2026-11-20') });
    expect(oct.stdout).toContain('monthly report 2026-10');
    expect(oct.stdout).toContain('(failed round AC-001, 10 Oct 2026)');
    expect(oct.stdout).toContain('Deliveries this month');
    expect((await runCli(['report', 'monthly', '--month', '2026-13'], { cwd: dir, ...at('2026-11-20') })).code).toBe(2);
    const html = await runCli(['report', 'monthly', '--format', 'html', '--lang', 'en'], { cwd: dir, ...at('2026-11-20') });
    expect(html.stdout).toContain('<h2>Common problems from the records</h2>');
    expect(html.stdout).toContain('<section class="charts">');
    expect(existsSync(join(dir, 'closeout.html'))).toBe(false);
  });

  it('lists a late analysis as an SLA miss', async () => {
    const dir = copyExample('erp-rollout-en');
    const r = await runCli(['report', 'monthly', '--month', '2026-09', '--json'], { cwd: dir, ...at('2026-11-20') });
    const j = JSON.parse(r.stdout);
    expect(j.month).toEqual({ label: '2026-09', from: '2026-09-01', to: '2026-09-30' });
    expect(j.as_of).toBe('2026-09-30');
    expect(j.sla_misses.map((m: { id: string; step: string }) => `${m.id}:${m.step}`)).toContain('202609-005:assessment');
  });
});
