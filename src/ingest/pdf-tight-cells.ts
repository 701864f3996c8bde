/**
 * Table cells set closer than a cell gap. A column as wide as its widest cell leaves that cell only its padding
 * before the next one: `地区生产总值增长 5.5%左右`, 2.3 points apart in 12-point text, in a ruled table that
 * Chromium printed from HTML, where the rows above and below it have their cells a tab apart. Read by gaps
 * alone, that row is a line of text between two table rows: a paragraph of its own, the table cut in two.
 * A line of one cell beside a table row (one row pitch away), starting where the row's first cell does, is cut
 * where its text breaks exactly at the start of one of the row's other columns, after a visible gap or a space.
 * Pure: `pdf-lines.ts` cuts the lines it builds.
 */
import type { PdfItem } from './pdf-extract.js';

/** What `tightCuts` reads of a line: its cells' edges, its baseline and its font size. */
interface LineShape {
  cells: ReadonlyArray<{ x: number; xEnd: number }>;
  y: number;
  size: number;
}

/** A line's text break and a column's start line up within this share of the font size… */
const ALIGNED = 0.25;
/** …after a gap of at least this share of it (glyphs that touch are one word, not two cells)… */
const MIN_GAP = 0.1;
/** …on a line at most this many font sizes above or below the table row. */
const ROW_PITCH = 2.5;

const inked = (item: PdfItem): boolean => item.str.trim() !== '';

/** The first inked item of `items` (left to right) that starts at `x`, after a gap or a space; null when none. */
function breakAt(items: readonly PdfItem[], x: number, tolerance: number, gap: number): PdfItem | null {
  let previous: PdfItem | null = null;
  let spaced = false;
  for (const item of items) {
    if (!inked(item)) {
      spaced ||= previous !== null;
      continue;
    }
    if (previous !== null && Math.abs(item.x - x) <= tolerance && (spaced || item.x - (previous.x + previous.width) >= gap)) return item;
    previous = item;
    spaced = false;
  }
  return null;
}

/** True when an inked item runs across `x` (its text does not break there). */
function spans(items: readonly PdfItem[], x: number, tolerance: number): boolean {
  return items.some((i) => inked(i) && i.x < x - tolerance && i.x + i.width > x + tolerance);
}

/**
 * For each line of one cell (by index) that continues a table row beside it, the items a cell starts at.
 * `items` holds each line's items left to right.
 * @example tightCuts([row, tight, row], items).get(1) // Set { the item of 5.5%左右 }
 */
export function tightCuts(lines: readonly LineShape[], items: readonly (readonly PdfItem[])[]): Map<number, Set<PdfItem>> {
  const cuts = new Map<number, Set<PdfItem>>();
  lines.forEach((line, k) => {
    if (line.cells.length !== 1) return;
    const own = items[k] ?? [];
    for (const n of [k - 1, k + 1]) {
      const row = lines[n];
      if (row === undefined || row.cells.length < 2) continue;
      const size = Math.max(line.size, row.size);
      const tolerance = ALIGNED * size;
      if (Math.abs(row.y - line.y) > ROW_PITCH * size || Math.abs((line.cells[0]?.x ?? 0) - (row.cells[0]?.x ?? 0)) > tolerance) continue;
      const starts = row.cells.slice(1).map((c) => c.x);
      if (starts.some((x) => spans(own, x, tolerance))) continue;
      const found = new Set(starts.map((x) => breakAt(own, x, tolerance, MIN_GAP * size)).filter((i): i is PdfItem => i !== null));
      if (found.size > 0) {
        cuts.set(k, found);
        return;
      }
    }
  });
  return cuts;
}
