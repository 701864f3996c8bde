/**
 * Justified text in a narrow measure. A line stretched from its column's left edge to its right edge has
 * all its word gaps widened alike, in a narrow column often past the width that parts two cells of a table
 * (`CELL_GAP`: `Investment   in   high-technology`). Such a line is text, not a row of cells, when it reaches
 * both edges (a first-line indent allowed), its gaps are roughly equal, none of its runs holds a space of
 * natural width, it holds words (not figures only), no line next to it has its cells at the same places (as
 * the rows of a table have), and it is stretched by less than the next line's first word (else that word
 * would have been set on it; a column's last line must have text right above it instead). A line of one gap
 * (two long words) must also open its second word in lower case or stand next to a full line of text. Pure.
 */
import type { PdfItem } from './pdf-extract.js';
import { CELL_GAP, WORD_GAP } from './pdf-gaps.js';

/** The gaps of one stretched line differ by at most this many font sizes. */
const EVEN = 0.35;
/** A line reaches an edge when it ends (or starts) this many font sizes from it at most. */
const FLUSH = 0.3;
/** A line starting at most this many font sizes right of the left edge starts there, indented (a first line). */
const INDENT = 3;
/** Two cells stand in one column of a table when their left edges, centres or right edges are this close (font sizes). */
const ALIGN = 0.02;
/** A line next to another is at most this many times the usual baseline step from it. */
const NEAR = 1.3;
/** A word space of natural width, in font sizes. */
const SPACE = 0.25;
/** A line's stretch may pass the next line's first word (and a space) by this many font sizes (estimates, and
 * typesetters that break a paragraph as a whole rather than line by line). */
const FIT = 1;
/** An edge is where this many lines end (or start) at least. */
const EDGE_LINES = 3;

/** A cell's left and right edges. */
type Cell = { x: number; xEnd: number };

/** One line measured: its extent, baseline, size, word gaps (in font sizes) and cells. */
interface Measured {
  x: number;
  xEnd: number;
  y: number;
  size: number;
  /** The gaps between words, in font sizes. */
  gaps: number[];
  /** The line's extents between gaps wider than a cell gap. */
  cells: Cell[];
  /** Whether a run of the line holds a space (a gap of natural width, not stretched). */
  spaced: boolean;
  /** The text after the first cell gap. */
  second: string;
  /** The line's text, its runs joined. */
  text: string;
  /** The width of the line's first word (a Latin word or number, else its first character). */
  firstWord: number;
}

/** Whether an item puts ink on the page. */
function inked(item: PdfItem): boolean {
  return item.str.trim() !== '';
}

