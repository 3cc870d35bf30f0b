// Fitting a table to the terminal's width: columns are shaved, the widest of the least important
// first, down to a floor (short columns keep their width), and cells cut with … by the table; when even
// that is too wide, the least important columns from the right are left out. A row never wraps.

/** Widths (content, without padding) for columns of `natural` widths, so the table fits `width`. */
export function fitColumns(
  natural: readonly number[],
  floors: readonly number[],
  importance: readonly number[],
  width: number,
): { widths: number[]; shown: number[] } {
  let shown = natural.map((_, i) => i);
  const widths = [...natural];
  // Each column takes its content plus 2 of padding and 1 of border; the table 1 more border.
  const total = () => shown.reduce((s, i) => s + widths[i]! + 3, 1);
  for (;;) {
    let excess = total() - width;
    if (excess <= 0) break;
    while (excess > 0) {
      const candidates = shown.filter((i) => widths[i]! > floors[i]!);
      if (!candidates.length) break;
      const least = Math.min(...candidates.map((i) => importance[i]!));
      const pick = candidates.filter((i) => importance[i] === least).reduce((a, b) => (widths[b]! > widths[a]! ? b : a));
      widths[pick]!--;
      excess--;
    }
    if (excess <= 0 || shown.length <= 1) break;
    // Too wide even at the floors: leave out the least important column, the rightmost of them.
    const least = Math.min(...shown.map((i) => importance[i]!));
    const drop = [...shown].reverse().find((i) => importance[i] === least)!;
    shown = shown.filter((i) => i !== drop);
  }
  return { widths, shown };
}
