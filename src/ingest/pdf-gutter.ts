/**
 * The gutter of a page set in two columns: a vertical band that fewer of the page's lines cross than any
 * other band in the middle of the text, usually none but a title, a heading or a page number across the
 * page. Only where the band is; whether the text on its two sides is two columns of text is judged by
 * `pdf-columns.ts`. Pure.
 */
import type { PdfItem } from './pdf-extract.js';

/** A vertical band of the page, from `x` to `xEnd`. */
export interface Band {
  x: number;
  xEnd: number;
}

/** The gutter lies between this share of the text's width from its left edge and as much from its right. */
const MIDDLE = 0.2;

/**
 * The band from the leftmost item's left edge to the rightmost's right edge (a loop: a page may hold many items).
 * @example extentOf([item(60, 100), item(300, 50)]) // { x: 60, xEnd: 350 }
 */
export function extentOf(items: readonly PdfItem[]): Band {
  let [x, xEnd] = [Infinity, -Infinity];
  for (const i of items) [x, xEnd] = [Math.min(x, i.x), Math.max(xEnd, i.x + i.width)];
  return { x, xEnd };
}

/** The items that put ink on the page (not spaces). */
export function inkedItems(items: readonly PdfItem[]): PdfItem[] {
  return items.filter((i) => i.str.trim() !== '' && i.width > 0);
}

/**
 * For each window of `width` points starting at each point from `left`, how many lines have ink in it.
 */
function crossings(lines: readonly (readonly PdfItem[])[], left: number, steps: number, width: number): Uint16Array {
  const windows = Math.max(0, steps - width + 1);
  const counts = new Uint16Array(windows);
  const inked = new Int32Array(steps + 1);
  for (const items of lines) {
    // Points covered so far, as a running sum: a window has ink when the sum grows inside it.
    const covered = new Uint8Array(steps);
    for (const item of items) covered.fill(1, Math.max(0, Math.floor(item.x - left)), Math.min(steps, Math.ceil(item.x + item.width - left)));
    for (let k = 0; k < steps; k++) inked[k + 1] = inked[k] + covered[k];
    for (let a = 0; a < windows; a++) if (inked[a + width] > inked[a]) counts[a]++;
  }
  return counts;
}

/**
 * The bands in the middle of the text that the fewest lines cross (a title or a page number across the
 * gutter, usually nothing else), each at least `minWidth` wide, widest first. Each line is given as its
 * inked items.
 * @example gutterBands([[item(60, 200), item(230, 200)], [item(60, 200), item(230, 200)]], 10) // [{ x: 260, xEnd: 290 }]
 */
export function gutterBands(lines: readonly (readonly PdfItem[])[], minWidth: number): Band[] {
  const items = lines.flat();
  if (items.length === 0) return [];
  const { x: left, xEnd: right } = extentOf(items);
  const steps = Math.ceil(right - left);
  const width = Math.max(1, Math.ceil(minWidth));
  const [from, to] = [Math.floor(steps * MIDDLE), Math.ceil(steps * (1 - MIDDLE)) - width];
  if (to <= from) return [];
  const counts = crossings(lines, left, steps, width);
  let least = Infinity;
  for (let a = from; a <= to; a++) least = Math.min(least, counts[a]);
  const bands: Band[] = [];
  for (let a = from; a <= to; a++) {
    if (counts[a] !== least) continue;
    let end = a;
    while (end + 1 <= to && counts[end + 1] === least) end++;
    bands.push({ x: left + a, xEnd: left + end + width });
    a = end;
  }
  return bands.sort((p, q) => q.xEnd - q.x - (p.xEnd - p.x));
}

/**
 * Whether a line's items cross a band (an item overlaps its inside).
 * @example crosses([item(250, 100)], { x: 290, xEnd: 310 }) // true
 */
export function crosses(items: readonly PdfItem[], band: Band): boolean {
  return items.some((i) => i.x < band.xEnd && i.x + i.width > band.x);
}
