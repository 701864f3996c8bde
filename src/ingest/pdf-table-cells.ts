/**
 * Table cells of several lines in a PDF. A ruled table (a `<table>` with borders printed by a browser, a Word
 * table) pads its rows, so the lines of one cell stand closer together than two rows do: the first line of a
 * row has every cell, the next lines of its cells only some (`号` under `序`, `（续建）` under `重点项目名称`). A
 * line that continues a cell is taken into the table (a line of one cell is no table row by itself), and the
 * lines of one row are joined cell by cell, each in the column it lies in. A table whose rows are evenly
 * spaced is left row by row: nothing tells a wrapped cell from a row there. Pure.
 */
import type { PdfLine } from './pdf-lines.js';
import { wouldNotFit } from './pdf-fit.js';
import type { Rule, RuledArea } from './pdf-rules.js';
import { lineSeparator } from './pdf-spacing.js';

type Extent = { x: number; xEnd: number };

/** A line continues a cell when it stands at most this many font sizes below the table's last line. */
const CELL_PITCH = 1.35;
/** Two lines stand in different rows when their step is this many font sizes more than a cell's line step. */
const ROW_GAP = 0.25;
/** Sizes within this many points are the same size. */
const SIZE_TOLERANCE = 0.6;

function overlap(a: Extent, b: Extent): number {
  return Math.min(a.xEnd, b.xEnd) - Math.max(a.x, b.x);
}

/**
 * The columns of a table: the extents of the cells of its fullest lines, each column the union of theirs (a
 * centred header cell is narrower than the column its data fills).
 * @example tableColumns([row([[10, 16], [38, 110]]), row([[14, 26], [56, 104]])]) // [{ x: 10, xEnd: 26 }, { x: 38, xEnd: 110 }]
 */
function tableColumns(lines: readonly PdfLine[]): Extent[] {
  const most = lines.reduce((n, l) => Math.max(n, l.cells.length), 0);
  const columns: Extent[] = [];
  for (const line of lines.filter((l) => l.cells.length === most)) {
    line.cells.forEach((cell, c) => {
      columns[c] = columns[c] ? { x: Math.min(columns[c].x, cell.x), xEnd: Math.max(columns[c].xEnd, cell.xEnd) } : { ...cell };
    });
  }
  return columns;
}

/** The column a cell lies in most, or -1 when it lies in none. */
function columnOf(cell: Extent, columns: readonly Extent[]): number {
  let best = -1;
  for (let c = 0; c < columns.length; c++) if (overlap(cell, columns[c]) > 0 && (best === -1 || overlap(cell, columns[c]) > overlap(cell, columns[best]))) best = c;
  return best;
}

/**
 * Whether a line without cells of its own continues a cell of the table whose lines so far are `table`: on
 * the same page, in the same size, right under its last line (a cell's line step, not a paragraph's), and
 * inside one of its columns.
 * @example continuesCell(tableLines, line('（续建）', 38, 86, 692.9)) // true under '第1项\t元，…' at 707.1
 */
export function continuesCell(table: readonly PdfLine[], line: PdfLine): boolean {
  const last = table[table.length - 1];
  const step = last.y - line.y;
  if (line.page !== last.page || line.cells.length !== 1 || Math.abs(line.size - last.size) > SIZE_TOLERANCE) return false;
  if (step <= 0 || step > CELL_PITCH * line.size || !table.some((l) => l.cells.length > 1)) return false;
  const columns = tableColumns(table);
  const column = columnOf(line, columns);
  return column !== -1 && line.x >= columns[column].x - line.size && line.xEnd <= columns[column].xEnd + line.size;
}

/** The lines of one row joined cell by cell in their columns; null when a line's cells do not fit them. */
function joinRow(lines: readonly PdfLine[], columns: readonly Extent[]): PdfLine | null {
  const texts = columns.map(() => '');
  for (const line of lines) {
    const cells = line.text.split('\t');
    if (cells.length !== line.cells.length) return null;
    for (let k = 0; k < cells.length; k++) {
      const c = columnOf(line.cells[k], columns);
      if (c === -1 || cells[k] === '') continue;
      texts[c] += (texts[c] === '' ? '' : lineSeparator(texts[c], cells[k])) + cells[k];
    }
  }
  while (texts.length > 1 && texts[texts.length - 1] === '') texts.pop();
  const first = lines[0];
  const xEnd = lines.reduce((end, l) => Math.max(end, l.xEnd), first.xEnd);
  return { ...first, text: texts.join('\t'), xEnd, cells: columns.slice(0, texts.length).map((c) => ({ ...c })) };
}

