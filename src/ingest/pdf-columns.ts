/**
 * Pages set in two columns or more, read as a reader reads them: the lines across the columns (a title, a
 * heading, a caption) where they stand, and each run of lines between them that is columns of text, column
 * by column from the left, each top to bottom. A run is columns when its gutters (`pdf-gutter.ts`: one, or
 * several for three columns or more) part it and every side is a column of justified text: lines enough on each side, wide, hardly any with cells, and
 * all but a few of the lines that stop short of the column's right edge ending a paragraph (the next line
 * indented, set apart or in another size, or none). A table's columns are cells: narrow, or more than one to a side, or ragged with no
 * paragraphs to explain it. A page without such a run keeps its lines as they are. Pure.
 */
import { edgesOf, fitsColumn, FULL_SLACK, hasCells, isTextColumn, MIN_LINES, partOf, SHORT_INDENT, sideOfItem, sidesOf, stretchedItems, type Gutters, type Part } from './pdf-column-text.js';
import type { PdfItem } from './pdf-extract.js';
import { crosses, extentOf, gutterBands, gutterSets, inkedItems, type Band } from './pdf-gutter.js';
import { buildLines, type PdfLine, type PdfLineItems } from './pdf-lines.js';

/** A gutter is this many font sizes wide at least, and at most (a wider gap parts a label from its value). */
const MIN_GUTTER = 0.8;
const MAX_GUTTER = 6;
/** An empty band this many font sizes high across both columns (a figure) ends a run of columns. */
const BLANK = 5;

/** The size most characters of the lines have. */
function bodySize(rows: readonly PdfLineItems[]): number {
  const weights = new Map<number, number>();
  for (const { items } of rows) {
    for (const i of inkedItems(items)) {
      const size = Math.round(i.size * 10) / 10;
      weights.set(size, (weights.get(size) ?? 0) + Array.from(i.str.trim()).length);
    }
  }
  let [best, weight] = [0, -1];
  for (const [size, w] of weights) if (w > weight) [best, weight] = [size, w];
  return best;
}

/**
 * The columns of a run, left to right, or null when the run is not columns of text. The last column may hold
 * fewer lines than a column is judged by (a text that ends in it, read column after column), when the others
 * are columns of text and its lines are set as the one before it is, from the last gutter on.
 */
function columnsOf(run: readonly PdfLineItems[], gutters: Gutters, size: number): Part[][] | null {
  const sides = sidesOf(run, gutters);
  const [last, before] = [sides[sides.length - 1], sides[sides.length - 2]];
  if (!sides.slice(0, -1).every((side) => isTextColumn(side, size))) return null;
  if (isTextColumn(last, size)) return sides;
  if (last.length === 0 || last.length >= MIN_LINES) return null;
  const { x, xEnd } = edgesOf(before);
  const from = gutters[gutters.length - 1].xEnd;
  return fitsColumn(last, { x: from, xEnd: from + xEnd - x }, size) ? sides : null;
}

/** A table's row is set at most this share of the text's size, when it is set smaller. */
const SMALLER = 0.9;

/**
 * Whether a line beside the gutters at the head or foot of a run is a row of a table across the page rather
 * than a line of the columns: it has ink in two columns at least (in both of two) and, in one, a gap as wide
 * as a table's between two cells, or (at the foot) all of it is set smaller than the text; but not when one
 * of its parts is a full line of text (in the text's size, without cells, reaching its column's right edge:
 * the next gutter, or the page's `right` edge), which makes the cells a table's set inside a column beside it.
 * A table across the page whose cells happen to leave the gutters empty is no part of the columns beside it.
 */
function isTableRow(row: PdfLineItems, gutters: Gutters, size: number, foot: boolean, stretched: ReadonlySet<PdfItem>, right: number): boolean {
  const parts = Array.from({ length: gutters.length + 1 }, (_, side) => partOf(row.items, gutters, side));
  if (parts.filter((p) => p !== null).length < 2) return false;
  const full = (p: Part, side: number): boolean =>
    Math.abs(p.size - size) <= 0.6 && !hasCells(p, size, stretched) && p.xEnd >= (side < gutters.length ? gutters[side].x : right) - FULL_SLACK * size;
  if (parts.some((p, side) => p !== null && full(p, side))) return false;
  if (parts.some((p) => p !== null && hasCells(p, size, stretched))) return true;
  return foot && inkedItems(row.items).every((i) => i.size <= size * SMALLER);
}

