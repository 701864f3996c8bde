/** A least-recently-used map bounded in bytes (`lru-cache`), the one shape of the server's kept answers and parts. */
import { LRUCache } from 'lru-cache';

/**
 * A cache of at most `maxBytes` (as `sizeOf` counts them; a string key is two bytes a code unit), where no entry
 * takes more than an eighth; null when `maxBytes` is 0 (nothing kept).
 * @example boundedCache<Buffer>(1 << 20, (bytes, key) => bytes.length + 2 * key.length)?.set('k', Buffer.from('v'))
 */
export function boundedCache<V extends object>(maxBytes: number, sizeOf: (value: V, key: string) => number): LRUCache<string, V> | null {
  if (!(maxBytes > 0)) return null;
  return new LRUCache<string, V>({ maxSize: maxBytes, maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)), sizeCalculation: sizeOf });
}
