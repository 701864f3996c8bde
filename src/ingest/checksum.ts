/** Content checksums in the `sha256:<hex>` form used by `DocMeta.checksum` and the manifest. */
import { createHash } from 'node:crypto';

/**
 * `sha256:<hex>` of bytes, or of a string's UTF-8 encoding.
 * @example checksumOf('') // 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export function checksumOf(data: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/**
 * True for a well-formed `sha256:` followed by 64 lowercase hex digits.
 * @example isChecksum('sha256:' + '0'.repeat(64)) // true
 */
export function isChecksum(value: string): boolean {
  return /^sha256:[0-9a-f]{64}$/.test(value);
}
