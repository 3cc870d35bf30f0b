// Hashes and random names for the caches and temporary files. node:crypto loads on first use:
// with the cache off (DELIVER_CACHE=0) a read command hashes nothing and does not pay for loading it.
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;
const load = (): Crypto => (crypto ??= createRequire(import.meta.url)('node:crypto') as Crypto);

/** The digest of `data` (sha256 unless told otherwise). */
export function digest(data: string | Uint8Array, encoding: 'hex' | 'base64', algorithm: 'sha256' | 'sha1' = 'sha256'): string {
  return load().hash(algorithm, data, encoding);
}

/** `bytes` random bytes as hex, for names of temporary files. */
export function randomHex(bytes: number): string {
  return load().randomBytes(bytes).toString('hex');
}
