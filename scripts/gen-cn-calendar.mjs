#!/usr/bin/env node
// Generates src/core/calendars/cn.ts (mainland-China holidays and make-up workdays) from the chinese-days package.
//
// 2024–2026: copied from chinese-days' per-year JSON, which transcribes the State Council General
// Office's annual notices (国务院办公厅关于20XX年部分节假日安排的通知).
// 2027: chinese-days has no data and the 2027 notice is not available to us, so only the statutory
// days of 全国年节及纪念日放假办法 (2024 revision) are emitted, lunar dates converted with
// chinese-days' own lunar/solar-term functions, and the year is marked provisional. Bridging days
// and make-up days are never invented: users add them in deliver.yaml until the data is updated.
//
// Usage: node scripts/gen-cn-calendar.mjs [--check]   (--check fails if the committed file is stale)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// chinese-days builds dates with local-time Date objects; pin the zone so output never depends on the machine.
process.env.TZ = 'Asia/Shanghai';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('chinese-days/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const cdMod = require('chinese-days');
const cd = cdMod.default ?? cdMod;

const OFFICIAL_YEARS = [2024, 2025, 2026];
const PROVISIONAL_YEARS = [2027];

/** chinese-days stores "English name,中文名,days" per date. */
function parseEntry(value, where) {
  const [en, zh] = String(value).split(',');
  if (!en || !zh) throw new Error(`unexpected chinese-days entry at ${where}: ${value}`);
  return { en: en.trim(), zh: zh.trim() };
}

function officialYear(year) {
  const file = join(pkgDir, 'dist', 'years', `${year}.json`);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const rows = (obj) =>
    Object.entries(obj ?? {})
      .filter(([date]) => date.startsWith(`${year}-`))
      .map(([date, v]) => {
        const { en, zh } = parseEntry(v, `${year}/${date}`);
        return [date, zh, en];
      })
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const holidays = rows(data.holidays);
  const workdays = rows(data.workdays);
  if (holidays.length === 0) throw new Error(`chinese-days has no holidays for ${year}`);
  return { provisional: false, holidays, workdays };
}

function shift(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return t.toISOString().slice(0, 10);
}

function lunarToSolar(lunarYear, month, day) {
  const mm = String(month).padStart(2, '0'),
    dd = String(day).padStart(2, '0');
  const r = cd.getSolarDateFromLunar(`${lunarYear}-${mm}-${dd}`);
  if (!r?.date) throw new Error(`lunar conversion failed for ${lunarYear}-${mm}-${dd}`);
  return r.date;
}

/** The statutory public holidays of 全国年节及纪念日放假办法 (2024 revision, art. 2) for one year. */
function statutoryDays(year) {
  const out = [];
  const add = (date, zh, en) => out.push([date, zh, en]);
  add(`${year}-01-01`, '元旦', "New Year's Day");
  // Spring Festival: 4 days, 除夕 (eve, last day of the previous lunar year) through 正月初三.
  const newYear = lunarToSolar(year, 1, 1);
  for (let i = -1; i <= 2; i++) add(shift(newYear, i), '春节', 'Spring Festival');
  add(cd.getSolarTermDate(year, 4, 'pure_brightness'), '清明', 'Tomb-sweeping Day');
  add(`${year}-05-01`, '劳动节', 'Labour Day');
  add(`${year}-05-02`, '劳动节', 'Labour Day');
  add(lunarToSolar(year, 5, 5), '端午', 'Dragon Boat Festival');
  add(lunarToSolar(year, 8, 15), '中秋', 'Mid-autumn Festival');
  for (const d of ['10-01', '10-02', '10-03']) add(`${year}-${d}`, '国庆节', 'National Day');
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

const years = {};
for (const y of OFFICIAL_YEARS) {
  years[y] = officialYear(y);
  // Cross-check the lunar conversion against published years under the 2024 revision (in force from
  // 2025; 2024 still followed the old rules, without 除夕 and with one Labour Day): every statutory
  // day the generator computes must be a day off in the official data.
  if (y < 2025) continue;
  const off = new Set(years[y].holidays.map((r) => r[0]));
  for (const [date, zh] of statutoryDays(y)) {
    if (!off.has(date)) throw new Error(`statutory ${zh} ${date} is not a holiday in chinese-days ${y}: conversion is wrong`);
  }
}
for (const y of PROVISIONAL_YEARS) years[y] = { provisional: true, holidays: statutoryDays(y), workdays: [] };

const fmtRows = (rows) => rows.map((r) => `      [${r.map((s) => JSON.stringify(s)).join(', ')}],`).join('\n');
const body = Object.entries(years)
  .map(
    ([y, v]) =>
      `    ${y}: {\n      provisional: ${v.provisional},\n      holidays: [\n${fmtRows(v.holidays).replace(/^ {6}/gm, '        ')}\n      ],\n      workdays: [${v.workdays.length ? `\n${fmtRows(v.workdays).replace(/^ {6}/gm, '        ')}\n      ` : ''}],\n    },`,
  )
  .join('\n');

const text = `// Built-in mainland-China working calendar: public holidays (days off) and make-up workdays (调休), 2024–2027.
// GENERATED by scripts/gen-cn-calendar.mjs from chinese-days@${pkg.version} (https://github.com/vsme/chinese-days). Do not edit by hand.
//
// 2024–2026 transcribe the State Council General Office's annual notices 国务院办公厅关于2024年/2025年/
// 2026年部分节假日安排的通知, as recorded by chinese-days (its dist/years/<year>.json).
// 2027 is PROVISIONAL: only the statutory days of 全国年节及纪念日放假办法 (2024 revision) — New Year
// Jan 1, Spring Festival 除夕–初三, Qingming, Labour Day May 1–2, Dragon Boat, Mid-Autumn, National Day
// Oct 1–3 — with lunar dates converted by chinese-days. The 2027 notice's bridging days and make-up
// workdays are NOT included; add them to deliver.yaml (calendar.holidays / calendar.workdays) until
// this file is regenerated from a chinese-days release that has 2027.

/** [date, name in zh-CN, name in en] */
export type CnDay = readonly [date: string, zh: string, en: string];

export interface CnYear {
  /** True when the year holds only statutory days, not the official annual arrangement. */
  readonly provisional: boolean;
  /** Days off (weekend days inside a holiday block are listed too). */
  readonly holidays: readonly CnDay[];
  /** Weekend days that are worked (调休上班). */
  readonly workdays: readonly CnDay[];
}

export const CN_CALENDAR_SOURCE = 'chinese-days@${pkg.version}';

export const CN_CALENDAR: { readonly years: Readonly<Record<number, CnYear>> } = {
  years: {
${body}
  },
};
`;

const out = join(root, 'src', 'core', 'calendars', 'cn.ts');
if (process.argv.includes('--check')) {
  let old = '';
  try {
    old = readFileSync(out, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (old !== text) {
    console.error('src/core/calendars/cn.ts is stale: run node scripts/gen-cn-calendar.mjs');
    process.exit(1);
  }
  console.log('src/core/calendars/cn.ts is up to date');
} else {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote src/core/calendars/cn.ts (${Object.keys(years).join(', ')})`);
}
