// Golden-file tests for the text and Mermaid Gantt renderers (UPDATE_GOLDEN=1 rewrites the goldens).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { Chalk } from 'chalk';
import { makeCalendar } from '../../src/core/calendar.js';
import { schedule, type Task, type Milestone, type Baseline } from '../../src/core/schedule.js';
import { renderGantt, fit, fitByGraphemes, type GanttOptions } from '../../src/render/gantt.js';
import { displayWidth } from '../../src/render/width.js';
import { renderMermaidGantt, mermaidText, mermaidId } from '../../src/render/gantt-mermaid.js';
import { expectGolden } from '../helpers/golden.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden', 'gantt');

const golden = (name: string, actual: string): void => expectGolden(GOLDEN, name, actual);

const calendar = makeCalendar({ base: 'cn' });
const tasks: Task[] = [
  { id: 'T-001', name: 'Requirements research', status: 'done', days: 5, actual_start: '2026-09-14', actual_end: '2026-09-18' },
  { id: 'T-002', name: '原型设计与客户确认', status: 'done', days: 5, depends_on: ['T-001'], milestone: 'M-001', actual_end: '2026-09-29' },
  {
    id: 'T-003',
    name: 'Build the data dashboard: ingest, model; report #1',
    status: 'in_progress',
    days: 10,
    depends_on: ['M-001'],
    milestone: 'M-002',
  },
  {
    id: 'T-004',
    name: '接口联调（第三方硬件）',
    status: 'blocked',
    days: 3,
    depends_on: ['M-001'],
    milestone: 'M-002',
    blocked_reason: 'hardware late',
  },
  { id: 'T-005', name: 'User training\u001b[31m', status: 'todo', days: 2, depends_on: ['T-003', 'T-004'], milestone: 'M-002' },
  { id: 'T-006', name: '试运行与验收准备', status: 'todo', days: 5, depends_on: ['T-005'] },
];
const milestones: Milestone[] = [
  { id: 'M-001', name: 'Prototype signed off', depends_on: ['T-002'] },
  { id: 'M-002', name: '上线 Go-live', depends_on: ['T-005'], due: '2026-10-23' },
];
const baselines: Baseline[] = [
  {
    name: 'contract',
    taken: '2026-09-10',
    items: [
      { id: 'T-001', start: '2026-09-14', end: '2026-09-18' },
      { id: 'T-002', start: '2026-09-21', end: '2026-09-25' },
      { id: 'T-003', start: '2026-09-28', end: '2026-10-16' },
      { id: 'T-005', start: '2026-10-19', end: '2026-10-20' },
      { id: 'M-002', end: '2026-10-20' },
    ],
  },
];
const base = { start: '2026-09-14', due: '2026-10-30', asOf: '2026-10-15', tasks, milestones, calendar };
const plain = schedule(base);
const withBaseline = schedule({ ...base, baselines });

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const opts = (o: Partial<GanttOptions>): GanttOptions => ({ width: 80, lang: 'en', asOf: '2026-10-15', calendar, ...o });

describe('text gantt goldens', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const width of [80, 120, 160]) {
      for (const [tag, s] of [
        ['plain', plain],
        ['baseline', withBaseline],
      ] as const) {
        it(`${lang} ${width} ${tag}`, () => {
          const out = renderGantt(s, opts({ lang, width }));
          for (const line of out.trimEnd().split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
          golden(`${lang}-${width}-${tag}.txt`, out);
        });
      }
    }
  }
  it('week scale over a long window', () => {
    golden('en-80-week.txt', renderGantt(withBaseline, opts({ scale: 'week', from: '2026-08-03', to: '2027-01-29' })));
  });
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const width of [80, 120, 160]) {
      it(`week scale fills ${width} columns and labels every month (${lang})`, () => {
        const out = renderGantt(withBaseline, opts({ lang, width, scale: 'week', from: '2026-08-03', to: '2027-01-29' }));
        const lines = out.split('\n');
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
        // The bars' area reaches within a few columns of the info column: the chart uses the width.
        expect(stringWidth(lines[2]!.trimEnd())).toBeGreaterThan(width * 0.55);
        const months = lang === 'en' ? ['Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan'] : ['8月', '9月', '10月', '11月', '12月', '1月'];
        for (const m of months) expect(lines[1], m).toContain(m);
        golden(`${lang}-${width}-week.txt`, out);
      });
    }
  }
  it('shows baseline rows only where the dates moved, unless asked for all', () => {
    const some = renderGantt(withBaseline, opts({}));
    const all = renderGantt(withBaseline, opts({ allBaselineRows: true }));
    const count = (s: string) => s.split('\n').filter((l) => /^ {2}baseline/.test(l)).length;
    expect(count(all)).toBeGreaterThan(count(some));
    expect(some).not.toMatch(/T-001 Requirements res… .*\n {2}baseline/);
  });
});

