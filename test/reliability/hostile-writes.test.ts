// Write commands meet the hostile-project corpus (test/fixtures/hostile): one command per record
// kind, on every case. Each either refuses with a finding at its file and line (exit 1, nothing
// written), or writes only the file it was asked to and leaves the project no less valid than it
// found it. Never exit 70, never a stack trace, never a file outside the project touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, listCases, materialize, OUTSIDE_SECRET, type Materialized } from '../fixtures/hostile/corpus.js';
import { runCli } from '../helpers/cli.js';
import { sanitizeInline } from '../../src/render/sanitize.js';
import { assertCleanOutput, hashTreeNoFollow } from './support.js';

/** One write command per record kind, with every answer given (no prompts). */
const WRITES: { kind: string; args: string[]; folder: string }[] = [
  { kind: 'plan', args: ['task', 'add', '--name', 'Written by the test', '--days', '2'], folder: '' },
  {
    kind: 'requirement',
    args: [
      'req',
      'add',
      '--title',
      'Written by the test',
      '--customer',
      'C',
      '--contact',
      'P',
      '--received',
      '2026-11-02',
      '--receiver',
      'R',
      '--urgency',
      'low',
    ],
    folder: 'requirements/',
  },
  {
    kind: 'risk',
    args: [
      'risk',
      'add',
      '--title',
      'Written by the test',
      '--category',
      'technical',
      '--probability',
      '2',
      '--impact',
      '3',
      '--response',
      'mitigate',
      '--owner',
      'O',
    ],
    folder: 'risks/',
  },
  {
    kind: 'change',
    args: ['change', 'add', '--title', 'Written by the test', '--reason', 'r', '--schedule-days', '1', '--requested-by', 'C', '--yes'],
    folder: 'changes/',
  },
  { kind: 'survey', args: ['survey', 'add', '--score', '90', '--respondent', 'C'], folder: 'surveys/' },
];

type Finding = { code: string; file: string; severity: string };

const errorsOf = (stdout: string): string[] => {
  try {
    return (JSON.parse(stdout) as { diagnostics: Finding[] }).diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.code} ${d.file}`);
  } catch {
    return [];
  }
};

/** Findings of `after` that `before` did not have (as a multiset of code and file). */
function newFindings(before: string[], after: string[]): string[] {
  const left = [...before];
  return after.filter((f) => {
    const i = left.indexOf(f);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

/** A finding located at a file and a line in text output: `file:12:3:` or `file:12:`. */
const LOCATED = /^(?:deliver: )?[^\s:][^:\n]*:\d+(?::\d+)?:? /m;

for (const c of listCases()) {
  describe(`hostile writes: ${c.name}`, () => {
    for (const w of WRITES) {
      let m: Materialized;
      beforeAll(() => {
        m = materialize(c);
      });
      afterAll(() => cleanup(m));

      it(`${w.args.slice(0, 2).join(' ')} refuses at a file and line or writes only its ${w.kind}`, async (ctx) => {
        if (m.skip) return ctx.skip();
        const outside = hashTreeNoFollow(m.outside);
        const before = hashTreeNoFollow(m.dir);
        const validBefore = await runCli(['validate', '--format', 'json'], { cwd: m.dir });
        const r = await runCli(w.args, { cwd: m.dir });
        const after = hashTreeNoFollow(m.dir);
        expect(assertCleanOutput(r, false)).toEqual([]);
        expect(r.stdout + r.stderr).not.toContain(OUTSIDE_SECRET);
        expect(hashTreeNoFollow(m.outside)).toEqual(outside);
        expect([0, 1, 2], `exit ${r.code}: ${r.stderr.slice(0, 300)}`).toContain(r.code);
        const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => before[f] !== after[f]);
        if (r.code !== 0) {
          expect(changed, 'a refused write changed files').toEqual([]);
          if (r.code === 1) {
            // Refused for a reason in the records: the reason is named at its file and line (a
            // folder or a file that cannot be read at all has no line: named as a finding).
            const out = r.stderr + r.stdout;
            const lineless = c.expect.findings.filter((f) => f.line === undefined).map((f) => sanitizeInline(f.file));
            expect(LOCATED.test(out) || lineless.some((f) => out.includes(`\n${f}: error `)), r.stderr.slice(0, 300)).toBe(true);
          }
          return;
        }
        // Written: one file of the kind asked for, nothing else, and no new error anywhere.
        expect(changed.length, changed.join(', ')).toBe(1);
        expect(changed[0]!.startsWith(w.folder) && (w.folder !== '' || changed[0] === 'plan.yaml'), changed[0]).toBe(true);
        const validAfter = await runCli(['validate', '--format', 'json'], { cwd: m.dir });
        expect(newFindings(errorsOf(validBefore.stdout), errorsOf(validAfter.stdout))).toEqual([]);
      });
    }
  });
}

describe('hostile writes: a plan whose tasks are a mapping', () => {
  it('task add refuses with the finding at plan.yaml:6 (exit 1, not 70) and writes nothing', async () => {
    const m = materialize(listCases().find((c) => c.name === 'plan-sections-mappings')!);
    try {
      const before = hashTreeNoFollow(m.dir);
      const r = await runCli(['task', 'add', '--name', 'x'], { cwd: m.dir });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^plan\.yaml:6:1: error DLV-E023 /m);
      expect(hashTreeNoFollow(m.dir)).toEqual(before);
    } finally {
      cleanup(m);
    }
  });
});