/**
 * A run cut into the rows of a table at its head, the run between and the rows of a table at its foot, when
 * what lies between is two columns of text; else the run as it is (two columns or not).
 */
function runStretches(run: PdfLineItems[], gutters: Gutters, size: number, right: number): Stretch[] {
  let [from, to] = [0, run.length];
  const stretched = new Set<PdfItem>();
  for (const side of sidesOf(run, gutters)) for (const item of stretchedItems(side)) stretched.add(item);
  while (to > from && isTableRow(run[to - 1], gutters, size, true, stretched, right)) to--;
  while (from < to && isTableRow(run[from], gutters, size, false, stretched, right)) from++;
  const columns = from > 0 || to < run.length ? columnsOf(run.slice(from, to), gutters, size) : null;
  if (columns === null) return [{ run, columns: columnsOf(run, gutters, size) }];
  const rows = (part: PdfLineItems[]): Stretch[] => (part.length > 0 ? [{ run: part, columns: null }] : []);
  return [...rows(run.slice(0, from)), { run: run.slice(from, to), columns }, ...rows(run.slice(to))];
}

/**
 * A stretch of the page in reading order: one line across a gutter, or a run of lines between them with its
 * columns when it is set in columns.
 */
type Stretch = { across: PdfLineItems } | { run: PdfLineItems[]; columns: Part[][] | null };

/** A line of another column this many font sizes above or below a line stands beside it. */
const BESIDE = 1.2;

/**
 * Whether a line that crosses no gutter of three columns or more still stands across them: a title or a
 * heading centred on the page (within a font size) that stands in one column (the middle one of three, where
 * a centred line falls) set in another size than the text or clear of both the column's edges, with no line of
 * another column beside it (else it is a heading centred in the middle column), or a table's row across the page, set smaller than the
 * text with ink in two columns or more. Two columns have no such line: a centred line crosses their gutter.
 */
function standsAcross(rows: readonly PdfLineItems[], k: number, gutters: Gutters, size: number, page: Band): boolean {
  const row = rows[k];
  const ink = inkedItems(row.items);
  if (gutters.length < 2) return centredAcrossTwo(rows, k, ink, size, page);
  const sides = new Set(ink.map((i) => sideOfItem(i, gutters)));
  if (sides.size >= 2) return ink.every((i) => i.size <= size * SMALLER);
  const [side] = sides;
  const { x, xEnd } = extentOf(ink);
  const [from, to] = [side === 0 ? page.x : gutters[side - 1].xEnd, side === gutters.length ? page.xEnd : gutters[side].x];
  const clear = x > from + SHORT_INDENT * size && xEnd < to - SHORT_INDENT * size;
  const apart = ink.every((i) => Math.abs(i.size - size) > 0.6);
  if (!(clear || apart) || Math.abs((x + xEnd) / 2 - (page.x + page.xEnd) / 2) > size) return false;
  // A heading centred in the middle column has the other columns' lines beside it.
  const near = (other: PdfLineItems): boolean => Math.abs(other.line.y - row.line.y) <= BESIDE * size;
  return !rows.some((other, j) => j !== k && near(other) && inkedItems(other.items).some((i) => sideOfItem(i, gutters) !== side));
}

/**
 * Whether a line that crosses no gutter of two columns still stands across them: a line centred on the page
 * (within a font size), clear of both its edges, alone at its height, whose space between two words falls in
 * the gutter (`某某县统计局　2025年3月15日` under a title). A line of each column side by side starts at the left
 * column's edge or an indent from it, and ends at the right column's edge or short of it by a paragraph's end:
 * the two together are centred and clear of both edges only by chance, on a line of their own never.
 */
