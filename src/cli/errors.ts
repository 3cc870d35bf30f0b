// Error classes that decide the exit status (CLI.md): only src/main.ts turns them into one.
import type { Diagnostic } from '../core/diagnostics.js';

export const EXIT = { ok: 0, findings: 1, usage: 2, bug: 70, cancelled: 130 } as const;

/** How many errors a read command lists after its output (validate lists them all). */
export const SHOWN_FINDINGS = 20;

/** Bad flags or arguments, no project found: exit 2. The message is already in the user's language. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The command ran into findings about records (invalid, refused, failed check): exit 1. */
export class FindingsError extends Error {
  constructor(
    readonly diagnostics: Diagnostic[],
    readonly sources: ReadonlyMap<string, string> = new Map(),
    message = '',
  ) {
    super(message);
  }
}

/** A plain refusal with a message (illegal lifecycle move, applying a slip twice): exit 1. */
export class RefusedError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The user cancelled at a prompt: exit 130. */
export class CancelledError extends Error {}
