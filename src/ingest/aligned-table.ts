/**
 * An aligned Chinese-English table as rows of aligned text: from a CSV or TSV's decoded text (or a worksheet's
 * cells), its columns recognised (`aligned-columns.ts`), each row read into its Chinese, its English, and where
 * it goes: its paragraph (the paragraph column, else the row is a paragraph of its own), its order in the
 * paragraph (the order column, else the table's order) and its report year (the year column, else none). A
 * blank cell of the paragraph or year column continues the row above (a merged cell, as spreadsheets export it).
 * Pure.
 */
import { parse } from 'csv-parse/sync';
import { recognizeColumns, type AlignedColumns } from './aligned-columns.js';
import { createIngestError, type IngestErrorCode } from './errors.js';

/** One row of aligned text. */
export interface AlignedRow {
  /** The row's number in the table as a spreadsheet counts it (the header row is row 1). */
  line: number;
  /** The year column's year; null for a table without one. */
  year: number | null;
  paragraph: number;
  order: number;
  zh: string;
  en: string;
}

/** A table read: its columns, its rows of text, how many data rows it had, and the rows it could not read. */
export interface AlignedTable {
  columns: AlignedColumns;
  rows: AlignedRow[];
  /** Data rows in the table (the header not counted), read or not. */
  dataRows: number;
  skipped: Array<{ code: IngestErrorCode; detail: string }>;
}

/**
 * The table's delimiter, read from its first line: a tab when it has one, else a comma, else a semicolon when it
 * has one (Excel's CSV where the comma is the decimal sign), else a comma.
 * @example delimiterOf('报告年份\t年度文件内行号\t段内对齐序号\t中文\t英文\n…') // '\t'
 * @example delimiterOf('中文;英文\n…') // ';'
 */
export function delimiterOf(table: string): ',' | '\t' | ';' {
  const header = table.slice(0, table.search(/\r?\n|$/));
  if (header.includes('\t')) return '\t';
  return !header.includes(',') && header.includes(';') ? ';' : ',';
}

/**
 * The cells of a CSV or TSV's decoded text, a row an array, blank lines left out. Throws `INGEST_EMPTY` for a
 * blank text and `INGEST_CSV_INVALID` when it is not CSV.
 * @example csvCells('中文,英文\n甲,A') // [['中文', '英文'], ['甲', 'A']]
 */
export function csvCells(csv: string): string[][] {
  if (csv.trim() === '') throw createIngestError('INGEST_EMPTY');
  try {
    return parse(csv, { delimiter: delimiterOf(csv), skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw createIngestError('INGEST_CSV_INVALID', error instanceof Error ? error.message : String(error));
  }
}

/** A whole number as a cell writes it (`12`, ` 12 `); null otherwise. */
function wholeNumber(cell: string): number | null {
  const n = Number(cell);
  return cell.trim() !== '' && Number.isInteger(n) ? n : null;
}

/** A year as a cell writes it: `2025`, `2025年`, `2025.0`; null otherwise. */
function yearOf(cell: string): number | null {
  const m = /^\s*((?:19|20)\d{2})(?:年|\.0+)?\s*$/.exec(cell);
  return m ? Number(m[1]) : null;
}

/** A row of a table whose columns are known; a message instead when a number it needs is not one. */
function readRow(cells: readonly string[], columns: AlignedColumns, index: number, above: AlignedRow | null): Omit<AlignedRow, 'line'> | string {
  const cell = (column: number | null): string => (column === null ? '' : (cells[column] ?? ''));
  const zh = cell(columns.zh).trim();
  const en = cell(columns.en).trim();
  // A paragraph or year cell left blank continues the row above; an order cell left blank keeps the table's order.
  const carried = (column: number | null, read: (c: string) => number | null, fromAbove: number | null | undefined): number | null | undefined =>
    column === null ? undefined : cell(column).trim() === '' ? fromAbove ?? null : read(cell(column));
  const paragraph = carried(columns.paragraph, wholeNumber, above?.paragraph);
  const order = columns.order !== null && cell(columns.order).trim() !== '' ? wholeNumber(cell(columns.order)) : index;
  const year = carried(columns.year, yearOf, above?.year);
  const bad = [
    paragraph === null ? columns.names[columns.paragraph ?? 0] : null,
    order === null ? columns.names[columns.order ?? 0] : null,
    year === null ? columns.names[columns.year ?? 0] : null,
  ].filter((name): name is string => name !== null);
  if (bad.length > 0) return `needs a whole number in ${bad.join(', ')}`;
  if (zh === '' && en === '') return 'has no text';
  return { year: year ?? null, paragraph: paragraph ?? index, order: order ?? index, zh, en };
}

/**
 * Read a table's rows (the first may be a header) into rows of aligned text. Throws `notAligned` (by default
 * `INGEST_CSV_INVALID`) naming what is missing when no column is mostly Chinese or none mostly English; a row whose paragraph, order or year is
 * not a number, or that has no text, is left out and reported in `skipped`. A row with no cell filled is ignored.
 * @example alignedRows([['中文', '英文'], ['推动发展。', 'We will pursue development.']]).rows[0] // { line: 2, year: null, paragraph: 0, order: 0, zh: '推动发展。', en: 'We will pursue development.' }
 */
export function alignedRows(cells: readonly (readonly string[])[], notAligned: IngestErrorCode = 'INGEST_CSV_INVALID'): AlignedTable {
  const columns = recognizeColumns(cells);
  if ('problem' in columns) throw createIngestError(notAligned, columns.problem);
  const first = columns.header ? 1 : 0;
  const rows: AlignedRow[] = [];
  const skipped: AlignedTable['skipped'] = [];
  for (let i = first; i < cells.length; i++) {
    if (cells[i].every((c) => c.trim() === '')) continue;
    const read = readRow(cells[i], columns, i - first, rows[rows.length - 1] ?? null);
    if (typeof read === 'string') skipped.push({ code: 'INGEST_RECORD_INVALID', detail: `row ${i + 1}: ${read}` });
    else rows.push({ line: i + 1, ...read });
  }
  return { columns, rows, dataRows: cells.length - first, skipped };
}
