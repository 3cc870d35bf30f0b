// Record ids and file names: which kind an id belongs to, the next free id of each kind, the order
// ids sort in, and the slug that follows the id in a file name so two branches adding "the next"
// record never touch the same file. Patterns and prefixes come from the kind registry.
import { FOLDERS, ID_KINDS, idSpec, kindSpec, type FolderKind, type IdKind, type RecordOf } from './kinds/index.js';
import { asciiWords, type Romanize } from './slug-ascii.js';

export type { IdKind } from './kinds/index.js';

/** Each id kind's pattern (the registry's; defs.schema.json holds the same, checked by a test). */
export const ID_PATTERNS = Object.fromEntries(ID_KINDS.map((k) => [k, idSpec(k).pattern])) as Record<IdKind, RegExp>;

/** Fixed prefixes of the kinds that have one (a requirement's comes from its intake month). */
export const ID_PREFIX = Object.fromEntries(ID_KINDS.filter((k) => idSpec(k).prefix !== null).map((k) => [k, idSpec(k).prefix])) as Record<
  Exclude<IdKind, 'requirement'>,
  string
>;

/** Which kind an id belongs to, or undefined for anything that is not a well-formed id. */
export function kindOfId(id: string): IdKind | undefined {
  for (const k of ID_KINDS) if (ID_PATTERNS[k].test(id)) return k;
  return undefined;
}

/** Next `PREFIX-NNN` after the highest one taken (gaps are not reused: ids are never recycled). */
export function nextPrefixedId(prefix: string, taken: Iterable<string>): string {
  let max = 0;
  for (const id of taken) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

/** Next `YYYYMM-NNN` for the month of `received` (YYYY-MM-DD). */
export function nextRequirementId(received: string, taken: Iterable<string>): string {
  return nextPrefixedId(`${received.slice(0, 4)}${received.slice(5, 7)}-`, taken);
}

/**
 * A short file-name slug from a title: ASCII letters and digits (pinyin for Chinese), lower-cased,
 * joined by hyphens, at most 40 characters, so paths stay readable in git, URLs and any shell.
 * Never contains a path separator, dot-dot or control character. Only new files get it: existing
 * files are found by listing their folder, whatever their names.
 */
export function slugify(title: string, romanize: Romanize): string {
  const words = asciiWords(title, romanize);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if ([...next].length > 40) {
      if (!slug) slug = [...w].slice(0, 40).join('');
      break;
    }
    slug = next;
  }
  return slug || 'record';
}

export function recordFileName(id: string, title: string, romanize: Romanize): string {
  return `${id}-${slugify(title, romanize)}.yaml`;
}

/** Where a new record of a folder kind is written: its folder, its id and a slug of its title. */
export function recordPath<K extends FolderKind>(kind: K, record: RecordOf<K> | Record<string, unknown>, romanize: Romanize): string {
  const id = String((record as { id: unknown }).id);
  return `${FOLDERS[kind]}/${recordFileName(id, kindSpec(kind).title(record) ?? id, romanize)}`;
}
