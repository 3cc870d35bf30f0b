// From request to archive as a delivery specialist runs it (issue 15's check, end to end): received on
// a Friday, analysed Monday, assessed, planned, confirmed by stamped scan; delivered with three
// deliverables; a pre-acceptance pass that accepts nothing; a failed final round opening two
// rectification items; the pass refused until they are verified and the customer has signed; a
// weekly sync with action items; a retrospective; archive; the close-out and monthly reports; the
// acceptance form. After every write, validate is clean of errors.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { makeProject, read } from '../helpers/project.js';

describe('issue 15 scenario', () => {
  it('runs from request to archive', async () => {
    const dir = makeProject({});
    for (const f of ['docs/brief.pdf', 'scans/202611-001-confirmation.pdf', 'docs/manual.pdf']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), 'x');
    }
    const run = async (asOf: string, ...args: string[]) => {
      const r = await runCli(args, { cwd: dir, env: { DELIVER_AS_OF: asOf } });
      if (r.code === 0) {
        const v = await runCli(['validate', '--format', 'json'], { cwd: dir, env: { DELIVER_AS_OF: asOf } });
        expect(
          JSON.parse(v.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error'),
          args.join(' '),
        ).toEqual([]);
      }
      return r;
    };
    const ok = async (asOf: string, ...args: string[]) => {
      const r = await run(asOf, ...args);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
      return r;
    };
    const ID = '202611-001';
    await ok(
      '2026-11-13',
      'req',
      'add',
      '--title',
      'Store sales dashboard',
      '--customer',
      'ACME',
      '--contact',
      'Li Na',
      '--phone',
      '021-1234 5678',
      '--email',
      'li.na@acme.example',
      '--urgency',
      'high',
      '--received',
      '2026-11-13',
      '--due',
      '2026-12-18',
      '--receiver',
      'Wang',
      '--attach',
      'docs/brief.pdf',
    );
    expect(JSON.parse((await run('2026-11-16', 'status', '--json')).stdout).workflow[0]).toMatchObject({
      step: 'analysis',
      due: '2026-11-16',
      overdue: false,
    });
    await ok(
      '2026-11-16',
      'req',
      'analyze',
      ID,
      '--analyst',
      'Zhou',
      '--goal',
      'Daily sales by store',
      '--feature',
      'Store ranking',
      '--days',
      '8',
    );
    await ok(
      '2026-11-17',
      'req',
      'assess',
      ID,
      '--assessor',
      'Sun',
      '--feasible',
      '--difficulty',
      'medium',
      '--people',
      '2',
      '--days',
      '8',
    );
    await ok('2026-11-18', 'req', 'plan', ID, '--by', 'Zhou', '--scope', 'Dashboard v1', '--target', '2026-12-11');
    await ok(
      '2026-11-19',
      'req',
      'confirm',
      ID,
      '--by',
      'Li Na',
      '--method',
      'stamped_scan',
      '--evidence',
      'scans/202611-001-confirmation.pdf',
    );
    await ok('2026-11-20', 'req', 'move', ID, 'in_progress');
    await ok(
      '2026-11-23',
      'meeting',
      'add',
      '--kind',
      'sync',
      '--title',
      'Week 48 sync',
      '--attendee',
      'Li Na:customer',
      '--attendee',
      'Zhou:supplier',
      '--decision',
      'Demo on 12-07',
      '--action',
      'Li Na: send store list @2026-11-25',
      '--action',
      'Zhou: set up test data @2026-11-27',
    );
    expect((await run('2026-11-26', 'report', 'weekly')).stdout).toContain(
      'send store list — Li Na (from MT-001 Week 48 sync, item 1), overdue since 25 Nov.',
    );
    await ok('2026-11-26', 'meeting', 'act', 'MT-001', '1');

    await ok('2026-12-07', 'accept', 'add', '--deliverable', 'Dashboard v1', '--req', ID, '--delivered', '2026-12-07');
    await ok('2026-12-07', 'accept', 'deliverable', 'AC-001', '--type', 'product', '--name', 'Dashboard', '--ver', '1.0');
    await ok('2026-12-07', 'accept', 'deliverable', 'AC-001', '--type', 'document', '--name', 'User manual', '--file', 'docs/manual.pdf');
    await ok('2026-12-07', 'accept', 'deliverable', 'AC-001', '--type', 'test_report', '--name', 'System test report');
    await ok('2026-12-08', 'accept', 'round', 'AC-001', '--kind', 'pre', '--result', 'pass', '--by', 'Li Na');
    expect(parse(read(dir, 'requirements/202611-001-store-sales-dashboard.yaml')).status).toBe('in_progress');
    expect((await run('2026-12-08', 'req', 'move', ID, 'accepted')).code).toBe(1);
    await ok(
      '2026-12-09',
      'accept',
      'round',
      'AC-001',
      '--result',
      'fail',
      '--by',
      'Li Na',
      '--reason',
      'Gross margin includes tax',
      '--reason',
      'Ranking lacks year-on-year',
      '--owner',
      'Zhou',
      '--due',
      '2026-12-11',
    );
    const pass = ['accept', 'round', 'AC-001', '--result', 'pass', '--by', 'Li Na', '--signed-by', 'Li Na', '--signed-on', '2026-12-14'];
    expect((await run('2026-12-14', ...pass)).code).toBe(1);
    await ok('2026-12-11', 'accept', 'rectify', 'AC-001', '1', '--fixed', '--verified-by', 'Li Na');
    await ok('2026-12-11', 'accept', 'rectify', 'AC-001', '2', '--fixed');
    expect((await run('2026-12-14', ...pass)).code).toBe(1); // item 2 not verified yet
    await ok('2026-12-14', 'accept', 'rectify', 'AC-001', '2', '--verified-by', 'Li Na');
    expect((await run('2026-12-14', 'accept', 'round', 'AC-001', '--result', 'pass', '--by', 'Li Na')).code).toBe(2); // unsigned
    const passed = await ok('2026-12-14', ...pass);
    expect(passed.stdout).toContain(`requirements accepted: ${ID}`);

    await ok(
      '2026-12-15',
      'meeting',
      'add',
      '--kind',
      'retrospective',
      '--title',
      'Dashboard retrospective',
      '--attendee',
      'Li Na:customer',
      '--attendee',
      'Zhou:supplier',
      '--highlight',
      'Confirmed in 4 working days',
      '--problem',
      'Tax basis of margin not agreed early',
      '--improvement',
      'Agree metric definitions during analysis',
    );
    await ok('2026-12-16', 'req', 'archive', ID, '--number', 'ARC-2026-001', '--by', 'Wang');
    expect(
      parse(read(dir, 'requirements/202611-001-store-sales-dashboard.yaml')).archive.documents.map((d: { state: string }) => d.state),
    ).toEqual(['present', 'present', 'present', 'present', 'linked', 'linked']);

    const closeout = (await ok('2026-12-16', 'report', 'closeout')).stdout;
    expect(closeout).toContain('1 requirement(s) requested: 1 accepted, 0 rejected, 0 on hold, 0 still open; 1 archived.');
    expect(closeout).toContain('2 item(s): 2 verified, 0 accepted open, 0 open');
    expect(closeout).toContain('Agree metric definitions during analysis');
    expect(closeout).toContain('| Rectification on time | 100% | 2 / 2 |');
    const monthly = (await ok('2026-12-16', 'report', 'monthly', '--month', '2026-12')).stdout;
    expect(monthly).toContain('Gross margin includes tax (failed round AC-001, 9 Dec 2026)');
    const form = (await ok('2026-12-16', 'form', 'acceptance', 'AC-001')).stdout;
    expect(form).toContain('<h1>Customer Acceptance Form</h1>');
    expect(form).toContain('System test report');
    const kpi = JSON.parse((await ok('2026-12-16', 'kpi', '--json')).stdout).kpis;
    expect(kpi.analysis_sla_rate).toMatchObject({ numerator: 1, denominator: 1 });
    expect(kpi.feasibility_sla_rate).toMatchObject({ numerator: 1, denominator: 1 });
  });
});
