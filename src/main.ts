// Entry point: builds the command tree and is the one place that turns outcomes and errors into exit codes
// (CLI.md: 0 done, 1 findings, 2 could not run, 130 cancelled, 70 a bug).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { CancelledError, EXIT, FindingsError, RefusedError, UsageError } from './cli/errors.js';
import { settle } from './cli/outcome.js';
import type { Context, Prompter, Writer } from './cli/context.js';
import { buildProgram, type GlobalOptions } from './cli/program.js';
import { localizeCommanderError, localizeProgram } from './cli/localize.js';
import { probeLang } from './cli/lang-probe.js';
import { isIsoDate, isReportDate, REPORT_DATES } from './core/dates.js';
import { LockTimeoutError, RecordExistsError, RecordRefusedError, UnsafePathError } from './store/errors.js';
import { sanitize } from './render/sanitize.js';
import type { Translate } from './render/i18n.js';

export interface MainIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Writer;
  stderr: Writer;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  columns?: number;
  /** Today's date as the default --as-of (the CLI passes the clock's; tests pass a fixed one). */
  today: string;
  prompter?: Prompter;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function processIO(): MainIO {
  // `deliver … | head`: once the reader has gone, the rest of the output has nowhere to go. End
  // quietly instead of reporting the broken pipe as an internal error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    // Node opens a standard stream (loading the modules behind it) on first use: stderr only when
    // something is written to it; stdin is asked about with isatty, only when a command runs (help
    // does not need it), because process.stdin.isTTY would open a stream only a prompt needs.
    get stderr() {
      return process.stderr;
    },
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    get stdinIsTTY() {
      return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(0);
    },
    columns: process.stdout.columns,
    today: localToday(),
  };
}

export async function main(argv: readonly string[], io: MainIO = processIO()): Promise<number> {
  let ctx: Context | undefined;
  let status: number = EXIT.ok;
  // Known before the project is read, so help, usage errors and flag checks use it too.
  const lang = probeLang(argv, io.cwd, io.env);
  // The context, messages, colours and prompts load only when a command runs: `--help` and usage
  // errors must not pay for them.
  const fallbackT = async (): Promise<Translate> => {
    if (ctx) return ctx.t;
    const { translator } = await import('./render/i18n.js');
    return translator(lang);
  };
  const program = buildProgram(packageVersion(), async (cmd, impl) => {
    const globals = cmd.optsWithGlobals() as GlobalOptions;
    const asOf = globals.asOf ?? io.env.DELIVER_AS_OF;
    if (asOf !== undefined && !isIsoDate(asOf))
      throw new UsageError((await fallbackT())('err.badDate', { option: '--as-of', value: asOf }));
    if (asOf !== undefined && !isReportDate(asOf))
      throw new UsageError(
        (await fallbackT())('err.asOfRange', { option: '--as-of', value: asOf, first: REPORT_DATES.first, last: REPORT_DATES.last }),
      );
    const [{ makeContext }, { Chalk }, { inquirerPrompter }] = await Promise.all([
      import('./cli/context.js'),
      import('chalk'),
      import('./cli/prompter.js'),
    ]);
    ctx = makeContext({
      cwd: io.cwd,
      env: io.env,
      stdout: io.stdout,
      stderr: io.stderr,
      stdoutIsTTY: io.stdoutIsTTY,
      stdinIsTTY: io.stdinIsTTY,
      ...(io.columns !== undefined ? { columns: io.columns } : {}),
      today: io.today,
      options: { ...globals, ...(asOf !== undefined ? { asOf } : {}) },
      prompter: io.prompter ?? inquirerPrompter(() => ctx?.lang ?? lang),
      chalk: Chalk,
    });
    ctx.useProjectLanguage(lang);
    // The command says what decides its exit status (findings read, records written).
    status = await settle(ctx, await impl(ctx));
  });
  localizeProgram(program, lang);
  // Every command, not only the root, must throw instead of exiting and write to our streams.
  const all = (c: CommandUnknownOpts): CommandUnknownOpts[] => [c, ...c.commands.flatMap(all)];
  for (const c of all(program)) {
    c.exitOverride();
    // Commander echoes arguments in its messages ("unknown command '…'"): sanitize those too.
    c.configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(sanitize(s)),
      outputError: (s, write) => write(sanitize(localizeCommanderError(s, lang))),
    });
  }
  // The shell's completion script asks for candidates: the words typed so far, after `--`.
  if (argv[0] === '__complete') {
    const { complete } = await import('./cli/complete.js');
    const words = argv.slice(argv[1] === '--' ? 2 : 1);
    const found = complete(program, words.length ? words : [''], io.cwd);
    io.stdout.write(found.map((w) => sanitize(w)).join('\n') + (found.length ? '\n' : ''));
    return EXIT.ok;
  }
  try {
    // -v is the version flag; -V, the earlier spelling, still answers.
    await program.parseAsync(argv[0] === '-V' ? ['-v', ...argv.slice(1)] : (argv as string[]), { from: 'user' });
  } catch (e) {
    // Help, --version and usage errors are printed by commander: no messages to load for them.
    status = e instanceof CommanderError ? commanderExit(e) : await report(e, io, ctx, await fallbackT());
  }
  return status;
}

function commanderExit(e: CommanderError): number {
  return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.usage;
}

async function report(e: unknown, io: MainIO, ctx: Context | undefined, t: Translate): Promise<number> {
  // The reader closed the pipe (`deliver kpi | head -3`): nothing more is wanted, which is not a failure.
  if ((e as { code?: unknown } | null)?.code === 'EPIPE') return EXIT.ok;
  const err = (msg: string, hint?: string) =>
    io.stderr.write(`deliver: ${sanitize(msg)}\n${hint ? `  ${t('common.hint')}: ${sanitize(hint)}\n` : ''}`);
  if (e instanceof UsageError) {
    err(e.message, e.hint);
    return EXIT.usage;
  }
  if (e instanceof CancelledError) {
    err(t('err.cancelled'));
    return EXIT.cancelled;
  }
  if (e instanceof RefusedError) {
    err(e.message, e.hint);
    return EXIT.findings;
  }
  if (e instanceof FindingsError || e instanceof RecordRefusedError) {
    if (e.message && e instanceof FindingsError) err(e.message);
    if (e instanceof RecordRefusedError) err(t('err.recordRefused', { file: e.diagnostics[0]?.file ?? '?' }));
    // Loaded only here: locating findings needs the YAML parser, which start-up should not pay for.
    const { resolvePositions } = await import('./store/positions.js');
    const { printDiagnostics } = await import('./cli/output.js');
    if (ctx) printDiagnostics(ctx, resolvePositions(e.diagnostics, e.sources), 'text', 'stderr');
    return EXIT.findings;
  }
  if (e instanceof RecordExistsError) {
    err(t('err.recordExists', { file: e.rel }));
    return EXIT.findings;
  }
  if (e instanceof LockTimeoutError) {
    err(t('err.locked', { lock: e.lockPath }));
    return EXIT.usage;
  }
  if (e instanceof UnsafePathError) {
    err(t('err.unsafePath', { message: e.message }));
    return EXIT.findings;
  }
  const message = e instanceof Error ? e.message : String(e);
  err(t('err.internal', { message }), t('err.internalHint'));
  if (io.env.DELIVER_DEBUG === '1' && e instanceof Error && e.stack) io.stderr.write(sanitize(e.stack) + '\n');
  return EXIT.bug;
}