function centredAcrossTwo(rows: readonly PdfLineItems[], k: number, ink: readonly PdfItem[], size: number, page: Band): boolean {
  if (ink.length === 0) return false;
  const { x, xEnd } = extentOf(ink);
  const clear = x > page.x + SHORT_INDENT * size && xEnd < page.xEnd - SHORT_INDENT * size;
  if (!clear || Math.abs((x + xEnd) / 2 - (page.x + page.xEnd) / 2) > size) return false;
  const y = rows[k].line.y;
  return !rows.some((other, j) => j !== k && Math.abs(other.line.y - y) <= BESIDE * size);
}

/** The page's lines cut into stretches at the lines that cross a gutter or stand across them, and at empty bands. */
function stretches(rows: readonly PdfLineItems[], gutters: Gutters, size: number): Stretch[] {
  const page = extentOf(rows.flatMap((r) => inkedItems(r.items)));
  const out: Stretch[] = [];
  let run: PdfLineItems[] = [];
  const close = (): void => {
    if (run.length > 0) for (const s of runStretches(run, gutters, size, page.xEnd)) out.push(s);
    run = [];
  };
  for (const [k, row] of rows.entries()) {
    const ink = inkedItems(row.items);
    if (gutters.some((band) => crosses(ink, band)) || standsAcross(rows, k, gutters, size, page)) {
      close();
      out.push({ across: row });
      continue;
    }
    const last = run[run.length - 1];
    if (last && last.line.y - row.line.y > BLANK * size) close();
    run.push(row);
  }
  close();
  return out;
}

/**
 * The columns of a run too short to be judged on its own (fewer than three lines a side), when each of its
 * sides is set as a column of the same page is: in the text's size, without cells, every line starting at
 * the column's left edge or a first-line indent from it and ending by its right edge. Else null.
 */
function shortColumnsOf(run: readonly PdfLineItems[], gutters: Gutters, size: number, edges: readonly Band[]): Part[][] | null {
  const sides = sidesOf(run, gutters);
  if (sides.some((parts) => parts.length === 0) || sides.every((parts) => parts.length >= MIN_LINES)) return null;
  return sides.every((parts, k) => fitsColumn(parts, edges[k], size)) ? sides : null;
}

/** The stretches with each short run that is not judged columns read in columns of these edges, when set as they are. */
const withShortRunsIn = (parts: readonly Stretch[], gutters: Gutters, size: number, edges: readonly Band[]): Stretch[] =>
  parts.map((s) => ('run' in s && s.columns === null ? { run: s.run, columns: shortColumnsOf(s.run, gutters, size, edges) } : s));

/** The columns a page was read in: their gutters, each column's edges, the text's size. */
export interface ColumnLayout {
  gutters: Gutters;
  edges: Band[];
  size: number;
}

/** The layout of the first run of the stretches that is columns, or null. */
function layoutOf(parts: readonly Stretch[], gutters: Gutters, size: number): ColumnLayout | null {
  const proven = parts.find((s): s is { run: PdfLineItems[]; columns: Part[][] } => 'run' in s && s.columns !== null);
  return proven === undefined ? null : { gutters, edges: proven.columns.map(edgesOf), size };
}

/**
 * A page's lines (top to bottom, furniture removed) in reading order: a run of columns as its leftmost
 * column's lines, then the next column's, and so on (each line marked with its column), lines across the
 * columns in place. A page that is not set in columns gets back its own lines, unchanged. Of the gutters
 * that could part the page (one band, or a set of bands for three columns or more: `gutterSets`), those that
 * put the most lines in columns do; of two that put as many, the one of more columns (two columns of three
 * whose baselines differ can pass for one, its lines from the two alternating).
 * @example readColumns(1, buildLineItems(1, items)).map((l) => l.column) // [undefined, 0, 0, 0, 1, 1, 1]
 */
function readColumns(page: number, rows: readonly PdfLineItems[]): PdfLine[] {
  return readPageColumns(page, rows, null).lines;
}

/**
 * `readColumns`, told the columns an earlier page of the document was read in (`earlier`), and saying which
 * columns this page was read in (`layout`: its own, else the earlier ones when it was read in them). A page
 * whose own lines prove no columns, as the last page of a text in two columns that ends a few lines into it (the
 * typesetter balances them, two a column), is read in the earlier page's columns where its lines are set as
 * they are (`shortColumnsOf`): in the text's size, without cells, within each column's edges, the gutter empty.
 */
