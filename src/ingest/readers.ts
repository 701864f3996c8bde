/**
 * The reader table: file extension → the readers that may read it, tried in order (a reader with an
 * `accepts` test claims only the files it recognises; the last one is the default for the extension).
 */
import { docReader, isOleFile } from './doc.js';
import { docxReader } from './docx.js';
import { htmlReader } from './html.js';
import { jsonlReader } from './jsonl.js';
import { parallelCsvReader } from './parallel-csv.js';
import { pdfReader } from './pdf.js';
import type { Reader } from './reader.js';
import { txtReader } from './txt.js';
import { xlsxReader } from './xlsx.js';
import { opensAsZip } from './zip-guard.js';
import { yearLinesReader } from './year-lines.js';

/** Whether the bytes open as an HTML page (after a byte order mark, blanks and an XML declaration). */
const isHtml = (bytes: Buffer): boolean => /^(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype html|html)[\s>]/iu.test(bytes.subarray(0, 1024).toString('utf8'));

/** Readers by lowercase extension (with the dot). */
export const READERS: Readonly<Record<string, readonly Reader[]>> = {
  '.txt': [yearLinesReader, txtReader],
  '.text': [txtReader],
  '.html': [htmlReader],
  '.htm': [htmlReader],
  '.xhtml': [htmlReader],
  '.docx': [{ ...docReader, accepts: isOleFile }, docxReader],
  // WPS Office writes its .wps in the Word 97–2003 binary format.
  '.wps': [docReader],
  // Files named .doc are often a .docx renamed, or a web page Word saved (and a .docx a .doc): each is read as what it is.
  '.doc': [{ ...docxReader, accepts: opensAsZip }, { ...htmlReader, accepts: isHtml }, docReader],
  '.csv': [parallelCsvReader],
  '.tsv': [parallelCsvReader],
  '.xlsx': [xlsxReader],
  '.jsonl': [jsonlReader],
  '.pdf': [pdfReader],
};

/** What to tell the user about extensions we do not read but often meet. */
export const UNSUPPORTED_HINTS: Readonly<Record<string, string>> = {
  '.rtf': 'an RTF document: save it as .docx or .txt',
  '.xls': 'an old Excel workbook: save an aligned Chinese-English table as .xlsx or .csv; another spreadsheet is not a report',
  '.zip': 'an archive: unpack it into the corpus folder',
};

/**
 * The reader for a file, by its extension and (for shared extensions) its bytes; `null` when none.
 * @example pickReader('report.TXT', Buffer.from('政府工作报告'))?.format // 'txt'
 */
export function pickReader(file: string, bytes: Buffer): Reader | null {
  const ext = /\.[^./\\]+$/.exec(file)?.[0].toLowerCase() ?? '';
  const candidates = READERS[ext] ?? [];
  return candidates.find((r) => r.accepts === undefined || r.accepts(bytes)) ?? null;
}

/**
 * The extensions the table knows, for messages.
 * @example supportedExtensions().includes('.docx') // true
 */
export function supportedExtensions(): string[] {
  return Object.keys(READERS);
}
