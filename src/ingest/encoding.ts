/**
 * Decoding the bytes of a text file. The order is fixed and never guesses silently: a byte order mark
 * (UTF-8, UTF-16LE, UTF-16BE) wins; else the bytes must be strict UTF-8; else strict Big5 when their
 * characters lie where Big5's common ones do (`chinese-charset.ts`: GB18030 would read Big5 as nonsense
 * without an error); else strict GB18030 (GBK and GB2312 are subsets). The encoding used is returned so
 * that it can be recorded on the `SourceDoc`.
 */
import iconv from 'iconv-lite';
import { decodeStrictBig5, looksLikeBig5 } from './chinese-charset.js';
import { createIngestError } from './errors.js';

/** The encodings a plain-text file may come in. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'big5' | 'gb18030';

/** Decoded text (without any BOM) and the encoding it was decoded from. */
export interface DecodedText {
  text: string;
  /** A `TextEncoding`, or for a declared HTML charset the iconv-lite name used (e.g. `windows-1252`). */
  encoding: string;
}

/** Share of C0 control characters (other than tab, LF, VT, FF, CR) above which bytes count as binary. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * True when the bytes look binary: a NUL byte, or more than 1% control characters.
 * @example looksBinary(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00])) // true
 */
export function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) return true;
    if ((b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f) controls += 1;
  }
  return bytes.length > 0 && controls / bytes.length > MAX_CONTROL_SHARE;
}

/**
 * Decode strict UTF-8 (no BOM handling); `null` when the bytes are not valid UTF-8.
 * @example decodeStrictUtf8(Buffer.from('藏', 'utf8')) // '藏'
 */
function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decode strict GB18030; `null` when some byte sequence is invalid (iconv-lite would put U+FFFD there).
 * @example decodeStrictGb18030(Buffer.from([0xb2, 0xd8])) // '藏'
 */
export function decodeStrictGb18030(bytes: Uint8Array): string | null {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  if (!text.includes('\uFFFD')) return text;
  // U+FFFD is itself encodable in GB18030 (84 31 A4 37): only a replacement without those bytes is an error.
  const encodedReplacements = countSequence(bytes, [0x84, 0x31, 0xa4, 0x37]);
  const decodedReplacements = text.split('\uFFFD').length - 1;
  return decodedReplacements === encodedReplacements ? text : null;
}

function countSequence(bytes: Uint8Array, seq: number[]): number {
  let count = 0;
  for (let i = 0; i + seq.length <= bytes.length; i += 1) {
    if (seq.every((b, j) => bytes[i + j] === b)) count += 1;
  }
  return count;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes.subarray(2));
    return { text, encoding };
  } catch {
    throw createIngestError('INGEST_ENCODING_INVALID', `${encoding} byte order mark, but the rest is not valid ${encoding}`);
  }
}

/**
 * Decode the bytes of a text file: BOM (UTF-8, UTF-16LE/BE), else strict UTF-8, else strict Big5 for
 * bytes that read as Big5, else strict GB18030.
 * Throws `INGEST_BINARY` for binary bytes and `INGEST_ENCODING_INVALID` when nothing fits.
 * @example decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61])) // { text: 'a', encoding: 'utf-8-bom' }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  if (looksBinary(bytes)) throw createIngestError('INGEST_BINARY');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrictUtf8(bytes.subarray(3));
    if (text === null) throw createIngestError('INGEST_ENCODING_INVALID', 'UTF-8 byte order mark, but invalid UTF-8 after it');
    return { text, encoding: 'utf-8-bom' };
  }
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const big5 = looksLikeBig5(bytes) ? decodeStrictBig5(bytes) : null;
  if (big5 !== null) return { text: big5, encoding: 'big5' };
  const gb = decodeStrictGb18030(bytes);
  if (gb !== null) return { text: gb, encoding: 'gb18030' };
  throw createIngestError('INGEST_ENCODING_INVALID');
}

/** Charset labels that mean one of our strict decoders. */
const LABEL_ALIASES: Record<string, 'utf-8' | 'gb18030'> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  'x-gbk': 'gb18030',
  'euc-cn': 'gb18030',
  cp936: 'gb18030',
};

/**
 * The canonical name of a charset label: GBK family → `gb18030`, `utf8` → `utf-8`, else the label lowercased.
 * @example canonicalCharset('GB2312') // 'gb18030'
 */
export function canonicalCharset(label: string): string {
  const name = label.trim().toLowerCase();
  return LABEL_ALIASES[name] ?? name;
}

/**
 * Decode bytes by a declared charset label (e.g. from `<meta charset>`). Returns `null` when the label is
 * unknown or the bytes are not valid in it, so the caller can fall back to `decodeText`. Bytes that are
 * valid UTF-8 (with non-ASCII content) are taken as UTF-8 whatever the label says: a wrong declaration
 * is far more common than GBK text that happens to be valid UTF-8.
 * @example decodeDeclared(Buffer.from('藏', 'utf8'), 'gbk') // { text: '藏', encoding: 'utf-8' }
 */
export function decodeDeclared(bytes: Uint8Array, label: string): DecodedText | null {
  const name = label.trim().toLowerCase();
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== null && /[^\x00-\x7f]/.test(utf8)) return { text: utf8, encoding: 'utf-8' };
  const alias = LABEL_ALIASES[name];
  if (alias === 'utf-8') return utf8 === null ? null : { text: utf8, encoding: 'utf-8' };
  if (alias === 'gb18030') {
    // Big5 bytes are valid GB18030 too: a page that declares GB but holds Big5 goes to detection.
    const text = looksLikeBig5(bytes) ? null : decodeStrictGb18030(bytes);
    return text === null ? null : { text, encoding: 'gb18030' };
  }
  if (!iconv.encodingExists(name) || /^utf-?(16|32)/.test(name)) return null;
  if (looksLikeGbChinese(bytes)) {
    const gb = decodeStrictGb18030(bytes);
    if (gb !== null) return { text: gb, encoding: 'gb18030' };
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
  return text.includes('\uFFFD') ? null : { text, encoding: name };
}

/**
 * True when the non-ASCII bytes pair up almost entirely in the GB2312 area (both bytes >= 0xA1), as
 * Chinese text in GBK does; text in a single-byte Latin charset rarely has two high bytes in a row.
 * Used to overrule a declared single-byte charset on a Chinese page.
 * @example looksLikeGbChinese(iconv.encode('西藏自治区政府工作报告', 'gbk')) // true
 */
export function looksLikeGbChinese(bytes: Uint8Array): boolean {
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] < 0x80) continue;
    pairs += 1;
    if (bytes[i] >= 0xa1 && (bytes[i + 1] ?? 0) >= 0xa1) gb2312 += 1;
    i += 1;
  }
  return pairs >= 4 && gb2312 / pairs >= 0.9;
}
