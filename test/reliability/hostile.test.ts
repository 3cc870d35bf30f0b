// The hostile-project corpus (test/fixtures/hostile) through `validate` and every registered read
// command, piped and on a colour terminal: exit status, findings named by file and line, no stack
// trace, no raw control bytes, bounded output, bounded parsing work, and no file changed anywhere.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Bounded time without a clock: count the bytes handed to the YAML parsers. Linear reading parses
// each file a small constant number of times; re-parsing a file once per finding blows the budget.
// Past the budget the parsers throw at once, so even a quadratic loop ends quickly (and fails).
const work = vi.hoisted(() => ({ bytes: 0, budget: Infinity, exceeded: false }));
// The careful parser (js-yaml 5) is loaded on first use through src/store/careful-yaml.ts.
vi.mock('../../src/store/careful-yaml.js', async (importOriginal) => {
  const real = (await importOriginal<typeof import('../../src/store/careful-yaml.js')>()).carefulYaml();
  const count = (s: string) => {
    work.bytes += s.length;
    if (work.bytes > work.budget) {
      work.exceeded = true;
      throw new Error('parse budget exceeded');
    }
  };
  const wrapped = {
    ...real,
    load: (s: string, o?: Parameters<typeof real.load>[1]) => {
      count(s);
      return real.load(s, o);
    },
    parseEvents: (s: string, o: Parameters<typeof real.parseEvents>[1]) => {
      count(s);
      return real.parseEvents(s, o);
    },
  };
  return { carefulYaml: () => wrapped };
});
// The fast path (src/store/subset-yaml.ts) reads every file first.
vi.mock('../../src/store/subset-yaml.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/store/subset-yaml.js')>();
  return {
    ...real,
    readSubset: (s: string) => {
      work.bytes += s.length;
      if (work.bytes > work.budget) {
        work.exceeded = true;
        throw new Error('parse budget exceeded');
      }
      return real.readSubset(s);
    },
  };
});

import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, CORPUS, listCases, materialize, OUTSIDE_SECRET, type Materialized } from '../fixtures/hostile/corpus.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/project.js';
import { sanitizeInline } from '../../src/render/sanitize.js';
import {
  assertCleanOutput,
  escapeRe,
  hashTreeNoFollow,
  label,
  namesLocation,
  registeredReadCommands,
  type ReadCommand,
} from './support.js';

/** Bytes of the regular files in a project (links and FIFOs are not followed). */
function inputBytes(dir: string): number {
  let n = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) n += lstatSync(p).size;
    }
  };
  try {
    walk(dir);
  } catch {
    // an unreadable folder counts as empty
  }
  return n;
}

/** Output may grow with the input, never explode: a few screens plus twice the project's size. */
const outputLimit = (input: number) => 64 * 1024 + 2 * input;
/** Parsing work per command: every file a few dozen times at most, plus slack for tiny projects. */
const parseBudget = (input: number) => 64 * input + 4 * 1024 * 1024;

const cases = listCases();
let commands: ReadCommand[] = [];

beforeAll(async () => {
  commands = await registeredReadCommands();
});

it('the corpus covers every category and stays small', () => {
  expect(cases.length).toBeGreaterThanOrEqual(60);
  const codes = new Set(cases.flatMap((c) => c.expect.findings.map((f) => f.code)));
  for (const code of [
    'DLV-E001',
    'DLV-E002',
    'DLV-E003',
    'DLV-E004',
    'DLV-E005',
    'DLV-E006',
    'DLV-E007',
    'DLV-E008',
    'DLV-E009',
    'DLV-E010',
    'DLV-E011',
    'DLV-E012',
    'DLV-E013',
    'DLV-E014',
    'DLV-E015',
    'DLV-E016',
    'DLV-E019',
    'DLV-E021',
    'DLV-E022',
    'DLV-E023',
    'DLV-E024',
    'DLV-E025',
    'DLV-E026',
    'DLV-E040',
    'DLV-E042',
    'DLV-E060',
  ])
    expect(codes, code).toContain(code);
  expect(inputBytes(CORPUS)).toBeLessThan(1024 * 1024);
});

it('read commands are found (validate and the requirement list exist from the start)', () => {
  expect(commands.map(label)).toEqual(expect.arrayContaining(['validate', 'req list']));
});

