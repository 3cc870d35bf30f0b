// Scalars of the subset reader (subset-yaml.ts): the escapes of double-quoted scalars, and plain
// scalars resolved by the YAML 1.2 core schema as js-yaml 5 resolves them.

const DASH = 45;

/** Single-character escapes of double-quoted scalars. */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/**
 * The escape after a backslash at index `i` of a double-quoted scalar: its text and the index after
 * it. `\x`, `\u` and `\U` take 2, 4 and 8 hex digits; code points past U+10FFFF and escaped line
 * breaks are left to js-yaml (undefined: the subset reader gives up).
 */
export function readEscape(s: string, i: number, eol: number): [string, number] | undefined {
  const c = s[i];
  if (c === undefined || i >= eol) return undefined;
  const simple = ESCAPES[c];
  if (simple !== undefined) return [simple, i + 1];
  const digits = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (digits === 0 || i + digits >= eol) return undefined;
  const hex = s.slice(i + 1, i + 1 + digits);
  if (!/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) return undefined;
  return [String.fromCodePoint(code), i + 1 + digits];
}

// The YAML 1.2 core schema's integers and floats, as js-yaml 5 writes them.
const CORE_INT = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$/;
const CORE_FLOAT =
  /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Marks a plain scalar that stays a string. */
const STRING: unique symbol = Symbol('string');

/** True when the plain scalar is not read as a string (a key like `true` or `null` is left to js-yaml). */
export function resolvesImplicitly(text: string): boolean {
  return resolveCore(text) !== STRING;
}

/** A plain scalar's value under the core schema: null, a boolean, a number or the text itself. */
export function resolvePlain(text: string): unknown {
  const v = resolveCore(text);
  return v === STRING ? text : v;
}

/** Tried in the schema's order (null, bool, int, float); only text starting with one of their characters can match. */
function resolveCore(text: string): unknown {
  const c = text.charCodeAt(0);
  if (c === 126 || c === 110 || c === 78) {
    // ~ n N
    return text === '~' || text === 'null' || text === 'Null' || text === 'NULL' ? null : STRING;
  }
  if (c === 116 || c === 84) return text === 'true' || text === 'True' || text === 'TRUE' ? true : STRING; // t T
  if (c === 102 || c === 70) return text === 'false' || text === 'False' || text === 'FALSE' ? false : STRING; // f F
  if (!((c >= 48 && c <= 57) || c === 43 || c === DASH || c === 46)) return STRING; // + - .
  // A number has a `-` only first or after its exponent's e: dates and requirement ids, most of
  // the plain scalars that start with a digit, need no pattern.
  const dash = text.indexOf('-', 1);
  if (dash > 0 && (text.charCodeAt(dash - 1) | 32) !== 101) return STRING;
  if (CORE_INT.test(text)) {
    const negative = c === DASH;
    const digits = c === DASH || c === 43 ? text.slice(1) : text;
    const n = digits.startsWith('0o')
      ? parseInt(digits.slice(2), 8)
      : digits.startsWith('0x')
        ? parseInt(digits.slice(2), 16)
        : parseInt(digits, 10);
    const value = negative ? -n : n;
    if (Number.isFinite(value)) return value;
  }
  if (CORE_FLOAT.test(text)) {
    const lower = text.toLowerCase();
    const negative = c === DASH;
    const body = c === DASH || c === 43 ? lower.slice(1) : lower;
    if (body === '.inf') return negative ? -Infinity : Infinity;
    if (body === '.nan') return NaN;
    const value = (negative ? -1 : 1) * parseFloat(body);
    if (Number.isFinite(value)) return value;
  }
  return STRING;
}
