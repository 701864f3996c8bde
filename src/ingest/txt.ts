/**
 * Plain-text reports. The text is kept verbatim (CRLF stays CRLF: downstream stages handle `\r`), only
 * decoded (see `encoding.ts`); metadata is inferred from the text. Text extracted from a PDF is recognised
 * by its page furniture (`— 3 —` footers, running headers, form feeds): its pages and furniture are
 * recorded (`SourceDoc.pages`, `SourceDoc.furniture`); the furniture stays in `text`, and no passage holds it.
 */
import type { SourceDoc } from '../model.js';
import { checksumOf } from './checksum.js';
import { inferDocMeta, titleFromFileName } from './doc-meta.js';
import { decodeText } from './encoding.js';
import { createIngestError } from './errors.js';
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
  return [doc];
}

/** The plain-text reader. */
export const txtReader: Reader = { format: 'txt', read: readTxt };
