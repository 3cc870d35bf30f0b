// `deliver req analyze|assess|plan|confirm|edit|escalate`: the toolkit's workflow as commands, the
// workflow deadlines on `req list` and `status` (and health), intake contact details and attachments.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { makeProject, read } from '../helpers/project.js';

const ID = '202611-001';
const FILE = 'requirements/202611-001-loyalty-export.yaml';

const at = (asOf: string) => ({ env: { DELIVER_AS_OF: asOf } });

/** A request received on Friday 2026-11-13 (calendar: weekends only). */
async function received(): Promise<string> {
  const dir = makeProject({});
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'brief.pdf'), 'pdf');
  const r = await runCli(
    [
      'req',
      'add',
      '--title',
      'Loyalty export',
      '--customer',
      'ACME',
      '--contact',
      'Li Na',
      '--phone',
      '+86 138 0000 0000',
      '--email',
      'li.na@acme.example',
      '--attach',
      'docs/brief.pdf',
      '--attach',
      'https://share.example/spec',
      '--urgency',
      'high',
      '--received',
      '2026-11-13',
      '--receiver',
      'Wang',
    ],
    { cwd: dir, ...at('2026-11-13') },
  );
  expect(r).toMatchObject({ code: 0, stdout: `${ID}\n` });
  return dir;
}

const cli = (dir: string, asOf: string, ...args: string[]) => runCli(args, { cwd: dir, ...at(asOf) });
const record = (dir: string) => parse(read(dir, FILE));

