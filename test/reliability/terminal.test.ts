// Terminal safety: records carrying ESC sequences (CSI, OSC), bidi overrides, zero-width
// characters, C1 controls, CR and DEL in every text field (findings, DLV-E031, but the records
// stay readable), shown by every read command on a colour terminal and piped: nothing raw reaches
// the output (only deliver's own colours), the text is still shown (escaped), and the same holds
// for error messages that echo arguments.
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';
import { isRegistered, label, rawControl, registeredReadCommands, type ReadCommand } from './support.js';

/** One line, no leading/trailing space: fits person names too. */
const P = 'A\u001b[31mRED\u001b[0m\u001b]0;pwned\u0007\u202egnp.exe\u202c\u200b\u2066x\u2069\u0085\u009b2J\u007fZ';
/** Free text: also CR, newline and tab. */
const T = `${P}\rCR\nnext line\tTab\u2028sep`;
const q = (s: string) => JSON.stringify(s);

const FILES: Record<string, string> = {
  'deliver.yaml': `schema_version: 1
name: ${q(`Project ${P}`)}
client: ${q(`Client ${P}`)}
description: ${q(T)}
start: 2026-09-01
due: 2026-12-31
language: en
calendar:
  base: none
team:
  - name: ${q(P)}
    role: ${q(P)}
    side: supplier
`,
  'plan.yaml': `schema_version: 1
milestones:
  - id: M-001
    name: ${q(`Milestone ${P}`)}
    due: 2026-12-20
    depends_on: [T-002]
    notes: ${q(T)}
tasks:
  - id: T-001
    name: ${q(`Design ${P}`)}
    owner: ${q(P)}
    start: 2026-09-07
    end: 2026-09-18
    status: done
    actual_start: 2026-09-07
    actual_end: 2026-09-18
    deliverable: ${q(`Spec ${P}`)}
    notes: ${q(T)}
  - id: T-002
    name: ${q(`Build ${P}`)}
    owner: ${q(P)}
    start: 2026-09-21
    end: 2026-12-10
    depends_on: [T-001]
    milestone: M-001
    requirement: 202609-001
    status: blocked
    blocked_reason: ${q(T)}
`,
  'requirements/202609-001-x.yaml': `id: 202609-001
title: ${q(`Dashboard ${P}`)}
customer: ${q(P)}
contact: ${q(P)}
description: ${q(T)}
urgency: high
received: 2026-09-02
receiver: ${q(P)}
status: received
history:
  - date: 2026-09-02
    to: received
    by: ${q(P)}
`,
  'risks/R-001-x.yaml': `id: R-001
title: ${q(`Vendor ${P}`)}
description: ${q(T)}
category: production
probability: 4
impact: 5
response: mitigate
owner: ${q(P)}
identified: 2026-09-01
status: open
actions:
  - text: ${q(`Call ${P}`)}
    owner: ${q(P)}
    due: 2026-11-01
`,
  'changes/CR-001-x.yaml': `id: CR-001
title: ${q(`Extra ${P}`)}
reason: ${q(T)}
description: ${q(T)}
requested_by: ${q(P)}
submitted: 2026-10-12
requirements: [202609-001]
tasks: [T-002]
schedule_days: 2
status: submitted
approvals:
  customer:
    by: ${q(P)}
    date: 2026-10-13
    comment: ${q(T)}
`,
  'acceptance/AC-001-x.yaml': `id: AC-001
deliverable: ${q(`Prototype ${P}`)}
requirements: [202609-001]
delivered: 2026-10-01
items:
  - ${q(`Item ${P}`)}
rounds:
  - date: 2026-10-02
    contact: ${q(P)}
    result: fail
    reasons:
      - ${q(T)}
notes: ${q(T)}
`,
  'surveys/S-001-x.yaml': `id: S-001
date: 2026-10-16
respondent: ${q(P)}
score: 70
acceptance: AC-001
comment: ${q(T)}
`,
};

const ENV = { DELIVER_CACHE: '0', TERM: 'xterm-256color' };

