/**
 * A look at a zip archive's central directory before anything is inflated: is it a zip at all, is it
 * complete, and do the sizes it declares stay within limits (a zip bomb declares gigabytes in kilobytes).
 * Reads only the directory records; never decompresses.
 */
import { createIngestError } from './errors.js';
import type { IngestLimits } from './reader.js';

/** One member of a zip archive, as its central directory declares it. */
export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflated (absent in hand-made lists: treated as deflated). */
  method?: number;
  /** General purpose flags (bit 0: encrypted). */
  flags?: number;
  /** Where the member's local header starts. */
  localOffset?: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** Entries smaller than this are not checked for their compression ratio (tiny parts compress oddly). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

function u16(b: Buffer, at: number): number {
  return b.readUInt16LE(at);
}

function u32(b: Buffer, at: number): number {
  return b.readUInt32LE(at);
}

function u64(b: Buffer, at: number): number {
  return Number(b.readBigUInt64LE(at));
}

function findEocd(b: Buffer): number {
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at -= 1) {
    if (u32(b, at) === EOCD_SIG) return at;
  }
  return -1;
}

interface Directory {
  offset: number;
  size: number;
  count: number;
}

function readDirectory(b: Buffer, eocd: number): Directory {
  let dir: Directory = { count: u16(b, eocd + 10), size: u32(b, eocd + 12), offset: u32(b, eocd + 16) };
  const zip64 = dir.count === 0xffff || dir.size === 0xffffffff || dir.offset === 0xffffffff;
  if (zip64) {
    const locator = eocd - 20;
    if (locator < 0 || u32(b, locator) !== ZIP64_LOCATOR_SIG) throw createIngestError('INGEST_DOCX_TRUNCATED', 'ZIP64 locator missing');
    const record = u64(b, locator + 8);
    if (record + 56 > b.length || u32(b, record) !== ZIP64_EOCD_SIG) throw createIngestError('INGEST_DOCX_TRUNCATED', 'ZIP64 directory record missing');
    dir = { count: u64(b, record + 32), size: u64(b, record + 40), offset: u64(b, record + 48) };
  }
  if (dir.offset + dir.size > b.length) throw createIngestError('INGEST_DOCX_TRUNCATED', 'central directory lies past the end of the file');
  return dir;
}

/** Sizes and offset from a ZIP64 extra field, for the fields the header set to 0xFFFFFFFF. */
function zip64Sizes(b: Buffer, extraStart: number, extraEnd: number, entry: ZipEntryInfo): ZipEntryInfo {
  for (let at = extraStart; at + 4 <= extraEnd; ) {
    const id = u16(b, at);
    const len = u16(b, at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const out = { ...entry };
      for (const key of ['uncompressedSize', 'compressedSize', 'localOffset'] as const) {
        if (entry[key] === 0xffffffff && field + 8 <= extraEnd) {
          out[key] = u64(b, field);
          field += 8;
        }
      }
      return out;
    }
    at += 4 + len;
  }
  return entry;
}

/**
 * Whether the bytes open as a zip archive does (a local file header, or the end record of an empty one), as
 * `inspectZip` requires before it reads further.
 * @example opensAsZip(Buffer.from('PK\x03\x04', 'latin1')) // true
 */
export function opensAsZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && (u32(bytes, 0) === LOCAL_SIG || u32(bytes, 0) === EOCD_SIG);
}

/**
 * The entries a zip archive declares. Throws `INGEST_NOT_ZIP` for bytes that are not a zip (naming an
 * old OLE .doc when it is one) and `INGEST_DOCX_TRUNCATED` for a zip cut short.
 * @example inspectZip(fs.readFileSync('report.docx')).some((e) => e.name === 'word/document.xml') // true
 */
export function inspectZip(bytes: Buffer): ZipEntryInfo[] {
  if (bytes.length >= 4 && OLE_MAGIC.every((m, i) => bytes[i] === m)) {
    throw createIngestError('INGEST_NOT_ZIP', 'this is an old binary Word .doc (OLE) file');
  }
  if (!opensAsZip(bytes)) throw createIngestError('INGEST_NOT_ZIP');
  const eocd = bytes.length >= 22 ? findEocd(bytes) : -1;
  if (eocd < 0) throw createIngestError('INGEST_DOCX_TRUNCATED');
  const dir = readDirectory(bytes, eocd);
  const entries: ZipEntryInfo[] = [];
  for (let at = dir.offset, i = 0; i < dir.count; i += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_SIG) throw createIngestError('INGEST_DOCX_TRUNCATED', `central directory entry ${i} is damaged`);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const declared = {
      name,
      compressedSize: u32(bytes, at + 20),
      uncompressedSize: u32(bytes, at + 24),
      method: u16(bytes, at + 10),
      flags: u16(bytes, at + 8),
      localOffset: u32(bytes, at + 42),
    };
    const extraStart = at + 46 + nameLength;
    entries.push(zip64Sizes(bytes, extraStart, extraStart + extraLength, declared));
    at = extraStart + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuse (`INGEST_ZIP_BOMB`) a zip whose declared entries exceed the limits: total uncompressed bytes,
 * number of entries, or the compression ratio of any entry over 1 MiB.
 * @example checkZipLimits([{ name: 'a', compressedSize: 10_000, uncompressedSize: 5e9 }], DEFAULT_LIMITS) // throws
 */
export function checkZipLimits(entries: ZipEntryInfo[], limits: IngestLimits): void {
  if (entries.length > limits.maxZipEntries) {
    throw createIngestError('INGEST_ZIP_BOMB', `${entries.length} entries (limit ${limits.maxZipEntries})`);
  }
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw createIngestError('INGEST_ZIP_BOMB', `${total} bytes uncompressed declared (limit ${limits.maxUncompressedBytes})`);
  }
  for (const e of entries) {
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
      throw createIngestError('INGEST_ZIP_BOMB', `${e.name} declares a ${Math.round(ratio)}:1 compression ratio (limit ${limits.maxCompressionRatio}:1)`);
    }
  }
}
