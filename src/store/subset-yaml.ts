// A reader for the plain block YAML that record files nearly always are, several times faster than
// js-yaml: one pass over the text by character codes, no token or state objects.
//
// It reads a strict subset: a mapping at the top; block mappings with plain keys; block sequences
// (also of compact `- key: value` mappings); plain, single- and double-quoted scalars (escapes
// included), also over several lines; literal and folded block scalars; one-line flow sequences
// and mappings of scalars; comments. At anything else (anchors, aliases, tags, complex keys,
// directives, tabs, duplicate keys, more-indented lines in a folded scalar, explicit indentation
// indicators …) it gives up and returns NOT_SUBSET without a finding: the caller then reads the
// text with the careful parser (js-yaml 5), so every error and its position comes from one place.
// Plain scalars resolve by the YAML 1.2 core schema as js-yaml 5 resolves them (yaml-scalars.ts).
// test/store/subset-yaml.test.ts holds the two to the same results (values, types, key order) over
// the fixtures, the examples, random mutations of them and generated documents of every style.
import { FORBIDDEN_KEYS, LIMITS } from './limits.js';
import { readEscape, resolvePlain, resolvesImplicitly } from './yaml-scalars.js';

export const NOT_SUBSET: unique symbol = Symbol('not in the subset');

const SPACE = 32,
  HASH = 35,
  DASH = 45,
  COLON = 58,
  QUOTE = 39,
  DQUOTE = 34,
  BACKSLASH = 92,
  LBRACKET = 91,
  RBRACKET = 93,
  LBRACE = 123,
  RBRACE = 125,
  COMMA = 44;

/**
 * Characters js-yaml refuses in a scalar (it throws; the report is left to it), and the line breaks
 * of YAML 1.1 it warns about: wherever they stand, this reader gives up. Surrogates are fine in
 * pairs only. UNUSUAL finds in one fast pass whether any of these, a tab or a CR is there at all.
 */
const NON_PRINTABLE =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
const UNUSUAL = /[\x00-\x08\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]/;

class GiveUp {}
const GIVE_UP = new GiveUp();

/**
 * The mapping the careful parser reads from `text`, or NOT_SUBSET. What it returns is within the
 * policy's limits (depth, string and key lengths, no forbidden keys; limits.ts): it gives up on
 * anything beyond, so its result needs no further check.
 */
export function readSubset(text: string): unknown {
  if (text.charCodeAt(0) === 0xfeff) return NOT_SUBSET;
  if (UNUSUAL.test(text)) {
    if (text.indexOf('\t') !== -1 || NON_PRINTABLE.test(text)) return NOT_SUBSET;
    if (text.indexOf('\r') !== -1) {
      text = text.replace(/\r\n/g, '\n');
      if (text.indexOf('\r') !== -1) return NOT_SUBSET;
    }
  }
  const r = new Reader(text);
  try {
    if (!r.next()) return NOT_SUBSET; // nothing but comments: js-yaml decides what that is
    if (r.isSeqEntry()) return NOT_SUBSET;
    const value = r.mapping(r.ind, r.ind, 1);
    return r.atEnd ? value : NOT_SUBSET;
  } catch (e) {
    if (e === GIVE_UP) return NOT_SUBSET;
    throw e;
  }
}

class Reader {
  /** Start of the current line, its indentation and its end (index of '\n' or the text's length). */
  pos = 0;
  ind = 0;
  eol = 0;
  atEnd = false;

  constructor(private readonly s: string) {}

  /** A string value, within the length limit. */
  str(text: string): string {
    if (text.length > LIMITS.stringChars) throw GIVE_UP;
    return text;
  }

  /** A key: plain, not resolving to null or a boolean, new in `out`, within the limits. */
  key(start: number, end: number, out: Record<string, unknown>): string {
    const key = this.s.slice(start, end);
    if (key.length > LIMITS.keyChars || FORBIDDEN_KEYS.has(key) || resolvesImplicitly(key) || Object.hasOwn(out, key)) throw GIVE_UP;
    return key;
  }

