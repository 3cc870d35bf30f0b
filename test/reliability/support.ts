// Shared by the reliability tests: the read commands to exercise (skipped until registered), the
// output checks (control bytes, stack traces, size) and the built binary for real-process tests.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runCli, type CliResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/project.js';

/** A read command: `words` name it (used to detect whether it is registered), `args` follow. */
export interface ReadCommand {
  words: string[];
  args?: string[];
  /** How findings and line ends look in this output (default text). */
  format?: 'json' | 'github' | 'csv' | 'ics';
}

/** Every read-only command of CLI.md with the variants that render differently. */
export const READ_COMMANDS: ReadCommand[] = [
  { words: ['validate'] },
  { words: ['validate'], args: ['--format', 'json'], format: 'json' },
  { words: ['validate'], args: ['--format', 'github'], format: 'github' },
  { words: ['status'] },
  { words: ['status'], args: ['--json'] },
  { words: ['gantt'] },
  { words: ['gantt'], args: ['--format', 'mermaid'] },
  { words: ['kpi'] },
  { words: ['report', 'weekly'] },
  { words: ['report', 'weekly'], args: ['--format', 'html'] },
  { words: ['export'], args: ['--format', 'csv'], format: 'csv' },
  { words: ['export'], args: ['--format', 'json'] },
  { words: ['export'], args: ['--format', 'ics'], format: 'ics' },
  { words: ['req', 'list'] },
  { words: ['req', 'list'], args: ['--json'] },
  { words: ['task', 'list'] },
  { words: ['milestone', 'list'] },
  { words: ['risk', 'list'] },
  { words: ['risk', 'list'], args: ['--matrix'] },
  { words: ['change', 'list'] },
  { words: ['accept', 'list'] },
  { words: ['survey', 'list'] },
  { words: ['ticket', 'list'], args: ['--all'] },
  { words: ['ticket', 'list'], args: ['--all', '--json'] },
  { words: ['export'], args: ['--format', 'csv', '--kind', 'tickets'], format: 'csv' },
  { words: ['visit', 'list'] },
  { words: ['visit', 'list'], args: ['--json'] },
  { words: ['export'], args: ['--format', 'csv', '--kind', 'visits'], format: 'csv' },
  { words: ['training', 'list'] },
  { words: ['training', 'list'], args: ['--json'] },
  { words: ['report', 'log'] },
  { words: ['team', 'list'] },
  { words: ['load'] },
  { words: ['load'], args: ['--json'] },
  { words: ['export'], args: ['--format', 'csv', '--kind', 'training'], format: 'csv' },
  { words: ['export'], args: ['--format', 'csv', '--kind', 'dispatches'], format: 'csv' },
];

export function label(c: ReadCommand): string {
  return [...c.words, ...(c.args ?? [])].join(' ');
}

const registeredCache = new Map<string, boolean>();

/**
 * Whether `deliver <words>` exists. `--help` exits 0 even for an unknown subcommand (commander then
 * prints the parent's help), so the usage line must name the command itself.
 */
export async function isRegistered(words: string[]): Promise<boolean> {
  const key = words.join(' ');
  let known = registeredCache.get(key);
  if (known === undefined) {
    const r = await runCli([...words, '--help'], { cwd: tempDir() });
    known = r.code === 0 && new RegExp(`^Usage: deliver ${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: |$)`, 'm').test(r.stdout);
    registeredCache.set(key, known);
  }
  return known;
}

export async function registeredReadCommands(): Promise<ReadCommand[]> {
  const out: ReadCommand[] = [];
  for (const c of READ_COMMANDS) if (await isRegistered(c.words)) out.push(c);
  return out;
}

/** Characters that must never reach a terminal raw: C0 (but tab, LF), DEL, C1, bidi, zero-width, separators. */
export const UNSAFE_OUTPUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

/** deliver's own colours: SGR sequences only. */
const OWN_SGR = /\u001b\[(?:\d{1,3}(?:;\d{1,3})*)?m/g;

/** Payloads the hostile records carry: if one of them appears raw, sanitizing failed even if it looks like a colour. */
const SMUGGLED = [/\u001b\[31mRED/, /\u001b\[5mDesign/, /\u001b\[1mbold/, /\u001b\[2J/, /\u001b\]/, /\u001b\[H/];

/**
 * The first unsafe character in output, or null. With `colour`, deliver's own SGR colours are
 * removed first; CSV may start with a BOM (for spreadsheets) and CSV and iCalendar end lines in CRLF.
 */
export function rawControl(text: string, colour = false, format?: ReadCommand['format']): string | null {
  if (format === 'csv') text = text.replace(/^\ufeff/, '');
  if (format === 'csv' || format === 'ics') text = text.replace(/\r\n/g, '\n');
  for (const re of SMUGGLED) {
    const m = re.exec(text);
    if (m) return JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + 20));
  }
  const plain = colour ? text.replace(OWN_SGR, '') : text;
  const m = UNSAFE_OUTPUT.exec(plain);
  return m ? JSON.stringify(plain.slice(Math.max(0, m.index - 30), m.index + 30)) : null;
}

/** A JavaScript stack trace in output. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(?:\(.*:\d+:\d+\)|:\d+:\d+)$/m.test(text) || /node:internal|\.ts:\d+:\d+/.test(text);
}

export function assertCleanOutput(r: CliResult, colour: boolean, format?: ReadCommand['format']): string[] {
  const problems: string[] = [];
  if (r.code === 70) problems.push(`exit 70 (a bug): ${r.stderr.slice(0, 500)}`);
  if (hasStackTrace(r.stdout) || hasStackTrace(r.stderr)) problems.push(`stack trace: ${r.stderr.slice(0, 500)}`);
  const so = rawControl(r.stdout, colour, format);
  if (so) problems.push(`raw control character on stdout near ${so}`);
  const se = rawControl(r.stderr, colour);
  if (se) problems.push(`raw control character on stderr near ${se}`);
  return problems;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether output names `file` (and `line`) the way its format does: `file:line:`, JSON fields or a GitHub annotation. */
export function namesLocation(output: string, file: string, line: number | undefined): boolean {
  const plain = output.replace(OWN_SGR, '');
  if (line === undefined) return plain.includes(file) || plain.includes(JSON.stringify(file).slice(1, -1));
  if (plain.includes(`${file}:${line}:`)) return true;
  if (new RegExp(`"file": ${escapeRe(JSON.stringify(file))},\\s*"line": ${line}\\b`).test(plain)) return true;
  const gh = file.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  return plain.includes(`file=${gh},line=${line},`);
}

/** sha256 of every entry under dir without following links: links hash as their target text, special files as their type. */
export function hashTreeNoFollow(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch (e) {
      out[relative(dir, d) || '.'] = `unreadable:${(e as NodeJS.ErrnoException).code}`;
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      const st = lstatSync(p);
      const rel = relative(dir, p);
      if (st.isDirectory()) walk(p);
      else if (st.isSymbolicLink()) out[rel] = `link:${readlinkSync(p)}`;
      else if (st.isFile())
        out[rel] = (st.mode & 0o444) === 0 ? `unreadable-file:${st.size}` : createHash('sha256').update(readFileSync(p)).digest('hex');
      else out[rel] = `special:${st.mode}`;
    }
  };
  walk(dir);
  return out;
}
