/**
 * Plain-text reports. The text is kept verbatim (CRLF stays CRLF: downstream stages handle `\r`), only
 * decoded (see `encoding.ts`); metadata is inferred from the text. Text extracted from a PDF is recognised
 * by its page furniture (`— 3 —` footers, running headers, form feeds): its pages and furniture are
 * recorded (`SourceDoc.pages`, `SourceDoc.furniture`); the furniture stays in `text`, and no passage holds it.
 * Notes closing the text (`①地区生产总值增速按可比价格计算。`: `end-notes.ts`) are named in `SourceDoc.notes`.
 */
import type { SourceDoc } from '../model.js';
import { checksumOf } from './checksum.js';
import { inferDocMeta, titleFromFileName } from './doc-meta.js';
import { decodeText } from './encoding.js';
import { createIngestError } from './errors.js';
import { findEndNotes } from './end-notes.js';
import { findPageFurniture } from './page-furniture.js';
import { paginate } from './pages.js';
import type { ReadContext, Reader } from './reader.js';

/**
 * Read one plain-text report. Throws `INGEST_EMPTY`, `INGEST_BINARY` or `INGEST_ENCODING_INVALID`.
 * @example readTxt(Buffer.from('政府工作报告\n…'), ctx)[0].format // 'txt'
 */
export function readTxt(bytes: Buffer, ctx: ReadContext): SourceDoc[] {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw createIngestError('INGEST_EMPTY');
  const meta = inferDocMeta(text, { file: ctx.file, checksum: checksumOf(bytes), fallbackTitle: titleFromFileName(ctx.file) });
  const doc: SourceDoc = { meta, format: 'txt', encoding, text };
  const layout = paginate(text);
  if (layout && layout.pages.length > 1) doc.pages = layout.pages;
  if (layout && layout.furniture.length > 0) doc.furniture = layout.furniture;
  const notes = findEndNotes(text, findPageFurniture(text));
  if (notes.length > 0) doc.notes = notes;
  return [doc];
}

/** The plain-text reader. */
export const txtReader: Reader = { format: 'txt', read: readTxt };