  /**
   * Moves to the first line from `pos` that is neither blank nor a comment; false at the end. The
   * first call starts at pos 0; later calls start after the current line.
   */
  next(): boolean {
    const s = this.s,
      n = s.length;
    let p = this.pos;
    while (p < n) {
      const e = lineEnd(s, p);
      const i = skipSpaces(s, p, e);
      if (i < e && s.charCodeAt(i) !== HASH) {
        this.pos = p;
        this.ind = i - p;
        this.eol = e;
        return true;
      }
      p = e + 1;
    }
    this.pos = n;
    this.eol = n;
    this.atEnd = true;
    return false;
  }

  /** Moves past the current line to the next significant one. */
  advance(): boolean {
    this.pos = this.eol + 1;
    return this.next();
  }

  isSeqEntry(): boolean {
    const i = this.pos + this.ind;
    return this.s.charCodeAt(i) === DASH && (i + 1 === this.eol || this.s.charCodeAt(i + 1) === SPACE);
  }

  /**
   * A block mapping whose keys sit at column `ind`; its first key starts at column `col` of the
   * current line (`col` > `ind` only for the first key of a compact mapping in a sequence entry).
   */
  mapping(ind: number, col: number, depth: number): Record<string, unknown> {
    if (depth > LIMITS.depth) throw GIVE_UP;
    const s = this.s;
    const out: Record<string, unknown> = {};
    for (;;) {
      const start = this.pos + col;
      const k = keyEnd(s, start);
      if (k === -1 || s.charCodeAt(k) !== COLON || (k + 1 < this.eol && s.charCodeAt(k + 1) !== SPACE)) throw GIVE_UP;
      const key = this.key(start, k, out);
      let v = k + 1;
      v = skipSpaces(s, v, this.eol);
      let value: unknown;
      if (v === this.eol || s.charCodeAt(v) === HASH) {
        // Nothing on the line: a nested block, a sequence at the same indentation, or null.
        if (!this.advance()) value = null;
        else if (this.ind > ind) value = this.block(depth + 1);
        else if (this.ind === ind && this.isSeqEntry()) value = this.sequence(ind, depth + 1);
        else value = null;
      } else {
        value = this.value(v, ind);
      }
      out[key] = value;
      if (this.atEnd || this.ind < ind) return out;
      if (this.ind > ind) throw GIVE_UP; // (a `- ` line here fails as a key: a list cannot follow a value)
      col = ind;
    }
  }

  /** A block sequence whose `-` indicators sit at column `ind` of the current line and those after it. */
  sequence(ind: number, depth: number): unknown[] {
    if (depth > LIMITS.depth) throw GIVE_UP;
    const s = this.s;
    const out: unknown[] = [];
    for (;;) {
      let v = this.pos + ind + 1;
      v = skipSpaces(s, v, this.eol);
      if (v === this.eol || s.charCodeAt(v) === HASH) {
        if (!this.advance()) out.push(null);
        else if (this.ind > ind) out.push(this.block(depth + 1));
        else out.push(null);
      } else if (this.looksLikeKey(v)) {
        const col = v - this.pos;
        out.push(this.mapping(col, col, depth + 1));
      } else {
        const c = s.charCodeAt(v);
        if (c === DASH && (v + 1 === this.eol || s.charCodeAt(v + 1) === SPACE)) throw GIVE_UP; // `- - a`
        out.push(this.value(v, ind));
      }
      if (this.atEnd || this.ind < ind) return out;
      if (this.ind > ind) throw GIVE_UP;
      if (!this.isSeqEntry()) return out; // the mapping this sequence is a value of goes on
    }
  }

  /** The nested block starting on the current line, at its indentation. */
  block(depth: number): unknown {
    return this.isSeqEntry() ? this.sequence(this.ind, depth) : this.mapping(this.ind, this.ind, depth);
  }

  /** A plain key followed by `:` and a space or the line's end, at index `i`. */
  looksLikeKey(i: number): boolean {
    const s = this.s;
    const k = keyEnd(s, i);
    return k !== -1 && s.charCodeAt(k) === COLON && (k + 1 === this.eol || s.charCodeAt(k + 1) === SPACE);
  }

  /**
   * The value starting at index `v` of the current line, inside a block indented `ind`; leaves the
   * reader on the next significant line.
   */
  value(v: number, ind: number): unknown {
    const c = this.s.charCodeAt(v);
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(v, ind, c === 62);
    if (c === DQUOTE || c === QUOTE) return this.quotedScalar(v, ind);
    if (c === LBRACKET || c === LBRACE) {
      const value = c === LBRACKET ? this.flowSequence(v + 1) : this.flowMapping(v + 1);
      this.advance();
      return value;
    }
    return this.plain(v, ind);
  }

