// Equality of parsed record data (plain objects and arrays of strings, numbers, booleans and
// null), as util.isDeepStrictEqual decides it for such values but several times faster: the
// write path compares every edited file's re-read data with the intended data, 10,000 tasks and
// all. Key order does not count; prototypes, -0 and NaN do, as there.
import { isDeepStrictEqual } from 'node:util';

export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const proto = Object.getPrototypeOf(a);
  if (proto !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], bb[i])) return false;
    return true;
  }
  // Anything but a plain object (a Date, a Map …) never comes out of the parsers: Node decides.
  if (proto !== Object.prototype && proto !== null) return isDeepStrictEqual(a, b);
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, unknown>,
    rb = b as Record<string, unknown>;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(rb, k) || !sameData(ra[k], rb[k])) return false;
  return true;
}