/**
 * The rows of a table's lines (one page, top to bottom): a line that does not fill every column, stands
 * closer under the line before it than any line that fills them stands under its own (a cell's line step, not
 * a row's), and has text only in columns its row has text in, continues that line's row. Without such a difference (rows evenly spaced, no full row to measure)
 * the lines are returned as they came.
 * @example joinCellLines([row('序\t项目名称', 756.6), row('号', 742.4), row('1\t重点项目', 721.4)]).map((r) => r.text) // ['序号\t项目名称', '1\t重点项目']
 */
export function joinCellLines(lines: readonly PdfLine[]): PdfLine[] {
  if (lines.length < 3) return [...lines];
  const steps = lines.slice(1).map((line, k) => lines[k].y - line.y);
  const columns = tableColumns(lines);
  const full = (line: PdfLine): boolean => line.cells.length >= columns.length;
  const rowSteps = steps.filter((_, k) => full(lines[k + 1]));
  if (rowSteps.length === 0) return [...lines];
  const rowStep = rowSteps.reduce((least, step) => Math.min(least, step), Infinity);
  const filled = (line: PdfLine): number[] => line.cells.map((cell) => columnOf(cell, columns));
  const rows: PdfLine[][] = [[lines[0]]];
  let open = new Set(filled(lines[0]));
  lines.slice(1).forEach((line, k) => {
    const close = !full(line) && steps[k] > 0 && steps[k] < rowStep - ROW_GAP * line.size;
    // A wrapped cell goes on in a column its row has text in (a cell centred across rows is no such line).
    if (close && filled(line).every((c) => open.has(c))) {
      rows[rows.length - 1].push(line);
    } else {
      rows.push([line]);
      open = new Set(filled(line));
    }
  });
  if (rows.length === lines.length) return [...lines];
  return rows.flatMap((row) => (row.length === 1 ? row : (joinRow(row, columns) ?? row)));
}

/** A line stands in the row whose rules are above and below this point: its baseline raised by this share of its size. */
const MIDDLE = 0.35;

/**
 * Whether a line lies inside a ruled table's area (between its top and bottom rules, within its ends).
 * @example insideArea(line('号', 82.6, 93.1, 718.9), { x: 76, xEnd: 518, top: 746.3, bottom: 632.3, rules }) // true
 */
export function insideArea(line: PdfLine, area: RuledArea): boolean {
  const middle = line.y + MIDDLE * line.size;
  return middle < area.top && middle > area.bottom && line.x >= area.x - line.size && line.xEnd <= area.xEnd + line.size;
}

/**
 * The rows of a ruled table: its lines between the same two rules are one row, joined cell by cell in their columns,
 * however its cells sit in it (a cell centred beside others that wrap, `序` above and `号` below the header's other
 * cells; a cell spanning rows joins the row its middle is in). A rule across part of the table (under a cell that
 * spans rows) parts the rows it crosses. Lines are top to bottom on one page.
 * @example joinRuledRows([row('序', 734.7), row('指标名称\t…', 726.4), row('号', 718.9), row('1\t…', 702.4)], area).length // 2
 */
export function joinRuledRows(lines: readonly PdfLine[], area: RuledArea): PdfLine[] {
  const columns = tableColumns(lines);
  const right = columnRights(lines, columns);
  const rowOf = (line: PdfLine): number => area.rules.filter((r) => r.y > line.y + MIDDLE * line.size).length;
  const rows: PdfLine[][] = [];
  let current = -1;
  for (const line of joinSpannedCells(lines, area, columns, right)) {
    const row = rowOf(line);
    if (row === current && rows.length > 0) rows[rows.length - 1].push(line);
    else rows.push([line]);
    current = row;
  }
  return rows.flatMap((row) => {
    if (row.length === 1) return row;
    // Lines between two rules that are rows of their own (a three-line table rules only its head and its foot)
    // are left to the rows' own spacing.
    if (!wrapsWithin(row, columns, right)) return joinCellLines(row);
    return joinRow(row, columns) ?? row;
  });
}

