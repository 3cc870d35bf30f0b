// Record ids and file names: the next free id of each kind, and the slug that follows the id in
// a file name so two branches adding "the next" record never touch the same file.

export const ID_PATTERNS = {
  requirement: /^\d{4}(?:0[1-9]|1[0-2])-\d{3,5}$/,
  task: /^T-\d{3,6}$/,
  milestone: /^M-\d{3,6}$/,
  risk: /^R-\d{3,6}$/,
  change: /^CR-\d{3,6}$/,
  acceptance: /^AC-\d{3,6}$/,
  survey: /^S-\d{3,6}$/,
} as const;

export type IdKind = keyof typeof ID_PATTERNS;

export const ID_PREFIX: Record<Exclude<IdKind, 'requirement'>, string> = {
  task: 'T-', milestone: 'M-', risk: 'R-', change: 'CR-', acceptance: 'AC-', survey: 'S-',
};

/** Which kind an id belongs to, or undefined for anything that is not a well-formed id. */
export function kindOfId(id: string): IdKind | undefined {
  for (const [k, re] of Object.entries(ID_PATTERNS)) if (re.test(id)) return k as IdKind;
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
 * A short file-name slug from a title: letters and digits of any script, lower-cased, joined by
 * hyphens, at most 40 characters. Never contains a path separator, dot-dot or control character.
 */
export function slugify(title: string): string {
  const words = title.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
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

export function recordFileName(id: string, title: string): string {
  return `${id}-${slugify(title)}.yaml`;
}