/** A run's first word: a Latin word, a number or an address, else its first character (Chinese breaks anywhere). */
const FIRST_WORD = /^(?:[\p{Script=Latin}\p{N}'’"“”()[\].,;%\-\u2010/:_@#?=&~]+|.)/u;

/**
 * The width of a line's first word: of the runs that touch from its start (a word may be drawn in several, a
 * ligature apart), the share of their characters that the first word takes.
 */
function firstWordWidth(items: readonly PdfItem[]): number {
  let text = '';
  let [x, xEnd] = [items[0].x, items[0].x];
  for (const item of items) {
    if (!inked(item) || item.x - xEnd > WORD_GAP * item.size) break;
    text += item.str;
    xEnd = item.x + item.width;
    if (/\s/u.test(item.str.trim())) break;
  }
  const chars = Array.from(text.trim());
  const word = Array.from(FIRST_WORD.exec(text.trim())?.[0] ?? '');
  return ((xEnd - x) * word.length) / Math.max(1, chars.length);
}

/** Measure one line from its items, left to right (as `lineOf` in `pdf-lines.ts` reads them). */
function measure(items: readonly PdfItem[]): Measured {
  const ink = items.filter(inked);
  const sizes = ink.map((i) => i.size).sort((a, b) => a - b);
  const gaps: number[] = [];
  const cells: Cell[] = [];
  let second = '';
  let previous: PdfItem | null = null;
  let spacedBefore = false;
  for (const item of items) {
    if (!inked(item)) {
      spacedBefore = previous !== null;
      continue;
    }
    const size = Math.max(previous?.size ?? 0, item.size);
    const gap = previous ? item.x - (previous.x + previous.width) : Infinity;
    if (previous !== null && (spacedBefore || gap > WORD_GAP * size)) gaps.push(gap / size);
    if (previous === null || gap > CELL_GAP * size) {
      if (cells.length === 1) second = item.str.trim();
      cells.push({ x: item.x, xEnd: item.x + item.width });
    }
    cells[cells.length - 1].xEnd = Math.max(cells[cells.length - 1].xEnd, item.x + item.width);
    previous = item;
    spacedBefore = /\s$/u.test(item.str);
  }
  return {
    x: cells[0].x,
    xEnd: cells.reduce((end, c) => Math.max(end, c.xEnd), -Infinity),
    y: ink[0].y,
    size: sizes[Math.floor(sizes.length / 2)],
    gaps,
    cells,
    spaced: ink.some((i) => /\S\s+\S/u.test(i.str)),
    second,
    text: ink.map((i) => i.str).join(''),
    firstWord: firstWordWidth(items.slice(items.indexOf(ink[0]))),
  };
}

/** The value most of `values` lie within `tolerance` of, when at least `EDGE_LINES` do; else null. */
function edge(values: readonly number[], tolerance: number): number | null {
  let best: number | null = null;
  let bestCount = EDGE_LINES - 1;
  for (const v of values) {
    const count = values.filter((w) => Math.abs(w - v) <= tolerance).length;
    if (count > bestCount) [best, bestCount] = [v, count];
  }
  return best;
}

/** How far apart the largest and the smallest value are. */
function spread(values: readonly number[]): number {
  let [least, most] = [Infinity, -Infinity];
  for (const v of values) [least, most] = [Math.min(least, v), Math.max(most, v)];
  return most - least;
}

/**
 * How much wider a line's gaps are than word spaces, in points. A typesetter stretches a line only when the
 * next line's first word does not fit on it: a line stretched by more than that word's width is no justified text.
 */
function stretch(m: Measured): number {
  return m.gaps.reduce((sum, gap) => sum + Math.max(0, gap - SPACE) * m.size, 0);
}

/**
 * The middle value, the upper of the two middle ones for an even count (0 for none): a value the lines have, not
 * a mean of two.
 * @example upperMedian([3, 1, 4, 2]) // 3
 */
export function upperMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

/**
 * Whether two lines have their cells at the same places, as two rows of a table have: every cell of one (but
 * the first of `line`) stands in a column of the other's, left edges, centres or right edges together, and one
 * at least does. A cell ending at the column's right edge tells nothing either way (every justified line ends
 * there, and so does a table's last column set right). A row with empty cells has its cells among a fuller row's.
 */
function alignedWith(line: Measured, other: Measured | undefined, right: number): boolean {
  if (other === undefined || other.cells.length < 2) return false;
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= ALIGN * line.size;
  const together = (c: Cell, d: Cell): boolean => near(c.x, d.x) || near(c.x + c.xEnd, d.x + d.xEnd) || near(c.xEnd, d.xEnd);
  const within = (cells: readonly Cell[], columns: readonly Cell[]): boolean => {
    const telling = cells.filter((c) => !near(c.xEnd, right));
    return telling.length > 0 && telling.every((c) => columns.some((d) => together(c, d)));
  };
  return within(line.cells.slice(1), other.cells) || within(other.cells.slice(1), line.cells);
}

/** A line of figures and signs only: a table's row, never justified text. */
const NUMBERS_ONLY = /^[\d\s.,%‰+\-−–()（）]*$/u;

/**
 * The lines (each given by its items, left to right; the lines top to bottom, one column's or one page's)
 * whose gaps wider than a cell gap are the stretched word gaps of justified text, by index.
 * @example justifiedLines(column.map((line) => line.items)) // Set { 2, 5 }: lines 2 and 5 are text, their wide gaps word spaces
 */
export function justifiedLines(lines: ReadonlyArray<readonly PdfItem[]>): Set<number> {
  const out = new Set<number>();
  const measured = lines.map((items) => (items.some(inked) ? measure(items) : null));
  const present = measured.filter((m): m is Measured => m !== null);
  if (!present.some((m) => m.cells.length > 1)) return out;
  const size = upperMedian(present.map((m) => m.size));
  const right = edge(
    present.map((m) => m.xEnd),
    FLUSH * size,
  );
  const left = edge(
    present.map((m) => m.x),
    FLUSH * size,
  );
  if (right === null || left === null) return out;
  const pitch = upperMedian(present.slice(1).map((m, k) => present[k].y - m.y).filter((step) => step > 0 && step < 4 * size));
  const flush = (m: Measured): boolean => Math.abs(m.xEnd - right) <= FLUSH * m.size && m.x >= left - FLUSH * m.size && m.x <= left + INDENT * m.size;
  const fullText = (m: Measured | null | undefined, from: Measured): boolean =>
    m !== null && m !== undefined && m.cells.length === 1 && flush(m) && Math.abs(m.y - from.y) <= NEAR * pitch && Math.abs(m.size - from.size) <= 0.6;
  measured.forEach((m, k) => {
    if (m === null || m.cells.length < 2 || m.spaced || NUMBERS_ONLY.test(m.text) || !flush(m)) return;
    if (spread(m.gaps) > EVEN) return;
    const [above, below] = [measured[k - 1] ?? undefined, measured[k + 1] ?? undefined];
    if (alignedWith(m, above, right) || alignedWith(m, below, right)) return;
    const next = below && Math.abs(m.y - below.y) <= NEAR * pitch ? below : undefined;
    // The first word of the next line would have fitted; a column's last line has text right above it.
    if (next ? stretch(m) > next.firstWord + (SPACE + FIT) * m.size : !fullText(above, m) && !out.has(k - 1)) return;
    if (m.gaps.length === 1 && !/^\p{Ll}/u.test(m.second) && !fullText(above, m) && !fullText(below, m)) return;
    out.add(k);
  });
  return out;
}