  /**
   * A plain scalar from index `v`, going on over more-indented lines (each line break folds into a
   * space, empty lines into line breaks); leaves the reader on the next significant line.
   */
  plain(v: number, ind: number): unknown {
    const s = this.s,
      n = s.length;
    if (!startsPlain(s, v, this.eol)) throw GIVE_UP;
    let end = plainEnd(s, v, this.eol);
    let text = s.slice(v, end);
    let comment = end < this.eol; // a comment ends the scalar: nothing may follow it
    let p = this.eol + 1;
    let empty = 0;
    for (; p < n; p++) {
      const e = lineEnd(s, p);
      const k = skipSpaces(s, p, e);
      if (k === e) {
        empty++;
        p = e;
        continue;
      }
      if (k - p <= ind) {
        // The scalar ended: this line is the next one to read, unless it is a comment.
        if (s.charCodeAt(k) !== HASH) {
          this.pos = p;
          this.ind = k - p;
          this.eol = e;
          return resolvePlain(this.str(text));
        }
        break;
      }
      if (s.charCodeAt(k) === HASH) {
        comment = true;
        p = e;
        continue;
      }
      // A continuation line: not after a comment, not a comment, nothing YAML would read otherwise.
      if (comment || !startsPlain(s, k, e)) throw GIVE_UP;
      end = plainEnd(s, k, e);
      comment = end < e;
      text += fold(empty) + s.slice(k, end);
      empty = 0;
      p = e;
    }
    this.pos = Math.min(p, n);
    this.next();
    return resolvePlain(this.str(text));
  }

  /**
   * A block scalar (`|` literal or `>` folded; `-` or `+` chomping; no indentation indicator) whose
   * header is at index `v`, inside a block indented `ind`. Literal: its lines less their common
   * indentation, each ending in a line break. Folded: a line break between two lines becomes a
   * space, and n empty lines between them n line breaks (more-indented lines, which keep their
   * breaks, are left to js-yaml). Chomping: `-` drops the final break, `+` keeps trailing empty lines.
   */
  blockScalar(v: number, ind: number, folded: boolean): string {
    const s = this.s,
      n = s.length;
    let i = v + 1;
    let chomp = 0; // -1 strip, 0 clip, 1 keep
    if (s.charCodeAt(i) === DASH) {
      chomp = -1;
      i++;
    } else if (s.charCodeAt(i) === 43 /* + */) {
      chomp = 1;
      i++;
    }
    this.expectLineEnd(i);
    let p = this.eol + 1;
    let indent = -1;
    let text = '';
    let empty = 0; // empty lines not yet written: between lines they are kept, at the end chomping decides
    while (p < n) {
      const e = lineEnd(s, p);
      const k = skipSpaces(s, p, e);
      if (k === e) {
        // Leading empty lines, and spaces past the indentation on an empty line: left to js-yaml.
        if (indent === -1 || k - p > indent) throw GIVE_UP;
        empty++;
      } else {
        if (indent === -1) {
          if (k - p <= ind) break;
          indent = k - p;
        } else if (k - p < indent) break;
        const line = s.slice(p + indent, e);
        if (!folded) text += (empty ? '\n'.repeat(empty) : '') + line + '\n';
        else if (k - p > indent) throw GIVE_UP;
        else text += (text === '' ? '' : fold(empty)) + line;
        empty = 0;
      }
      p = e + 1;
    }
    if (indent === -1) throw GIVE_UP; // no content at all
    this.pos = Math.min(p, n);
    this.next();
    if (folded) text += '\n';
    return this.str(chomp === 0 ? text : chomp < 0 ? text.slice(0, -1) : text + '\n'.repeat(empty));
  }

  /** A quoted scalar on one line (in a flow collection): its value and the index after the closing quote. */
  quoted(v: number, eol: number): [string, number] {
    const [text, close] = quotedSegment(this.s, this.s.charCodeAt(v), v + 1, eol);
    if (close === -1) throw GIVE_UP;
    return [this.str(text), close + 1];
  }

