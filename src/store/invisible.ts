// Characters that do not show (Trojan Source): records are reviewed in pull requests, where a
// bidirectional override, a zero-width character or a control character can make a title or an id
// read differently from what it is. Every text value and key holding one is a finding (DLV-E031)
// at the character's own line and column, naming it by code point. Ordinary text stays valid:
// CJK, emoji (their zero-width joiners included), combining marks, RTL letters without overrides.
import { diag, type Diagnostic, type JsonPath } from '../core/diagnostics.js';
import { lineCol, locateOffsets } from './locate.js';

export const INVISIBLE_CODE = 'DLV-E031';

/** At most this many such findings per file: one hostile file gets a bounded report. */
const MAX_PER_FILE = 50;

/**
 * C0 controls but TAB and LF (CR only from an escape: line breaks never reach the data), DEL, C1,
 * LRM and RLM, the bidi embeddings, overrides and isolates, zero-width space, joiners, word
 * joiner and the invisible operators, the Mongolian vowel separator and a BOM inside text.
 */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const INVISIBLE_G = new RegExp(INVISIBLE.source, 'g');
/** Raw in the file text, where YAML itself refuses them (CR is a line break there). */
const RAW_CONTROL_G = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** What may stand on both sides of a joiner (U+200C, U+200D): letters, marks, emoji and their modifiers. */
const JOINABLE_CLASS = /^[\p{L}\p{M}\p{Extended_Pictographic}]$/u;
/** One character that may stand beside a joiner (skin-tone modifiers U+1F3FB–1F3FF by their code point). */
const joinable = (ch: string): boolean => {
  const cp = ch.codePointAt(0) ?? 0;
  return JOINABLE_CLASS.test(ch) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0xfe0f;
};

/** `U+202E` */
export function codePoint(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A quick look at the whole text: can any value or key hold such a character (raw or escaped)? */
export function mayHoldInvisible(source: string): boolean {
  return INVISIBLE.test(source) || source.includes('\\');
}

/** Index of the first invisible character of `s` that is not a joiner inside ordinary text, or -1. */
export function firstInvisible(s: string): number {
  INVISIBLE_G.lastIndex = 0;
  for (let m = INVISIBLE_G.exec(s); m; m = INVISIBLE_G.exec(s)) {
    const c = s.charCodeAt(m.index);
    if ((c === 0x200c || c === 0x200d) && joins(s, m.index)) continue;
    return m.index;
  }
  return -1;
}

function joins(s: string, i: number): boolean {
  const before = Array.from(s.slice(Math.max(0, i - 2), i)).pop();
  const after = String.fromCodePoint(s.codePointAt(i + 1) ?? 0x20);
  return before !== undefined && before.charCodeAt(0) > 0x7f && after.charCodeAt(0) > 0x7f && joinable(before) && joinable(after);
}

/** Raw control characters in the file text (YAML refuses them): each at its line and column. */
export function rawControlFindings(source: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  RAW_CONTROL_G.lastIndex = 0;
  for (let m = RAW_CONTROL_G.exec(source); m && out.length < MAX_PER_FILE; m = RAW_CONTROL_G.exec(source)) {
    out.push(Object.assign(diag(INVISIBLE_CODE, file, { char: codePoint(source.charCodeAt(m.index)) }), lineCol(source, m.index)));
  }
  return out;
}

/** Every text value and key of `data` holding an invisible character, located in `source`. */
export function invisibleFindings(data: unknown, source: string, file: string): Diagnostic[] {
  const hits: { path: JsonPath; char: number }[] = [];
  const path: (string | number)[] = [];
  const walk = (v: unknown): void => {
    if (hits.length >= MAX_PER_FILE) return;
    if (typeof v === 'string') {
      const i = firstInvisible(v);
      if (i !== -1) hits.push({ path: [...path], char: v.charCodeAt(i) });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        path.push(i);
        walk(x);
        path.pop();
      });
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      path.push(k);
      const i = firstInvisible(k);
      if (i !== -1 && hits.length < MAX_PER_FILE) hits.push({ path: [...path], char: k.charCodeAt(i) });
      walk(x);
      path.pop();
    }
  };
  walk(data);
  if (!hits.length) return [];
  const offsets = locateOffsets(
    source,
    hits.map((h) => h.path),
  );
  return hits.map((h, i) =>
    Object.assign(
      diag(INVISIBLE_CODE, file, { char: codePoint(h.char) }, h.path),
      lineCol(source, charOffset(source, offsets[i]!, h.char)),
    ),
  );
}

/** Where the character stands in the text: raw, or written as an escape, from the node's offset on. */
function charOffset(source: string, from: number, c: number): number {
  const hex = c.toString(16);
  const short: Record<number, string> = { 0: '0', 7: 'a', 8: 'b', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e', 0x85: 'N' };
  const forms = [
    `\\u${hex.padStart(4, '0')}`,
    `\\U${hex.padStart(8, '0')}`,
    ...(c < 0x100 ? [`\\x${hex.padStart(2, '0')}`] : []),
    ...(short[c] ? [`\\${short[c]}`] : []),
  ];
  const re = new RegExp([`\\u${hex.padStart(4, '0')}`, ...forms.map((f) => f.replace(/\\/g, '\\\\'))].join('|'), 'gi');
  re.lastIndex = from;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    // `\N`, `\e` … are case-sensitive escapes; the hex forms are not.
    if (m[0].length === 2 && m[0] !== `\\${short[c]}`) continue;
    // An escape counts only when its backslash is not itself escaped.
    let b = 0;
    for (let j = m.index - 1; j >= 0 && source[j] === '\\'; j--) b++;
    if (m[0].length === 1 || b % 2 === 0) return m.index;
  }
  return from;
}
