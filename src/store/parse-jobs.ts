// Parsing and schema-checking files the cache did not know. (Splitting this work with a worker
// thread was measured at 10,000 tasks and gained nothing on two cores: the plan file alone is half
// the work and results have to be copied back. See bench/results.md and the README.)
import * as validators from '../generated/validators.js';
import type { AjvError, Validator } from '../generated/validators.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { RecordKind } from '../core/model.js';
import { parseRecordBytes } from './parse-policy.js';

export interface ParseJob {
  file: string;
  kind: RecordKind;
  bytes: Uint8Array;
  maxBytes: number;
}

export interface ParseResult {
  data?: unknown;
  /** Parsing-policy findings with `file` left empty (the caller knows the file). */
  parse: Diagnostic[];
  errors: AjvError[] | null;
}

const VALIDATORS: Record<RecordKind, Validator> = validators;

export function parseJob(job: ParseJob): ParseResult {
  const parsed = parseRecordBytes(job.bytes, job.file, job.maxBytes);
  let errors: AjvError[] | null = null;
  if (parsed.data !== undefined) {
    const validate = VALIDATORS[job.kind];
    if (!validate(parsed.data)) errors = validate.errors ?? [];
  }
  return { ...(parsed.data !== undefined ? { data: parsed.data } : {}), parse: parsed.diagnostics.map((d) => ({ ...d, file: '' })), errors };
}
