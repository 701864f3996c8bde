/**
 * An English query's concepts scored as structured queries (Pirkola's synonym operator; Darwish and Oard's
 * probabilistic structured queries): each concept's Chinese senses count as one term, whose occurrences in a
 * passage are the senses' occurrences weighed by their share of the concept's weight, and whose rarity is the
 * senses' passage counts weighed the same way. A passage that holds a rare, unlikely sense (`故事` for `old`)
 * then gains no more than one holding the concept's usual sense (`老`): a sense's own rarity no longer counts.
 * Pure: match keys, the senses' passage counts and the corpus's size in, scores out.
 */
import { coordination } from '../index/backend.js';
import { BM25, idf } from '../index/bm25.js';

/** A concept's senses: their match keys and weights (how likely each says what the English says). */
export interface ConceptSenses {
  keys: readonly string[];
  weights: readonly number[];
}

/** The corpus the concepts are weighed against: passages, and their mean length in characters (0: unknown). */
export interface ConceptCorpus {
  size: number;
  averageLength: number;
}

/**
 * How many times `term` occurs in `key`, occurrences apart.
 * @example countApart('稳外贸稳外资', '稳外') // 2
 */
export function countApart(key: string, term: string): number {
  if (term === '') return 0;
  let n = 0;
  for (let i = key.indexOf(term); i >= 0; i = key.indexOf(term, i + term.length)) n++;
  return n;
}

/**
 * The scorer of match keys for these concepts: per concept, BM25 of the senses' weighed occurrences with the
 * idf of their weighed passage counts (`holders`, in the order of the keys); summed over the concepts, times
 * the share of the concepts the key holds, squared (the soft AND's `coordination`). 0 when it holds none.
 * @example conceptScorer([{ keys: ['老', '故事'], weights: [0.6, 0.3] }], [500, 20], { size: 1000, averageLength: 0 })('讲好故事') // > 0, at the concept's one idf (of 340 passages), not 故事's own
 */
export function conceptScorer(concepts: readonly ConceptSenses[], holders: readonly number[][], corpus: ConceptCorpus): (key: string) => number {
  const weighed = concepts.map(({ keys, weights }, c) => {
    const total = weights.reduce((sum, w) => sum + w, 0);
    const shares = weights.map((w) => (total > 0 ? w / total : 1 / weights.length));
    const df = Math.min(corpus.size, shares.reduce((sum, share, i) => sum + share * (holders[c]?.[i] ?? 0), 0));
    return { keys, shares, rarity: idf(df, corpus.size) };
  });
  // The index's BM25 saturation and length normalization, without BM25+'s lower bound: a concept the key lacks adds nothing.
  const { k, b } = BM25;
  return (key) => {
    const norm = corpus.averageLength > 0 ? 1 - b + (b * key.length) / corpus.averageLength : 1;
    let score = 0;
    let held = 0;
    for (const { keys, shares, rarity } of weighed) {
      let tf = 0;
      for (let i = 0; i < keys.length; i++) tf += shares[i] * countApart(key, keys[i]);
      if (tf === 0) continue;
      held++;
      score += (rarity * tf * (k + 1)) / (tf + k * norm);
    }
    return score * coordination(held, weighed.length);
  };
}
