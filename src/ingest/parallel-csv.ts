/**
 * Aligned Chinese-English tables: a .csv or .tsv (UTF-8 with or without BOM, UTF-16 with BOM as Excel saves
 * "Unicode text", GB18030/GBK, Big5) with a column of Chinese and a column of its English, one aligned sentence or
 * paragraph a row, with or without a header row, the columns in any order (`aligned-columns.ts`). Optional columns
 * group the rows: a paragraph number (the rows of a paragraph are joined; without it each row is a paragraph), the
 * order of a sentence in its paragraph, and the report year (one document per year; without it one document).
 * The shared parallel reports (../shared/corpora/parallel-zh-en/*.csv: 报告年份, 年度文件内行号, 段内对齐序号, 中文,
 * 英文, …) are such tables. The document text is the Chinese paragraphs, one a line, and each paragraph carries
 * its English as a `Translation`; the metadata comes from the text (`aligned-meta.ts`).
 */
import type { SourceDoc, Translation } from '../model.js';
import { distinctIds, alignedMeta } from './aligned-meta.js';
import { alignedRows, csvCells, type AlignedRow, type AlignedTable } from './aligned-table.js';
import { checksumOf } from './checksum.js';
import { decodeText } from './encoding.js';
import type { ReadContext, Reader } from './reader.js';

/** A Chinese paragraph with its English, before offsets are assigned. */
export interface ParallelParagraph {
  number: number;
  zh: string;
  en: string;
}

/**
 * Join two pieces of text: nothing between them, except one space between two ASCII letters or digits.
 * @example joinPieces('增长5.2%。', '居民消费价格上涨0.2%。') // '增长5.2%。居民消费价格上涨0.2%。'
 */
export function joinPieces(a: string, b: string): string {
  if (a === '' || b === '') return a + b;
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/**
 * Group aligned rows into paragraphs ordered by paragraph number, sentences by their order.
 * @example groupParagraphs([{ paragraph: 5, order: 2, zh: 'b', en: 'B' }, { paragraph: 5, order: 1, zh: 'a', en: 'A' }]) // [{ number: 5, zh: 'ab', en: 'A B' }]
 */
export function groupParagraphs(rows: Array<Pick<AlignedRow, 'paragraph' | 'order' | 'zh' | 'en'>>): ParallelParagraph[] {
  const byNumber = new Map<number, Array<Pick<AlignedRow, 'order' | 'zh' | 'en'>>>();
  for (const row of rows) {
    const members = byNumber.get(row.paragraph);
    if (members) members.push(row);
    else byNumber.set(row.paragraph, [row]);
  }
  return [...byNumber.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, members]) => {
      const sorted = [...members].sort((a, b) => a.order - b.order);
      return {
        number,
        zh: sorted.map((m) => m.zh).reduce(joinPieces, ''),
        en: sorted.map((m) => m.en).filter((e) => e !== '').join(' '),
      };
    });
}

/**
 * The document text (Chinese paragraphs, one a line) and a `Translation` per paragraph, with offsets.
 * @example layoutParagraphs([{ number: 1, zh: '甲', en: 'A' }]) // { text: '甲', translations: [{ start: 0, end: 1, textEn: 'A' }] }
 */
export function layoutParagraphs(paragraphs: ParallelParagraph[]): { text: string; translations: Translation[] } {
  const translations: Translation[] = [];
  const lines: string[] = [];
  let offset = 0;
  for (const p of paragraphs.filter((q) => q.zh !== '')) {
    translations.push({ start: offset, end: offset + p.zh.length, textEn: p.en });
    lines.push(p.zh);
    offset += p.zh.length + 1;
  }
  return { text: lines.join('\n'), translations };
}

/** The rows of each report of the table: one group per year of the year column, or one for a table without it. */
function reportsOf(rows: readonly AlignedRow[]): Array<{ year: number | null; rows: AlignedRow[] }> {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => (a ?? 0) - (b ?? 0));
  return years.map((year) => ({ year, rows: rows.filter((r) => r.year === year) }));
}

/**
 * The reports of an aligned table's rows, laid out, with their metadata (ids distinct within the table).
 * @example alignedReports(table, bytes, 'a.csv')[0].meta.language // 'zh-en'
 */
export function alignedReports(table: AlignedTable, bytes: Buffer, file: string): Array<Pick<SourceDoc, 'meta' | 'text' | 'translations'>> {
  const reports = reportsOf(table.rows);
  const laid = reports.map(({ year, rows }) => {
    const { text, translations } = layoutParagraphs(groupParagraphs(rows));
    // One report a table (the usual case): the table's checksum; else one over this report's text and English.
    const checksum = reports.length === 1 ? checksumOf(bytes) : checksumOf(JSON.stringify({ text, translations }));
    return { meta: alignedMeta(text, { file, checksum, year }), text, translations };
  });
  const ids = distinctIds(laid.map((r, i) => ({ id: r.meta.id, year: reports[i].year })));
  return laid.map((r, i) => ({ ...r, meta: { ...r.meta, id: ids[i] } }));
}

/**
 * Read an aligned table (.csv or .tsv): one `SourceDoc` per report year, language `zh-en`, with translations.
 * Throws `INGEST_EMPTY` for a blank file and `INGEST_CSV_INVALID` when it is not CSV or has no column of Chinese
 * or none of English; a row it cannot place is skipped with an `INGEST_RECORD_INVALID` warning.
 * @example readParallelCsv(fs.readFileSync('04_2024_auto_usable_parallel.csv'), ctx)[0].meta.id // 'national-2024-government-work-report-zh-en'
 */
export function readParallelCsv(bytes: Buffer, ctx: ReadContext): SourceDoc[] {
  const { text: csv, encoding } = decodeText(bytes);
  const table = alignedRows(csvCells(csv));
  for (const { code, detail } of table.skipped) ctx.warn(code, detail);
  return alignedReports(table, bytes, ctx.file).map((report) => ({ ...report, format: 'csv', encoding }));
}

/** The aligned-table reader. */
export const parallelCsvReader: Reader = { format: 'csv', read: readParallelCsv };