  /**
   * A quoted scalar in a block, which may go on over more-indented lines: each line break folds
   * into a space and n empty lines into n line breaks, the spaces around a break dropped. Leaves
   * the reader on the next significant line.
   */
  quotedScalar(v: number, ind: number): string {
    const s = this.s,
      n = s.length;
    const q = s.charCodeAt(v);
    let p = this.pos,
      e = this.eol,
      from = v + 1;
    let text = '';
    let empty = -1; // -1 on the first line; then empty lines since the last line with text
    for (;;) {
      // Spaces before a line break are not part of the value; a backslash there (an escaped break
      // or an escaped space) is left to js-yaml.
      let end = e;
      while (end > from && s.charCodeAt(end - 1) === SPACE) end--;
      const [part, close] = quotedSegment(s, q, from, end);
      if (empty >= 0) text += fold(empty);
      text += part;
      if (close !== -1) {
        this.pos = p;
        this.eol = e;
        this.expectLineEnd(close + 1);
        this.advance();
        return this.str(text);
      }
      if (q === DQUOTE && s.charCodeAt(end - 1) === BACKSLASH) throw GIVE_UP;
      // The next line with text, more indented than the block.
      empty = 0;
      for (;;) {
        p = e + 1;
        if (p >= n) throw GIVE_UP;
        e = lineEnd(s, p);
        from = skipSpaces(s, p, e);
        if (from < e) break;
        empty++;
      }
      if (from - p <= ind) throw GIVE_UP;
    }
  }

  /** Only spaces, then the line's end or a comment, from index `i`. */
  expectLineEnd(i: number): void {
    const s = this.s;
    if (i === this.eol) return;
    if (s.charCodeAt(i) !== SPACE) throw GIVE_UP;
    i = skipSpaces(s, i, this.eol);
    if (i !== this.eol && s.charCodeAt(i) !== HASH) throw GIVE_UP;
  }

  /** One scalar inside a flow collection at index `i`, up to `,` or the closing `close`: [value, index after it]. */
  flowScalar(i: number, close: number): [unknown, number] {
    const s = this.s,
      eol = this.eol;
    const c = s.charCodeAt(i);
    if (c === DQUOTE || c === QUOTE) return this.quoted(i, eol);
    if (!startsPlain(s, i, eol) || (c === DASH && isFlowIndicator(s.charCodeAt(i + 1)))) throw GIVE_UP;
    let end = i + 1;
    for (; end < eol; end++) {
      const ch = s.charCodeAt(end);
      if (ch === COMMA || ch === close) break;
      // Nested collections, `key: value` pairs, quotes and comments inside: left to js-yaml.
      if (
        ch === COLON ||
        ch === HASH ||
        ch === LBRACKET ||
        ch === RBRACKET ||
        ch === LBRACE ||
        ch === RBRACE ||
        ch === DQUOTE ||
        ch === QUOTE
      )
        throw GIVE_UP;
    }
    let last = end;
    while (s.charCodeAt(last - 1) === SPACE) last--;
    return [resolvePlain(this.str(s.slice(i, last))), end];
  }

  /** After a flow item ending at `i`: the index after the `,`, or -1 after the closing `close` (the line must end there). */
  flowSeparator(i: number, close: number): number {
    const s = this.s,
      eol = this.eol;
    i = skipSpaces(s, i, eol);
    const sep = s.charCodeAt(i);
    if (sep === close && i < eol) {
      this.expectLineEnd(i + 1);
      return -1;
    }
    if (sep !== COMMA || i >= eol) throw GIVE_UP; // the collection goes on to another line
    i++;
    i = skipSpaces(s, i, eol);
    return i; // a trailing comma fails as the next item
  }

  /** `{ a: 1, b: "x" }` on one line, after its `{`: plain keys, scalar values. */
  flowMapping(i: number): Record<string, unknown> {
    const s = this.s,
      eol = this.eol;
    const out: Record<string, unknown> = {};
    i = skipSpaces(s, i, eol);
    if (s.charCodeAt(i) === RBRACE) {
      this.expectLineEnd(i + 1);
      return out;
    }
    for (;;) {
      const start = i;
      i = keyEnd(s, i);
      if (i === -1 || s.charCodeAt(i) !== COLON || s.charCodeAt(i + 1) !== SPACE || i + 1 >= eol) throw GIVE_UP;
      const key = this.key(start, i, out);
      i += 2;
      i = skipSpaces(s, i, eol);
      const [value, after] = this.flowScalar(i, RBRACE);
      out[key] = value;
      i = this.flowSeparator(after, RBRACE);
      if (i === -1) return out;
    }
  }

