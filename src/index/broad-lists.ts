/**
 * The candidates of broad queries, with their facet counts, kept once computed: a query whose matches are
 * exactly the passages its terms' lists hold (no filter, exclusion or phrase to verify) has a total and
 * facets that depend on those lists alone, and the index does not change under a backend. Counting the
 * facets of 7,746 passages (发展 at the real scale) costs more than ranking them term at a time, so a long
 * list (BROAD_FROM passages or more) is counted once, the first time it is searched.
 *
 * Memory is bounded: at most MAX_IDS positions are kept in all (4 bytes each), the oldest list dropped first.
 */
import type { BackendResult } from './backend.js';

/**
 * Lists shorter than this are counted at every search. The backend also ranks a query one of whose
 * alternatives has this many candidates from its alternatives' kept best (`broad-ranking.ts`, TOP_DEPTH
 * deep). At 1,000, a word of a few hundred passages at the real scale (西藏, 就业) had every match scored at
 * each search; at 128 its page comes from its kept best (the bench's ten words at real, same answers: p50
 * 0.14 → 0.10 ms).
 */
export const BROAD_FROM = 128;
/** Positions kept across all lists: 8 MB. */
const MAX_IDS = 1 << 21;

/** A list of candidates, its total and its facets (frozen: shared by every answer that uses them). */
export interface BroadList {
  candidates: Uint32Array;
  facets: BackendResult['facets'];
}

export class BroadLists {
  private readonly lists = new Map<string, BroadList>();
  private ids = 0;

  /**
   * `from`: the shortest list kept (the backend's `broadFrom`, BROAD_FROM by default); `maxIds`: the most
   * positions kept in all.
   */
  constructor(
    private readonly from: number,
    private readonly maxIds = MAX_IDS,
  ) {}

  /**
   * The list kept under `key`, or null.
   * @example lists.get('bigrams:发展')?.candidates.length // 7746
   */
  get(key: string): BroadList | null {
    const found = this.lists.get(key);
    if (!found) return null;
    // Most recently used last, so that the oldest is dropped first.
    this.lists.delete(key);
    this.lists.set(key, found);
    return found;
  }

  /**
   * Keeps `candidates` and their `facets` under `key` when the list is long (`from` or more); returns the
   * facets, frozen when kept.
   * @example lists.keep('bigrams:发展', candidates, table.count(candidates))
   */
  keep(key: string, candidates: Uint32Array, facets: BackendResult['facets']): BackendResult['facets'] {
    if (candidates.length < this.from || candidates.length > this.maxIds) return facets;
    for (const [oldest, list] of this.lists) {
      if (this.ids + candidates.length <= this.maxIds) break;
      this.lists.delete(oldest);
      this.ids -= list.candidates.length;
    }
    const frozen = Object.freeze({ doc: Object.freeze(facets.doc), year: Object.freeze(facets.year), kind: Object.freeze(facets.kind) });
    this.lists.set(key, { candidates, facets: frozen });
    this.ids += candidates.length;
    return frozen;
  }
}