for (const c of cases) {
  describe(`hostile: ${c.name}`, () => {
    let m: Materialized;
    let before: Record<string, string>;
    let outsideBefore: Record<string, string>;
    let input = 0;
    let cacheDir: string;

    beforeAll(() => {
      m = materialize(c);
      before = hashTreeNoFollow(m.dir);
      outsideBefore = hashTreeNoFollow(m.outside);
      input = inputBytes(m.dir);
      cacheDir = tempDir('deliver-cache-');
    });
    afterAll(() => cleanup(m));

    const run = async (args: string[], tty: boolean): Promise<CliResult & { overBudget: boolean }> => {
      work.bytes = 0;
      work.exceeded = false;
      work.budget = parseBudget(input);
      try {
        // Colour on for the terminal runs: deliver's own SGR colours are allowed, nothing else.
        const r = await runCli(args, { cwd: m.dir, stdoutIsTTY: tty, env: { DELIVER_CACHE_DIR: cacheDir, TERM: 'xterm-256color' } });
        return { ...r, overBudget: work.exceeded };
      } finally {
        work.budget = Infinity;
      }
    };

    it(`validate reports ${c.expect.findings.map((f) => f.code).join(', ') || 'nothing'} at file and line (${c.expect.about})`, async (ctx) => {
      if (m.skip) return ctx.skip();
      const json = await run(['validate', '--format', 'json'], false);
      expect(json.overBudget, 'parsing work over budget').toBe(false);
      expect(assertCleanOutput(json, false, 'json')).toEqual([]);
      expect(json.code, json.stderr).toBe(c.expect.exit);
      const found = (JSON.parse(json.stdout) as { diagnostics: { code: string; file: string; line: number | null }[] }).diagnostics;
      for (const f of c.expect.findings) {
        const want = { code: f.code, file: sanitizeInline(f.file), ...(f.line !== undefined ? { line: f.line } : {}) };
        expect(found, JSON.stringify(found.slice(0, 10))).toContainEqual(expect.objectContaining(want));
      }
      if (c.expect.exit === 0) expect(found.filter((d) => d.code.startsWith('DLV-E'))).toEqual([]);

      const text = await run(['validate'], true);
      expect(assertCleanOutput(text, true)).toEqual([]);
      expect(text.code).toBe(c.expect.exit);
      const plain = text.stdout.replace(/\u001b\[[\d;]*m/g, '');
      for (const f of c.expect.findings) {
        const at = f.line !== undefined ? `:${f.line}:\\d+` : '(?::\\d+:\\d+)?';
        expect(plain).toMatch(new RegExp(`^${escapeRe(sanitizeInline(f.file))}${at}: (?:error|warning|info) ${f.code} `, 'm'));
      }
      expect(json.stdout.length + json.stderr.length + text.stdout.length + text.stderr.length).toBeLessThan(2 * outputLimit(input));

      // A second run must report exactly the same.
      const again = await run(['validate', '--format', 'json'], false);
      expect(again.stdout).toBe(json.stdout);
      expect(again.code).toBe(json.code);
    });

    /** Every registered read command, piped and on a colour terminal; results kept for the two checks below. */
    let runs: { where: string; cmd: ReadCommand; r: CliResult & { overBudget: boolean } }[] | undefined;
    const allRuns = async () => {
      if (!runs) {
        runs = [];
        for (const cmd of commands) {
          for (const tty of [false, true]) {
            const r = await run([...cmd.words, ...(cmd.args ?? [])], tty);
            runs.push({ where: `${label(cmd)} (${tty ? 'terminal' : 'piped'})`, cmd, r });
          }
        }
      }
      return runs;
    };

    it('every read command: no crash, no stack, no raw control bytes, bounded output and work, nothing from outside', async (ctx) => {
      if (m.skip) return ctx.skip();
      const problems: string[] = [];
      for (const { where, cmd, r } of await allRuns()) {
        for (const p of assertCleanOutput(r, where.endsWith('(terminal)'), cmd.format)) problems.push(`${where}: ${p}`);
        if (r.overBudget) problems.push(`${where}: parsing work over budget (a file parsed once per finding?)`);
        const size = r.stdout.length + r.stderr.length;
        if (size > outputLimit(input)) problems.push(`${where}: ${size} characters of output for ${input} bytes of input`);
        if ((r.stdout + r.stderr).includes(OUTSIDE_SECRET)) problems.push(`${where}: showed a file outside the project`);
      }
      expect(problems).toEqual([]);
    });

    it(`every read command: exit ${c.expect.exit}${c.expect.exit ? ' naming a finding by file and line' : ''}`, async (ctx) => {
      if (m.skip) return ctx.skip();
      const problems: string[] = [];
      for (const { where, r } of await allRuns()) {
        if (r.code !== c.expect.exit) {
          problems.push(`${where}: exit ${r.code}, expected ${c.expect.exit}: ${(r.stderr || r.stdout).slice(0, 200)}`);
          continue;
        }
        if (c.expect.exit === 1 && c.expect.findings.length) {
          const named = c.expect.findings.some((f) => namesLocation(r.stdout + r.stderr, sanitizeInline(f.file), f.line));
          if (!named)
            problems.push(
              `${where}: exit 1 without naming ${c.expect.findings.map((f) => `${f.file}:${f.line ?? ''}`).join(' or ')}; stderr: ${r.stderr.slice(0, 200)}`,
            );
        }
      }
      expect(problems).toEqual([]);
    });

    it('no file inside or outside the project changed', (ctx) => {
      if (m.skip) return ctx.skip();
      expect(hashTreeNoFollow(m.dir)).toEqual(before);
      expect(hashTreeNoFollow(m.outside)).toEqual(outsideBefore);
    });
  });
}
