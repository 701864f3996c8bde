/**
 * Lines out of a page's text items: items on one baseline, left to right. Between two items goes nothing
 * (glyphs that touch), a space (a space glyph or a word gap) or a tab (a gap of several characters: table
 * cells, a contents line's page number, columns of a diagram), but for the stretched word gaps of justified
 * text (`pdf-justified.ts`). Letter-spaced lines are repaired. Pure.
 */
import type { PdfItem } from './pdf-extract.js';
import { CELL_GAP, WORD_GAP } from './pdf-gaps.js';
import { justifiedLines } from './pdf-justified.js';
import { repairLetterSpacing } from './pdf-spacing.js';
import { tightCuts } from './pdf-tight-cells.js';

/** One line of a page as the reader sees it. */
export interface PdfLine {
  /** 1-based page index. */
  page: number;
  text: string;
  /** Left and right edges. */
  x: number;
  xEnd: number;
  /** Baseline, up from the bottom of the page. */
  y: number;
  /** The font size most of the line's characters have. */
  size: number;
  /** The font most of the line's characters have. */
  font: string;
  /** Left and right edges of each tab-separated cell of the text (one cell for a line without tabs). */
  cells: Array<{ x: number; xEnd: number }>;
  /**
   * On a page set in columns, the column the line is in (0 the leftmost, 1 the next, …); absent on a page of one
   * column and for a line across the columns (a title, a heading, a figure's caption).
   */
  column?: number;
}

/** No item starts a cell of its own but by its gap. */
const NO_CUTS: ReadonlySet<PdfItem> = new Set();

/** Two items share a line when their baselines differ by less than this share of the font size. */
const SAME_LINE = 0.5;

/** The value most of the weight sits on (weights summed per value). */
function modeBy<T>(entries: ReadonlyArray<readonly [T, number]>): T {
  const totals = new Map<T, number>();
  for (const [value, weight] of entries) totals.set(value, (totals.get(value) ?? 0) + weight);
  let best = entries[0][0];
  let bestWeight = -1;
  for (const [value, weight] of totals) {
    if (weight > bestWeight) [best, bestWeight] = [value, weight];
  }
  return best;
}

/**
 * Spaces between Chinese text and a full-width mark that belongs to it: before a closing mark (。，、…) or after an
 * opening one (（「《…). A PDF may hold a space glyph there (LibreOffice writes one where a bold lead sentence ends,
 * `提升 。`) that the text never had.
 */
const SPACE_AT_MARK = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]) +(?=[，。、；：？！）」』】》〉”’])|(?<=[（「『【《〈“‘]) +(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

/**
 * A line's text without spaces that part Chinese text from its marks (`SPACE_AT_MARK`).
 * @example closeUpMarks('持续提升 。重点') // '持续提升。重点'
 */
export function closeUpMarks(text: string): string {
  return text.includes(' ') ? text.replace(SPACE_AT_MARK, '') : text;
}

/**
 * The items of one line (left to right) as one line; a `stretched` line's gaps are all word gaps, none a cell gap.
 * A cell also starts at each item of `cuts` (cells set closer than a cell gap, `pdf-tight-cells.ts`).
 */
function lineOf(page: number, items: readonly PdfItem[], stretched: boolean, cuts: ReadonlySet<PdfItem> = NO_CUTS): PdfLine {
  const inked = items.filter((i) => i.str.trim() !== '');
  let text = '';
  let previous: PdfItem | null = null;
  let spaced = false;
  const cells: Array<{ x: number; xEnd: number }> = [];
  for (const item of items) {
    if (item.str.trim() === '') {
      spaced = previous !== null;
      continue;
    }
    const gap = previous ? item.x - (previous.x + previous.width) : Infinity;
    const size = Math.max(previous?.size ?? 0, item.size);
    if (previous === null || cuts.has(item) || (gap > CELL_GAP * size && !stretched)) {
      if (previous) text += '\t';
      cells.push({ x: item.x, xEnd: item.x + item.width });
    } else if (spaced || gap > WORD_GAP * size) text += ' ';
    cells[cells.length - 1].xEnd = Math.max(cells[cells.length - 1].xEnd, item.x + item.width);
    text += item.str.replace(/\s+/gu, ' ');
    previous = item;
    spaced = /\s$/u.test(item.str);
  }
  const last = inked[inked.length - 1];
  const weights = inked.map((i) => Array.from(i.str.trim()).length);
  return {
    page,
    text: closeUpMarks(repairLetterSpacing(text.trim())),
    x: inked[0].x,
    xEnd: last.x + last.width,
    y: modeBy(inked.map((i, k) => [Math.round(i.y * 10) / 10, weights[k]] as const)),
    size: modeBy(inked.map((i, k) => [Math.round(i.size * 10) / 10, weights[k]] as const)),
    font: modeBy(inked.map((i, k) => [i.font, weights[k]] as const)),
    cells,
  };
}

/** A line and the text items it was built from. */
export interface PdfLineItems {
  line: PdfLine;
  items: PdfItem[];
}

/**
 * The lines of a page, top to bottom, each with its items (each item on the line whose baseline is nearest).
 * @example buildLineItems(1, [{ str: '国家', x: 10, y: 700, width: 20, size: 10, font: 'f1' }])[0].items.length // 1
 */
export function buildLineItems(page: number, items: readonly PdfItem[]): PdfLineItems[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  let current: PdfItem[] = [];
  let baseline = Number.NaN;
  let size = 0;
  for (const item of sorted) {
    const inked = item.str.trim() !== '';
    if (current.length > 0 && Math.abs(item.y - baseline) > SAME_LINE * Math.max(size, item.size, 1)) {
      groups.push(current);
      current = [];
    }
    if (current.length === 0 || (inked && size === 0)) {
      baseline = item.y;
      size = inked ? item.size : 0;
    }
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  const lines = groups.filter((g) => g.some((i) => i.str.trim() !== '')).map((g) => [...g].sort((a, b) => a.x - b.x));
  const stretched = justifiedLines(lines);
  const built = lines.map((g, k) => lineOf(page, g, stretched.has(k)));
  const cuts = tightCuts(built, lines);
  return lines
    .map((g, k) => ({ line: cuts.has(k) ? lineOf(page, g, false, cuts.get(k)) : (built[k] as PdfLine), items: g }))
    .filter(({ line }) => line.text !== '');
}

/**
 * The lines of a page, top to bottom, each item on the line whose baseline is nearest.
 * @example buildLines(1, [{ str: '国家', x: 10, y: 700, width: 20, size: 10, font: 'f1' }])[0].text // '国家'
 */
export function buildLines(page: number, items: readonly PdfItem[]): PdfLine[] {
  return buildLineItems(page, items).map(({ line }) => line);
}
