// CLI tests of `deliver meeting` — the first kind added through the kind registry: add/list/show/act,
// and everything the registry gives it for free (validate, references, renumber, --as-of, export, diff).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { makeProject, read } from '../helpers/project.js';

const REQ = `id: 202609-001
title: Export to Excel
customer: ACME
contact: Li
urgency: medium
received: 2026-09-02
receiver: Wang
status: received
`;

const meetingFile = (dir: string) => `meetings/${readdirSync(join(dir, 'meetings'))[0]!}`;

async function withMeeting() {
  const dir = makeProject({ 'requirements/202609-001-export.yaml': REQ });
  const r = await runCli(
    [
      'meeting',
      'add',
      '--kind',
      'sync',
      '--title',
      'Week 46 sync',
      '--date',
      '2026-11-13',
      '--attendee',
      'Zhang:customer',
      '--attendee',
      'Li',
      '--agenda',
      'Migration',
      '--decision',
      'Rehearse the migration first',
      '--action',
      'Zhang: send the test data @2026-11-17',
      '--action',
      'Li：fix the import script @2026-11-27',
      '--req',
      '202609-001',
    ],
    { cwd: dir },
  );
  expect(r).toMatchObject({ code: 0, stdout: 'MT-001\n' });
  return dir;
}

describe('deliver meeting', () => {
  it('writes the minutes as a record that validates, named by id and title', async () => {
    const dir = await withMeeting();
    expect(meetingFile(dir)).toBe('meetings/MT-001-week-46-sync.yaml');
    const text = read(dir, meetingFile(dir));
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../.deliver/schemas/meeting.schema.json');
    expect(parse(text)).toEqual({
      id: 'MT-001',
      kind: 'sync',
      date: '2026-11-13',
      title: 'Week 46 sync',
      attendees: [{ name: 'Zhang', side: 'customer' }, { name: 'Li' }],
      agenda: ['Migration'],
      decisions: ['Rehearse the migration first'],
      actions: [
        { text: 'send the test data', owner: 'Zhang', due: '2026-11-17' },
        { text: 'fix the import script', owner: 'Li', due: '2026-11-27' },
      ],
      requirements: ['202609-001'],
    });
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('lists and shows open and overdue action items as of the report date', async () => {
    const dir = await withMeeting();
    const list = await runCli(['meeting', 'list'], { cwd: dir });
    expect(list.stdout).toContain('MT-001\t2026-11-13\tprogress sync\tWeek 46 sync\t2\t1');
    expect(list.stdout).toContain('1 action item(s) overdue');
    const json = JSON.parse((await runCli(['meeting', 'list', '--json'], { cwd: dir })).stdout);
    expect(json.items[0]).toMatchObject({ id: 'MT-001', open_actions: 2, overdue_actions: 1 });
    // Before the first due date nothing is overdue.
    const early = JSON.parse((await runCli(['meeting', 'list', '--json', '--as-of', '2026-11-16'], { cwd: dir })).stdout);
    expect(early.items[0]).toMatchObject({ overdue_actions: 0 });
    const show = await runCli(['meeting', 'show', 'MT-001'], { cwd: dir });
    expect(show.stdout).toContain('Attendees: Zhang (customer), Li');
    expect(show.stdout).toContain('1. send the test data  (Zhang)  [⚠ overdue since 2026-11-17]');
    expect(show.stdout).toContain('2. fix the import script  (Li)  [due 2026-11-27]');
    expect((await runCli(['meeting', 'show', 'MT-009'], { cwd: dir })).code).toBe(2);
  });

  it('closes an action item, and refuses dates that validate would reject', async () => {
    const dir = await withMeeting();
    const before = read(dir, meetingFile(dir));
    const early = await runCli(['meeting', 'act', 'MT-001', '1', '--date', '2026-11-12'], { cwd: dir });
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('before the meeting (2026-11-13)');
    const future = await runCli(['meeting', 'act', 'MT-001', '1', '--date', '2026-11-21'], { cwd: dir });
    expect(future.code).toBe(1);
    const zh = await runCli(['meeting', 'act', 'MT-001', '1', '--date', '2026-11-12', '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.stderr).toContain('行动项不能在会议（2026-11-13）之前的 2026-11-12 完成');
    expect(read(dir, meetingFile(dir))).toBe(before);
    expect(await runCli(['meeting', 'act', 'MT-001', '1', '--date', '2026-11-18'], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: 'MT-001 action 1 done 2026-11-18: send the test data\n',
    });
    expect(parse(read(dir, meetingFile(dir))).actions[0].done).toBe('2026-11-18');
    expect((await runCli(['meeting', 'act', 'MT-001', '1'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['meeting', 'act', 'MT-001', '3'], { cwd: dir })).code).toBe(2);
    // As of a day before it was done, the action is open again.
    const asOf = JSON.parse((await runCli(['meeting', 'show', 'MT-001', '--json', '--as-of', '2026-11-17'], { cwd: dir })).stdout);
    expect(asOf.actions[0].done).toBeUndefined();
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('refuses malformed flags with exit 2 and retrospective fields outside a retrospective', async () => {
    const dir = makeProject({});
    const add = (...args: string[]) => runCli(['meeting', 'add', '--kind', 'review', '--title', 'Design review', ...args], { cwd: dir });
    expect((await add('--action', 'no owner here')).code).toBe(2);
    expect((await add('--action', 'Li: x @2026-13-01')).code).toBe(2);
    expect((await add('--highlight', 'went well')).code).toBe(2);
    expect((await add('--req', '209912-001')).code).toBe(2);
    expect((await runCli(['meeting', 'add', '--title', 'x'], { cwd: dir })).code).toBe(2);
    const retro = await runCli(
      [
        'meeting',
        'add',
        '--kind',
        'retrospective',
        '--title',
        'Retro',
        '--attendee',
        'Zhang:customer',
        '--highlight',
        'on time',
        '--problem',
        'late data',
        '--improvement',
        'ask earlier',
      ],
      { cwd: dir },
    );
    expect(retro.code).toBe(0);
    expect(parse(read(dir, meetingFile(dir))).retrospective).toEqual({
      highlights: ['on time'],
      problems: ['late data'],
      improvements: ['ask earlier'],
    });
  });

  it('gets the checks every registered kind gets: references, duplicate ids, rules, renumber and export', async () => {
    const dir = makeProject({
      'meetings/MT-001-a.yaml':
        'id: MT-001\nkind: sync\ndate: 2026-11-02\ntitle: A\nrequirements: [209901-001]\nactions:\n  - text: x\n    owner: Li\n    due: 2026-11-01\n    done: 2026-10-30\n',
      'meetings/MT-001-b.yaml': 'id: MT-001\nkind: review\ndate: 2026-11-03\ntitle: B\nretrospective:\n  problems: [p]\n',
    });
    const v = JSON.parse((await runCli(['validate', '--format', 'json'], { cwd: dir })).stdout);
    const codes = v.diagnostics.map((f: { code: string }) => f.code).sort();
    expect(codes).toEqual(['DLV-E040', 'DLV-E042', 'DLV-E170', 'DLV-W171', 'DLV-W172']);
    const r = await runCli(['renumber', 'MT-001', '--in', 'meetings/MT-001-b.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'meetings')).sort()).toEqual(['MT-001-a.yaml', 'MT-002-b.yaml']);
    const csv = (await runCli(['export', '--kind', 'meetings'], { cwd: dir })).stdout;
    expect(csv.split('\r\n')[0]).toBe(
      '\ufeffID,Date,Kind,Kind (label),Title,Attendees,Decisions,Action items,Open actions,Overdue actions,Requirements',
    );
    const json = JSON.parse((await runCli(['export', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.meetings.map((m: { id: string }) => m.id)).toEqual(['MT-001', 'MT-002']);
  });
});
