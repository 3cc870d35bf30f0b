// CLI tests of `deliver risk`: add with paired actions, list by score with overdue flags (TTY, piped, JSON),
// the matrix, act/close rules, unknown ids, and hand edits surviving every rewrite byte for byte.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { makeProject, read } from '../helpers/project.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const riskFile = (dir: string, id: string) => `risks/${readdirSync(join(dir, 'risks')).find((f) => f.startsWith(id))!}`;

async function withRisks() {
  const dir = makeProject({});
  const add = (...args: string[]) => runCli(['risk', 'add', ...args], { cwd: dir });
  const a = await add(
    '--title',
    'Vendor hardware arrives late',
    '--category',
    'delivery',
    '--probability',
    '4',
    '--impact',
    '5',
    '--response',
    'mitigate',
    '--owner',
    'Wang',
    '--action',
    'Order early',
    '--action-due',
    '2026-11-01',
    '--action',
    'Find a second vendor',
    '--action-owner',
    'Zhao',
    '--action-due',
    '2026-12-01',
    '--identified',
    '2026-09-01',
  );
  expect(a).toMatchObject({ code: 0, stdout: 'R-001\n' });
  expect(
    (
      await add(
        '--title',
        'Key user leaves',
        '--category',
        'market',
        '--probability',
        '2',
        '--impact',
        '3',
        '--response',
        'accept',
        '--owner',
        'Li',
        '--identified',
        '2026-09-01',
      )
    ).stdout,
  ).toBe('R-002\n');
  expect(
    (
      await add(
        '--title',
        'Spec changes often',
        '--category',
        'technical',
        '--probability',
        '5',
        '--impact',
        '4',
        '--response',
        'avoid',
        '--owner',
        'Li',
        '--identified',
        '2026-09-01',
      )
    ).stdout,
  ).toBe('R-003\n');
  return dir;
}

