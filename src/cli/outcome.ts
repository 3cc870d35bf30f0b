// What decides a command's exit status (CLI.md), returned by the command's run function: main (or
// the remembered-output layer, which must reproduce it) turns it into the exit code. Light on
// imports: findings are printed by modules loaded only when there are some.
import { relative } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { sanitize } from '../render/sanitize.js';
import type { Context } from './context.js';
import { EXIT, SHOWN_FINDINGS } from './errors.js';

/** A project a command read, with every finding about it. */
export interface ProjectFindings {
  root: string;
  findings: readonly Diagnostic[];
}

export type Outcome =
  /** Read these projects: an error in any of them makes the exit status 1, named on stderr after the output. */
  | { read: readonly ProjectFindings[] }
  /** Changed records: findings elsewhere in the project do not fail the command. */
  | { wrote: true }
  /** Decided by a command that names its findings itself (validate, kpi), or a remembered run's status. */
  | { exit: number };

/** The outcome of a read command over these projects. */
export function readOutcome(...projects: ProjectFindings[]): Outcome {
  return { read: projects };
}

export const WROTE: Outcome = { wrote: true };

/** Nothing read or written that could fail the command (help-like output, a git comparison). */
export const DONE: Outcome = { exit: EXIT.ok };

/**
 * The exit status of a completed command. A read command on a project with errors still exits 1
 * and names them (the first SHOWN_FINDINGS) on stderr, after its output.
 */
export async function settle(ctx: Context, outcome: Outcome): Promise<number> {
  if ('exit' in outcome) return outcome.exit;
  if ('wrote' in outcome) return EXIT.ok;
  const read = outcome.read;
  const errors = read.flatMap((r) =>
    r.findings
      .filter((d) => d.severity === 'error')
      .map((d) => (read.length > 1 ? { ...d, file: `${relative(ctx.cwd, r.root) || '.'}/${d.file}` } : d)),
  );
  if (!errors.length) return EXIT.ok;
  ctx.stderr.write(`deliver: ${sanitize(ctx.t('status.findings', { n: errors.length }))}\n`);
  const { printDiagnostics } = await import('./output.js');
  printDiagnostics(ctx, errors.slice(0, SHOWN_FINDINGS), 'text', 'stderr');
  return EXIT.findings;
}
