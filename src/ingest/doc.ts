/**
 * Old Word .doc reports (Word 97–2003, an OLE compound file), as government sites still publish many: the text of
 * the main document, its footnotes and its endnotes read with word-extractor (a maintained pure-JavaScript reader
 * of the Word binary format's piece table, where the text and its paragraph, cell and row marks are; run in a child
 * process, `doc-extract.ts`, since a damaged file can make it abort the process), one paragraph
 * a line, a table's cells apart by tabs, its rows a line each. The format keeps no markup a reader could trust for
 * headings, so the chunker finds them by their numbers (`一、`, `（一）`) as in a plain-text report. The notes follow
 * the body, each a line of its own and a note (`SourceDoc.notes`); Word drops their reference marks from the text.
 */
import type { SourceDoc, TextRange } from '../model.js';
import { checksumOf } from './checksum.js';
import { extractDocText, type DocText } from './doc-extract.js';
import { inferDocMeta, titleFromFileName } from './doc-meta.js';
import { createIngestError } from './errors.js';
import type { ReadContext, Reader } from './reader.js';

/** An OLE compound file begins with these eight bytes. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Whether the bytes are an OLE compound file (a Word 97–2003 document, or another Office binary).
 * @example isOleFile(Buffer.from('PK\x03\x04')) // false
 */
export function isOleFile(bytes: Buffer): boolean {
  return bytes.length >= OLE_MAGIC.length && bytes.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC);
}

/**
 * The lines of extracted text that hold something, each without the tab Word's row mark leaves after a table
 * row's last cell.
 * @example textLines('指标\t目标\t\n\n各位代表：\r\n') // ['指标\t目标', '各位代表：']
 */
export function textLines(extracted: string): string[] {
  return extracted
    .split(/\r?\n|\r/u)
    .map((line) => line.replace(/\t+$/u, ''))
    .filter((line) => line.trim() !== '');
}

/**
 * Read one .doc report. Throws `INGEST_TOO_LARGE`, `INGEST_DOC_INVALID` (not an OLE file, or no Word document in
 * it) or `INGEST_EMPTY`.
 * @example (await readDoc(bytes, ctx))[0].format // 'doc'
 */
export async function readDoc(bytes: Buffer, ctx: ReadContext): Promise<SourceDoc[]> {
  if (bytes.length > ctx.limits.maxFileBytes) throw createIngestError('INGEST_TOO_LARGE', `${bytes.length} bytes (limit ${ctx.limits.maxFileBytes})`);
  if (!isOleFile(bytes)) throw createIngestError('INGEST_DOC_INVALID', `no Word 97–2003 header (${ctx.file})`);
  let parts: DocText;
  try {
    parts = await extractDocText(bytes);
  } catch (error) {
    throw createIngestError('INGEST_DOC_INVALID', `${ctx.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const body = textLines(parts.body);
  if (body.length === 0) throw createIngestError('INGEST_EMPTY');
  let text = body.join('\n');
  const notes: TextRange[] = [];
  for (const note of textLines(parts.notes)) {
    const start = text.length + 1;
    text += `\n${note}`;
    notes.push({ start, end: text.length });
  }
  const meta = inferDocMeta(text, { file: ctx.file, checksum: checksumOf(bytes), fallbackTitle: titleFromFileName(ctx.file) });
  return [{ meta, format: 'doc', encoding: 'doc', text, ...(notes.length > 0 ? { notes } : {}) }];
}

export const docReader: Reader = { format: 'doc', read: readDoc };
