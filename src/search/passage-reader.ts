/**
 * Where the engine reads passages, and the match keys that verify and highlight them: from memory, for the
 * embedded index, or from the backend itself when it holds the text (a cluster), in which case each search
 * gets its own key table that the backend fills with what it fetched.
 */
import type { KeySink, SearchBackend, StoredPassage } from '../index/backend.js';
import type { MatchKeys } from '../index/match-keys.js';
import type { Passage } from '../model.js';
import { FetchedKeys, PassageKeys, type MatchKeySource } from './passage-keys.js';

export interface PassageReader {
  /** The keys one search is planned against, and the sink its backend fills (only a backend holding text). */
  searchKeys(): { keys: MatchKeySource; sink?: KeySink };
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
    searchKeys: () => ({ keys }),
    at: async (indexes) =>
      indexes.flatMap((index) => {
        const passage = passages[index];
        return passage ? [{ index, passage, key: keys.text(index), keyEn: keys.textEn(index) }] : [];
      }),
  };
}

/**
 * Reads passages from a backend that holds them; each search collects the keys its backend fetched.
 * @example await backendReader(sphinx).at([0])
 */
export function backendReader(backend: Required<Pick<SearchBackend, 'passagesAt'>>): PassageReader {
  return {
    searchKeys: () => {
      const keys = new FetchedKeys();
      return { keys, sink: keys };
    },
    at: (indexes) => backend.passagesAt(indexes),
  };
}
