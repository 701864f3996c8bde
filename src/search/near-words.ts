/**
 * Words of a vocabulary within a small edit distance of a word. One edit away (what Chinese near misses
 * ask): a deletion index, each word filed under itself and under every form with one character left out,
 * so a look-up reads a handful of lists (SymSpell's idea). Two edits (English spelling, a vocabulary of a
 * few thousand words): the words of the lengths a match could have, compared one by one (`editDistance`,
 * bounded). Both answer alike: the plain scan is the oracle of the index in the tests.
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

const byRank = (a: NearWord, b: NearWord): number => a.distance - b.distance || b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);

/** A UTF-16 surrogate (half of a character beyond the Basic Multilingual Plane). */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Length in code points (the length of the string when it has no surrogate pairs). */
const lengthOf = (word: string): number => (SURROGATE.test(word) ? [...word].length : word.length);

/**
 * A word and its forms with one character (code point) left out.
 * @example oneLeftOut('abc') // ['abc', 'bc', 'ac', 'ab']
 */
export function oneLeftOut(word: string): string[] {
  const forms = [word];
  if (!SURROGATE.test(word)) {
    for (let i = 0; i < word.length; i++) forms.push(word.slice(0, i) + word.slice(i + 1));
    return forms;
  }
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) forms.push(chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
  return forms;
}


/**
 * Indexes a vocabulary for near look-ups; a word given twice keeps the larger count.
 * @example nearWords([{ word: 'tourism', count: 9 }]).near('toursim', 2) // [{ word: 'tourism', count: 9, distance: 1 }]
 */
export function nearWords(words: Iterable<WordCount>): NearWords {
  const counts = new Map<string, number>();
  for (const { word, count } of words) counts.set(word, Math.max(count, counts.get(word) ?? 0));
  const list = [...counts].map(([word, count]) => ({ word, count }));
  const buckets = new Map<number, WordCount[]>();
  for (const entry of list) {
    const length = lengthOf(entry.word);
    const bucket = buckets.get(length) ?? [];
    bucket.push(entry);
    buckets.set(length, bucket);
  }
  let deletions: Map<string, number[]> | null = null;
  const deletionIndex = (): Map<string, number[]> => {
    if (deletions) return deletions;
    deletions = new Map();
    list.forEach((entry, id) => {
      for (const form of new Set(oneLeftOut(entry.word))) {
        const ids = deletions?.get(form);
        if (ids) ids.push(id);
        else deletions?.set(form, [id]);
      }
    });
    return deletions;
  };
  const compare = (word: string, candidates: Iterable<WordCount>, max: number): NearWord[] => {
    const found: NearWord[] = [];
    for (const candidate of candidates) {
      if (candidate.word === word) continue;
      const distance = editDistance(word, candidate.word, max);
      if (distance <= max) found.push({ ...candidate, distance });
    }
    return found.sort(byRank);
  };
  return {
    size: counts.size,
    count: (word) => counts.get(word) ?? 0,
    near(word, max) {
      if (max === 1) {
        const index = deletionIndex();
        const ids = new Set(oneLeftOut(word).flatMap((form) => index.get(form) ?? []));
        return compare(word, [...ids].map((id) => list[id] as WordCount), 1);
      }
      const length = lengthOf(word);
      const near: WordCount[] = [];
      for (let l = length - max; l <= length + max; l++) near.push(...(buckets.get(l) ?? []));
      return compare(word, near, max);
    },
  };
}

/**
 * The oracle of `nearWords`: every word compared, no index.
 * @example scanNearWords([{ word: 'ab', count: 1 }], 'abc', 1) // [{ word: 'ab', count: 1, distance: 1 }]
 */
export function scanNearWords(words: readonly WordCount[], word: string, max: number): NearWord[] {
  return words
    .filter((w) => w.word !== word)
    .map((w) => ({ ...w, distance: editDistance(word, w.word, max) }))
    .filter((w) => w.distance <= max)
    .sort(byRank);
}
