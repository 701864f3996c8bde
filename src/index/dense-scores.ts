/**
 * Scores computed term at a time into arrays indexed by passage, for a query that matches a large share of
 * the corpus (a broad word such as 发展): walking each posting list once, in order, costs a multiply-add per
 * posting, where scoring passage by passage seeks every list for every candidate. The additions happen in
 * the very order the passage-at-a-time score makes them (term by term, source by source), so every sum is
 * the same float, bit for bit, and the page is the one the exhaustive search gives.
 *
 * The arrays are as long as the corpus and are reused across searches: only the positions written are
 * cleared, so a search costs what its postings cost, not what the corpus holds.
 */
import { bm25 } from './bm25.js';
import type { FieldPostings } from './postings.js';
import { firstAbove } from './sorted-ids.js';

/** One posting list that adds score, as `prepared-alternative.ts` holds it. */
export interface DenseSource {
  docs: Uint32Array;
  tfs: Uint16Array;
  field: FieldPostings;
  idf: number;
  /** Field boost × term weight. */
  weight: number;
}

/** Reusable arrays over every passage: sums and counts of matched terms, and the scores handed out. */
export class DenseScratch {
  readonly sums: Float64Array;
  readonly counts: Uint16Array;
  /** The last term pass that counted each passage (so a term found in two fields counts once). */
  private readonly stamps: Uint32Array;
  private stamp = 0;
  private readonly free: Float64Array[] = [];

  /** @example new DenseScratch(index.passages) */
  constructor(readonly size: number) {
    this.sums = new Float64Array(size);
    this.counts = new Uint16Array(size);
    this.stamps = new Uint32Array(size);
  }

  /**
   * An array of scores, all zero (one from an earlier search when one was given back).
   * @example const scores = scratch.take(); scratch.give(scores, candidates)
   */
  take(): Float64Array {
    return this.free.pop() ?? new Float64Array(this.size);
  }

  /**
   * Takes back an array of scores, clearing the positions `written` (the only ones that may be non-zero).
   * @example scratch.give(scores, candidates)
   */
  give(scores: Float64Array, written: Uint32Array): void {
    for (let i = 0; i < written.length; i++) scores[written[i]] = 0;
    this.free.push(scores);
  }

  /**
   * Adds each term's BM25+ over its sources into `into` (default `sums`) and counts, per passage, the terms
   * that hold it (`counts`; left alone for one term, whose count is 1 wherever its sum is not 0): what the
   * passage-at-a-time `sumTerms` computes for one passage, for all of them at once. With `at` (ascending
   * positions), at those alone: each source's postings are searched for them, galloping, instead of read
   * whole, and nothing is written elsewhere (a phrase's few matches, whose bigrams many passages hold).
   * @example scratch.accumulate([[source]]); scratch.sums[source.docs[0]] > 0 // true
   * @example scratch.accumulate([[source]], scratch.sums, matches) // writes at matches alone
   */
  accumulate(terms: readonly (readonly DenseSource[])[], into: Float64Array = this.sums, at?: Uint32Array): void {
    const { counts, stamps } = this;
    const counted = terms.length > 1;
    for (const sources of terms) {
      const stamp = this.nextStamp();
      for (const { docs, tfs, field, idf, weight } of sources) {
        const { lengths, averageLength } = field;
        // Whole: every posting in turn. At `at`: the next posting at or past each position, found by galloping.
        const steps = at ? at.length : docs.length;
        let i = 0;
        for (let j = 0; j < steps; j++) {
          if (at) {
            i = firstAbove(docs, i, at[j] - 1);
            if (i === docs.length) break;
            if (docs[i] !== at[j]) continue;
          } else i = j;
          const p = docs[i];
          into[p] += weight * (idf * bm25(tfs[i], 1, lengths[p], averageLength));
          if (counted && stamps[p] !== stamp) {
            stamps[p] = stamp;
            counts[p]++;
          }
        }
      }
    }
  }

  /**
   * The number of `terms` holding `p` after `accumulate(terms)`: `counts`, or 1 for a single term.
   * @example scratch.accumulate(terms); scratch.sums[p] * scratch.matched(terms, p)
   */
  matched(terms: readonly (readonly DenseSource[])[], p: number): number {
    return terms.length > 1 ? this.counts[p] : 1;
  }

  /**
   * Sets `sums` and `counts` back to zero where `accumulate(terms)` wrote.
   * @example scratch.accumulate(terms); scratch.clear(terms)
   */
  clear(terms: readonly (readonly DenseSource[])[]): void {
    const { sums, counts } = this;
    for (const sources of terms) {
      for (const { docs } of sources) {
        for (let i = 0; i < docs.length; i++) {
          sums[docs[i]] = 0;
          counts[docs[i]] = 0;
        }
      }
    }
  }

  /**
   * Sets `sums` and `counts` back to zero at the positions `at` (after `accumulate(terms, sums, at)`).
   * @example scratch.accumulate(terms, scratch.sums, matches); scratch.clearAt(matches)
   */
  clearAt(at: Uint32Array): void {
    const { sums, counts } = this;
    for (let j = 0; j < at.length; j++) {
      sums[at[j]] = 0;
      counts[at[j]] = 0;
    }
  }

  private nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

/**
 * How many postings a term-at-a-time pass over these terms reads.
 * @example postingsOf([[source]]) // source.docs.length
 */
export function postingsOf(terms: readonly (readonly DenseSource[])[]): number {
  let n = 0;
  for (const sources of terms) for (const s of sources) n += s.docs.length;
  return n;
}
