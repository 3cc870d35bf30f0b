// Hashes for the caches, and names for temporary files. node:crypto loads on first use: with the
// cache off (DELIVER_CACHE=0) a read command hashes nothing and does not pay for loading it, and
// a write names its temporary files without it.
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;
const load = (): Crypto => (crypto ??= createRequire(import.meta.url)('node:crypto') as Crypto);

/** The digest of `data` (sha256 unless told otherwise). */
export function digest(data: string | Uint8Array, encoding: 'hex' | 'base64', algorithm: 'sha256' | 'sha1' = 'sha256'): string {
  return load().hash(algorithm, data, encoding);
}

let made = 0;

/**
 * A part for the name of a temporary file, unique within this process (a counter) and unlikely to
 * repeat across processes of one pid (random). Not a secret: temporary files are created with
 * O_EXCL, so a name taken by anything else fails the write instead of touching it. Without
 * node:crypto, whose loading cost a write 5–10 ms.
 */
export function uniqueName(): string {
  made++;
  return `${made.toString(36)}${Math.floor(Math.random() * 0x100000000)
    .toString(16)
    .padStart(8, '0')}`;
}
