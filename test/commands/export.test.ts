// `deliver export`: CSV read back field by field (BOM, CRLF, quoting, Chinese, formula neutralising),
// JSON of the records, and ICS structure (CRLF, folding, escaping, stable UIDs, DTSTAMP from as-of).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/render/export-csv.js';
import { foldLine, icsText } from '../../src/render/export-ics.js';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/project.js';

const ALPHA = join(REPO, 'test', 'golden', 'reports', 'portfolio', 'alpha');

/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
      continue;
    }
    if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    field += c;
    i++;
  }
  if (field !== '' || row.length) throw new Error('last record not terminated by CRLF');
  return rows;
}

describe('CSV', () => {
  it('requirements by default: BOM, CRLF, quoting, Chinese intact, formulas neutralised', async () => {
    const r = await runCli(['export', '--format', 'csv'], { cwd: ALPHA });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(r.stdout.slice(1));
    expect(rows[0]!.slice(0, 4)).toEqual(['ID', 'Title', 'Customer', 'Contact']);
    expect(rows.every((x) => x.length === rows[0]!.length)).toBe(true);
    const byId = new Map(rows.slice(1).map((x) => [x[0], x]));
    expect(byId.get('202610-002')![1]).toBe('Monthly report pack, "Q4" edition');
    expect(byId.get('202611-002')![1]).toBe('库存预警短信');
    expect(byId.get('202611-001')![1]).toBe('\'=HYPERLINK("http://x") loyalty export');
    // A code column is followed by its label: urgency, then status.
    expect(byId.get('202610-001')!.slice(5, 12)).toEqual([
      'high',
      'high',
      '2026-10-05',
      '2026-11-10',
      'Alice Wong',
      'accepted',
      'accepted',
    ]);
    expect(rows[0]!.slice(11, 12)).toEqual(['Status (label)']);
  });

  it('every kind reads back with one row per record; headers follow the language', async () => {
    const counts = { requirements: 5, tasks: 6, milestones: 2, risks: 3, changes: 1, acceptance: 2, surveys: 2 };
    for (const [kind, n] of Object.entries(counts)) {
      const r = await runCli(['export', '--kind', kind], { cwd: ALPHA });
      expect(r.code, kind).toBe(0);
      expect(parseCsv(r.stdout.slice(1)).length, kind).toBe(n + 1);
    }
    const tasks = parseCsv((await runCli(['export', '--kind', 'tasks', '--lang', 'zh-CN'], { cwd: ALPHA })).stdout.slice(1));
    expect(tasks[0]!.slice(0, 3)).toEqual(['编号', '名称', '负责人']);
    const t5 = tasks.find((x) => x[0] === 'T-005')!;
    expect(t5[3]).toBe('blocked');
    const risks = parseCsv((await runCli(['export', '--kind', 'risks'], { cwd: ALPHA })).stdout.slice(1));
    expect(risks.find((x) => x[0] === 'R-001')!.find((c) => c.includes('Build a local mock'))).toContain('\n2. Build a local mock'); // multi-line cell survives
    expect(risks[0]!.slice(2, 4)).toEqual(['Category', 'Category (label)']);
    const zhRisks = parseCsv((await runCli(['export', '--kind', 'risks', '--lang', 'zh-CN'], { cwd: ALPHA })).stdout.slice(1));
    expect(zhRisks[0]!.slice(2, 4)).toEqual(['类别', '类别（名称）']);
    expect(zhRisks.find((x) => x[0] === 'R-001')!.slice(2, 4)).toEqual(['technical', '技术']);
    const changes = parseCsv((await runCli(['export', '--kind', 'changes'], { cwd: ALPHA })).stdout.slice(1));
    expect(changes[1]!.slice(8, 10)).toEqual(['3', '5000 CNY']); // after status and its label
  });

  it('csvField: numbers stay numbers; text starting with = + - @ gets a quote', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField('-3')).toBe("'-3");
    expect(csvField('+cmd')).toBe("'+cmd");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(undefined)).toBe('');
    expect(toCsv({ headers: ['a'], rows: [['x\ny']] })).toBe('\ufeffa\r\n"x\ny"\r\n');
  });
});

describe('JSON', () => {
  it('all kinds, or one, as stored', async () => {
    const r = await runCli(['export', '--format', 'json'], { cwd: ALPHA });
    const j = JSON.parse(r.stdout);
    expect(j.kind).toBe('export');
    expect(Object.keys(j)).toEqual([
      'schema_version',
      'kind',
      'as_of',
      'project',
      'requirements',
      'tasks',
      'milestones',
      'risks',
      'changes',
      'acceptance',
      'surveys',
      'tickets',
      'visits',
      'dispatches',
      'training',
      'meetings',
    ]);
    expect(j.acceptance[1].deliverable).toBe('Report pack, "Q4"; draft');
    const one = JSON.parse((await runCli(['export', '--json', '--kind', 'surveys'], { cwd: ALPHA })).stdout);
    expect(one.surveys.map((s: { score: number }) => s.score)).toEqual([90, 70]);
    expect(one.requirements).toBeUndefined();
  });
});

describe('ICS', () => {
  it('structure: CRLF, all-day events, stable UIDs, DTSTAMP from as-of', async () => {
    const r = await runCli(['export', '--format', 'ics', '--as-of', '2026-11-20'], { cwd: ALPHA });
    expect(r.code).toBe(0);
    const text = r.stdout;
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines[lines.length - 2]).toBe('END:VCALENDAR');
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '').split('\r\n');
    const events = unfolded.join('\n').split('BEGIN:VEVENT').slice(1);
    expect(events.length).toBe(2 + 1 + 2 + 5 + 2); // milestones, project due, requirement dues, risk actions (not waived), acceptance
    for (const e of events) {
      expect(e).toMatch(/\nUID:[^\n]+@deliver\n/);
      expect(e).toMatch(/\nDTSTAMP:20261120T000000Z\n/);
      expect(e).toMatch(/\nDTSTART;VALUE=DATE:\d{8}\n/);
      expect(e).toMatch(/\nDTEND;VALUE=DATE:\d{8}\n/);
      expect(e).toMatch(/END:VEVENT/);
    }
    expect(unfolded).toContain('SUMMARY:Agreed delivery: AC-002 Report pack\\, "Q4"\\; draft');
    const go = events.find((e) => e.includes('M-002'))!;
    expect(go).toMatch(/DTSTART;VALUE=DATE:20261204\nDTEND;VALUE=DATE:20261205/);
    const again = await runCli(['export', '--format', 'ics', '--as-of', '2026-11-20'], { cwd: ALPHA });
    expect(again.stdout).toBe(text);
    const uids = unfolded.filter((l) => l.startsWith('UID:'));
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('--kind tasks: task end dates only', async () => {
    const r = await runCli(['export', '--format', 'ics', '--kind', 'tasks'], { cwd: ALPHA });
    expect(r.stdout.split('BEGIN:VEVENT').length - 1).toBe(6);
  });

  it('escaping and folding', () => {
    expect(icsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = 'SUMMARY:' + '里程碑'.repeat(30);
    const folded = foldLine(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });
});
