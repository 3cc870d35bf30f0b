// The JSON Schemas a project carries for editors (`.deliver/schemas/`, which every record's modeline
// points at): written by `init`, checked and refreshed by `doctor` when deliver has new or changed
// schemas (a project made by an older version lacks the newer kinds' files).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_DIR, type FileWrite } from '../store/atomic.js';
import { readRegularFile } from '../store/files.js';
import { LIMITS } from '../store/limits.js';
import { schemasDir } from './paths.js';

/** Every schema deliver ships, as the project files that carry it. */
export function bundledSchemas(): FileWrite[] {
  return readdirSync(schemasDir())
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((f) => ({ rel: `${STATE_DIR}/schemas/${f}`, content: readFileSync(join(schemasDir(), f), 'utf8') }));
}

/** The shipped schemas the project lacks or holds in another version (a link or special file counts as not holding it). */
export function staleSchemas(root: string): FileWrite[] {
  return bundledSchemas().filter((w) => {
    const read = readRegularFile(root, w.rel, LIMITS.recordBytes);
    return 'diagnostic' in read || Buffer.compare(read.bytes, Buffer.from(w.content as string, 'utf8')) !== 0;
  });
}
