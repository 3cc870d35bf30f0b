// Errors the store raises, kept free of dependencies so that src/main.ts can recognise them
// without loading the parser, the validators or the YAML editor at start-up.
import type { Diagnostic } from '../core/diagnostics.js';

/** The record file cannot be changed as asked; the findings say why (nothing was written). */
export class RecordRefusedError extends Error {
  constructor(
    readonly diagnostics: Diagnostic[],
    readonly sources: Map<string, string>,
  ) {
    super('record refused');
  }
}

/** A new record's file name is taken (two writers, or a hand-made file): nothing is overwritten. */
export class RecordExistsError extends Error {
  constructor(readonly rel: string) {
    super(`${rel} already exists`);
  }
}

/** A write produced something other than intended: a bug, reported with exit status 70. */
export class WriteVerificationError extends Error {}

/** A path that would leave the project or pass through a link. */
export class UnsafePathError extends Error {}

export class LockTimeoutError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: string,
  ) {
    super(`the project is locked by another deliver process (${holder})`);
  }
}
