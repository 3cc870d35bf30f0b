// The command line in the user's language: commander's help (titles, usage words, descriptions,
// the choices and defaults it appends), its error messages and the hint after them, and the
// examples and global options that end every command's --help. English is commander's own text
// with deliver's prefix; Chinese replaces every word of it (flags, ids and values stay as typed).
import { Help, type CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Lang } from '../render/i18n.js';
import { displayWidth } from '../render/width.js';
import { EXAMPLE_TEXT_ZH, HELP_EXAMPLES } from './help-examples.js';
import { HELP_TITLES_ZH, HELP_ZH } from './help-zh.js';

/** A command's path below `deliver` ('' for deliver itself, 'task add', …). */
export function commandPath(c: CommandUnknownOpts): string {
  const names: string[] = [];
  for (let x: CommandUnknownOpts | null = c; x?.parent; x = x.parent) names.unshift(x.name());
  return names.join(' ');
}

const HINT = { en: '(run with --help for usage)', zh: '（加 --help 查看用法）' };

/** Wraps text to `width` columns by display width, breaking between words or between CJK characters. */
function wrapWide(text: string, width: number): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    const tokens = para.match(/[\x21-\x7e]+|\s+|[^\s\x21-\x7e]/g) ?? [''];
    let line = '';
    for (const tok of tokens) {
      if (line && displayWidth(line + tok) > width && !/^\s+$/.test(tok)) {
        out.push(line.trimEnd());
        line = '';
      }
      if (!line && /^\s+$/.test(tok)) continue;
      line += tok;
    }
    out.push(line.trimEnd());
  }
  return out.join('\n');
}

function zhHelp(): Partial<Help> {
  return {
    styleTitle: (s: string) => HELP_TITLES_ZH[s] ?? s,
    displayWidth: (s: string) => displayWidth(s.replace(/\x1b\[\d*(;\d+)*m/g, '')),
    boxWrap(this: Help, s: string, width: number) {
      return wrapWide(s, Math.max(width, 20));
    },
    commandUsage(this: Help, cmd) {
      return Help.prototype.commandUsage.call(this, cmd).replace('[options]', '[选项]').replace('[command]', '[命令]');
    },
    subcommandTerm(this: Help, cmd) {
      return Help.prototype.subcommandTerm.call(this, cmd).replace('[options]', '[选项]').replace('[command]', '[命令]');
    },
    argumentDescription(this: Help, argument) {
      return zhExtra(Help.prototype.argumentDescription.call(this, argument));
    },
    optionDescription(this: Help, option) {
      return zhExtra(Help.prototype.optionDescription.call(this, option));
    },
  } as Partial<Help>;
}

/** Commander's "(choices: …, default: …)" after a description, in Chinese. */
function zhExtra(text: string): string {
  return text
    .replace(
      /\(choices: ([^)]*?)(, default: ([^)]*))?\)$/,
      (_m, choices: string, _d, def?: string) => `（可选值：${choices}${def ? `；默认：${def}` : ''}）`,
    )
    .replace(/\(default: ([^)]*)\)$/, '（默认：$1）')
    .replace(/ （/, '（');
}

function enHelp(): Partial<Help> {
  return { displayWidth: (s: string) => displayWidth(s.replace(/\x1b\[\d*(;\d+)*m/g, '')) } as Partial<Help>;
}

/** Every command: help in `lang`, examples, global options listed, and the hint after an error. */
export function localizeProgram(program: CommandUnknownOpts, lang: Lang): void {
  const zh = lang === 'zh-CN';
  const all = (c: CommandUnknownOpts): CommandUnknownOpts[] => [c, ...c.commands.flatMap(all)];
  for (const c of all(program)) {
    c.configureHelp({ showGlobalOptions: true, sortSubcommands: false, ...(zh ? zhHelp() : enHelp()) });
    c.showHelpAfterError(zh ? HINT.zh : HINT.en);
    const examples = HELP_EXAMPLES[commandPath(c)]?.map((e) =>
      zh ? e.replace(/"([^"$]*)"/g, (m, text: string) => (EXAMPLE_TEXT_ZH[text] ? `"${EXAMPLE_TEXT_ZH[text]}"` : m)) : e,
    );
    if (examples?.length) c.addHelpText('after', `\n${zh ? '示例：' : 'Examples:'}\n${examples.map((e) => `  ${e}`).join('\n')}`);
    if (!zh) continue;
    c.description(HELP_ZH[c.description()] ?? c.description());
    c.helpOption('-h, --help', HELP_ZH['display help for command']);
    if (c.commands.length > 0) c.helpCommand('help [command]', HELP_ZH['display help for a command']);
    for (const o of c.options) o.description = HELP_ZH[o.description] ?? o.description;
    for (const a of c.registeredArguments) if (a.description) a.description = HELP_ZH[a.description] ?? a.description;
  }
}

/** The words of commander's error messages, for the chosen language, with deliver's prefix. */
export function localizeCommanderError(message: string, lang: Lang): string {
  let m = message.replace(/^error: /, 'deliver: ');
  if (lang !== 'zh-CN') return m;
  const rules: [RegExp, string][] = [
    [/^deliver: unknown option '(.*?)'/, "deliver: 未知选项 '$1'"],
    [/^deliver: unknown command '(.*?)'/, "deliver: 未知命令 '$1'"],
    [/\(Did you mean one of (.*)\?\)/, '（是否想用以下之一：$1？）'],
    [/\(Did you mean (.*)\?\)/, '（是否想用 $1？）'],
    [
      /^deliver: too many arguments for '(.*?)'\. Expected (\d+) arguments? but got (\d+)\./,
      "deliver: '$1' 的参数过多：应为 $2 个，实际为 $3 个。",
    ],
    [/^deliver: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, 'deliver: 参数过多：应为 $1 个，实际为 $2 个。'],
    [/^deliver: missing required argument '(.*?)'/, "deliver: 缺少必需的参数 '$1'"],
    [/^deliver: option '(.*?)' argument missing/, "deliver: 选项 '$1' 缺少值"],
    [/^deliver: required option '(.*?)' not specified/, "deliver: 必须提供选项 '$1'"],
    [
      /^deliver: option '(.*?)' argument '(.*?)' is invalid\. Allowed choices are (.*)\./,
      "deliver: 选项 '$1' 的值 '$2' 无效，可选值：$3。",
    ],
    [/^deliver: option '(.*?)' argument '(.*?)' is invalid\./, "deliver: 选项 '$1' 的值 '$2' 无效。"],
    [
      /^deliver: command-argument value '(.*?)' is invalid for argument '(.*?)'\. Allowed choices are (.*)\./,
      "deliver: 参数 '$2' 的值 '$1' 无效，可选值：$3。",
    ],
    [/^deliver: (.*) cannot be used with (.*)/, 'deliver: $1 不能与 $2 同时使用'],
  ];
  for (const [re, to] of rules) m = m.replace(re, to);
  return m.replace(/option '/g, "选项 '");
}
