// Everything a command needs from the outside world, in one object: streams, terminal facts,
// environment, the report date and the prompter. Tests build one with in-memory streams.
import type { ChalkInstance } from 'chalk';

export type ChalkConstructor = new (options: { level: 0 | 1 | 2 | 3 }) => ChalkInstance;
import type { IsoDate } from '../core/dates.js';
import type { Snapshot } from '../store/snapshot.js';
import { chooseLang, translator, type Lang, type Translate } from '../render/i18n.js';
import type { GlobalOptions } from './program.js';

export interface Writer {
  write(s: string): unknown;
}

export interface Prompter {
  input(message: string, opts?: { default?: string; validate?: (v: string) => true | string }): Promise<string>;
  select<T extends string>(message: string, choices: { value: T; name: string }[], def?: T): Promise<T>;
  confirm(message: string, def?: boolean): Promise<boolean>;
}

export interface Context {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Writer;
  stderr: Writer;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  columns: number;
  /** Colour only when stdout is a terminal and neither --no-color nor NO_COLOR says otherwise. */
  color: boolean;
  json: boolean;
  /** -C: the project folder as given (resolved against cwd by the store). */
  dir?: string;
  langFlag?: string;
  lang: Lang;
  t: Translate;
  asOf: IsoDate;
  prompter: Prompter;
  /** Projects already read into memory for this command (see cli/memo.ts), by root folder. */
  snapshots?: Map<string, Snapshot>;
  /** A chalk instance at the right colour level (level 0 when colour is off). */
  chalk(): ChalkInstance;
  /** Re-chooses the language once the project's deliver.yaml is known. */
  useProjectLanguage(manifestLang: string | undefined): void;
}

export interface ContextInit {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Writer;
  stderr: Writer;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  columns?: number;
  today: IsoDate;
  options: GlobalOptions;
  prompter: Prompter;
  chalk?: ChalkConstructor;
}

export function makeContext(init: ContextInit): Context {
  const { options, env } = init;
  const color = init.stdoutIsTTY && options.color !== false && !env.NO_COLOR && env.TERM !== 'dumb' && !options.json;
  let lang = chooseLang(options.lang, undefined, env);
  let chalkInstance: ChalkInstance | undefined;
  const ctx: Context = {
    cwd: init.cwd,
    env,
    stdout: init.stdout,
    stderr: init.stderr,
    stdoutIsTTY: init.stdoutIsTTY,
    stdinIsTTY: init.stdinIsTTY,
    columns: init.columns && init.columns > 20 ? init.columns : 100,
    color,
    json: Boolean(options.json),
    ...(options.dir !== undefined ? { dir: options.dir } : {}),
    ...(options.lang !== undefined ? { langFlag: options.lang } : {}),
    lang,
    t: translator(lang),
    asOf: options.asOf ?? env.DELIVER_AS_OF ?? init.today,
    prompter: init.prompter,
    chalk() {
      if (!chalkInstance) {
        if (!init.chalk) throw new Error('no chalk constructor given');
        chalkInstance = new init.chalk({ level: color ? 2 : 0 });
      }
      return chalkInstance;
    },
    useProjectLanguage(manifestLang) {
      lang = chooseLang(options.lang, manifestLang, env);
      ctx.lang = lang;
      ctx.t = translator(lang);
    },
  };
  return ctx;
}
