// A project's record files read once into memory, with one hash over the whole set (names, read
// outcomes and each file's content hash). Loading from a snapshot sees exactly the
// bytes that were hashed, so a result keyed by the snapshot hash describes those bytes and no others.
import type { Diagnostic } from '../core/diagnostics.js';
import { FOLDERS, MANIFEST_FILE, PLAN_FILE } from '../core/model.js';
import { listRecordFiles, readRegularFile, type Listing, type ReadResult } from './files.js';
import type { FileSource } from './load.js';
import { LIMITS } from './limits.js';
import { digest } from './digest.js';

export interface Snapshot extends FileSource {
  root: string;
  /** sha256 over every listed name, its read outcome and its content hash. */
  hash: string;
}

export function snapshotProject(root: string): Snapshot {
  const reads = new Map<string, ReadResult>();
  const listings = new Map<string, Listing>();
  const parts: string[] = [];
  const take = (rel: string, maxBytes: number) => {
    const r = readRegularFile(root, rel, maxBytes);
    reads.set(rel, r);
    if ('bytes' in r) {
      parts.push(`${rel}\u0000${digest(r.bytes, 'base64')}`);
    } else {
      parts.push(`${rel}\u0000!${outcome(r.diagnostic)}`);
    }
  };
  take(MANIFEST_FILE, LIMITS.recordBytes);
  take(PLAN_FILE, LIMITS.planBytes);
  for (const folder of Object.values(FOLDERS)) {
    const listing = listRecordFiles(root, folder);
    listings.set(folder, listing);
    for (const d of listing.diagnostics) parts.push(`${d.file}\u0000!${outcome(d)}`);
    for (const f of listing.files) take(f, LIMITS.recordBytes);
  }
  return {
    root,
    hash: digest(parts.join('\n'), 'base64'),
    list: (folder) => listings.get(folder) ?? { files: [], diagnostics: [] },
    read: (rel, maxBytes) => {
      const r = reads.get(rel) ?? readRegularFile(root, rel, maxBytes);
      // The size limit was applied when reading; a caller with a smaller one still gets its finding.
      if ('bytes' in r && r.bytes.length > maxBytes) return readRegularFile(root, rel, maxBytes);
      return r;
    },
    exists: (rel) => {
      const r = reads.get(rel);
      return r !== undefined && !('diagnostic' in r && /ENOENT/.test(String(r.diagnostic.args.reason)));
    },
  };
}

function outcome(d: Diagnostic): string {
  return `${d.code}:${JSON.stringify(d.args)}`;
}
