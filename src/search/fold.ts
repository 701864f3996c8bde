/**
 * Same-text folding: the passages of one page that read the same (one match key: the text a reader reads, so a
 * parallel passage and the same report's Chinese-only edition fold together) are shown once, at the best-placed
 * one's rank, with the others named under it. A corpus may hold one report twice (two sources of the national
 * reports, a report filed as Word and as PDF); a reader should not page through every paragraph twice. Only the
 * page's own hits fold: totals and facets stay the passages'.
 */

/** A hit kept on the page, and the hits of the same text folded into it, in rank order. */
interface Folded<T> {
  hit: T;
  same: T[];
}

/**
 * The page's hits grouped by their text: each first occurrence kept in rank order, with the later hits of the
 * same key folded into it. An empty key never folds (nothing to compare).
 * @example foldSameText(['甲', '乙', '甲'], (k) => k) // [{ hit: '甲', same: ['甲'] }, { hit: '乙', same: [] }]
 */
export function foldSameText<T>(page: readonly T[], keyOf: (hit: T) => string): Array<Folded<T>> {
  const out: Array<Folded<T>> = [];
  const byKey = new Map<string, Folded<T>>();
  for (const hit of page) {
    const key = keyOf(hit);
    const first = key === '' ? undefined : byKey.get(key);
    if (first) {
      first.same.push(hit);
      continue;
    }
    const kept: Folded<T> = { hit, same: [] };
    if (key !== '') byKey.set(key, kept);
    out.push(kept);
  }
  return out;
}

