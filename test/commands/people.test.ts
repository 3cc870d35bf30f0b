// People and the communication plan: team contacts with one primary contact per side, promised
// reports checked against the reports sent (validate and status), `report sent|log`.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject, read } from '../helpers/project.js';

const MANIFEST = `schema_version: 1
name: Portal
client: ACME
start: 2026-11-02
due: 2026-12-31
language: en
calendar:
  base: none
team:
  - name: Wang Lei
    side: supplier
    email: wang@us.example
communication:
  - name: weekly report
    kind: report
    every: week
    to: [Li Na]
  - name: monthly report
    kind: report
    every: month
  - name: weekly sync
    kind: meeting
    every: week
`;

const json = async (args: string[], cwd: string) => {
  const r = await runCli([...args, '--json'], { cwd });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

describe('deliver team', () => {
  it('adds people with phone and a primary contact per side, and moves the flag', async () => {
    const dir = makeProject({ 'deliver.yaml': MANIFEST });
    expect(
      (
        await runCli(
          [
            'team',
            'add',
            '--name',
            'Li Na',
            '--side',
            'customer',
            '--phone',
            '+86 138-0000-0000',
            '--primary',
            '--email',
            'li@acme.example',
          ],
          { cwd: dir },
        )
      ).code,
    ).toBe(0);
    expect((await runCli(['team', 'add', '--name', 'Zhao Min', '--side', 'customer', '--phone', 'call me'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['team', 'add', '--name', 'Zhao Min', '--side', 'customer'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['team', 'add', '--name', 'Li Na', '--side', 'customer', '--email', 'li@acme.example'], { cwd: dir })).code).toBe(
      1,
    );
    expect((await runCli(['team', 'update', 'Zhao Min', '--primary', '--capacity', '3'], { cwd: dir })).code).toBe(0);
    const list = await json(['team', 'list', '--side', 'customer'], dir);
    expect(list.items).toEqual([
      { name: 'Li Na', side: 'customer', phone: '+86 138-0000-0000', email: 'li@acme.example', primary: false },
      { name: 'Zhao Min', side: 'customer', capacity: 3, primary: true },
    ]);
    expect(read(dir, 'deliver.yaml')).toContain('  - name: Zhao Min\n    side: customer\n');
    expect((await runCli(['team', 'update', 'wang@us.example', '--primary'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['team', 'list'], { cwd: dir })).stdout).toMatch(/Wang Lei\tours\tprimary contact/);
    expect((await runCli(['team', 'update', 'Nobody', '--role', 'x'], { cwd: dir })).code).toBe(2);
  });

  it('validate warns about two primary contacts on one side', async () => {
    const dir = makeProject({
      'deliver.yaml': MANIFEST.replace(
        '    email: wang@us.example\n',
        '    email: wang@us.example\n    primary: true\n  - name: Sun Yi\n    primary: true\n',
      ),
    });
    const v = await runCli(['validate'], { cwd: dir });
    expect(v.stdout).toMatch(/deliver\.yaml:\d+:\d+: warning DLV-W160 two primary contacts on the supplier side: Sun Yi and Wang Lei/);
  });
});

describe('the communication plan', () => {
  it('a missed weekly report and a missed weekly sync: validate, status and report log say which week', async () => {
    const dir = makeProject({ 'deliver.yaml': MANIFEST });
    // Weeks W45 (2–8 Nov), W46, W47 (16–22 Nov) end before 2026-11-24; W46's report was never sent.
    expect(
      (
        await runCli(['report', 'sent', '--week', '2026-W45', '--date', '2026-11-06', '--to', 'Li Na', '--file', 'reports/w45.md'], {
          cwd: dir,
        })
      ).stdout,
    ).toBe('RS-001\n');
    // No --week: the week of the day sent.
    expect((await runCli(['report', 'sent', '--date', '2026-11-20'], { cwd: dir })).stdout).toBe('RS-002\n');
    expect((await runCli(['report', 'sent', '--promise', 'daily report'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['report', 'sent', '--file', '/etc/passwd'], { cwd: dir })).code).toBe(2);
    // The weekly sync was held in W45 and W47 (meetings/), not in W46.
    for (const date of ['2026-11-04', '2026-11-18'])
      expect((await runCli(['meeting', 'add', '--kind', 'sync', '--title', 'Weekly sync', '--date', date], { cwd: dir })).code).toBe(0);
    const v = await runCli(['validate', '--as-of', '2026-11-24'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(
      /deliver\.yaml:14:5: warning DLV-W161 promised report "weekly report" was not sent for 1 past period\(s\): 2026-W46/,
    );
    expect(v.stdout).toMatch(/warning DLV-W162 promised meeting "weekly sync" was not held in 1 past period\(s\): 2026-W46/);
    expect(v.stdout).not.toMatch(/monthly report/); // November has not ended
    const s = await json(['status', '--as-of', '2026-11-24'], dir);
    expect(s.communication).toEqual([
      { index: 0, name: 'weekly report', kind: 'report', every: 'week', periods: ['2026-W46'] },
      { index: 2, name: 'weekly sync', kind: 'meeting', every: 'week', periods: ['2026-W46'] },
    ]);
    expect((await runCli(['status', '--as-of', '2026-11-24'], { cwd: dir })).stdout).toContain(
      'Communication: weekly report missing for 2026-W46',
    );
    // The first month starting after the project start is December: in January its report is missing too.
    const jan = await json(['report', 'log', '--as-of', '2027-01-04'], dir);
    expect(jan.missing.map((m: { name: string; periods: string[] }) => `${m.name}: ${m.periods.join(' ')}`)).toEqual([
      'weekly report: 2026-W46 2026-W48 2026-W49 2026-W50 2026-W51 2026-W52 2026-W53',
      'monthly report: 2026-12',
      'weekly sync: 2026-W46 2026-W48 2026-W49 2026-W50 2026-W51 2026-W52 2026-W53',
    ]);
    expect(jan.items.map((d: { id: string }) => d.id)).toEqual(['RS-001', 'RS-002']);
    // Logging the monthly report keeps the promise; as of before it was sent it is still missing.
    await runCli(['report', 'sent', '--month', '2026-12', '--date', '2027-01-04', '--promise', 'monthly report'], { cwd: dir });
    expect((await json(['report', 'log', '--as-of', '2027-01-04'], dir)).missing).toHaveLength(2);
    expect((await json(['report', 'log', '--as-of', '2027-01-03'], dir)).missing).toHaveLength(3);
    expect((await runCli(['validate', '--as-of', '2026-11-27', '--lang', 'zh-CN'], { cwd: dir })).stdout).toContain(
      '承诺的报告"weekly report"有 1 个已过周期未发送：2026-W46',
    );
    const csv = (await runCli(['export', '--format', 'csv', '--kind', 'dispatches'], { cwd: dir })).stdout;
    expect(csv).toContain('RS-001,2026-11-06,weekly,2026-W45,,Li Na,reports/w45.md');
  });
});

describe('ticket rules', () => {
  it('steps before the opening and a closing without resolution are errors', async () => {
    const dir = makeProject({
      'deliver.yaml': MANIFEST,
      'tickets/TK-001-a.yaml':
        'id: TK-001\ntitle: A\nkind: support\nseverity: low\nopened: 2026-11-10\nresponse:\n  date: 2026-11-09\nclosed:\n  date: 2026-11-12\n  confirmed_by: Li Na\n',
    });
    const v = await runCli(['validate'], { cwd: dir });
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(
      /tickets\/TK-001-a\.yaml:7:3: error DLV-E163 response \(2026-11-09\) is before the ticket was opened \(2026-11-10\)/,
    );
    expect(v.stdout).toMatch(/error DLV-E164 TK-001 is closed but not resolved/);
  });
});

describe('deliver training', () => {
  it('records a session with attendance and materials; list, weekly report, export, as-of', async () => {
    const dir = makeProject({ 'deliver.yaml': MANIFEST });
    expect((await runCli(['training', 'add', '--date', '2026-11-18'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['training', 'add', '--topic', 'x', '--task', 'T-404'], { cwd: dir })).code).toBe(2);
    const add = await runCli(
      [
        'training',
        'add',
        '--topic',
        'Dashboard basics',
        '--date',
        '2026-11-18',
        '--audience',
        'Store managers',
        '--trainer',
        'Wang Lei',
        '--method',
        'hands_on',
        '--hours',
        '3',
        '--invited',
        '12',
        '--attendee',
        'Li Na',
        '--attendee',
        'Zhao Min',
        '--material',
        'docs/dashboard-guide.pdf',
      ],
      { cwd: dir },
    );
    expect(add).toMatchObject({ code: 0, stdout: 'TR-001\n' });
    expect(read(dir, 'training/TR-001-dashboard-basics.yaml')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.deliver\/schemas\/training\.schema\.json\n/,
    );
    const list = await json(['training', 'list'], dir);
    expect(list.items).toEqual([
      {
        id: 'TR-001',
        date: '2026-11-18',
        topic: 'Dashboard basics',
        audience: 'Store managers',
        trainer: 'Wang Lei',
        method: 'hands_on',
        hours: 3,
        invited: 12,
        attended: 2,
        attendees: ['Li Na', 'Zhao Min'],
        materials: ['docs/dashboard-guide.pdf'],
      },
    ]);
    expect((await runCli(['training', 'list'], { cwd: dir })).stdout).toMatch(
      /TR-001\t2026-11-18\tDashboard basics\tStore managers\tWang Lei\thands-on\t3\t2\/12\tdocs\/dashboard-guide\.pdf/,
    );
    expect((await json(['training', 'list', '--as-of', '2026-11-17'], dir)).items).toEqual([]);
    const wk = (await runCli(['report', 'weekly', '--week', '2026-W47'], { cwd: dir })).stdout;
    expect(wk).toContain('## Training this week\n\n- Dashboard basics for Store managers on 18 Nov, given by Wang Lei: 2 attended.');
    const csv = (await runCli(['export', '--format', 'csv', '--kind', 'training'], { cwd: dir })).stdout;
    expect(csv).toContain(
      'TR-001,2026-11-18,Dashboard basics,Store managers,Wang Lei,hands_on,3,12,2,docs/dashboard-guide.pdf,,Li Na Zhao Min',
    );
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });
});
