/**
 * PDF reports: text with positions page by page → lines → page furniture removed (kept as page labels)
 * → paragraphs, headings, captions and table rows → one block a line, with each page's start offset and
 * printed number. Pages without a text layer are reported, never guessed at (no OCR).
 */
import type { SourceDoc } from '../model.js';
import { checksumOf } from './checksum.js';
import { createIngestError } from './errors.js';
import { assemblePdf } from './pdf-assemble.js';
import { DEFAULT_PDF_BOUNDS, extractPdf, type PdfBounds } from './pdf-extract.js';
import { isGarbled } from './pdf-garbled.js';
import { pdfMeta } from './pdf-meta.js';
import type { ReadContext, Reader } from './reader.js';

/** `%PDF-` within the first KiB, as PDF readers accept it. */
const PDF_MAGIC = Buffer.from('%PDF-');

/**
 * Whether bytes look like a PDF (its header may follow some junk, up to 1 KiB).
 * @example isPdf(Buffer.from('%PDF-1.7\n…')) // true
 */
function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 1024).includes(PDF_MAGIC);
}

/** Page indexes as a short list: `2, 5-7, 40`. */
function pageList(indexes: readonly number[]): string {
  const parts: string[] = [];
  for (let k = 0; k < indexes.length; k++) {
    let end = k;
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
    parts.push(end > k ? `${indexes[k]}-${indexes[end]}` : String(indexes[k]));
    k = end;
  }
  return parts.join(', ');
}

/**
 * Read one PDF report. Warns `INGEST_PDF_NO_TEXT` naming the pages that are images without text,
 * `INGEST_PDF_GARBLED` those whose text does not decode to readable text (`pdf-garbled.ts`), and
 * `INGEST_PDF_TRUNCATED` when a bound stopped the reading; throws `INGEST_PDF_NO_TEXT` when no page has text.
 * @example (await readPdf(fs.readFileSync('beijing_2024_government_work_report.pdf'), ctx))[0].pages?.length // 13
 */
export async function readPdf(bytes: Buffer, ctx: ReadContext, bounds: PdfBounds = DEFAULT_PDF_BOUNDS): Promise<SourceDoc[]> {
  if (bytes.length > ctx.limits.maxFileBytes) throw createIngestError('INGEST_TOO_LARGE', `${bytes.length} bytes (limit ${ctx.limits.maxFileBytes})`);
  if (!isPdf(bytes)) throw createIngestError('INGEST_PDF_INVALID', 'no %PDF- header');
  const extraction = await extractPdf(bytes, bounds);
  const { text, pages, headings, items, notes, furniture, lines, layout } = assemblePdf(extraction.pages);
  const imageOnly = extraction.pages.filter((p) => p.imageOnly).map((p) => p.index);
  if (lines.every((l) => l.length === 0)) {
    throw createIngestError('INGEST_PDF_NO_TEXT', `no page of ${extraction.pageCount} has text (${ctx.file})`);
  }
  if (imageOnly.length > 0) ctx.warn('INGEST_PDF_NO_TEXT', `${ctx.file}: page${imageOnly.length > 1 ? 's' : ''} ${pageList(imageOnly)} of ${extraction.pageCount}`);
  const garbled = extraction.pages.filter((p) => isGarbled(p.items.map((item) => item.str).join(''))).map((p) => p.index);
  if (garbled.length > 0) ctx.warn('INGEST_PDF_GARBLED', `${ctx.file}: page${garbled.length > 1 ? 's' : ''} ${pageList(garbled)} of ${extraction.pageCount}`);
  if (extraction.truncated) ctx.warn('INGEST_PDF_TRUNCATED', `${ctx.file}: ${extraction.truncated}`);
  const firstWithText = lines.find((l) => l.length > 0) ?? [];
  const meta = pdfMeta(text, firstWithText, layout.size, { file: ctx.file, checksum: checksumOf(bytes) });
  return [{ meta, format: 'pdf', encoding: 'pdf', text, pages, furniture, ...(headings.length > 0 ? { headings } : {}), ...(items.length > 0 ? { items } : {}), ...(notes.length > 0 ? { notes } : {}) }];
}

/** The PDF reader. */
export const pdfReader: Reader = { format: 'pdf', read: (bytes, ctx) => readPdf(bytes, ctx) };
