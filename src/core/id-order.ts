// The order ids sort in: by prefix, then by number (R-999 before R-1000). A leaf module: the kind
// registry's own entries sort with it.

/**
 * Where the trailing run of digits of `s` starts; -1 when there is none or the prefix holds a line
 * break (the rule was once the pattern /^(.*?)(\d+)$/, whose `.` stops at line breaks).
 */
function trailingDigits(s: string): number {
  let i = s.length;
  while (i > 0) {
    const c = s.charCodeAt(i - 1);
    if (c < 48 || c > 57) break;
    i--;
  }
  if (i === s.length) return -1;
  for (let k = 0; k < i; k++) {
    const c = s.charCodeAt(k);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return -1;
  }
  return i;
}

/** An id split once: the prefix before its trailing number (none without one) and that number. */
interface IdKey {
  id: string;
  prefix: string | undefined;
  num: number;
}

function idKey(id: string): IdKey {
  const d = trailingDigits(id);
  return d >= 0 ? { id, prefix: id.slice(0, d), num: Number(id.slice(d)) } : { id, prefix: undefined, num: 0 };
}

/** Same prefix: by number, then as text (R-01 before R-1); otherwise as text. */
function compareKeys(a: IdKey, b: IdKey): number {
  return (a.prefix !== undefined && a.prefix === b.prefix && a.num - b.num) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Prefixed ids compare by prefix, then by number, so R-1000 follows R-999. */
export function compareIds(a: string, b: string): number {
  return compareKeys(idKey(a), idKey(b));
}

/**
 * `ids` in compareIds order, splitting each id once instead of at every comparison (thousands of
 * late task ids are sorted for every status).
 */
export function sortIds(ids: readonly string[]): string[] {
  return ids
    .map(idKey)
    .sort(compareKeys)
    .map((k) => k.id);
}

/**
 * `items` ordered by `first` where it tells two apart, else by their ids in compareIds order, each
 * id split once (a comparison that splits both ids each time costs more than the rest of the sort).
 */
export function sortByIds<T>(items: readonly T[], idOf: (x: T) => string, first?: (a: T, b: T) => number): T[] {
  return items
    .map((item) => ({ item, key: idKey(idOf(item)) }))
    .sort((a, b) => (first ? first(a.item, b.item) : 0) || compareKeys(a.key, b.key))
    .map((k) => k.item);
}

/** Each id's position in compareIds order. */
export function idRanks(ids: readonly string[]): Map<string, number> {
  return new Map(sortIds(ids).map((id, i) => [id, i]));
}
