/**
 * Proximity of an English query's concepts in a passage: how many pairs of concepts have terms in one
 * sentence. A passage that says "stabilize the property market" in one sentence answers `property market
 * stabilize` better than one that names the market in its first sentence and stability in its last. Pure:
 * a match key and the concepts' terms (as match keys) in, a share out.
 */
import { occurrences, sentenceOf, sentenceStarts } from '../index/key-sentences.js';

/** At most this many occurrences of a term are looked at in one passage. */
const MAX_OCCURRENCES = 64;

/** The sentences in which any of `terms` occurs. */
function sentencesWith(key: string, terms: readonly string[], starts: readonly number[]): Set<number> {
  const found = new Set<number>();
  for (const term of terms) {
    for (const at of occurrences(key, term, MAX_OCCURRENCES)) found.add(sentenceOf(starts, at));
  }
  return found;
}

/**
 * How close the concepts stand: of the pairs of concepts that follow each other in the query (skipping those
 * the passage lacks), the share whose terms stand in one sentence (0–1; 0 with fewer than two concepts).
 * @example sentenceProximity('稳住楼市。促进房地产市场止跌回稳。', [['房地产'], ['止跌', '稳定']]) // 1
 */
export function sentenceProximity(key: string, concepts: readonly (readonly string[])[]): number {
  if (concepts.length < 2) return 0;
  const starts = sentenceStarts(key);
  const present = concepts.map((terms) => sentencesWith(key, terms, starts)).filter((s) => s.size > 0);
  let together = 0;
  for (let i = 0; i + 1 < present.length; i++) {
    const a = present[i] as Set<number>;
    const b = present[i + 1] as Set<number>;
    for (const s of a) {
      if (b.has(s)) {
        together++;
        break;
      }
    }
  }
  return together / (concepts.length - 1);
}

/** Where each of `terms` occurs in `key`: [start, end) spans. */
function spansOf(key: string, terms: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const term of terms) for (const at of occurrences(key, term, MAX_OCCURRENCES)) spans.push([at, at + term.length]);
  return spans;
}

/**
 * How often the concepts are said as one phrase: of the pairs of concepts that follow each other in the query,
 * the share whose terms stand side by side in the passage, in either order (粮食产量 for `grain output`,
 * 调查失业率 for `surveyed unemployment rate`) (0–1; 0 with fewer than two concepts).
 * @example juxtaposition('保障带薪休假制度', [['带薪'], ['休假']]) // 1
 */
export function juxtaposition(key: string, concepts: readonly (readonly string[])[]): number {
  if (concepts.length < 2) return 0;
  const spans = concepts.map((terms) => spansOf(key, terms));
  let joined = 0;
  for (let i = 0; i + 1 < spans.length; i++) {
    const a = spans[i] as [number, number][];
    const b = spans[i + 1] as [number, number][];
    if (a.some(([s, e]) => b.some(([t, f]) => t === e || f === s))) joined++;
  }
  return joined / (concepts.length - 1);
}
