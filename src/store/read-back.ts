// Reading an edited large record back without parsing all of it again. Every write re-reads its
// result under the parsing policy and compares it with the intended data (write.ts); for a
// 10,000-task plan.yaml a full parse is a tenth of a second, though an edit changes a few items.
//
// The argument. Let S be the text as read (it parsed under the policy without findings to D) and
// S' the edited text. Split S' = P + R' + Q where P and Q are unchanged text of S, P ends where an
// item of a top-level block list `k:` begins and Q begins where one begins or the list ends, so
// S = P + R + Q with R whole items a..b-1 of that list (the list checked to be exactly D[k]: its
// key line is `k:` alone, the list runs to the next top-level key, and D[k] has one value per
// item). Suppose every line of R' is blank, a comment, starts with more spaces than the list's
// column c, or is a `- ` entry at column c; R' starts with such an entry and ends a line. Then S'
// has the same top-level block structure as S: no line of R' can end the list, start a key or a
// document (`---`, `...`, directives and conflict markers sit at column 0, which is at most c;
// comments end nothing), and nothing in P or Q changed. R' parsed alone must have no finding: a
// scalar left open at its end (a quote) would otherwise run on into Q. A block list entry's value depends only on its own lines and its column: S
// has no aliases (the policy refuses them, so nothing in P or Q can refer into R'), the mapping
// keys around it are P's and Q's, and the policy's limits apply per value (depth, string and key
// length) or per line. So the values of S' are D with D[k][a..b) replaced by the values of the
// entries of R', which are what `k:\n` + R' gives when parsed alone under the same policy. If
// anything here does not hold, or the parse of R' has a finding, the full text is parsed instead
// (findings then come with their positions in the whole file).
//
// test/store/read-back.test.ts holds this to a full parse over random edits of real plans and over
// random hostile replacement text.
import { parseRecordText } from './parse-policy.js';
import { blockStructure, isWholeValue, linesOf, NARROW_MIN_BYTES } from './yaml-narrow.js';

const LF = 10,
  SPACE = 32,
  DASH = 45;

/**
 * The data the policy reader gives for `after`, an edit of `before` (which it read as
 * `beforeData` without findings), found by parsing only the list items the edit changed; undefined
 * when that cannot be shown to equal a full parse (the caller parses the whole text).
 */
export function readBackEdited(before: string, beforeData: unknown, after: string, rel: string): unknown {
  if (before.length < NARROW_MIN_BYTES || after.length < NARROW_MIN_BYTES) return undefined;
  if (typeof beforeData !== 'object' || beforeData === null || Array.isArray(beforeData)) return undefined;
  const p = commonPrefix(before, after);
  if (p === before.length && p === after.length) return beforeData;
  const changedEnd = before.length - commonSuffix(before, after, Math.min(before.length, after.length) - p);

  const found = blockStructure(before);
  if (!found) return undefined;
  const list = found.lists.find((l) => l.top && l.items[0]! <= p && changedEnd <= l.end);
  if (!list || !isWholeValue(before, list, found.keys)) return undefined;
  const values = (beforeData as Record<string, unknown>)[list.key];
  if (!Array.isArray(values) || values.length !== list.items.length) return undefined;

  // Whole items a..b-1 around the change: b's start (or the list's end) is at or after its end, and
  // a starts before the line it begins on (text added at an item's first line may as well belong
  // to the end of the item before: where the first difference falls depends on the texts).
  const a = lastAtOrBefore(list.items, Math.max(list.items[0]!, before.lastIndexOf('\n', p - 1)));
  let b = a + 1;
  while (b < list.items.length && list.items[b]! < changedEnd) b++;
  const from = list.items[a]!;
  const to = b < list.items.length ? list.items[b]! : list.end;
  const replaced = after.slice(from, after.length - (before.length - to));
  const column = before.indexOf('-', from) - from;
  if (!entriesAt(replaced, column, from + replaced.length === after.length)) return undefined;

  const parsed = parseRecordText(`${list.key}:\n${replaced}`, rel);
  if (parsed.diagnostics.length || typeof parsed.data !== 'object' || parsed.data === null) return undefined;
  const keys = Object.keys(parsed.data);
  const entries = (parsed.data as Record<string, unknown>)[list.key];
  if (keys.length !== 1 || !Array.isArray(entries)) return undefined;
  return { ...beforeData, [list.key]: [...values.slice(0, a), ...entries, ...values.slice(b)] };
}

// Compared a block at a time first: comparing strings is native, a loop over 2 million characters
// is not (4 ms against 15–22 ms at 10,000 tasks).
const BLOCK = 8192;

/** Length of the longest common prefix of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p + BLOCK <= n && a.slice(p, p + BLOCK) === b.slice(p, p + BLOCK)) p += BLOCK;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Length of the longest common suffix of `a` and `b`, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let q = 0;
  while (q + BLOCK <= limit && a.slice(a.length - q - BLOCK, a.length - q) === b.slice(b.length - q - BLOCK, b.length - q)) q += BLOCK;
  while (q < limit && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  return q;
}

/** Index of the last item starting at or before `offset` (items are in order; the first is). */
function lastAtOrBefore(items: readonly number[], offset: number): number {
  let lo = 0,
    hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (items[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Every line of `text` is blank (spaces, then the line end), a comment, more indented than
 * `column`, or a list entry (`-` then a space or the line end) at exactly `column`; the first line
 * is an entry and the text ends a line, unless it ends the file. A tab at or left of the column
 * fails (the full parse decides).
 */
function entriesAt(text: string, column: number, atEnd: boolean): boolean {
  if (text.length === 0 || column < 0) return false;
  if (!atEnd && text.charCodeAt(text.length - 1) !== LF) return false;
  const lines = linesOf(text, 0, text.length);
  for (let n = 0; n < lines.length; n++) {
    const l = lines[n]!;
    // Blank and comment lines end nothing, wherever they start (scan in yaml-narrow.ts skips them too).
    if (n > 0 && (l.blank || l.comment || l.indent > column)) continue;
    const dash = l.from + l.indent;
    const entry = l.indent === column && text.charCodeAt(dash) === DASH && (dash + 1 === l.to || text.charCodeAt(dash + 1) === SPACE);
    if (!entry) return false;
  }
  return true;
}
