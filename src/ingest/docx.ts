/**
 * Word .docx reports: check the file (size, a real zip, complete, no zip bomb by its declared sizes, a Word
 * document) before anything is inflated, then inflate each member under the cap of its declared size (the
 * sizes may lie), convert it to HTML with mammoth, give its footnotes and endnotes their marks
 * (`docx-notes.ts`), then keep its text blocks exactly as the HTML reader does, so headings and table rows
 * survive as lines.
 */
import mammoth from 'mammoth';
import type { SourceDoc } from '../model.js';
import { checksumOf } from './checksum.js';
import { markNotes } from './docx-notes.js';
import { inferDocMeta, titleFromFileName } from './doc-meta.js';
import { createIngestError } from './errors.js';
import { extractBlocks } from './html-blocks.js';
import type { ReadContext, Reader } from './reader.js';
import { checkZipLimits, inspectZip } from './zip-guard.js';
import { checkInflatedSizes } from './zip-inflate.js';

/** Images are dropped from the text anyway: do not inline them as base64. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/**
 * Convert .docx bytes to HTML after the safety checks (`INGEST_TOO_LARGE`, `INGEST_NOT_ZIP`,
 * `INGEST_DOCX_TRUNCATED`, `INGEST_ZIP_BOMB`, `INGEST_DOCX_INVALID`).
 * @example (await docxToHtml(fs.readFileSync('a.docx'), DEFAULT_LIMITS)).startsWith('<p>') // true
 */
async function docxToHtml(bytes: Buffer, limits: ReadContext['limits']): Promise<string> {
  if (bytes.length === 0) throw createIngestError('INGEST_EMPTY');
  if (bytes.length > limits.maxFileBytes) throw createIngestError('INGEST_TOO_LARGE', `${bytes.length} bytes (limit ${limits.maxFileBytes})`);
  const entries = inspectZip(bytes);
  checkZipLimits(entries, limits);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw createIngestError('INGEST_DOCX_INVALID', 'the zip has no word/document.xml, so it is not a Word document');
  }
  checkInflatedSizes(bytes, entries);
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes }, { externalFileAccess: false, convertImage: NO_IMAGES });
    return result.value;
  } catch (error) {
    throw createIngestError('INGEST_DOCX_INVALID', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Read one .docx report.
 * @example (await readDocx(fs.readFileSync('2025年西藏政府工作报告.docx'), ctx))[0].meta.year // 2025
 */
export async function readDocx(bytes: Buffer, ctx: ReadContext): Promise<SourceDoc[]> {
  const { text } = extractBlocks(markNotes(await docxToHtml(bytes, ctx.limits)), 'none');
  if (text.trim() === '') throw createIngestError('INGEST_EMPTY', 'the document has no text');
  const meta = inferDocMeta(text, { file: ctx.file, checksum: checksumOf(bytes), fallbackTitle: titleFromFileName(ctx.file) });
  return [{ meta, format: 'docx', encoding: 'utf-8', text }];
}

/** The .docx reader. */
export const docxReader: Reader = { format: 'docx', read: readDocx };
