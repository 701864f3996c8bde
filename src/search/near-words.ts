/**
 * Words of a vocabulary within a small edit distance of a word: the words are kept in buckets by length,
 * and only the buckets a match could lie in are compared (`editDistance`, bounded). A plain scan by design:
 * at the corpus's scale (tens of thousands of words) it answers in milliseconds, holds nothing but the
 * words, and is its own oracle.
 */
import { editDistance } from './edit-distance.js';

/** A word of a vocabulary and how often the corpus has it. */
export interface WordCount {
  word: string;
  count: number;
}

/** A word found near another, with its distance. */
export interface NearWord extends WordCount {
  distance: number;
}

/** A vocabulary searchable by edit distance. */
export interface NearWords {
  /** How many distinct words it holds. */
  readonly size: number;
  /** How often the vocabulary has `word` (0 when it does not). */
  count(word: string): number;
  /** Words at distance 1..`max` from `word`, nearest first, then most frequent, then by code point. */
  near(word: string, max: number): NearWord[];
}

/**
 * Indexes a vocabulary for near look-ups; a word given twice keeps the larger count.
 * @example nearWords([{ word: 'tourism', count: 9 }]).near('toursim', 2) // [{ word: 'tourism', count: 9, distance: 1 }]
 */
export function nearWords(words: Iterable<WordCount>): NearWords {
  const counts = new Map<string, number>();
  for (const { word, count } of words) counts.set(word, Math.max(count, counts.get(word) ?? 0));
  const buckets = new Map<number, WordCount[]>();
  for (const [word, count] of counts) {
    const length = [...word].length;
    const bucket = buckets.get(length) ?? [];
    bucket.push({ word, count });
    buckets.set(length, bucket);
  }
  return {
    size: counts.size,
    count: (word) => counts.get(word) ?? 0,
    near(word, max) {
      const length = [...word].length;
      const found: NearWord[] = [];
      for (let l = length - max; l <= length + max; l++) {
        for (const candidate of buckets.get(l) ?? []) {
          if (candidate.word === word) continue;
          const distance = editDistance(word, candidate.word, max);
          if (distance <= max) found.push({ ...candidate, distance });
        }
      }
      return found.sort((a, b) => a.distance - b.distance || b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    },
  };
}
