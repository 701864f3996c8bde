/**
 * The aligned sentence pairs of a parallel CSV (any aligned Chinese-English table the ingest reads, see
 * `parallel-csv.ts`), for learning translations: one pair per row that has both a Chinese and an English side,
 * in the table's order, with its report year (the year column's, else the year of the table's report). Rows of
 * excluded years are left out, so an evaluation can learn from one year and measure on another.
 */
import { readFileSync } from 'node:fs';
import { checksumOf } from './checksum.js';
import { decodeText } from './encoding.js';
import { createIngestError, isIngestError, namingFile } from './errors.js';
import { alignedRows, csvCells } from './aligned-table.js';
import { alignedReports } from './parallel-csv.js';

/** One aligned sentence pair. */
export interface ParallelPair {
  zh: string;
  en: string;
  /** Null when neither the table nor its text says the year. */
  year: number | null;
}

/** Which rows to keep. */
export interface ParallelPairOptions {
  /** Report years whose rows are left out. */
  excludeYears?: readonly number[];
}

/** A parallel CSV read for learning: its pairs, how many rows it had, and a checksum of its bytes. */
export interface ParallelSource {
  file: string;
  sha256: string;
  /** Rows in the file (before excluding years or empty rows). */
  rows: number;
  pairs: ParallelPair[];
}

/**
 * The sentence pairs of a parallel table's bytes, rows with an empty side and rows of excluded years dropped.
 * Throws `INGEST_CSV_INVALID` when it has no column of Chinese or none of English.
 * @example parseParallelPairs(Buffer.from('报告年份,年度文件内行号,段内对齐序号,中文,英文\n2024,1,1,甲,A'), 'a.csv') // { rows: 1, pairs: [{ zh: '甲', en: 'A', year: 2024 }] }
 */
function parseParallelPairs(bytes: Buffer, file: string, options: ParallelPairOptions = {}): { rows: number; pairs: ParallelPair[] } {
  const table = alignedRows(csvCells(decodeText(bytes).text));
  // A table without a year column is one report: its year is the one its text (or file name) gives.
  const tableYear = table.columns.year === null ? (alignedReports(table, bytes, file)[0]?.meta.year ?? null) : null;
  const excluded = new Set(options.excludeYears ?? []);
  const pairs: ParallelPair[] = [];
  for (const row of table.rows) {
    const year = row.year ?? tableYear;
    if (row.zh === '' || row.en === '' || (year !== null && excluded.has(year))) continue;
    pairs.push({ zh: row.zh, en: row.en, year });
  }
  return { rows: table.dataRows, pairs };
}

/**
 * Read a parallel CSV file (any encoding the ingest stage detects) into its sentence pairs.
 * Throws `INGEST_UNREADABLE` when the file cannot be read, `INGEST_CSV_INVALID` when it is not a parallel table.
 * @example readParallelSource('../shared/corpora/parallel-zh-en/04_2024_auto_usable_parallel.csv').rows // 431
 */
export function readParallelSource(csvPath: string, options: ParallelPairOptions = {}): ParallelSource {
  let bytes: Buffer;
  try {
    bytes = readFileSync(csvPath);
  } catch (error) {
    throw createIngestError('INGEST_UNREADABLE', `${csvPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let parsed: { rows: number; pairs: ParallelPair[] };
  try {
    parsed = parseParallelPairs(bytes, csvPath, options);
  } catch (error) {
    // Name the file: the parser only saw its text.
    if (isIngestError(error)) throw namingFile(error, csvPath);
    throw error;
  }
  const { rows, pairs } = parsed;
  return { file: csvPath, sha256: checksumOf(bytes), rows, pairs };
}

/**
 * The sentence pairs of a parallel CSV file, rows of excluded years left out.
 * @example readParallelPairs(csv2024and2025, { excludeYears: [2025] }).every((p) => p.year === 2024) // true
 */
export function readParallelPairs(csvPath: string, options: ParallelPairOptions = {}): ParallelPair[] {
  return readParallelSource(csvPath, options).pairs;
}
