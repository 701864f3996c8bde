/**
 * Pages set in columns for the PDF reader's tests, as gazettes, white papers, bulletins and newspapers set
 * them: lines across the page (a title, a heading) and runs of paragraphs set in two columns (or more) with
 * a gutter between each two, the left column filled first, then the next (balanced), a page number at the foot. Chinese
 * wraps at any character, Latin words only at spaces, and a line of words that is not a paragraph's last
 * is justified: its spaces are stretched to the column's edge (as a typesetter sets them).
 */
import type { PdfItem, PdfPage } from '../../src/ingest/pdf-extract.js';
import { advance, itemsOf } from './pdf-typeset.js';

/**
 * One part of a page: a line across the page, paragraphs set in two columns, a table's rows across the page
 * (each cell at its column's left edge, the table's columns spread evenly), or notes under a rule (lines set
 * from the left margin).
 */
export type ColumnPart =
  | { across: string; size?: number }
  | { columns: string[]; continued?: boolean; setting?: Partial<ColumnSetting> }
  | { table: string[][]; size?: number }
  | { notes: string[]; size?: number };

/** How the columns are set. */
export interface ColumnSetting {
  /** Characters (CJK widths) a column's line holds. */
  measure: number;
  /** Space between the columns, in font sizes. */
  gutter: number;
  /** How far the right column's baselines sit below the left column's, in points (0: the same baselines). */
  offset: number;
  /** Lines in the left column when the paragraphs do not balance as wanted (default: half, rounded up). */
  leftLines?: number;
  /** How many columns (default 2); each but the last holds its share of the lines, rounded up. */
  count?: number;
}

export const COLUMN_SIZE = 10;
const LEFT = 60;
const TOP = 780;
const PITCH = COLUMN_SIZE * 1.5;
const PAGE = { width: 595, height: 842 };

/**
 * A paragraph broken into lines of at most `measure` CJK widths, the first indented by two unless told;
 * Chinese and numbers break anywhere, a Latin word only at a space (the space is dropped at the break).
 */
export function wrapWords(paragraph: string, measure: number, indent = 2): string[] {
  const tokens = paragraph.match(/[A-Za-z]+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  let width = indent;
  for (const token of tokens) {
    const w = Array.from(token).reduce((n, ch) => n + advance(ch), 0);
    if (width + w > measure && line !== '') {
      lines.push(line.trimEnd());
      line = '';
      width = 0;
      if (token === ' ') continue;
    }
    line += token;
    width += w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Widest a stretched space gets, in font sizes (a wider gap would part two cells of a table). */
const MAX_SPACE = 1;

/** A line as one item a word, the spaces between them stretched so that it fills `width` (or nearly). */
function justified(line: string, x: number, y: number, width: number): PdfItem[] {
  const words = line.split(' ');
  const natural = Array.from(line).reduce((w, ch) => w + advance(ch) * COLUMN_SIZE, 0);
  const space = advance(' ') * COLUMN_SIZE;
  const gap = words.length > 1 ? Math.min(MAX_SPACE * COLUMN_SIZE, space + Math.max(0, width - natural) / (words.length - 1)) : 0;
  let left = x;
  return words.flatMap((word) => {
    const items = itemsOf(word, left, y, []);
    left += items.reduce((w, i) => w + i.width, 0) + gap;
    return items;
  });
}

/** Lay out pages of parts; every page gets `— N —` centred at its foot. */
export function typesetColumns(pages: readonly (readonly ColumnPart[])[], setting: ColumnSetting): PdfPage[] {
  const columnWidth = setting.measure * COLUMN_SIZE;
  const count = setting.count ?? 2;
  const columnX = (c: number): number => LEFT + c * (columnWidth + setting.gutter * COLUMN_SIZE);
  const pageRight = columnX(count - 1) + columnWidth;
  return pages.map((parts, p) => {
    const items: PdfItem[] = [];
    let y = TOP;
    for (const part of parts) {
      if ('across' in part) {
        const size = part.size ?? COLUMN_SIZE;
        const width = Array.from(part.across).reduce((w, ch) => w + advance(ch) * size, 0);
        y -= size * 0.3;
        items.push(...itemsOf(part.across, (LEFT + pageRight) / 2 - width / 2, y, [], size));
        y -= size * 1.5;
        continue;
      }
      if ('table' in part || 'notes' in part) {
        const size = part.size ?? COLUMN_SIZE;
        y -= size;
        for (const row of 'table' in part ? part.table : part.notes.map((n) => [n])) {
          y -= size * 1.5;
          row.forEach((cell, k) => items.push(...itemsOf(cell, LEFT + ((pageRight - LEFT) / row.length) * k + (row.length > 1 ? size : 0), y, [], size)));
        }
        y -= size;
        continue;
      }
      // A block set in other columns than the page's (a newspaper's boxed story) spans the same width.
      const own = { ...setting, ...part.setting };
      const ownX = (c: number): number => LEFT + c * (own.measure * COLUMN_SIZE + own.gutter * COLUMN_SIZE);
      const lines = part.columns.flatMap((text, n) => {
        const indent = n === 0 && part.continued ? 0 : 2;
        const wrapped = wrapWords(text, own.measure, indent);
        return wrapped.map((line, k) => ({ line, indent: k === 0 ? indent : 0, last: k === wrapped.length - 1 }));
      });
      const ownCount = own.count ?? 2;
      const leftCount = own.leftLines ?? Math.ceil(lines.length / ownCount);
      const share = ownCount === 2 ? leftCount : Math.ceil(lines.length / ownCount);
      const columnOf = (k: number): number => (k < leftCount ? 0 : Math.min(ownCount - 1, 1 + Math.floor((k - leftCount) / share)));
      lines.forEach(({ line, indent, last }, k) => {
        const column = columnOf(k);
        const row = column === 0 ? k : k - leftCount - (column - 1) * share;
        const x = ownX(column) + indent * COLUMN_SIZE;
        const baseline = y - row * PITCH - (column > 0 ? own.offset : 0);
        items.push(...(last ? itemsOf(line, x, baseline, []) : justified(line, x, baseline, (own.measure - indent) * COLUMN_SIZE)));
      });
      y -= Math.max(leftCount, lines.length - leftCount - (ownCount - 2) * share, ownCount > 2 ? share : 0) * PITCH + PITCH * 0.5;
    }
    const footer = `— ${p + 1} —`;
    items.push(...itemsOf(footer, (LEFT + pageRight) / 2 - 15, 40, []));
    return { index: p + 1, ...PAGE, items, imageOnly: false };
  });
}