describe('terminal safety', () => {
  let dir: string;
  let commands: ReadCommand[];

  beforeAll(async () => {
    dir = makeProject(FILES);
    commands = await registeredReadCommands();
    for (const c of [
      { words: ['req', 'show'], args: ['202609-001'] },
      { words: ['task', 'show'], args: ['T-002'] },
      { words: ['risk', 'show'], args: ['R-001'] },
      { words: ['change', 'show'], args: ['CR-001'] },
      { words: ['accept', 'show'], args: ['AC-001'] },
      { words: ['survey', 'show'], args: ['S-001'] },
      { words: ['status'], args: ['--lang', 'zh-CN'] },
      { words: ['kpi'], args: ['--json'] },
      { words: ['risk', 'list'], args: ['--json'] },
      { words: ['task', 'list'], args: ['--json'] },
      { words: ['change', 'list'], args: ['--json'] },
      { words: ['accept', 'list'], args: ['--json'] },
    ] as ReadCommand[])
      if (await isRegistered(c.words)) commands.push(c);
  });

  it('the hostile text is reported as invisible characters (DLV-E031) at its lines, and nothing else (so every command below still shows it)', async () => {
    const r = await runCli(['validate', '--format', 'json'], { cwd: dir, env: ENV });
    const errors = (
      JSON.parse(r.stdout) as { diagnostics: { severity: string; code: string; file: string; line: number }[] }
    ).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.filter((d) => d.code !== 'DLV-E031')).toEqual([]);
    expect(new Set(errors.map((d) => d.file)).size).toBe(Object.keys(FILES).length);
    for (const d of errors) expect(d.line, JSON.stringify(d)).toBeGreaterThan(1);
  });

  for (const tty of [true, false]) {
    it(`every read command ${tty ? 'on a colour terminal' : 'piped'}: escape sequences, bidi, CR, DEL and C1 shown escaped, never raw`, async () => {
      const problems: string[] = [];
      let shownEscaped = 0;
      for (const cmd of commands) {
        const r = await runCli([...cmd.words, ...(cmd.args ?? [])], { cwd: dir, stdoutIsTTY: tty, env: ENV });
        const where = label(cmd);
        if (r.code === 70) problems.push(`${where}: exit 70: ${r.stderr.slice(0, 200)}`);
        const bad = rawControl(r.stdout, tty, cmd.format) ?? rawControl(r.stderr, tty);
        if (bad) problems.push(`${where}: raw control character near ${bad}`);
        // The payload is shown escaped (\x1b or \u001b in JSON), not silently dropped.
        if (/\\x1b\[31mRED|\\u001b\[31mRED/.test(r.stdout)) shownEscaped++;
      }
      expect(problems).toEqual([]);
      expect(shownEscaped).toBeGreaterThanOrEqual(Math.min(5, commands.length - 3));
    });
  }

  it('error messages that echo arguments, ids and paths escape them too', async () => {
    const cases = [
      ['req', 'show', P],
      ['task', 'show', P],
      ['risk', 'show', `R-001${P}`],
      ['req', 'move', P, 'analyzing'],
      ['--as-of', P, 'status'],
      ['-C', `/nonexistent/${P}`, 'validate'],
      ['req', 'list', '--status', P],
      ['export', '--format', 'csv', '--kind', P],
      ['gantt', '--from', P],
      ['kpi', '--period', P],
      ['report', 'weekly', '--week', P],
      [P],
    ];
    const problems: string[] = [];
    for (const args of cases) {
      for (const tty of [true, false]) {
        const r = await runCli(args, { cwd: dir, stdoutIsTTY: tty, env: ENV });
        const where = JSON.stringify(args.map((a) => (a === P ? '<payload>' : a)));
        if (r.code === 70) problems.push(`${where}: exit 70`);
        const bad = rawControl(r.stdout, tty) ?? rawControl(r.stderr, tty);
        if (bad) problems.push(`${where}${tty ? ' (terminal)' : ''}: raw control character near ${bad}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