/**
 * The lines with each wrapped line of a cell that spans rows taken up into the cell's first line: a cell's text
 * under the nearest text above it in its column, where a rule parts their rows but none crosses that column, and the
 * text above was full (its next word would not have fit before the column's right edge), goes on that text
 * (`人类驾驶员操作数` and `据` under it, beside two sub-rows parted by a rule that stops short of their column). Lines
 * left without text go.
 */
function joinSpannedCells(lines: readonly PdfLine[], area: RuledArea, columns: readonly Extent[], right: readonly number[]): PdfLine[] {
  const texts = lines.map((line) => line.text.split('\t'));
  const cells = lines.map((line) => [...line.cells]);
  const between = (upper: PdfLine, lower: PdfLine): Rule[] => area.rules.filter((r) => r.y < upper.y + MIDDLE * upper.size && r.y > lower.y + MIDDLE * lower.size);
  // A rule parts the two lines' rows, but not in this column: the cell spans them.
  const spans = (upper: PdfLine, lower: PdfLine, column: Extent): boolean => {
    const rules = between(upper, lower);
    return rules.length > 0 && !rules.some((r) => r.x < column.xEnd && r.xEnd > column.x);
  };
  lines.forEach((line, i) => {
    if (texts[i].length !== cells[i].length) return;
    for (let k = cells[i].length - 1; k >= 0; k--) {
      const c = columnOf(cells[i][k], columns);
      if (c === -1) continue;
      const j = lastAbove(i, c);
      if (j === null || !spans(lines[j.line], line, columns[c])) continue;
      const upper = { text: texts[j.line][j.cell], size: lines[j.line].size, cell: cells[j.line][j.cell] };
      if (!wrapsOnto(upper, { text: texts[i][k], size: line.size, cell: cells[i][k] }, right[c])) continue;
      texts[j.line][j.cell] += lineSeparator(texts[j.line][j.cell], texts[i][k]) + texts[i][k];
      texts[i].splice(k, 1);
      cells[i].splice(k, 1);
    }
  });
  /** The nearest line above line `i` with a cell in column `c`, and that cell. */
  function lastAbove(i: number, c: number): { line: number; cell: number } | null {
    for (let j = i - 1; j >= 0; j--) {
      const cell = cells[j].findIndex((own) => columnOf(own, columns) === c);
      if (cell !== -1) return { line: j, cell };
    }
    return null;
  }
  return lines.flatMap((line, i) => (cells[i].length === 0 ? [] : [{ ...line, text: texts[i].join('\t'), cells: cells[i] }]));
}

/** The right edge of each column: where the widest of its cells in any line ends. */
function columnRights(lines: readonly PdfLine[], columns: readonly Extent[]): number[] {
  const right = columns.map((c) => c.xEnd);
  for (const line of lines) {
    for (const cell of line.cells) {
      const c = columnOf(cell, columns);
      if (c !== -1) right[c] = Math.max(right[c] ?? cell.xEnd, cell.xEnd);
    }
  }
  return right;
}

/**
 * Whether the lines between two rules are one row: in each column, every line of text under another stands there
 * because the one above was full (its next word would not have fit before the column's right edge, `pdf-fit.ts`),
 * as a wrapped cell's lines do. A value under a value (`5.2%` over `6.1%`) is a row under a row.
 */
function wrapsWithin(row: readonly PdfLine[], columns: readonly Extent[], right: readonly number[]): boolean {
  const above = new Map<number, CellText>();
  for (const line of row) {
    const texts = line.text.split('\t');
    if (texts.length !== line.cells.length) return false;
    for (let k = 0; k < texts.length; k++) {
      const c = columnOf(line.cells[k], columns);
      if (c === -1 || texts[k] === '') continue;
      const upper = above.get(c);
      const lower = { text: texts[k], size: line.size, cell: line.cells[k] };
      if (upper && !wrapsOnto(upper, lower, right[c])) return false;
      above.set(c, lower);
    }
  }
  return true;
}

/** A cell's text, the size it is set in and its extent. */
interface CellText {
  text: string;
  size: number;
  cell: Extent;
}

/**
 * Whether `lower`, under `upper` in their column, is where `upper`'s text went on: its first word would not have
 * fit in the room `upper` left before the column's `right` edge (`pdf-fit.ts`).
 */
function wrapsOnto(upper: CellText, lower: CellText, right: number): boolean {
  return wouldNotFit({ text: upper.text, size: upper.size, width: upper.cell.xEnd - upper.cell.x }, lower, right - upper.cell.xEnd);
}
