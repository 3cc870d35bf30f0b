// Tables fit the terminal: the least important columns are cut with …, rows never wrap.
import { describe, expect, it } from 'vitest';
import { fitColumns } from '../../src/render/table-fit.js';
import { renderTable, type Column } from '../../src/render/table.js';
import { displayWidth } from '../../src/render/width.js';
import { runCli } from '../helpers/cli.js';
import { copyExample } from '../helpers/project.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const widest = (out: string) => Math.max(...strip(out).split('\n').map(displayWidth));

describe('fitColumns', () => {
  it('leaves a table that fits alone', () => {
    expect(fitColumns([5, 10], [5, 8], [3, 1], 80)).toEqual({ widths: [5, 10], shown: [0, 1] });
  });
  it('shaves the widest of the least important columns first, down to their floors', () => {
    const r = fitColumns([10, 40, 30], [8, 8, 8], [3, 1, 1], 60);
    expect(r.shown).toEqual([0, 1, 2]);
    expect(r.widths[0]).toBe(10);
    expect(r.widths[1]! + r.widths[2]!).toBe(60 - 1 - 9 - 10);
    expect(Math.abs(r.widths[1]! - r.widths[2]!)).toBeLessThanOrEqual(1);
  });
  it('leaves out the least important columns, rightmost first, when even the floors are too wide', () => {
    const r = fitColumns([10, 10, 10, 10], [10, 10, 10, 10], [3, 1, 2, 1], 30);
    expect(r.shown).toEqual([0, 2]);
  });
});

describe('tables on a terminal', () => {
  const columns: Column<{ id: string; title: string; owner: string }>[] = [
    { header: 'Id', value: (r) => r.id },
    { header: 'Title', value: (r) => r.title },
    { header: 'Owner', value: (r) => r.owner },
  ];
  const rows = [{ id: 'R-001', title: '客户方关键人员在项目期间离职，交接不充分导致进度延误和返工', owner: '周敏' }];

  it('cut long cells with … to the width, CJK counted as two columns', () => {
    const out = renderTable(columns, rows, { tty: true, color: false, chalk: undefined, width: 50 });
    expect(widest(out)).toBeLessThanOrEqual(50);
    expect(out).toContain('…');
    expect(out).toContain('R-001');
  });

  for (const [cmd, cols] of [
    [['risk', 'list'], 80],
    [['risk', 'list'], 120],
    [['task', 'list'], 80],
    [['req', 'list'], 80],
    [['change', 'list'], 80],
    [['accept', 'list'], 80],
  ] as const) {
    it(`deliver ${cmd.join(' ')} fits ${cols} columns in both languages`, async () => {
      const dir = copyExample('crm-dashboard-zh');
      for (const lang of ['zh-CN', 'en']) {
        const r = await runCli([...cmd, '--lang', lang], { cwd: dir, stdoutIsTTY: true, columns: cols });
        expect(r.code).toBe(0);
        expect(widest(r.stdout), `${lang}\n${r.stdout}`).toBeLessThanOrEqual(cols);
      }
    });
  }
});
