// Makes untrusted text (record values, file names, error messages) safe for a terminal: every
// control character, escape sequence introducer, DEL, C1 control, bidi override and zero-width
// character is shown visibly as an escape (`\x1b`, `\u202e`) instead of reaching the terminal.

// C0 controls except tab and newline, DEL, C1 controls, bidi controls, zero-width and BOM, line/paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
const UNSAFE_TEST = new RegExp(UNSAFE.source);
const UNSAFE_INLINE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

function escapeChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (ch === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Escapes unsafe characters; keeps tab and newline (use `sanitizeInline` inside table cells). */
export function sanitize(s: string): string {
  return UNSAFE_TEST.test(s) ? s.replace(UNSAFE, escapeChar) : s;
}

/** For one-line contexts (table cells, labels, TSV fields): newlines and tabs are escaped too. */
export function sanitizeInline(s: string): string {
  return s.replace(UNSAFE_INLINE, (ch) => (ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : escapeChar(ch)));
}

/**
 * JSON text that is safe to print: JSON.stringify escapes only characters below U+0020, so DEL, C1
 * controls, bidi overrides and zero-width characters are written as \\u escapes too. Still valid
 * JSON, and it parses back to the same strings.
 */
export function jsonSafe(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Anything to text, then sanitized: for values whose type is not guaranteed by a schema. */
/**
 * Text of several lines printed on lines of its own (notes, descriptions): its line breaks stay
 * line breaks (a block scalar's last one is dropped, println ends the line); everything else that
 * is unsafe is escaped as by sanitize.
 */
export function safeBlock(v: unknown): string {
  return sanitize(v === undefined || v === null ? '' : String(v).replace(/\n+$/, ''));
}

export function safeText(v: unknown): string {
  return sanitizeInline(v === undefined || v === null ? '' : String(v));
}
