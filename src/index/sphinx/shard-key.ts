/**
 * Which shard owns a passage (or a vocabulary term): FNV-1a (32 bit) of its UTF-8 bytes, modulo the
 * number of shards. Stable across processes and machines, so a writer always finds the owning shard.
 */

const encoder = new TextEncoder();

/**
 * FNV-1a, 32 bit, of a string's UTF-8 bytes.
 * @example fnv1a('a') // 3826002220
 */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The shard (0-based) that owns a key among `shardCount` shards.
 * @example shardOf('xizang-2024-government-work-report-p0042', 2) // 0 or 1, always the same
 */
export function shardOf(key: string, shardCount: number): number {
  return shardCount <= 1 ? 0 : fnv1a(key) % shardCount;
}
