/**
 * The gutters of a page set in columns: for two columns, a vertical band that fewer of the page's lines
 * cross than any other band in the middle of the text, usually none but a title, a heading or a page number
 * across the page; for three columns or more, a set of such bands side by side. Only where the bands are;
 * whether the text between them is columns of text is judged by `pdf-columns.ts`. Pure.
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

/** How many lines cross each window of a page's text, and the windows a gutter may take. */
interface Windows {
  counts: Uint16Array;
  /** The first and last window a gutter may start at. */
  from: number;
  to: number;
  /** The fewest lines that cross a window from `from` to `to`. */
  least: number;
  /** The text's left edge and each window's width, in points. */
  left: number;
  width: number;
}

/**
 * The windows of `minWidth` points across a page's lines (each given as its inked items), those a gutter may
 * take lying `margin` of the text's width from either edge at least; null when there are none.
 */
function windowsOf(lines: readonly (readonly PdfItem[])[], minWidth: number, margin: number): Windows | null {
  const items = lines.flat();
  if (items.length === 0) return null;
  const { x: left, xEnd: right } = extentOf(items);
  const steps = Math.ceil(right - left);
  const width = Math.max(1, Math.ceil(minWidth));
  const [from, to] = [Math.floor(steps * margin), Math.ceil(steps * (1 - margin)) - width];
  if (to <= from) return null;
  const counts = crossings(lines, left, steps, width);
  let least = Infinity;
  for (let a = from; a <= to; a++) least = Math.min(least, counts[a]);
  return { counts, from, to, least, left, width };
}

/**
 * The runs of windows that at most `most` lines cross, each cut down to its windows that the fewest lines
 * cross (the first such stretch), as bands, left to right.
 */
function bandsAtMost({ counts, from, to, left, width }: Windows, most: number): Band[] {
  const bands: Band[] = [];
  for (let a = from; a <= to; a++) {
    if (counts[a] > most) continue;
    let end = a;
    while (end + 1 <= to && counts[end + 1] <= most) end++;
    let fewest = Infinity;
    for (let k = a; k <= end; k++) fewest = Math.min(fewest, counts[k]);
    let start = a;
    while (counts[start] !== fewest) start++;
    let stop = start;
    while (stop + 1 <= end && counts[stop + 1] === fewest) stop++;
    bands.push({ x: left + start, xEnd: left + stop + width });
    a = end;
  }
  return bands;
}

/**
 * The bands in the middle of the text that the fewest lines cross (a title or a page number across the
 * gutter, usually nothing else), each at least `minWidth` wide, widest first. Each line is given as its
 * inked items.
 * @example gutterBands([[item(60, 200), item(230, 200)], [item(60, 200), item(230, 200)]], 10) // [{ x: 260, xEnd: 290 }]
 */
export function gutterBands(lines: readonly (readonly PdfItem[])[], minWidth: number): Band[] {
  const windows = windowsOf(lines, minWidth, MIDDLE);
  if (windows === null) return [];
  return bandsAtMost(windows, windows.least).sort((p, q) => q.xEnd - q.x - (p.xEnd - p.x));
}

/** Gutters of three columns or more lie inside the text, this share of its width from either edge at least. */
const INSIDE = 0.05;
/** The shares of the page's lines that may cross a set's gutters beyond the fewest (a block of other columns). */
const LEVELS = [0, 0.1, 0.25, 0.5];

/**
 * Sets of two bands or more, left to right, that could be the gutters of a page set in three columns or
 * more: the runs of windows inside the text that the fewest lines cross, then those that a few more cross
 * (a block set in other columns, a picture's caption), each run cut to its emptiest windows. Each line is
 * given as its inked items; each set at most once.
 * @example gutterSets(threeColumnLines, 10) // [[{ x: 240, xEnd: 260 }, { x: 440, xEnd: 460 }]]
 */
export function gutterSets(lines: readonly (readonly PdfItem[])[], minWidth: number): Band[][] {
  const windows = windowsOf(lines, minWidth, INSIDE);
  if (windows === null) return [];
  const sets: Band[][] = [];
  const seen = new Set<string>();
  for (const level of LEVELS) {
    const bands = bandsAtMost(windows, windows.least + Math.floor(level * lines.length));
    const key = JSON.stringify(bands);
    if (bands.length >= 2 && !seen.has(key)) sets.push(bands);
    seen.add(key);
  }
  return sets;
}

/**
 * Whether a line's items cross a band (an item overlaps its inside).
 * @example crosses([item(250, 100)], { x: 290, xEnd: 310 }) // true
 */
export function crosses(items: readonly PdfItem[], band: Band): boolean {
  return items.some((i) => i.x < band.xEnd && i.x + i.width > band.x);
}