export function readPageColumns(page: number, rows: readonly PdfLineItems[], earlier: ColumnLayout | null): { lines: PdfLine[]; layout: ColumnLayout | null } {
  const size = bodySize(rows);
  const unchanged = { lines: rows.map((r) => r.line), layout: null };
  if (size <= 0 || rows.length === 0) return unchanged;
  const best = rows.length >= MIN_LINES ? bestColumns(rows, size) : null;
  if (best !== null) {
    const layout = layoutOf(best.parts, best.gutters, size) as ColumnLayout;
    return { lines: inReadingOrder(page, rows, withShortRunsIn(best.parts, best.gutters, size, layout.edges), best.gutters), layout };
  }
  if (earlier === null || Math.abs(earlier.size - size) > SAME_SIZE) return unchanged;
  const carried = withShortRunsIn(stretches(rows, earlier.gutters, size), earlier.gutters, size, earlier.edges);
  if (!carried.some((s) => 'run' in s && s.columns !== null)) return unchanged;
  return { lines: inReadingOrder(page, rows, carried, earlier.gutters), layout: earlier };
}

/** Two pages' text is set in one size when their sizes differ by no more than this (points). */
const SAME_SIZE = 0.6;

/**
 * Of the gutters that could part the page (one band, or a set of bands for three columns or more: `gutterSets`),
 * those that put the most lines in columns, with the page's stretches between them; null when none does.
 */
function bestColumns(rows: readonly PdfLineItems[], size: number): { parts: Stretch[]; gutters: Gutters } | null {
  const lines = rows.map((r) => inkedItems(r.items));
  const narrow = (b: Band): boolean => b.xEnd - b.x <= MAX_GUTTER * size;
  const candidates: Gutters[] = [
    ...gutterBands(lines, MIN_GUTTER * size)
      .filter(narrow)
      .map((b) => [b]),
    ...gutterSets(lines, MIN_GUTTER * size).filter((set) => set.every(narrow)),
  ];
  let best: { parts: Stretch[]; gutters: Gutters; count: number } | null = null;
  for (const gutters of candidates) {
    const parts = stretches(rows, gutters, size);
    const count = parts.reduce((n, s) => n + ('run' in s && s.columns ? s.run.length : 0), 0);
    const more = best === null || count > best.count || (count === best.count && gutters.length > best.gutters.length);
    if (count > 0 && more) best = { parts, gutters, count };
  }
  return best;
}

/** The page's stretches in reading order: each run of columns column by column, the other lines as they stand. */
function inReadingOrder(page: number, rows: readonly PdfLineItems[], parts: readonly Stretch[], gutters: Gutters): PdfLine[] {
  // The columns of a block set otherwise are numbered after the page's own, so that each keeps margins of its own.
  let next = gutters.length + 1;
  return blocksOf(parts).flatMap((block): PdfLine[] => {
    if (!Array.isArray(block)) return block.columns.flatMap((parts, column) => buildLines(page, parts.flatMap((p) => p.items)).map((line) => ({ ...line, column })));
    // Lines outside the page's columns may be a block set in columns of its own (a newspaper's boxed story).
    if (block.length < MIN_LINES || block.length === rows.length) return block.map((r) => r.line);
    const first = next;
    return readColumns(page, block).map((line) => {
      if (line.column === undefined) return line;
      next = Math.max(next, first + line.column + 1);
      return { ...line, column: first + line.column };
    });
  });
}

/** The stretches as the runs read in columns and, between them, the page's other lines top to bottom. */
function blocksOf(parts: readonly Stretch[]): Array<{ columns: Part[][] } | PdfLineItems[]> {
  const out: Array<{ columns: Part[][] } | PdfLineItems[]> = [];
  for (const s of parts) {
    if ('run' in s && s.columns !== null) {
      out.push({ columns: s.columns });
      continue;
    }
    const last = out[out.length - 1];
    const rows = 'across' in s ? [s.across] : s.run;
    if (!Array.isArray(last)) out.push([...rows]);
    else for (const row of rows) last.push(row);
  }
  return out;
}
