/**
 * Whether the lines on one side of a page's gutters are a column of text: the parts of each line in each
 * column (between two gutters, or a gutter and the page's edge), and the tests a column of justified text
 * passes (lines enough, wide, hardly any with cells, all but a few of those that stop short ending a
 * paragraph) or that a column too short to be judged is set as a proven one. Used by `pdf-columns.ts`. Pure.
 */
import type { PdfItem } from './pdf-extract.js';
import { wouldNotFit } from './pdf-fit.js';
import { CELL_GAP, WORD_GAP } from './pdf-gaps.js';
import { extentOf, inkedItems, type Band } from './pdf-gutter.js';
import { justifiedLines, upperMedian } from './pdf-justified.js';
import type { PdfLineItems } from './pdf-lines.js';

/** A column holds this many lines at least. */
export const MIN_LINES = 3;
/** A column is this many font sizes wide at least (a table's column of labels is narrower). */
const MIN_WIDTH = 8;
/** A line fills its column when it ends this many font sizes from the column's right edge at most… */
export const FULL_SLACK = 1;
/** …and this share of a column's lines do at least. */
const FULL_SHARE = 0.4;
/** The column's right edge: where this share of its lines end (a few overshoot: hanging punctuation). */
const EDGE_PERCENTILE = 0.9;
/** A line starting this many font sizes right of the column's left edge is indented (as in `pdf-blocks.ts`). */
const INDENT = 0.6;
/** A line this many times the usual distance below the one before is set apart from it. */
const APART = 1.3;
/** At most this share of a column's lines stop short with no paragraph break after them. */
const RAGGED_SHARE = 0.15;
/** At least this share of a column's lines span this share of its width at least. */
const SPAN_SHARE = 0.5;
const SPAN = 0.5;
/** At most this share of a column's lines have cells. */
const CELL_SHARE = 0.25;
/** The gutters of a page, left to right: one for two columns, two for three, … */
export type Gutters = readonly Band[];

/** One side of a line: its items in one column (between two gutters, or a gutter and the page's edge). */
export interface Part {
  x: number;
  xEnd: number;
  y: number;
  size: number;
  items: PdfItem[];
}

/** The column an item stands in: how many gutters' middles lie left of its centre. */
export function sideOfItem(item: PdfItem, gutters: Gutters): number {
  const centre = item.x + item.width / 2;
  return gutters.filter((g) => (g.x + g.xEnd) / 2 <= centre).length;
}

/** The part of a line's items in one column (0 the leftmost), or null when it has no ink there. */
export function partOf(items: readonly PdfItem[], gutters: Gutters, side: number): Part | null {
  const own = items.filter((i) => sideOfItem(i, gutters) === side);
  const ink = inkedItems(own);
  if (ink.length === 0) return null;
  return { ...extentOf(ink), y: ink[0].y, size: ink[0].size, items: own };
}

/**
 * Whether a part has a gap inside it as wide as a table's between two cells (a tab in `pdf-lines.ts`), unless
 * it is one of the `stretched` lines of justified text (`pdf-justified.ts`), whose wide gaps are word gaps.
 */
export function hasCells(part: Part, size: number, stretched: ReadonlySet<PdfItem>): boolean {
  if (stretched.has(part.items[0])) return false;
  const ink = inkedItems(part.items).sort((p, q) => p.x - q.x);
  return ink.some((item, k) => k > 0 && item.x - (ink[k - 1].x + ink[k - 1].width) > CELL_GAP * size);
}

/** The items of the parts of one side of a gutter (top to bottom) that are lines of justified text (`pdf-justified.ts`). */
export function stretchedItems(parts: readonly Part[]): Set<PdfItem> {
  const lines = justifiedLines(parts.map((p) => [...p.items].sort((a, b) => a.x - b.x)));
  return new Set(parts.filter((_, k) => lines.has(k)).flatMap((p) => p.items));
}

/** The parts of a run in one column, top to bottom. */
function sideOf(run: readonly PdfLineItems[], gutters: Gutters, side: number): Part[] {
  return run.map((r) => partOf(r.items, gutters, side)).filter((p): p is Part => p !== null);
}

/** The parts of a run in each column, left to right. */
export function sidesOf(run: readonly PdfLineItems[], gutters: Gutters): Part[][] {
  return Array.from({ length: gutters.length + 1 }, (_, side) => sideOf(run, gutters, side));
}

/**
 * Whether a column's line that stops short ends a paragraph: the column's last line, or the next line
 * indented, set apart, or in another size (a heading).
 */
