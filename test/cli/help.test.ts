// Help in the user's language with real examples and the global options; commander's own messages
// translated; -v; every example on every help page parses as the command it illustrates.
import { describe, expect, it } from 'vitest';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { buildProgram } from '../../src/cli/program.js';
import { commandPath, localizeProgram } from '../../src/cli/localize.js';
import { HELP_EXAMPLES } from '../../src/cli/help-examples.js';
import { HELP_ZH } from '../../src/cli/help-zh.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, tempDir } from '../helpers/project.js';

const all = (c: CommandUnknownOpts): CommandUnknownOpts[] => [c, ...c.commands.flatMap(all)];
const tree = () => all(buildProgram('0.0.0', async () => {}));
const paths = tree().map(commandPath);

/** Words a Chinese help page may keep: flags, placeholders, values typed as they are, file and format names. */
const ALLOWED = new Set([
  'deliver',
  'yaml',
  'git',
  'json',
  'csv',
  'ics',
  'md',
  'html',
  'text',
  'mermaid',
  'kpi',
  'iso',
  'cny',
  'excel',
  'crm',
  'api',
  'sso',
  'bash',
  'zsh',
  'fish',
  'yyyy',
  'mm',
  'dd',
  'w47',
  'q3',
  'q4',
  'help',
  'command',
  'id',
  'ids',
  'shell',
  'software',
  'handover',
  'todo',
  'done',
  'blocked',
  'day',
  'week',
  'auto',
  'customer',
  'team',
  'internal',
  'quality',
  'timeliness',
  'communication',
  'cooperation',
  'supplier',
  ...paths.flatMap((p) => p.split(/[ -]/)).filter(Boolean),
  ...tree().flatMap((c) => c.aliases()),
  ...tree().flatMap((c) => c.options.flatMap((o) => o.argChoices ?? [])),
]);

function englishWords(help: string): string[] {
  const text = help
    .replace(/^ {2}(deliver|git) .*$/gm, '') // example command lines
    .replace(/"[^"]*"/g, '') // values
    .replace(/--?[a-zA-Z][\w-]*/g, '') // flags
    .replace(/<[^>]*>|\[[^\]]*\]/g, '') // placeholders
    .replace(/\b[\w-]+\.(yaml|html|csv|ics|json)\b/g, '') // file names
    .replace(/\.deliver\/[\w-]+/g, '') // folder names
    .replace(/\b(DELIVER_AS_OF|YYYY-MM-DD|baseline-|survey_dimensions|after_sales|problem_solving|in_progress|%[OABP])\b/g, '');
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.has(w.toLowerCase()));
}

describe('help', () => {
  it('has examples for every command, and Chinese for every description', () => {
    for (const p of paths) expect(HELP_EXAMPLES[p]?.length, p || 'deliver').toBeGreaterThan(0);
    for (const c of tree()) {
      const texts = [c.description(), ...c.options.map((o) => o.description), ...c.registeredArguments.map((a) => a.description)].filter(
        Boolean,
      );
      for (const d of texts) expect(HELP_ZH[d], `${commandPath(c)}: ${d}`).toBeTruthy();
    }
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`ends every command's --help with examples and lists the global options (${lang})`, async () => {
      const dir = tempDir();
      for (const p of paths) {
        const r = await runCli([...(p ? p.split(' ') : []), '--help', '--lang', lang], { cwd: dir });
        expect(r.code, p).toBe(0);
        expect(r.stdout, p).toMatch(lang === 'en' ? /\nExamples:\n( {2}(deliver|git) .*\n)+$/ : /\n示例：\n( {2}(deliver|git) .*\n)+$/);
        if (p)
          expect(r.stdout, p).toMatch(
            lang === 'en'
              ? /Global Options:[\s\S]*-C, --dir <path>[\s\S]*--as-of <date>/
              : /全局选项：[\s\S]*-C, --dir <path>[\s\S]*--as-of <date>/,
          );
        if (lang === 'zh-CN') expect(englishWords(r.stdout), p).toEqual([]);
      }
    });
  }

  it('speaks the language of the project found from the working folder, before reading it', async () => {
    const dir = makeProject(
      { 'deliver.yaml': 'schema_version: 1\nname: 项目\nclient: 客户\nstart: 2026-09-01\ndue: 2026-12-31\nlanguage: zh-CN\n' },
      false,
    );
    const r = await runCli(['task', 'list', '--help'], { cwd: dir });
    expect(r.stdout).toMatch(/^用法：/);
    const bad = await runCli(['task', 'start', 'T-001', '--date', '2026-13-01'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/must be/);
  });

  it('parses every example as the command it illustrates', () => {
    const failures: string[] = [];
    for (const [p, lines] of Object.entries(HELP_EXAMPLES)) {
      for (const line of lines) {
        if (!line.startsWith('deliver ')) continue;
        const args = (line.replace(/ [>|].*$/, '').match(/"[^"]*"|\S+/g) ?? []).slice(1).map((a) => a.replace(/^"|"$/g, ''));
        let ran = '';
        const program = buildProgram('0.0.0', async (cmd) => {
          ran = commandPath(cmd);
        });
        localizeProgram(program, 'en');
        for (const c of all(program)) c.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
        try {
          program.parse(args, { from: 'user' });
        } catch (e) {
          failures.push(`${line}: ${String(e)}`);
          continue;
        }
        if (p && p !== 'completion' && p !== 'merge-driver') expect(ran === p || ran.startsWith(`${p} `), `${line} runs ${ran}`).toBe(true);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("commander's messages", () => {
  it('are in Chinese with the deliver: prefix in a zh-CN session, and in English with the same prefix', async () => {
    const dir = tempDir();
    const zh = await runCli(['risk', 'list', '--dat', '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe("deliver: 未知选项 '--dat'\n（加 --help 查看用法）\n");
    const many = await runCli(['accept', 'round', 'A', 'B', '--lang', 'zh-CN'], { cwd: dir });
    expect(many.stderr).toMatch(/^deliver: 'round' 的参数过多：应为 1 个，实际为 2 个。/);
    const choice = await runCli(['risk', 'add', '--category', 'x', '--lang', 'zh-CN'], { cwd: dir });
    expect(choice.stderr).toMatch(/^deliver: 选项 '--category <category>' 的值 'x' 无效，可选值：market, /);
    const en = await runCli(['risk', 'list', '--dat', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toBe(
      "deliver: unknown option '--dat'\n(Did you mean --date?)\n(run with --help for usage)\n".replace(
        '(Did you mean --date?)\n',
        en.stderr.includes('Did you mean') ? '(Did you mean --date?)\n' : '',
      ),
    );
  });
});
