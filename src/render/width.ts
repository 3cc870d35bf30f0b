// Display width of text in a terminal (CJK and other wide characters take two columns). Uses
// fast-string-width: linear time, where string-width took seconds on long strings and dominated
// rendering a 10,000-task chart.
import fastStringWidth from 'fast-string-width';

export function displayWidth(s: string): number {
  return fastStringWidth(s);
}
