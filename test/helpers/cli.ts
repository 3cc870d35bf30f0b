// Runs deliver in-process with in-memory streams, as a terminal or piped, with a fixed date.
import { main } from '../../src/main.js';
import type { Prompter } from '../../src/cli/context.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  stdoutIsTTY?: boolean;
  stdinIsTTY?: boolean;
  env?: Record<string, string | undefined>;
  columns?: number;
  prompter?: Prompter;
}

export async function runCli(args: string[], opts: CliOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: opts.cwd,
    env: { DELIVER_AS_OF: '2026-11-20', LANG: 'en_US.UTF-8', DELIVER_CACHE: '0', ...(opts.env ?? {}) },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdoutIsTTY: opts.stdoutIsTTY ?? false,
    stdinIsTTY: opts.stdinIsTTY ?? false,
    columns: opts.columns ?? 100,
    today: '2026-11-20',
    ...(opts.prompter ? { prompter: opts.prompter } : {}),
  });
  return { code, stdout, stderr };
}

/** A prompter that answers from a queue and fails the test if asked more than expected. */
export function scriptedPrompter(answers: (string | boolean)[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = (q: string) => {
    asked.push(q);
    if (answers.length === 0) throw new Error(`unexpected prompt: ${q}`);
    return answers.shift()!;
  };
  return {
    asked,
    async input(message) {
      return String(next(message));
    },
    async select(message) {
      return String(next(message)) as never;
    },
    async confirm(message) {
      return Boolean(next(message));
    },
  };
}