function endsParagraph(parts: readonly Part[], k: number, left: number, step: number, size: number): boolean {
  const next = parts[k + 1];
  if (next === undefined) return true;
  return next.x > left + INDENT * size || parts[k].y - next.y > APART * step || Math.abs(next.size - parts[k].size) > 0.6;
}

/** A part's text, its items left to right, a space where a gap parts two of them (as `pdf-lines.ts` reads a word gap). */
function textOf(part: Part): string {
  let text = '';
  let end = -Infinity;
  for (const item of inkedItems(part.items).sort((p, q) => p.x - q.x)) {
    if (text !== '' && item.x - end > WORD_GAP * part.size) text += ' ';
    text += item.str;
    end = item.x + item.width;
  }
  return text;
}

/**
 * Whether a column's line stops short only because the next line's first word or character would not have fit
 * before the column's right `edge` (`pdf-fit.ts`): a line of ragged (unjustified) text, as full as it could be.
 * However much room is left: a narrow column's long words leave lines far short (`internationalization` alone),
 * and a table's short cells are told apart by the next cell fitting where they stop.
 */
function wraps(parts: readonly Part[], k: number, edge: number, textAt: (k: number) => string): boolean {
  const [part, next] = [parts[k], parts[k + 1]];
  if (next === undefined) return false;
  return wouldNotFit({ text: textAt(k), size: part.size, width: part.xEnd - part.x }, { text: textAt(k + 1), size: next.size }, edge - part.xEnd, Infinity);
}

/**
 * Whether the parts on one side of a gutter are a column of text: justified, or ragged (its lines stopping
 * short where the next word would not have fit).
 */
export function isTextColumn(parts: readonly Part[], size: number): boolean {
  if (parts.length < MIN_LINES) return false;
  const left = parts.reduce((least, p) => Math.min(least, p.x), Infinity);
  const ends = parts.map((p) => p.xEnd).sort((a, b) => a - b);
  const edge = ends[Math.min(ends.length - 1, Math.floor(ends.length * EDGE_PERCENTILE))];
  if (edge - left < MIN_WIDTH * size) return false;
  const stretched = stretchedItems(parts);
  if (parts.filter((p) => hasCells(p, size, stretched)).length > CELL_SHARE * parts.length) return false;
  // Most lines of a column of text span most of it (all but paragraphs' last lines); a table's column of short
  // cells, numbers set right at its edge, spans little of it, however its cells line up.
  if (parts.filter((p) => p.xEnd - p.x >= SPAN * (edge - left)).length < SPAN_SHARE * parts.length) return false;
  const step = upperMedian(parts.slice(1).map((p, k) => parts[k].y - p.y));
  // Each part's text, made once when a line that stops short is weighed (as the line, then as the next one).
  const texts: string[] = [];
  const textAt = (k: number): string => (texts[k] ??= textOf(parts[k]));
  let full = 0;
  let ragged = 0;
  parts.forEach((part, k) => {
    if (part.xEnd >= edge - FULL_SLACK * size || wraps(parts, k, edge, textAt)) full++;
    else if (!endsParagraph(parts, k, left, step, size)) ragged++;
  });
  return full >= FULL_SHARE * parts.length && ragged <= RAGGED_SHARE * parts.length;
}

/** A short run's line starts at most this many font sizes right of its column's left edge (a first-line indent). */
export const SHORT_INDENT = 2.5;

/** A column's left edge and right edge (where most of its lines end). */
export function edgesOf(parts: readonly Part[]): Band {
  const ends = parts.map((p) => p.xEnd).sort((a, b) => a - b);
  return { x: parts.reduce((least, p) => Math.min(least, p.x), Infinity), xEnd: ends[Math.min(ends.length - 1, Math.floor(ends.length * EDGE_PERCENTILE))] };
}

/**
 * Whether lines are set as a column within `edges` is: in the text's size, without cells, each starting at
 * its left edge or a first-line indent from it and ending by its right edge.
 */
export function fitsColumn(parts: readonly Part[], edges: Band, size: number): boolean {
  const stretched = stretchedItems(parts);
  return parts.every(
    (p) =>
      Math.abs(p.size - size) <= 0.6 &&
      !hasCells(p, size, stretched) &&
      p.x >= edges.x - INDENT * size &&
      p.x <= edges.x + SHORT_INDENT * size &&
      p.xEnd <= edges.xEnd + FULL_SLACK * size,
  );
}
