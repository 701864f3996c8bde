/**
 * The aligned sentence pairs of a parallel CSV, for learning translations: one pair per row that has
 * both a Chinese and an English side, with its report year. Rows of excluded years are left out, so an
 * evaluation can learn from one year and measure on another.
 */
import { readFileSync } from 'node:fs';
import { checksumOf } from './checksum.js';
import { decodeText } from './encoding.js';
import { createIngestError, isIngestError, namingFile } from './errors.js';
import { PARALLEL_COLUMNS, parseParallelRecords } from './parallel-csv.js';

/** One aligned sentence pair. */
export interface ParallelPair {
  zh: string;
  en: string;
  year: number;
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
 * The sentence pairs of a parallel CSV's text, rows with an empty side and rows of excluded years dropped.
 * Throws `INGEST_CSV_INVALID` when the parallel columns are missing.
 * @example parseParallelPairs('报告年份,年度文件内行号,段内对齐序号,中文,英文\n2024,1,1,甲,A') // [{ zh: '甲', en: 'A', year: 2024 }]
 */
function parseParallelPairs(csv: string, options: ParallelPairOptions = {}): { rows: number; pairs: ParallelPair[] } {
  const records = parseParallelRecords(csv);
  const excluded = new Set(options.excludeYears ?? []);
  const pairs: ParallelPair[] = [];
  for (const record of records) {
    const year = Number(record[PARALLEL_COLUMNS.year]);
    const zh = (record[PARALLEL_COLUMNS.zh] ?? '').trim();
    const en = (record[PARALLEL_COLUMNS.en] ?? '').trim();
    if (zh === '' || en === '' || excluded.has(year)) continue;
    pairs.push({ zh, en, year });
  }
  return { rows: records.length, pairs };
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
    parsed = parseParallelPairs(decodeText(bytes).text, options);
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