describe('deliver risk add', () => {
  it('writes the risk with each --action-due/--action-owner paired to the --action before it', async () => {
    const dir = await withRisks();
    const data = parse(read(dir, riskFile(dir, 'R-001')));
    expect(data).toMatchObject({ id: 'R-001', probability: 4, impact: 5, status: 'open', identified: '2026-09-01' });
    expect(data.actions).toEqual([
      { text: 'Order early', due: '2026-11-01' },
      { text: 'Find a second vendor', owner: 'Zhao', due: '2026-12-01' },
    ]);
    expect(read(dir, riskFile(dir, 'R-001'))).toMatch(/^# yaml-language-server: \$schema=/);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });
  it('refuses an --action-due with no --action before it, and bad levels, with exit 2', async () => {
    const dir = makeProject({});
    const base = ['risk', 'add', '--title', 'x', '--category', 'legal', '--impact', '2', '--response', 'accept', '--owner', 'Li'];
    const orphan = await runCli([...base, '--probability', '2', '--action-due', '2026-12-01', '--action', 'y'], { cwd: dir });
    expect(orphan.code).toBe(2);
    expect(orphan.stderr).toContain('--action-due 2026-12-01 has no --action before it');
    expect((await runCli([...base, '--probability', '6'], { cwd: dir })).code).toBe(2);
    expect((await runCli([...base], { cwd: dir })).stderr).toContain('missing --probability');
  });
});

describe('deliver risk list', () => {
  it('sorts by score then id and flags overdue actions, tab-separated when piped', async () => {
    const dir = await withRisks();
    const r = await runCli(['risk', 'list'], { cwd: dir });
    const lines = r.stdout
      .slice(0, -1)
      .split('\n')
      .map((l) => l.split('\t'));
    expect(lines[0]).toEqual(['ID', 'Score', 'Level', 'P', 'I', 'Title', 'Category', 'Response', 'Owner', 'Status', 'Actions', 'Overdue']);
    expect(lines.slice(1).map((l) => [l[0], l[1], l[11]])).toEqual([
      ['R-001', '20', '1'],
      ['R-003', '20', ''],
      ['R-002', '6', ''],
    ]);
  });
  it('shows an aligned table on a terminal with the overdue summary, and JSON with --json', async () => {
    const dir = await withRisks();
    const tty = await runCli(['risk', 'list'], { cwd: dir, stdoutIsTTY: true });
    expect(tty.stdout).toContain('⚠ #1');
    expect(tty.stdout).toContain('1 overdue action(s): R-001 #1 (2026-11-01)');
    const json = JSON.parse((await runCli(['risk', 'list', '--json', '--open'], { cwd: dir })).stdout);
    expect(json).toMatchObject({ schema_version: 1, kind: 'risk.list', as_of: '2026-11-20' });
    expect(json.items.map((i: { id: string; score: number; overdue_actions: number[] }) => [i.id, i.score, i.overdue_actions])).toEqual([
      ['R-001', 20, [1]],
      ['R-003', 20, []],
      ['R-002', 6, []],
    ]);
  });
  it('draws the matrix with ids in their cells, aligned in Chinese too', async () => {
    const dir = await withRisks();
    const en = (await runCli(['risk', 'list', '--matrix'], { cwd: dir })).stdout;
    const rows = en.split('\n').filter((l) => l.includes('│'));
    expect(rows).toHaveLength(5);
    // Probability 5 is the top row: R-003 at impact 4 (column 4); probability 4 row: R-001 at impact 5.
    expect(rows[0]!.split('│').map((c) => c.trim())).toEqual(['5', '·', '·', '·', 'R-003', '·', '']);
    expect(rows[1]!.split('│').map((c) => c.trim())).toEqual(['4', '·', '·', '·', '·', 'R-001', '']);
    expect(rows[3]!.split('│').map((c) => c.trim())).toEqual(['2', '·', '·', 'R-002', '·', '·', '']);
    expect(en).toMatch(/high \(15–25\): R-001, R-003/);
    const zh = (await runCli(['risk', 'list', '--matrix', '--lang', 'zh-CN'], { cwd: dir })).stdout;
    expect(zh).toContain('可能性');
    const grid = zh.split('\n').filter((l) => /[│┌├└]/.test(l));
    // Every grid line has the same display width (the label column holds CJK text).
    const { default: stringWidth } = await import('string-width');
    expect(new Set(grid.map((l) => stringWidth(l))).size).toBe(1);
    const json = JSON.parse((await runCli(['risk', 'list', '--matrix', '--json'], { cwd: dir })).stdout);
    expect(json.rows[1][4]).toMatchObject({ probability: 4, impact: 5, ids: ['R-001'] });
  });
});

describe('deliver risk show, act, update, close', () => {
  it('shows numbered actions with the overdue one flagged', async () => {
    const dir = await withRisks();
    const r = await runCli(['risk', 'show', 'R-001'], { cwd: dir });
    expect(r.stdout).toContain('1. Order early  [⚠ OVERDUE since 2026-11-01]');
    expect(r.stdout).toContain('2. Find a second vendor  (Zhao)  [due 2026-12-01]');
    const json = JSON.parse((await runCli(['risk', 'show', 'R-001', '--json'], { cwd: dir })).stdout);
    expect(json.actions.map((a: { state: string }) => a.state)).toEqual(['overdue', 'planned']);
  });
  it('refuses to close with open actions, then closes once they are done or waived', async () => {
    const dir = await withRisks();
    const refused = await runCli(['risk', 'close', 'R-001'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('action(s) #1, #2 are neither done nor waived');
    expect((await runCli(['risk', 'act', 'R-001', '1', '--done', '--date', '2026-11-05'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['risk', 'act', 'R-001', '1', '--done'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['risk', 'act', 'R-001', '2', '--waive', 'second vendor not needed'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['risk', 'act', 'R-001', '3', '--done'], { cwd: dir })).code).toBe(2);
    const closed = await runCli(['risk', 'close', 'R-001', '--reason', 'hardware arrived'], { cwd: dir });
    expect(closed).toMatchObject({ code: 0, stdout: 'R-001 closed on 2026-11-20\n' });
    expect(parse(read(dir, riskFile(dir, 'R-001')))).toMatchObject({
      status: 'closed',
      closed: { date: '2026-11-20', reason: 'hardware arrived' },
    });
    expect((await runCli(['risk', 'list', '--open'], { cwd: dir })).stdout).not.toContain('R-001');
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });
  it('updates fields and reopens a closed risk', async () => {
    const dir = await withRisks();
    const u = await runCli(
      [
        'risk',
        'update',
        'R-002',
        '--probability',
        '5',
        '--status',
        'monitoring',
        '--action',
        'Train a deputy',
        '--action-due',
        '2026-12-15',
      ],
      { cwd: dir },
    );
    expect(u.stdout).toBe('R-002 updated: Probability; Actions; Status\n');
    expect(parse(read(dir, riskFile(dir, 'R-002')))).toMatchObject({
      probability: 5,
      status: 'monitoring',
      actions: [{ text: 'Train a deputy', due: '2026-12-15' }],
    });
    expect((await runCli(['risk', 'update', 'R-002'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['risk', 'update', 'R-003', '--status', 'closed'], { cwd: dir })).code).toBe(0);
    expect(parse(read(dir, riskFile(dir, 'R-003')))).toMatchObject({ status: 'closed', closed: { date: '2026-11-20' } });
    await runCli(['risk', 'update', 'R-003', '--status', 'open'], { cwd: dir });
    expect(parse(read(dir, riskFile(dir, 'R-003'))).closed).toBeUndefined();
  });
  it('rejects unknown ids with exit 2 and a hint', async () => {
    const dir = await withRisks();
    for (const args of [
      ['show', 'R-404'],
      ['act', 'R-404', '1', '--done'],
      ['update', 'R-404', '--impact', '2'],
      ['close', 'R-404'],
    ]) {
      const r = await runCli(['risk', ...args], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no risk with id R-404');
      expect(r.stderr).toContain('deliver risk list');
    }
  });
  it('keeps comments and formatting of a hand-edited risk file through act, update and close', async () => {
    const original = `# yaml-language-server: $schema=../.deliver/schemas/risk.schema.json
# Raised at the kick-off meeting.
id: R-007
title: "Vendor late"   # quoted on purpose
category: delivery
probability:   3
impact: 4
response: mitigate
owner: Wang
identified: 2026-09-01
status: open

actions:
  # the vendor promised a date
  - text: Call the vendor weekly
    due: 2026-10-01
  - {text: Keep a spare unit, due: 2026-10-15}
`;
    const dir = makeProject({ 'risks/R-007-vendor-late.yaml': original });
    const file = 'risks/R-007-vendor-late.yaml';
    expect((await runCli(['risk', 'act', 'R-007', '1', '--done', '--date', '2026-09-30'], { cwd: dir })).code).toBe(0);
    expect(read(dir, file)).toBe(original.replace('    due: 2026-10-01\n', '    due: 2026-10-01\n    done: 2026-09-30\n'));
    const afterAct = read(dir, file);
    expect((await runCli(['risk', 'update', 'R-007', '--impact', '5'], { cwd: dir })).code).toBe(0);
    expect(read(dir, file)).toBe(afterAct.replace('impact: 4', 'impact: 5'));
    expect((await runCli(['risk', 'act', 'R-007', '2', '--waive', 'not needed'], { cwd: dir })).code).toBe(0);
    expect(read(dir, file)).toBe(
      afterAct
        .replace('impact: 4', 'impact: 5')
        .replace('due: 2026-10-15}', 'due: 2026-10-15, waived: not needed, waived_date: 2026-11-20}'),
    );
    const beforeClose = read(dir, file);
    expect((await runCli(['risk', 'close', 'R-007', '--date', '2026-11-01'], { cwd: dir })).code).toBe(0);
    expect(read(dir, file)).toBe(beforeClose.replace('status: open', 'status: closed') + 'closed:\n  date: 2026-11-01\n');
  });
});
