// Display width of text in a terminal (CJK and other wide characters take two columns). Uses
// fast-string-width: linear time, where string-width took seconds on long strings and dominated
// rendering a 10,000-task chart. Printable ASCII, most of what a chart shows, is one column per
// character and skips the library (half of a 10,000-row chart's time went to width calls).
import fastStringWidth from 'fast-string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** True when every character of `s` is printable ASCII (one column each). */
export function isPrintableAscii(s: string): boolean {
  return PRINTABLE_ASCII.test(s);
}

export function displayWidth(s: string): number {
  return PRINTABLE_ASCII.test(s) ? s.length : fastStringWidth(s);
}