  /** `[a, "b", 'c']` on one line, after its `[`; scalars only. */
  flowSequence(i: number): unknown[] {
    const s = this.s,
      eol = this.eol;
    const out: unknown[] = [];
    i = skipSpaces(s, i, eol);
    if (s.charCodeAt(i) === RBRACKET) {
      this.expectLineEnd(i + 1);
      return out;
    }
    for (;;) {
      const [value, after] = this.flowScalar(i, RBRACKET);
      out.push(value);
      i = this.flowSeparator(after, RBRACKET);
      if (i === -1) return out;
    }
  }
}

/**
 * The text of a quoted scalar from index `from` up to its closing quote `q` or `end`, with `''` (in
 * single quotes) and escapes (in double quotes) read: [text, index of the closing quote or -1].
 */
function quotedSegment(s: string, q: number, from: number, end: number): [string, number] {
  let text = '';
  for (let i = from; i < end; i++) {
    const ch = s.charCodeAt(i);
    if (ch === q) {
      if (q === QUOTE && s.charCodeAt(i + 1) === QUOTE && i + 1 < end) {
        text += s.slice(from, i + 1);
        from = i + 2;
        i++;
        continue;
      }
      return [text + s.slice(from, i), i];
    }
    if (ch !== BACKSLASH || q !== DQUOTE) continue;
    const read = readEscape(s, i + 1, end);
    if (!read) throw GIVE_UP;
    const [escaped, next] = read;
    text += s.slice(from, i) + escaped;
    from = next;
    i = next - 1;
  }
  return [text + s.slice(from, end), -1];
}

/**
 * The end of a plain scalar's text on one line from index `v`: before a comment and trailing
 * spaces. Gives up at `: ` and a final `:` (a mapping where a scalar stands).
 */
function plainEnd(s: string, v: number, eol: number): number {
  let end = eol;
  for (let i = v + 1; i < eol; i++) {
    const ch = s.charCodeAt(i);
    if (ch === HASH && s.charCodeAt(i - 1) === SPACE) {
      end = i;
      break;
    }
    if (ch === COLON && (i + 1 === eol || s.charCodeAt(i + 1) === SPACE)) throw GIVE_UP;
  }
  while (s.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

/** The end of a plain key (a letter or `_`, then letters, digits, `_` and `-`) starting at `i`, or -1. */
function keyEnd(s: string, i: number): number {
  const c0 = s.charCodeAt(i);
  if (!(isLetter(c0) || c0 === 95)) return -1;
  let k = i + 1;
  for (let c = s.charCodeAt(k); isLetter(c) || isDigit(c) || c === 95 || c === DASH; c = s.charCodeAt(++k));
  return k;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** The end of the line starting at `p`: the index of its '\n', or the text's length. */
function lineEnd(s: string, p: number): number {
  const e = s.indexOf('\n', p);
  return e === -1 ? s.length : e;
}

/** The first index from `i` (before `end`) that is not a space. */
function skipSpaces(s: string, i: number, end: number): number {
  while (i < end && s.charCodeAt(i) === SPACE) i++;
  return i;
}

/** What a line break folds into inside a scalar: a space, or one line break per empty line between. */
function fold(empty: number): string {
  return empty ? '\n'.repeat(empty) : ' ';
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Whether a plain scalar may start at index `i`: not at the line's end, not `- `, not an indicator
 * character (`?` and `:` included, although YAML allows `?x` and `:x`: rare, and left to js-yaml).
 */
function startsPlain(s: string, i: number, eol: number): boolean {
  if (i >= eol) return false;
  const c = s.charCodeAt(i);
  if (c === SPACE) return false;
  if (c === DASH) return i + 1 < eol && s.charCodeAt(i + 1) !== SPACE;
  // ? : , [ ] { } # & * ! | > ' " % @ `
  return !(
    c === 63 ||
    c === COLON ||
    c === COMMA ||
    c === LBRACKET ||
    c === RBRACKET ||
    c === 123 ||
    c === 125 ||
    c === HASH ||
    c === 38 ||
    c === 42 ||
    c === 33 ||
    c === 124 ||
    c === 62 ||
    c === QUOTE ||
    c === DQUOTE ||
    c === 37 ||
    c === 64 ||
    c === 96
  );
}