describe('text gantt behaviour', () => {
  it('never lets record text reach the terminal raw', () => {
    const out = renderGantt(plain, opts({ width: 160 }));
    expect(out).not.toContain('\u001b');
    expect(out).toContain('\\x1b[31m');
  });
  it('marks critical items, milestones, the as-of column and statuses without colour', () => {
    const out = renderGantt(plain, opts({ width: 160 }));
    const row = (id: string) => out.split('\n').find((l) => l.includes(id))!;
    expect(row('T-006').startsWith('!T-006')).toBe(true);
    expect(row('M-002')).toContain('◆');
    expect(row('T-001')).toContain('█');
    expect(row('T-004')).toContain('×');
    expect(out.split('\n').filter((l) => l.includes('│')).length).toBeGreaterThan(3);
  });
  it('colours only when asked, with the given chalk', () => {
    const coloured = renderGantt(plain, opts({ color: true, chalk: new Chalk({ level: 1 }) }));
    expect(coloured).toContain('\u001b[');
    expect(strip(coloured)).toBe(renderGantt(plain, opts({})));
  });
  it('switches to weeks automatically when days do not fit, and cuts a forced day scale', () => {
    expect(renderGantt(plain, opts({ from: '2026-06-01', to: '2027-03-01' })).split('\n')[0]).toContain('weeks');
    expect(renderGantt(plain, opts({ from: '2026-06-01', to: '2027-03-01', scale: 'day' }))).toContain('window cut');
  });
  it('renders an empty schedule and a window with nothing in it', () => {
    const empty = schedule({ start: '2026-09-14', asOf: '2026-10-15', tasks: [], milestones: [], calendar });
    expect(renderGantt(empty, opts({}))).toContain('Nothing is scheduled');
    expect(renderGantt(plain, opts({ from: '2027-03-01', to: '2027-03-31' }))).toContain('Nothing is scheduled');
    expect(renderMermaidGantt(empty, { lang: 'en', asOf: '2026-10-15', calendar })).toContain('excludes weekends');
  });
  it('draws a 10,000-task schedule within the width', () => {
    const big: Task[] = Array.from({ length: 10000 }, (_, i) => ({
      id: `T-${i + 1}`,
      name: `任务 ${i + 1}`,
      status: 'todo',
      days: 1,
      ...(i ? { depends_on: [`T-${i}`] } : {}),
    }));
    const out = renderGantt(
      schedule({ start: '2026-01-05', asOf: '2026-10-15', tasks: big, milestones: [], calendar }),
      opts({ width: 100 }),
    );
    expect(out.split('\n').length).toBeGreaterThan(10000);
    for (const line of out.trimEnd().split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(100);
  });
  it('truncates labels by display width without splitting wide characters', () => {
    expect(fit('原型设计', 5)).toBe('原型…');
    expect(stringWidth(fit('原型设计与客户确认', 8))).toBe(8);
    expect(fit('abc', 5)).toBe('abc  ');
  });
  it('fits printable ASCII (its fast path) exactly as the grapheme walk does, and measures like string-width', () => {
    const unit = fc.constantFrom('a', 'Z', ' ', '~', '-', '9', '任', '务', 'é', '😀', '\u0301');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit, maxLength: 20 })), fc.integer({ min: 0, max: 30 }), (s, w) => {
        expect(fit(s, w)).toBe(fitByGraphemes(s, w));
        expect(displayWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('mermaid gantt', () => {
  it('golden en and zh-CN', () => {
    golden('mermaid-en.mmd', renderMermaidGantt(withBaseline, { lang: 'en', asOf: '2026-10-15', calendar, title: 'Dashboard' }));
    golden('mermaid-zh-CN.mmd', renderMermaidGantt(withBaseline, { lang: 'zh-CN', asOf: '2026-10-15', calendar }));
  });
  it('lists holidays on weekdays in excludes and make-up weekend days in includes', () => {
    const out = renderMermaidGantt(plain, { lang: 'en', asOf: '2026-10-15', calendar });
    expect(out).toMatch(/excludes weekends, 2026-09-25, 2026-10-01, 2026-10-02, 2026-10-05, 2026-10-06, 2026-10-07/);
    expect(out).toMatch(/includes 2026-09-20, 2026-10-10/);
  });
  it('escapes text so records cannot break the syntax', () => {
    expect(mermaidText('a: b # c; d\nsection x, %% y')).toBe('a： b ＃ c； d\\nsection x， ％％ y');
    expect(mermaidText('section Evil')).toBe('· section Evil');
    expect(mermaidId('T-001:x y')).toBe('T-001_x_y');
    const evil = schedule({
      ...base,
      tasks: [{ id: 'T-001', name: 'x\nsection Pwned\n    y :crit, 2020-01-01, 1d', status: 'todo' }],
      milestones: [],
    });
    const out = renderMermaidGantt(evil, { lang: 'en', asOf: '2026-10-15' });
    expect(out.split('\n').filter((l) => l.includes('section'))).toHaveLength(2); // our section header + the escaped task line
    expect(out).not.toMatch(/^\s*section Pwned/m);
  });
});
