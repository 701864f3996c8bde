/**
 * Where the engine reads passages, and their match keys: from memory, for the embedded index, or from the
 * backend itself when it holds the text (a cluster), whose keys come with the passages read (and which
 * fetches the keys it verifies by itself).
 */
import type { SearchBackend, StoredPassage } from '../index/backend.js';
import type { MatchKeys } from '../index/match-keys.js';
import { PassageKeys, type MatchKeySource } from '../index/passage-keys.js';
import type { Passage } from '../model.js';

export interface PassageReader {
  /**
   * The match keys at hand, when the passages are held in memory (they also tell planning whether the
   * corpus has forced cuts); absent for a backend that holds the text, whose keys come with `at`.
   */
  readonly keys?: MatchKeySource;
  /** The passages at these positions, in the order asked (positions beyond the corpus are left out). */
  at(indexes: readonly number[]): Promise<StoredPassage[]>;
}

/**
 * Reads passages held in memory, with the match keys the index saved for them (computed on demand when not
 * given); one key table serves every search.
 * @example await memoryReader(passages, opened.keys).at([0]) // [{ index: 0, passage, key, keyEn }]
 */
export function memoryReader(passages: readonly Passage[], saved?: MatchKeys): PassageReader {
  const keys = new PassageKeys(passages, saved);
  return {
    keys,
    // A loop, not flatMap: it runs for every page shown, and flatMap's array per position cost more than the reading.
    at: async (indexes) => {
      const read: StoredPassage[] = [];
      for (let i = 0; i < indexes.length; i++) {
        const index = indexes[i];
        const passage = passages[index];
        if (passage) read.push({ index, passage, key: keys.text(index), keyEn: keys.textEn(index) });
      }
      return read;
    },
  };
}

/**
 * Reads passages, with their keys, from a backend that holds them.
 * @example await backendReader(sphinx).at([0])
 */
export function backendReader(backend: Required<Pick<SearchBackend, 'passagesAt'>>): PassageReader {
  return { at: (indexes) => backend.passagesAt(indexes) };
}
