// An on-disk cache of parse and schema results, keyed by each file's content hash, so unchanged
// files are not parsed again on every run. It lives outside the project (nothing of it reaches
// git or a pull request), is safe to delete, and can never be stale: an entry is found only by the
// hash of the bytes just read, and the whole cache is dropped when the schemas, the reading code
// or the version change (FINGERPRINT). DELIVER_CACHE=0 turns it off.
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { FINGERPRINT } from '../generated/fingerprint.js';
import type { AjvError } from '../generated/validators.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { digest, randomHex } from './digest.js';

export interface CachedFile {
  /** The parsed record, when it parsed. */
  data?: unknown;
  /** Findings of the parsing policy, with `file` left empty (the same bytes may sit in another file). */
  parse: Diagnostic[];
  /** Schema errors; null when the record is valid or did not parse. */
  errors: AjvError[] | null;
}

export interface RecordCache {
  get(key: string): CachedFile | undefined;
  set(key: string, value: CachedFile): void;
  /** Writes the cache back if this run added entries; entries not used this run are dropped. */
  save(): void;
}

const FORMAT = 1;

/**
 * A cache for one command only, never written: with DELIVER_CACHE=0, `diff` still parses a file
 * that is the same on both sides once (by the same content key).
 */
export function memoryCache(): RecordCache {
  const entries = new Map<string, CachedFile>();
  return { get: (key) => entries.get(key), set: (key, value) => void entries.set(key, value), save: () => undefined };
}

/** sha256, so that no crafted file can collide with a cached valid one. */
export function contentKey(kind: string, bytes: Uint8Array): string {
  return `${kind}:${digest(bytes, 'base64')}`;
}

export function cacheDir(env: Record<string, string | undefined>): string {
  if (env.DELIVER_CACHE_DIR) return resolve(env.DELIVER_CACHE_DIR);
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'deliver');
}

/** The cache for one project root, or undefined when it is turned off (DELIVER_CACHE=0). */
export function openCache(root: string, env: Record<string, string | undefined>): RecordCache | undefined {
  if (env.DELIVER_CACHE === '0') return undefined;
  const dir = cacheDir(env);
  const file = join(dir, `${digest(resolve(root), 'hex', 'sha1').slice(0, 20)}.json`);
  let old = new Map<string, CachedFile>();
  try {
    // JSON: as fast as v8.deserialize for this plain data (measured) and readable; [key, value] pairs.
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; fingerprint?: string; entries?: [string, CachedFile][] };
    if (doc.format === FORMAT && doc.fingerprint === FINGERPRINT && Array.isArray(doc.entries)) old = new Map(doc.entries);
  } catch {
    // missing, unreadable or corrupt: start empty
  }
  const used = new Map<string, CachedFile>();
  let added = false;
  return {
    get(key) {
      const hit = old.get(key);
      if (hit) used.set(key, hit);
      return hit;
    },
    set(key, value) {
      used.set(key, value);
      added = true;
    },
    save() {
      if (!added && used.size === old.size) return;
      const tmp = `${file}.${process.pid}.${randomHex(4)}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(tmp, JSON.stringify({ format: FORMAT, fingerprint: FINGERPRINT, entries: [...used] }));
        renameSync(tmp, file);
      } catch {
        try { unlinkSync(tmp); } catch { /* never created */ }
        // A cache that cannot be written only costs speed next time.
      }
    },
  };
}
