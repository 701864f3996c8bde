/**
 * Excel workbooks (.xlsx) holding an aligned Chinese-English table: the zip is checked as a .docx is (size, a
 * real zip, complete, no zip bomb by its declared sizes, then every member inflated under its declared size),
 * the first worksheet's cells are read (`xlsx-cells.ts`), and the rows go through the same column recognition
 * and layout as a CSV (`parallel-csv.ts`). A workbook that is not an aligned table is refused with a warning
 * that says so; an old binary .xls is named as one.
 */
import type { SourceDoc } from '../model.js';
import { alignedRows } from './aligned-table.js';
import { createIngestError, isIngestError } from './errors.js';
import { alignedReports } from './parallel-csv.js';
import type { ReadContext, Reader } from './reader.js';
import { firstSheetPath, sharedStrings, sheetRows } from './xlsx-cells.js';
import { checkZipLimits, inspectZip, type ZipEntryInfo } from './zip-guard.js';
import { checkInflatedSizes, memberText } from './zip-inflate.js';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
/** Zip problems that say ".docx" in the catalogue: for a workbook they become `INGEST_XLSX_INVALID`. */
const ZIP_CODES = new Set(['INGEST_NOT_ZIP', 'INGEST_DOCX_TRUNCATED', 'INGEST_DOCX_INVALID']);

/** The zip's entries, checked and inflated under their declared sizes; a broken zip is `INGEST_XLSX_INVALID`. */
function checkedEntries(bytes: Buffer, ctx: ReadContext): ZipEntryInfo[] {
  if (bytes.length > ctx.limits.maxFileBytes) throw createIngestError('INGEST_TOO_LARGE', `${bytes.length} bytes (limit ${ctx.limits.maxFileBytes})`);
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) throw createIngestError('INGEST_XLSX_INVALID', 'this is an old binary Excel .xls (OLE) file');
  try {
    const entries = inspectZip(bytes);
    checkZipLimits(entries, ctx.limits);
    checkInflatedSizes(bytes, entries);
    return entries;
  } catch (error) {
    if (isIngestError(error) && ZIP_CODES.has(error.code)) throw createIngestError('INGEST_XLSX_INVALID', error.message);
    throw error;
  }
}

/** The first worksheet's rows of cells. */
function firstSheetCells(bytes: Buffer, entries: ZipEntryInfo[]): string[][] {
  const part = (name: string): string | null => memberText(bytes, entries, name);
  const workbook = part('xl/workbook.xml');
  const relationships = part('xl/_rels/workbook.xml.rels');
  if (workbook === null || relationships === null) throw createIngestError('INGEST_XLSX_INVALID', 'the zip has no xl/workbook.xml, so it is not an Excel workbook');
  const sheetPath = firstSheetPath(workbook, relationships);
  const sheet = sheetPath === null ? null : part(sheetPath);
  if (sheet === null) throw createIngestError('INGEST_XLSX_INVALID', 'the workbook names no worksheet that the zip holds');
  const strings = part('xl/sharedStrings.xml');
  return sheetRows(sheet, strings === null ? [] : sharedStrings(strings));
}

/**
 * Read an aligned table from the first worksheet of a workbook: one `SourceDoc` per report year, as from a CSV.
 * Throws `INGEST_XLSX_INVALID` for a workbook that cannot be read, `INGEST_XLSX_NOT_ALIGNED` for one whose first
 * sheet has no column of Chinese or none of English, `INGEST_ZIP_BOMB`, `INGEST_TOO_LARGE`.
 * @example readXlsx(fs.readFileSync('北京对照.xlsx'), ctx)[0].meta.language // 'zh-en'
 */
export function readXlsx(bytes: Buffer, ctx: ReadContext): SourceDoc[] {
  if (bytes.length === 0) throw createIngestError('INGEST_EMPTY');
  const cells = firstSheetCells(bytes, checkedEntries(bytes, ctx));
  if (cells.every((row) => row.every((c) => c.trim() === ''))) throw createIngestError('INGEST_EMPTY', 'the first worksheet has no cells');
  const table = alignedRows(cells, 'INGEST_XLSX_NOT_ALIGNED');
  for (const { code, detail } of table.skipped) ctx.warn(code, detail);
  return alignedReports(table, bytes, ctx.file).map((report) => ({ ...report, format: 'xlsx', encoding: 'utf-8' }));
}

/** The .xlsx reader. */
export const xlsxReader: Reader = { format: 'xlsx', read: readXlsx };
