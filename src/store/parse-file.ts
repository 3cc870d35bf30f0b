// Parsing and schema-checking one record file's bytes: the parse policy (parse-policy.ts), then the
// kind's precompiled validator. load.ts calls it for every file it reads.
import * as validators from '../generated/validators.js';
import type { AjvError, Validator } from '../generated/validators.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { RecordKind } from '../core/model.js';
import { parseRecordBytes } from './parse-policy.js';

export interface FileToParse {
  file: string;
  kind: RecordKind;
  bytes: Uint8Array;
  maxBytes: number;
}

/** One file's parse and schema result. */
export interface ParsedFileResult {
  /** The parsed record, when it parsed. */
  data?: unknown;
  /** Findings of the parsing policy. */
  parse: Diagnostic[];
  /** Schema errors; null when the record is valid or did not parse. */
  errors: AjvError[] | null;
  /** The decoded text of a large file (KEEP_TEXT_BYTES), for an edit or a finding's position. */
  source?: string;
}

/**
 * Files at least this large keep their decoded text: editing plan.yaml at 10,000 tasks would
 * otherwise decode its 2 MB again (about 10 ms). Small files are decoded again when needed.
 */
export const KEEP_TEXT_BYTES = 256 * 1024;

const VALIDATORS: Record<RecordKind, Validator> = validators;

/** One file's parse and schema result. */
export function parseFile(job: FileToParse): ParsedFileResult {
  const parsed = parseRecordBytes(job.bytes, job.file, job.maxBytes);
  const result = schemaChecked(job.kind, parsed.data, parsed.diagnostics);
  if (parsed.source !== undefined && job.bytes.length >= KEEP_TEXT_BYTES) result.source = parsed.source;
  return result;
}

/** The result for data already parsed (and its parse findings): the kind's schema run over it. */
export function schemaChecked(kind: RecordKind, data: unknown, parse: Diagnostic[]): ParsedFileResult {
  let errors: AjvError[] | null = null;
  if (data !== undefined) {
    const validate = VALIDATORS[kind];
    if (!validate(data)) errors = validate.errors ?? [];
  }
  // Built field by field: object spreads are slow in code that runs once per file, 7,000 times.
  const result: ParsedFileResult = { parse, errors };
  if (data !== undefined) result.data = data;
  return result;
}
