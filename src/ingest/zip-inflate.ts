/**
 * The second half of the zip bomb check: the sizes a zip declares may lie, so every member is inflated
 * (and the output thrown away) under a hard cap of the size its central directory declares. A member that
 * produces more than it declares is refused at the first byte past it, so at most the declared bytes are
 * ever held, and `checkZipLimits` has already bounded those. Only then may a library read the archive.
 */
import { inflateRawSync } from 'node:zlib';
import { createIngestError } from './errors.js';
import type { ZipEntryInfo } from './zip-guard.js';

const LOCAL_SIG = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** The compressed bytes of one member, found through its local header. */
function memberData(bytes: Buffer, entry: ZipEntryInfo): Buffer {
  const at = entry.localOffset ?? 0;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIG) {
    throw createIngestError('INGEST_DOCX_TRUNCATED', `the local header of ${entry.name} is missing`);
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw createIngestError('INGEST_DOCX_TRUNCATED', `${entry.name} runs past the end of the file`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** How many bytes a deflated member really inflates to, stopping one byte past `cap`. */
function inflatedSize(data: Buffer, cap: number, name: string): number {
  try {
    return inflateRawSync(data, { maxOutputLength: cap + 1 }).length;
  } catch (error) {
    if (error instanceof RangeError) return cap + 1;
    throw createIngestError('INGEST_DOCX_INVALID', `${name} does not inflate: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Inflate every member under the cap its directory entry declares: `INGEST_ZIP_BOMB` when one produces
 * more than it declares, `INGEST_DOCX_INVALID` for an encrypted member, an unknown compression method or
 * a broken deflate stream, `INGEST_DOCX_TRUNCATED` when a member lies past the end of the file.
 * @example checkInflatedSizes(fs.readFileSync('report.docx'), inspectZip(fs.readFileSync('report.docx'))) // no throw
 */
export function checkInflatedSizes(bytes: Buffer, entries: ZipEntryInfo[]): void {
  for (const entry of entries) {
    if (((entry.flags ?? 0) & 1) !== 0) throw createIngestError('INGEST_DOCX_INVALID', `${entry.name} is encrypted`);
    const method = entry.method ?? DEFLATED;
    if (method !== STORED && method !== DEFLATED) throw createIngestError('INGEST_DOCX_INVALID', `${entry.name} uses compression method ${method}; Word uses deflate`);
    const data = memberData(bytes, entry);
    const real = method === STORED ? data.length : inflatedSize(data, entry.uncompressedSize, entry.name);
    if (real > entry.uncompressedSize) {
      throw createIngestError('INGEST_ZIP_BOMB', `${entry.name} inflates past the ${entry.uncompressedSize} bytes it declares (stopped there)`);
    }
  }
}

/**
 * One member's bytes, inflated under the cap of the size it declares (`INGEST_ZIP_BOMB` past it); call after
 * `checkZipLimits`, which bounds the declared sizes.
 * @example inflateMember(bytes, inspectZip(bytes).find((e) => e.name === 'word/numbering.xml')).toString('utf8')
 */
export function inflateMember(bytes: Buffer, entry: ZipEntryInfo): Buffer {
  const data = memberData(bytes, entry);
  if ((entry.method ?? DEFLATED) === STORED) return data.subarray(0, entry.uncompressedSize);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if (error instanceof RangeError) throw createIngestError('INGEST_ZIP_BOMB', `${entry.name} inflates past the ${entry.uncompressedSize} bytes it declares (stopped there)`);
    throw createIngestError('INGEST_DOCX_INVALID', `${entry.name} does not inflate: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The text (UTF-8) of the member named `name`, inflated as `inflateMember` does; null when the zip has none.
 * @example memberText(bytes, inspectZip(bytes), 'word/numbering.xml')?.startsWith('<?xml') // true
 */
export function memberText(bytes: Buffer, entries: readonly ZipEntryInfo[], name: string): string | null {
  const entry = entries.find((e) => e.name === name);
  return entry ? inflateMember(bytes, entry).toString('utf8') : null;
}