describe('the requirement workflow', () => {
  it('intake keeps contact details and attachments; a missing or outside file is refused', async () => {
    const dir = await received();
    expect(record(dir)).toMatchObject({
      contact_phone: '+86 138 0000 0000',
      contact_email: 'li.na@acme.example',
      attachments: ['docs/brief.pdf', 'https://share.example/spec'],
    });
    const missing = await cli(
      dir,
      '2026-11-13',
      'req',
      'add',
      '--title',
      'X',
      '--customer',
      'ACME',
      '--contact',
      'Li',
      '--receiver',
      'Wang',
      '--attach',
      'docs/none.pdf',
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('docs/none.pdf');
    const outside = await cli(dir, '2026-11-13', 'req', 'edit', ID, '--attach', '../secret.txt');
    expect(outside.code).toBe(2);
    const badMail = await cli(dir, '2026-11-13', 'req', 'edit', ID, '--email', 'not an address');
    expect(badMail.code).toBe(1); // the write guard refuses what validate would reject
    expect(record(dir).contact_email).toBe('li.na@acme.example');
  });

  it('shows the analysis due the next working day, overdue after it, and health turns amber', async () => {
    const dir = await received();
    const fri = JSON.parse((await cli(dir, '2026-11-13', 'status', '--json')).stdout);
    expect(fri.data?.workflow ?? fri.workflow).toEqual([
      { id: ID, title: 'Loyalty export', step: 'analysis', due: '2026-11-16', overdue: false },
    ]);
    const mon = await cli(dir, '2026-11-16', 'req', 'list');
    expect(mon.stdout).toContain('\tanalysis 2026-11-16\n');
    const tty = await runCli(['req', 'list'], {
      cwd: dir,
      ...at('2026-11-16'),
      stdoutIsTTY: true,
      columns: 160,
      env: { DELIVER_AS_OF: '2026-11-16', NO_COLOR: '1' },
    });
    expect(tty.stdout).toContain('analysis due 2026-11-16');
    const tue = JSON.parse((await cli(dir, '2026-11-17', 'status', '--json')).stdout);
    const facts = tue.data ?? tue;
    expect(facts.workflow[0]).toMatchObject({ step: 'analysis', overdue: true });
    expect(facts.health.reasons).toContainEqual({ level: 'amber', code: 'workflow_overdue', ids: [ID] });
    const list = await cli(dir, '2026-11-17', 'req', 'list', '--waiting');
    expect(list.stdout).toContain('\tanalysis 2026-11-16 overdue\n');
    const screen = await cli(dir, '2026-11-17', 'status');
    expect(screen.stdout).toContain('Requirement workflow: 1 open, 1 overdue · 202611-001 Loyalty export · analysis overdue since 16 Nov');
    expect(screen.stdout).toContain('requirement analysis or assessment overdue: 202611-001');
  });

  it('runs analysis → assessment → plan → confirmation with lifecycle history, each step after the one before', async () => {
    const dir = await received();
    expect((await cli(dir, '2026-11-16', 'req', 'confirm', ID, '--by', 'Li Na', '--method', 'email')).code).toBe(1); // no analysis yet
    const a = await cli(
      dir,
      '2026-11-16',
      'req',
      'analyze',
      ID,
      '--analyst',
      'Zhou',
      '--background',
      'Members ask for it',
      '--goal',
      'Monthly export',
      '--feature',
      'CSV file',
      '--feature',
      'Filter by month',
      '--priority',
      'high',
      '--resources',
      'CRM API',
      '--risk',
      'API quota',
      '--days',
      '5',
    );
    expect(a).toMatchObject({ code: 0 });
    expect(a.stdout).toContain('received → analyzing');
    let r = record(dir);
    expect(r.status).toBe('analyzing');
    expect(r.analysis).toEqual({
      analyst: 'Zhou',
      date: '2026-11-16',
      background: 'Members ask for it',
      goal: 'Monthly export',
      features: ['CSV file', 'Filter by month'],
      priority: 'high',
      resources: 'CRM API',
      risks: ['API quota'],
      suggested_days: 5,
    });
    expect(r.history.at(-1)).toMatchObject({ date: '2026-11-16', from: 'received', to: 'analyzing', by: 'Zhou' });

    // assessment: due two working days after the analysis; not before it; exactly one verdict
    expect((await cli(dir, '2026-11-17', 'status', '--json')).stdout).toContain('"step": "assessment"');
    expect((await cli(dir, '2026-11-17', 'req', 'assess', ID, '--assessor', 'Sun', '--feasible', '--date', '2026-11-15')).code).toBe(1);
    expect((await cli(dir, '2026-11-17', 'req', 'assess', ID, '--assessor', 'Sun')).code).toBe(2);
    expect(
      (
        await cli(
          dir,
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
          '4',
          '--cost',
          '8000',
          '--risk',
          'quota',
        )
      ).code,
    ).toBe(0);
    r = record(dir);
    expect(r.feasibility).toEqual({
      assessor: 'Sun',
      date: '2026-11-17',
      difficulty: 'medium',
      people: 2,
      days: 4,
      cost: { amount: 8000, currency: 'CNY' },
      feasible: true,
      risks: ['quota'],
    });
    expect(r.status).toBe('analyzing');

    expect(
      (
        await cli(
          dir,
          '2026-11-18',
          'req',
          'plan',
          ID,
          '--by',
          'Zhou',
          '--scope',
          'CSV export only',
          '--priority',
          'high',
          '--resources',
          '2 developers',
          '--target',
          '2026-11-10',
        )
      ).code,
    ).toBe(1);
    expect(
      (await cli(dir, '2026-11-18', 'req', 'plan', ID, '--by', 'Zhou', '--scope', 'CSV export only', '--target', '2026-11-27')).code,
    ).toBe(0);
    expect(record(dir).plan).toEqual({ date: '2026-11-18', by: 'Zhou', scope: 'CSV export only', target: '2026-11-27' });

    const pending = JSON.parse((await cli(dir, '2026-11-18', 'req', 'list', '--json')).stdout);
    expect(JSON.stringify(pending)).toContain('"step":"confirmation"');

    // confirmation by stamped scan: the evidence must exist in the project
    expect(
      (await cli(dir, '2026-11-19', 'req', 'confirm', ID, '--by', 'Li Na', '--method', 'stamped_scan', '--evidence', 'scans/confirm.pdf'))
        .code,
    ).toBe(2);
    mkdirSync(join(dir, 'scans'));
    writeFileSync(join(dir, 'scans', 'confirm.pdf'), 'scan');
    const c = await cli(
      dir,
      '2026-11-19',
      'req',
      'confirm',
      ID,
      '--by',
      'Li Na',
      '--method',
      'stamped_scan',
      '--evidence',
      'scans/confirm.pdf',
      '--scope',
      'CSV export',
      '--standard',
      'File opens in Excel',
    );
    expect(c.code).toBe(0);
    r = record(dir);
    expect(r.status).toBe('confirmed');
    expect(r.confirmation).toEqual({
      by: 'Li Na',
      date: '2026-11-19',
      method: 'stamped_scan',
      scope: 'CSV export',
      acceptance_standard: 'File opens in Excel',
      evidence: 'scans/confirm.pdf',
    });
    expect(r.history.at(-1)).toMatchObject({ from: 'analyzing', to: 'confirmed', by: 'Li Na' });
    expect((await cli(dir, '2026-11-19', 'req', 'analyze', ID, '--analyst', 'Zhou')).code).toBe(1); // moved on
    expect(JSON.parse((await cli(dir, '2026-11-19', 'status', '--json')).stdout).workflow ?? []).toEqual([]);
    expect((await cli(dir, '2026-11-19', 'validate')).code).toBe(0);

    // as of the day before the confirmation, it was not confirmed yet
    const before = JSON.parse((await cli(dir, '2026-11-18', 'req', 'show', ID, '--json')).stdout);
    expect(before.requirement.status).toBe('analyzing');
    expect(before.requirement.confirmation).toBeUndefined();
    expect(before.requirement.plan).toBeDefined();
  });

  it('a requirement assessed as not feasible is neither planned nor confirmed', async () => {
    const dir = await received();
    await cli(dir, '2026-11-16', 'req', 'analyze', ID, '--analyst', 'Zhou');
    expect((await cli(dir, '2026-11-17', 'req', 'assess', ID, '--assessor', 'Sun', '--not-feasible', '--notes', 'No API')).code).toBe(0);
    const plan = await cli(dir, '2026-11-17', 'req', 'plan', ID, '--by', 'Zhou');
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('not feasible');
    expect((await cli(dir, '2026-11-17', 'req', 'confirm', ID, '--by', 'Li', '--method', 'email')).code).toBe(1);
  });

  it('edits intake fields and records an escalation with its outcome later', async () => {
    const dir = await received();
    expect(
      (await cli(dir, '2026-11-16', 'req', 'edit', ID, '--phone', '010-1234 5678', '--due', '2026-12-20', '--attach', 'docs/brief.pdf'))
        .code,
    ).toBe(0);
    expect(record(dir)).toMatchObject({
      contact_phone: '010-1234 5678',
      due: '2026-12-20',
      attachments: ['docs/brief.pdf', 'https://share.example/spec'],
    });
    expect((await cli(dir, '2026-11-16', 'req', 'edit', ID)).code).toBe(2);
    expect((await cli(dir, '2026-11-16', 'req', 'escalate', ID, '--outcome', 'x')).code).toBe(1);
    expect(
      (
        await cli(
          dir,
          '2026-11-16',
          'req',
          'escalate',
          ID,
          '--to',
          'Director Qian',
          '--reason',
          'Customer disputes the scope',
          '--by',
          'Wang',
        )
      ).code,
    ).toBe(0);
    expect((await cli(dir, '2026-11-18', 'req', 'escalate', ID, '--outcome', 'Scope agreed in a call')).code).toBe(0);
    expect(record(dir).escalations).toEqual([
      {
        date: '2026-11-16',
        to: 'Director Qian',
        by: 'Wang',
        reason: 'Customer disputes the scope',
        outcome: 'Scope agreed in a call',
        outcome_date: '2026-11-18',
      },
    ]);
    const show = await cli(dir, '2026-11-17', 'req', 'show', ID);
    expect(show.stdout).toContain('Director Qian');
    expect(show.stdout).toContain('open'); // as of the 17th the outcome is not known yet
    const zh = await cli(dir, '2026-11-18', 'req', 'show', ID, '--lang', 'zh-CN');
    expect(zh.stdout).toContain('问题升级 1');
  });
});

describe('meeting action items on the status screen and in the weekly report', () => {
  it('lists open items, overdue ones marked, and drops them once done', async () => {
    const dir = makeProject({});
    expect(
      (
        await cli(
          dir,
          '2026-11-13',
          'meeting',
          'add',
          '--kind',
          'sync',
          '--title',
          'Week 46 sync',
          '--date',
          '2026-11-13',
          '--action',
          'Zhang: send the test data @2026-11-17',
          '--action',
          'Li: book the training room @2026-11-27',
        )
      ).code,
    ).toBe(0);
    const screen = await cli(dir, '2026-11-20', 'status');
    expect(screen.stdout).toContain('Meeting actions');
    expect(screen.stdout).toContain('Meeting actions: 2 open, 1 overdue · MT-001#1 send the test data · Zhang · overdue since 17 Nov');
    const json = JSON.parse((await cli(dir, '2026-11-20', 'status', '--json')).stdout);
    expect(json.meeting_actions).toEqual([
      { meeting: 'MT-001', title: 'Week 46 sync', number: 1, text: 'send the test data', owner: 'Zhang', due: '2026-11-17', overdue: true },
      {
        meeting: 'MT-001',
        title: 'Week 46 sync',
        number: 2,
        text: 'book the training room',
        owner: 'Li',
        due: '2026-11-27',
        overdue: false,
      },
    ]);
    const weekly = await cli(dir, '2026-11-20', 'report', 'weekly');
    expect(weekly.stdout).toContain('## Meeting action items');
    expect(weekly.stdout).toContain('send the test data — Zhang (from MT-001 Week 46 sync, item 1), overdue since 17 Nov.');
    const html = await cli(dir, '2026-11-20', 'report', 'weekly', '--format', 'html');
    expect(html.stdout).toContain('<h2>Meeting action items</h2>');
    expect((await cli(dir, '2026-11-20', 'meeting', 'act', 'MT-001', '1', '--date', '2026-11-19')).code).toBe(0);
    const after = JSON.parse((await cli(dir, '2026-11-20', 'status', '--json')).stdout);
    expect(after.meeting_actions.map((a: { number: number }) => a.number)).toEqual([2]);
    // as of the 18th the item was still open
    const earlier = JSON.parse((await cli(dir, '2026-11-18', 'status', '--json')).stdout);
    expect(earlier.meeting_actions.map((a: { number: number }) => a.number)).toEqual([1, 2]);
  });
});
