/**
 * The words of the index with their passage counts, sorted by term, for completions ("as you type").
 */

/** Parallel arrays sorted by term. */
export interface Vocabulary {
  terms: string[];
  counts: number[];
}

/**
 * Builds a vocabulary from per-passage term lists (each passage counts once per term).
 * @example buildVocabulary([['乡村', '振兴'], ['乡村']]) // { terms: ['乡村', '振兴'], counts: [2, 1] }
 */
export function buildVocabulary(termLists: Iterable<Iterable<string>>): Vocabulary {
  const counts = new Map<string, number>();
  for (const list of termLists) {
    for (const term of new Set(list)) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const terms = [...counts.keys()].sort();
  return { terms, counts: terms.map((t) => counts.get(t) ?? 0) };
}

/**
 * Terms starting with `prefix`, most frequent first, then shortest, then by code point.
 * @example completeFromVocabulary({ terms: ['乡村', '乡村振兴'], counts: [5, 9] }, '乡村', 5)
 *   // [{ term: '乡村振兴', count: 9 }, { term: '乡村', count: 5 }]
 */
export function completeFromVocabulary(
  vocabulary: Vocabulary,
  prefix: string,
  limit: number,
): Array<{ term: string; count: number }> {
  if (!prefix) return [];
  const { terms, counts } = vocabulary;
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] ?? '') < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: Array<{ term: string; count: number }> = [];
  for (let i = lo; i < terms.length && (terms[i] ?? '').startsWith(prefix); i++) {
    found.push({ term: terms[i] ?? '', count: counts[i] ?? 0 });
  }
  found.sort((a, b) => b.count - a.count || a.term.length - b.term.length || (a.term < b.term ? -1 : 1));
  return found.slice(0, limit);
}
