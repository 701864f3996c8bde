/**
 * HTML reports: decode the bytes (BOM, else the declared `<meta charset>`, else detection), then keep the
 * article's text blocks, one a line (see `html-blocks.ts`). Plain text only: markup never survives.
 */
import type { SourceDoc } from '../model.js';
import { checksumOf } from './checksum.js';
import { inferDocMeta, titleFromFileName } from './doc-meta.js';
import { canonicalCharset, decodeDeclared, decodeText, type DecodedText } from './encoding.js';
import { createIngestError } from './errors.js';
import { extractBlocks } from './html-blocks.js';
import type { ReadContext, Reader } from './reader.js';

/** How far into the file a charset declaration is looked for (the HTML standard says 1024 bytes). */
const SNIFF_BYTES = 2048;

/**
 * The charset an HTML document declares (`<meta charset>`, `<meta http-equiv … charset=…>`,
 * `<?xml … encoding=…?>`) in its first bytes, lowercased; `null` when none.
 * @example declaredCharset(Buffer.from('<meta charset="GBK">')) // 'gbk'
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)/i.exec(head);
  const xml = /<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)/i.exec(head);
  return (meta?.[1] ?? xml?.[1] ?? null)?.toLowerCase() ?? null;
}

function hasBom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * Decode an HTML file: a BOM wins; else the declared charset when the bytes fit it; else detection
 * (`decodeText`), with a warning when a declaration was overruled.
 * @example decodeHtml(Buffer.from('<meta charset="iso-8859-1"><p>藏</p>'), () => {}).encoding // 'utf-8'
 */
function decodeHtml(bytes: Uint8Array, warn: (detail: string) => void): DecodedText {
  const declared = hasBom(bytes) ? null : declaredCharset(bytes);
  if (declared === null) return decodeText(bytes);
  const decoded = decodeDeclared(bytes, declared);
  if (decoded !== null) {
    if (decoded.encoding !== canonicalCharset(declared)) warn(`declared ${declared}, decoded as ${decoded.encoding}`);
    return decoded;
  }
  const detected = decodeText(bytes);
  warn(`declared ${declared}, decoded as ${detected.encoding}`);
  return detected;
}

/**
 * Read one HTML report. Warns (`INGEST_HTML_TEXT_DROPPED`) about each block of report-sized text left out
 * as page furniture. Throws `INGEST_EMPTY` when the page has no text, `INGEST_HTML_TOO_DEEP`, or an
 * encoding error.
 * @example readHtml(Buffer.from('<h1>政府工作报告</h1>'), ctx)[0].text // '政府工作报告'
 */
export function readHtml(bytes: Buffer, ctx: ReadContext): SourceDoc[] {
  const { text: html, encoding } = decodeHtml(bytes, (detail) => ctx.warn('INGEST_CHARSET_MISMATCH', detail));
  const { text, headings, notes, title, dropped, pageChars } = extractBlocks(html);
  for (const block of dropped) {
    ctx.warn('INGEST_HTML_TEXT_DROPPED', `${block.element} as ${block.reason}, ${block.han} Han characters: "${block.sample}…"`);
  }
  if (text.trim() === '') {
    throw createIngestError('INGEST_EMPTY', pageChars === 0 ? 'no text in the page body' : `the page body holds only navigation (${pageChars} characters of links and menus)`);
  }
  const meta = inferDocMeta(text, { file: ctx.file, checksum: checksumOf(bytes), fallbackTitle: title ?? titleFromFileName(ctx.file) });
  return [{ meta, format: 'html', encoding, text, ...(headings.length > 0 ? { headings } : {}), ...(notes.length > 0 ? { notes } : {}) }];
}

/** The HTML reader. */
export const htmlReader: Reader = { format: 'html', read: readHtml };
