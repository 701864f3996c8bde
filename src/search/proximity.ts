/**
 * Proximity of an English query's concepts in a passage: how many pairs of concepts have terms in one
 * sentence, and how many side by side. Pure: a match key and the concepts' terms (as match keys) in, shares out.
 */
import { occurrences, sentenceOf, sentenceStarts } from '../index/key-sentences.js';

/** At most this many occurrences of a term are looked at in one passage. */
const MAX_OCCURRENCES = 64;

/** Where one of a concept's terms stands in a match key: [start, end). */
type Span = readonly [number, number];

/** Where each concept's terms occur in `key`, one list a concept. */
function conceptSpans(key: string, concepts: readonly (readonly string[])[]): Span[][] {
  return concepts.map((terms) => terms.flatMap((term) => occurrences(key, term, MAX_OCCURRENCES).map((at): Span => [at, at + term.length])));
}

/** How close the concepts stand in a passage, both ways of measuring it (each a share, 0–1). */
export interface Closeness {
  /** Of the pairs of concepts that follow each other in the query (skipping those the passage lacks), the share whose terms stand in one sentence. */
  sentence: number;
  /** Of the pairs of concepts that follow each other in the query, the share whose terms stand side by side, in either order, as one phrase. */
  sideBySide: number;
}

/**
 * How close the concepts stand in a passage's match key, from one scan of their occurrences: in one sentence
 * (a passage that says "stabilize the property market" in one sentence answers `property market stabilize`
 * better than one that names the market in its first sentence and stability in its last), and side by side,
 * as the words of one Chinese phrase (粮食产量 for `grain output`, 调查失业率 for `surveyed unemployment rate`).
 * Both 0 with fewer than two concepts.
 * @example closeness('稳住楼市。促进房地产市场止跌回稳。', [['房地产'], ['市场']]) // { sentence: 1, sideBySide: 1 }
 */
export function closeness(key: string, concepts: readonly (readonly string[])[]): Closeness {
  if (concepts.length < 2) return { sentence: 0, sideBySide: 0 };
  const spans = conceptSpans(key, concepts);
  let joined = 0;
  for (let i = 0; i + 1 < spans.length; i++) {
    const a = spans[i] as Span[];
    const b = spans[i + 1] as Span[];
    if (a.some(([s, e]) => b.some(([t, f]) => t === e || f === s))) joined++;
  }
  const found = spans.filter((at) => at.length > 0);
  // Sentences matter only where two concepts or more are present.
  const starts = found.length >= 2 ? sentenceStarts(key) : [0];
  const present = found.map((at) => new Set(at.map(([start]) => sentenceOf(starts, start))));
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
  return { sentence: together / (concepts.length - 1), sideBySide: joined / (concepts.length - 1) };
}

/**
 * How close the concepts stand by sentence (`closeness`'s `sentence`).
 * @example sentenceProximity('稳住楼市。促进房地产市场止跌回稳。', [['房地产'], ['止跌', '稳定']]) // 1
 */
export function sentenceProximity(key: string, concepts: readonly (readonly string[])[]): number {
  return closeness(key, concepts).sentence;
}

/**
 * How often the concepts are said as one phrase (`closeness`'s `sideBySide`).
 * @example juxtaposition('保障带薪休假制度', [['带薪'], ['休假']]) // 1
 */
export function juxtaposition(key: string, concepts: readonly (readonly string[])[]): number {
  return closeness(key, concepts).sideBySide;
}
