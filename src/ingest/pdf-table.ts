/**
 * Table rows of a PDF with their empty cells back. A PDF draws only the cells that hold text, so a row
 * whose first cell is empty would shift its numbers one column left. The columns of a table are those of
 * its fullest row; every cell of another row goes under the column it overlaps most, the columns it leaves
 * empty become empty cells. Pure.
 */
import type { PdfLine } from './pdf-lines.js';

type Extent = { x: number; xEnd: number };

/** How much two extents overlap (negative: how far apart they are). */
function overlap(a: Extent, b: Extent): number {
  return Math.min(a.xEnd, b.xEnd) - Math.max(a.x, b.x);
}

/**
 * Columns for each cell of a row: the column each cell overlaps most, in order; null when two cells fall
 * in one column (the row does not fit the columns and is left as it is).
 */
function placeCells(cells: readonly Extent[], columns: readonly Extent[]): number[] | null {
  const placed: number[] = [];
  for (const cell of cells) {
    let best = 0;
    for (let c = 1; c < columns.length; c++) if (overlap(cell, columns[c]) > overlap(cell, columns[best])) best = c;
    if (placed.length > 0 && best <= placed[placed.length - 1]) return null;
    placed.push(best);
  }
  return placed;
}

/** How far a title's middle may stand from its table's, as a share of the table's width. */
const CENTRED = 0.05;

/**
 * Whether a row is its table's title: its first row, one cell, set in the middle of the table's columns (`专栏 15
 * 就业` above a box of two columns). It spans the table and belongs under no one column.
 */
function isTitle(row: PdfLine, first: boolean, columns: readonly Extent[]): boolean {
  if (!first || row.cells.length !== 1 || columns.length < 2) return false;
  const left = columns.reduce((x, c) => Math.min(x, c.x), Number.POSITIVE_INFINITY);
  const right = columns.reduce((x, c) => Math.max(x, c.xEnd), Number.NEGATIVE_INFINITY);
  const [cell] = row.cells;
  return Math.abs((cell.x + cell.xEnd) / 2 - (left + right) / 2) <= CENTRED * (right - left);
}

/**
 * The rows of one table (consecutive lines with cells), each with as many tab-separated cells as the
 * fullest row has, empty where nothing was drawn; a title row (`isTitle`) as it is.
 * @example alignTableRows([row(['指标', '2020年', '2025年'], [90, 300, 400]), row(['12.3', '15.0'], [300, 400])])[1].text // '\t12.3\t15.0'
 */
export function alignTableRows(rows: readonly PdfLine[]): PdfLine[] {
  const fullest = rows.reduce((best, row) => (row.cells.length > best.cells.length ? row : best), rows[0]);
  const columns = fullest.cells;
  return rows.map((row, i) => {
    const texts = row.text.split('\t');
    if (row === fullest || texts.length !== row.cells.length || isTitle(row, i === 0, columns)) return row;
    const placed = placeCells(row.cells, columns);
    if (placed === null) return row;
    const out = columns.map(() => '');
    placed.forEach((column, k) => {
      out[column] = texts[k];
    });
    while (out.length > 1 && out[out.length - 1] === '') out.pop();
    return { ...row, text: out.join('\t') };
  });
}
