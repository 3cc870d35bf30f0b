// Parsing and schema-checking one record file's bytes: the parse policy (parse-policy.ts), then the
// kind's precompiled validator. load.ts calls it for every file the parse cache did not know.
import * as validators from '../generated/validators.js';
import type { AjvError, Validator } from '../generated/validators.js';
import type { CachedFile } from './cache.js';
import type { RecordKind } from '../core/model.js';
import { parseRecordBytes } from './parse-policy.js';

export interface FileToParse {
  file: string;
  kind: RecordKind;
  bytes: Uint8Array;
  maxBytes: number;
}

const VALIDATORS: Record<RecordKind, Validator> = validators;

/** One file's parse and schema result, in the shape the cache keeps. */
export function parseFile(job: FileToParse): CachedFile {
  const parsed = parseRecordBytes(job.bytes, job.file, job.maxBytes);
  let errors: AjvError[] | null = null;
  if (parsed.data !== undefined) {
    const validate = VALIDATORS[job.kind];
    if (!validate(parsed.data)) errors = validate.errors ?? [];
  }
  // Built field by field: object spreads are slow in code that runs once per file, 7,000 times.
  const entry: CachedFile = { parse: parsed.diagnostics.length ? parsed.diagnostics.map((d) => ({ ...d, file: '' })) : [], errors };
  if (parsed.data !== undefined) entry.data = parsed.data;
  return entry;
}
