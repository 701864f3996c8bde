/**
 * Sentence-aligned parallel corpora (../shared/corpora/parallel-zh-en/*.csv, or the same table
 * tab-separated: a .tsv, or what Excel saves as "Unicode text"): one row per aligned sentence pair, with 报告年份 (year), 年度文件内行号 (paragraph number), 段内对齐序号 (order in the
 * paragraph), 中文, 英文. Rows are grouped into paragraphs; the document text is the Chinese paragraphs,
 * one a line, and each paragraph carries its English as a `Translation`. One document per report year.
 */
import { parse } from 'csv-parse/sync';
import type { DocMeta, SourceDoc, Translation } from '../model.js';
import { checksumOf } from './checksum.js';
import { englishTitle } from './doc-meta.js';
import { decodeText } from './encoding.js';
import { createIngestError } from './errors.js';
import type { ReadContext, Reader } from './reader.js';
import { NATIONAL } from './regions.js';

/** The columns every parallel CSV has. */
export const PARALLEL_COLUMNS = { year: '报告年份', paragraph: '年度文件内行号', order: '段内对齐序号', zh: '中文', en: '英文' } as const;

/** One aligned sentence pair. */
interface AlignedRow {
  year: number;
  paragraph: number;
  order: number;
  zh: string;
  en: string;
}

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

function toRows(records: Record<string, string>[], ctx: ReadContext): AlignedRow[] {
  const rows: AlignedRow[] = [];
  records.forEach((r, i) => {
    const row = {
      year: Number(r[PARALLEL_COLUMNS.year]),
      paragraph: Number(r[PARALLEL_COLUMNS.paragraph]),
      order: Number(r[PARALLEL_COLUMNS.order]),
      zh: (r[PARALLEL_COLUMNS.zh] ?? '').trim(),
      en: (r[PARALLEL_COLUMNS.en] ?? '').trim(),
    };
    if (![row.year, row.paragraph, row.order].every(Number.isInteger) || (row.zh === '' && row.en === '')) {
      ctx.warn('INGEST_RECORD_INVALID', `row ${i + 2}: needs integer ${PARALLEL_COLUMNS.year}, ${PARALLEL_COLUMNS.paragraph}, ${PARALLEL_COLUMNS.order} and some text`);
      return;
    }
    rows.push(row);
  });
  return rows;
}

/**
 * Group aligned rows into paragraphs ordered by paragraph number, sentences by their order.
 * @example groupParagraphs([{ paragraph: 5, order: 2, zh: 'b', en: 'B' }, { paragraph: 5, order: 1, zh: 'a', en: 'A' }]) // [{ number: 5, zh: 'ab', en: 'A B' }]
 */
export function groupParagraphs(rows: Array<Pick<AlignedRow, 'paragraph' | 'order' | 'zh' | 'en'>>): ParallelParagraph[] {
  const byNumber = new Map<number, Array<Pick<AlignedRow, 'order' | 'zh' | 'en'>>>();
  for (const row of rows) byNumber.set(row.paragraph, [...(byNumber.get(row.paragraph) ?? []), row]);
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

function metaFor(year: number, checksum: string, ctx: ReadContext): DocMeta {
  return {
    id: `national-${year}-government-work-report-zh-en`,
    title: `${year}年国务院政府工作报告`,
    titleEn: englishTitle('government work report', NATIONAL.en, year),
    type: 'government work report',
    region: NATIONAL.en,
    year,
    date: null,
    issuer: null,
    language: 'zh-en',
    file: ctx.file,
    checksum,
  };
}

/**
 * The table's delimiter, read from its header line: a tab when the header has one, else a comma.
 * @example delimiterOf('报告年份\t年度文件内行号\t段内对齐序号\t中文\t英文\n…') // '\t'
 */
export function delimiterOf(table: string): ',' | '\t' {
  const header = table.slice(0, table.search(/\r?\n|$/));
  return header.includes('\t') ? '\t' : ',';
}

/**
 * The records of a parallel table's decoded text (comma- or tab-separated), one object per row keyed by column name.
 * Throws `INGEST_EMPTY` for a blank text, `INGEST_CSV_INVALID` when it is not CSV or lacks the parallel columns.
 * @example parseParallelRecords('报告年份,年度文件内行号,段内对齐序号,中文,英文\n2024,1,1,甲,A')[0]['英文'] // 'A'
 */
export function parseParallelRecords(csv: string): Record<string, string>[] {
  if (csv.trim() === '') throw createIngestError('INGEST_EMPTY');
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: true, delimiter: delimiterOf(csv), skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  } catch (error) {
    throw createIngestError('INGEST_CSV_INVALID', error instanceof Error ? error.message : String(error));
  }
  const missing = Object.values(PARALLEL_COLUMNS).filter((c) => records.length === 0 || !(c in records[0]));
  if (missing.length > 0) throw createIngestError('INGEST_CSV_INVALID', `missing column(s) ${missing.join(', ')}`);
  return records;
}

/**
 * Read a parallel CSV: one `SourceDoc` per report year, language `zh-en`, with translations.
 * Throws `INGEST_CSV_INVALID` when the columns are not there.
 * @example readParallelCsv(fs.readFileSync('04_2024_auto_usable_parallel.csv'), ctx)[0].meta.id // 'national-2024-government-work-report-zh-en'
 */
export function readParallelCsv(bytes: Buffer, ctx: ReadContext): SourceDoc[] {
  const { text: csv, encoding } = decodeText(bytes);
  const rows = toRows(parseParallelRecords(csv), ctx);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const { text, translations } = layoutParagraphs(groupParagraphs(rows.filter((r) => r.year === year)));
    // One year a file (the usual case): the file's checksum; else one over this year's text and English.
    const checksum = years.length === 1 ? checksumOf(bytes) : checksumOf(JSON.stringify({ text, translations }));
    return { meta: metaFor(year, checksum, ctx), format: 'csv', encoding, text, translations };
  });
}

/** The parallel-CSV reader. */
export const parallelCsvReader: Reader = { format: 'csv', read: readParallelCsv };
