/**
 * The ranking formula: BM25+ with MiniSearch's parameters and weights, so scores (and therefore the order of
 * results) are the ones the engine had when MiniSearch held the index.
 */

/** k1, b and the BM25+ lower bound d. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** Weight of a prefix match relative to an exact one (MiniSearch's `weights.prefix`). */
const PREFIX_WEIGHT = 0.375;

/**
 * Inverse document frequency of a term held by `df` of `n` passages.
 * @example idf(1, 1000) > idf(500, 1000) // true
 */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * BM25+ score of one term in one field of one passage.
 * @example bm25(2, idf(10, 1000), 50, 60) // ≈ 8.83
 */
export function bm25(tf: number, termIdf: number, fieldLength: number, averageLength: number): number {
  const { k, b, d } = BM25;
  const norm = averageLength > 0 ? fieldLength / averageLength : 0;
  return termIdf * (d + (tf * (k + 1)) / (tf + k * (1 - b + b * norm)));
}

/**
 * Weight of a term found by prefix: 1 for the query term itself, decreasing with the extra length.
 * @example prefixWeight('藏', '藏') // 1
 * @example prefixWeight('藏', '藏区') // 0.375 * 2 / 2.3
 */
export function prefixWeight(queryTerm: string, found: string): number {
  const distance = found.length - queryTerm.length;
  return distance === 0 ? 1 : (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * distance);
}
