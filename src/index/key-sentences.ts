/**
 * Sentences and occurrences in a match key (a passage's normalized text without whitespace), shared by the
 * proximity operators' check (`near.ts`) and the proximity reranking of English concepts
 * (`search/proximity.ts`). Pure: a key in, offsets out.
 */

/** Whether a UTF-16 unit ends a sentence (or a clause list item) in a match key: 。！？； ! ? ; or a line break. */
function endsSentence(unit: number): boolean {
  return unit === 0x3002 || unit === 0xff01 || unit === 0xff1f || unit === 0xff1b || unit === 0x21 || unit === 0x3f || unit === 0x3b || unit === 0x0a;
}

/**
 * Start offsets of every occurrence of `key` in `text`, overlapping ones too, ascending; at most `limit`.
 * @example occurrences('哈哈哈', '哈哈') // [0, 1]
 */
export function occurrences(text: string, key: string, limit = Number.POSITIVE_INFINITY): number[] {
  const found: number[] = [];
  if (key === '') return found;
  for (let at = text.indexOf(key); at >= 0 && found.length < limit; at = text.indexOf(key, at + 1)) found.push(at);
  return found;
}

/**
 * Start offsets of the sentences of `key`, ascending (the first is 0).
 * @example sentenceStarts('发展旅游。保护生态。') // [0, 5, 10]
 */
export function sentenceStarts(key: string): number[] {
  const starts = [0];
  for (let i = 0; i < key.length; i++) if (endsSentence(key.charCodeAt(i))) starts.push(i + 1);
  return starts;
}

/**
 * The index of the sentence holding offset `at`, among `starts` (from `sentenceStarts`).
 * @example sentenceOf([0, 5, 10], 7) // 1
 */
export function sentenceOf(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
