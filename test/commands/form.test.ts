// `deliver form requirement|analysis|change|acceptance <id>`: the toolkit's forms filled from the
// records, with signature and stamp blanks; record text escaped; Chinese and English.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyExample, makeProject } from '../helpers/project.js';

const AS_OF = { env: { DELIVER_AS_OF: '2026-11-20' } };

describe('deliver form', () => {
  it('the acceptance form (客户验收表): fields, deliverables, rounds, rectification, signature and stamp blanks', async () => {
    const dir = copyExample('crm-dashboard-zh');
    const r = await runCli(['form', 'acceptance', 'AC-001'], { cwd: dir, ...AS_OF });
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<h1>客户验收表</h1>');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('<th>成果名称</th><td>销售看板及 CRM 交互原型 V1</td>');
    expect(html).toContain('<h2>交付物清单</h2>');
    expect(html).toContain('<h2>整改单</h2>');
    expect(html).toContain('<div class="label">客户签字</div>');
    expect(html).toContain('<div class="stamp">（盖章）</div>');
    expect(html).not.toMatch(/<script|<link/);
    const md = await runCli(['form', 'acceptance', 'AC-001', '--format', 'md', '--lang', 'en'], { cwd: dir, ...AS_OF });
    expect(md.stdout).toContain('# Customer Acceptance Form');
    expect(md.stdout).toContain('| Result (pass / fail) | pass |');
    expect(md.stdout).toContain('Customer signature (and company stamp): ______________________    Date: ______________');
  });

  it('requirement, analysis and change forms in English', async () => {
    const dir = copyExample('erp-rollout-en');
    const req = await runCli(['form', 'requirement', '202611-001', '--format', 'md'], { cwd: dir, ...AS_OF });
    expect(req.stdout).toContain('# Customer Requirement Registration Form');
    expect(req.stdout).toContain('| Phone / e-mail | +1 937 555 0142 / d.reeves@harlowvalve.example |');
    const an = await runCli(['form', 'analysis', '202611-001', '--format', 'md'], { cwd: dir, ...AS_OF });
    expect(an.stdout).toContain('| Feasibility | feasible (assessed by Tom Becker, 2026-11-18) |');
    expect(an.stdout).toContain('Technical lead (signature): ');
    const cr = await runCli(['form', 'change', 'CR-002'], { cwd: dir, ...AS_OF });
    expect(cr.stdout).toContain('<h1>Requirement Change Request</h1>');
    expect(cr.stdout).toContain('<th>Cost impact</th><td>24000 USD</td>');
    expect(cr.stdout.match(/<div class="box/g)).toHaveLength(3);
  });

  it('escapes record text, refuses an analysis form without analysis and unknown kinds or ids', async () => {
    const dir = makeProject({
      'requirements/202611-001-x.yaml':
        'id: 202611-001\ntitle: "<script>alert(1)</script> | *x*"\ncustomer: ACME\ncontact: Li\nurgency: low\nreceived: 2026-11-02\nreceiver: Wang\nstatus: received\n',
    });
    const html = await runCli(['form', 'requirement', '202611-001'], { cwd: dir, ...AS_OF });
    expect(html.stdout).not.toContain('<script>');
    expect(html.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = await runCli(['form', 'requirement', '202611-001', '--format', 'md'], { cwd: dir, ...AS_OF });
    expect(md.stdout).toContain('\\<script\\>alert(1)\\</script\\> \\| \\*x\\*');
    expect((await runCli(['form', 'analysis', '202611-001'], { cwd: dir, ...AS_OF })).code).toBe(1);
    expect((await runCli(['form', 'invoice', '202611-001'], { cwd: dir, ...AS_OF })).code).toBe(2);
    expect((await runCli(['form', 'requirement', '202611-404'], { cwd: dir, ...AS_OF })).code).toBe(2);
  });
});
