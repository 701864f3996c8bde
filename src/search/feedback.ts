/**
 * Pseudo-relevance feedback for English queries (Ballesteros & Croft 1997; an RM3-style expansion): the
 * Chinese words most over-represented in the best passages of the first retrieval are taken as one weak,
 * optional concept that only reorders the passages already found. It never decides which passages match
 * nor the totals. Pure: match keys, corpus counts and the query's own terms in, weighted words and shares out.
 */
import { isHanCodePoint } from '../text/scripts.js';

/** How feedback is taken: from how many top passages, how many words kept, how many passages must hold one. */
export interface FeedbackSettings {
  passages: number;
  terms: number;
  minHolders: number;
}

/** The settings chosen on the engineers' query sets (`docs/cross-language.md`). */
export const FEEDBACK: FeedbackSettings = { passages: 10, terms: 40, minHolders: 2 };

/** A feedback word and its weight (how over-represented it is in the feedback passages). */
export interface FeedbackTerm {
  term: string;
  weight: number;
}

/** The corpus a word's rarity is judged against: how many passages hold a word, and how many there are. */
export interface WordCounts {
  holders: (term: string) => number;
  size: number;
}

/**
 * The pair of Han characters (of the Basic Multilingual Plane: one code unit each) at `i` of a key as one number
 * (65536 × first + second), or -1.
 */
function pairAt(key: string, i: number): number {
  const a = key.charCodeAt(i);
  const b = key.charCodeAt(i + 1);
  return isHanCodePoint(a) && isHanCodePoint(b) ? a * 65536 + b : -1;
}

/**
 * How many of the keys hold each pair of neighbouring Han characters (`pairAt`), each key counted once per pair
 * (the last key that counted a pair is kept beside it, rather than a set of pairs per key).
 */
function bigramHolders(keys: readonly string[]): Map<number, number> {
  const held = new Map<number, number>();
  const countedBy = new Map<number, number>();
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    for (let i = 0; i + 1 < key.length; i++) {
      const pair = pairAt(key, i);
      if (pair < 0 || countedBy.get(pair) === k) continue;
      countedBy.set(pair, k);
      held.set(pair, (held.get(pair) ?? 0) + 1);
    }
  }
  return held;
}

/**
 * The `settings.terms` two-character Chinese words held by at least `settings.minHolders` of the first
 * `settings.passages` match keys, scored by how many hold them times their inverse corpus frequency, best
 * first (ties by code point). A pair of characters counts only when it is a word of the corpus (`holders`
 * above 0), so the pairs that straddle two words are left out; no text is segmented per query. Words that
 * lie within one of the query's own terms (`known`), or contain one, are left out: feedback adds what the
 * query did not say.
 * @example feedbackTerms(['继续减税降费', '减税降费政策'], { holders: (w) => (w === '减税' ? 3 : 0), size: 100 }, [], { passages: 2, terms: 5, minHolders: 2 })
 *   // [{ term: '减税', weight: 2 * Math.log(101 / 4) }]
 */
export function feedbackTerms(keys: readonly string[], corpus: WordCounts, known: readonly string[], settings: FeedbackSettings): FeedbackTerm[] {
  // A word of two code units lies within a known term when it is one of the term's pairs of units, and holds
  // one when the term is the word or one of its units: sets of those, rather than a search of every term.
  const pairsOfKnown = new Set<string>();
  const unitsOfKnown = new Set<string>();
  for (const k of known) {
    for (let i = 0; i + 2 <= k.length; i++) pairsOfKnown.add(k.slice(i, i + 2));
    if (k.length === 1) unitsOfKnown.add(k);
  }
  const related = (term: string): boolean => pairsOfKnown.has(term) || unitsOfKnown.has(term[0]) || unitsOfKnown.has(term[1]);
  const scored: FeedbackTerm[] = [];
  for (const [pair, held] of bigramHolders(keys.slice(0, settings.passages))) {
    if (held < settings.minHolders) continue;
    const term = String.fromCharCode(Math.floor(pair / 65536), pair % 65536);
    if (related(term)) continue;
    const holders = corpus.holders(term);
    if (holders === 0) continue;
    const idf = Math.log((corpus.size + 1) / (holders + 1));
    if (idf > 0) scored.push({ term, weight: held * idf });
  }
  scored.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return scored.slice(0, settings.terms);
}

/** A hit to rerank: its position in the corpus and its score. */
export interface ScoredHit {
  index: number;
  score: number;
}

/** What feedback reranking reads besides the hits: each hit's match key, the corpus, the query's terms. */
export interface FeedbackContext<T extends ScoredHit> {
  keyOf: (hit: T) => string;
  corpus: WordCounts;
  known: readonly string[];
  settings: FeedbackSettings;
  /** How much a hit holding every feedback word gains: its score is multiplied by up to 1 + weight. */
  weight: number;
}

/**
 * Hits (best first) reordered after feedback: the feedback words of the first `settings.passages` of them
 * (`feedbackTerms`), and each hit's score multiplied by 1 + weight × the share of those words it holds; ties
 * by position. The same hits come back, only their order and scores change; with the words that moved them.
 * @example feedbackRerank(hits, { keyOf, corpus, known: ['减税'], settings: FEEDBACK, weight: 1 }).words // [{ term: '降费', weight: 4.1 }, …]
 */
export function feedbackRerank<T extends ScoredHit>(hits: readonly T[], context: FeedbackContext<T>): { hits: T[]; words: FeedbackTerm[] } {
  const { keyOf, corpus, known, settings, weight } = context;
  const words = feedbackTerms(hits.slice(0, settings.passages).map(keyOf), corpus, known, settings);
  const share = feedbackShares(words);
  const reranked = hits
    .map((h) => ({ ...h, score: h.score * (1 + weight * share(keyOf(h))) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  return { hits: reranked, words };
}

/**
 * The share of the feedback words' weight that a match key holds (0–1; 0 without words), for words that are pairs
 * of Han characters, as `feedbackTerms` gives them: one scan of the key's pairs, in which a character that begins
 * no word is passed over by one look at a table; the weights added in the words' order.
 * @example feedbackShares([{ term: '减税', weight: 3 }, { term: '煤电', weight: 1 }])('继续减税降费') // 0.75
 */
export function feedbackShares(words: readonly FeedbackTerm[]): (key: string) => number {
  // Each word's second character and place, under its first.
  const begins = new Uint8Array(65536);
  const after = new Map<number, Array<[number, number]>>();
  let total = 0;
  words.forEach(({ term, weight }, i) => {
    const first = term.charCodeAt(0);
    const seconds = after.get(first) ?? [];
    seconds.push([term.charCodeAt(1), i]);
    after.set(first, seconds);
    begins[first] = 1;
    total += weight;
  });
  const held = new Uint8Array(words.length);
  return (key) => {
    held.fill(0);
    for (let i = 0; i + 1 < key.length; i++) {
      if (begins[key.charCodeAt(i)] === 0) continue;
      const second = key.charCodeAt(i + 1);
      for (const [c, at] of after.get(key.charCodeAt(i)) ?? []) if (c === second) held[at] = 1;
    }
    let sum = 0;
    for (let i = 0; i < words.length; i++) if (held[i] === 1) sum += words[i].weight;
    return total > 0 ? sum / total : 0;
  };
}

