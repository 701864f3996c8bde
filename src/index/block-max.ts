/**
 * Upper bounds on what a term can add to a passage's score, per block of its postings (block-max, as in
 * Lucene's and tantivy's top-k scorers): the passages holding a term are cut into blocks of BLOCK_SIZE, and
 * each block keeps the largest BM25+ factor (`bm25` with idf 1) of its postings. A search that knows the k-th
 * best score so far skips scoring a passage whose bounds cannot reach it.
 *
 * The maxima are computed the first time a term is searched and kept for the life of the index (one float
 * per BLOCK_SIZE postings), so nothing is added to the index file.
 */
import { bm25 } from './bm25.js';
import type { FieldPostings } from './postings.js';
import { firstAbove } from './sorted-ids.js';

/** A relative margin on prior-weighted maxima, far above the rounding of the few operations of a score. */
const PRIOR_MARGIN = 1 + 1e-9;

/** Postings per block: small enough that one long or repetitive passage does not lift many neighbours. */
const BLOCK_SIZE = 32;

/**
 * Largest `bm25(tf, 1, length, averageLength)` of each block of a posting list, times the passage's prior
 * (`prior.ts`, at most 1) when one is given: a bound on the prior-weighted score, tighter where a block holds
 * only headings or older reports.
 * @example blockMaxima(Uint32Array.of(0, 5), Uint16Array.of(1, 3), field).length // 1
 */
export function blockMaxima(docs: Uint32Array, tfs: Uint16Array, field: FieldPostings, prior?: (p: number) => number): Float64Array {
  const maxima = new Float64Array(Math.ceil(docs.length / BLOCK_SIZE));
  for (let i = 0; i < docs.length; i++) {
    let f = bm25(tfs[i], 1, field.lengths[docs[i]], field.averageLength);
    // The score multiplies by the prior after summing its terms; a hair more keeps rounding from lifting it past.
    if (prior) f *= prior(docs[i]) * PRIOR_MARGIN;
    const b = (i / BLOCK_SIZE) | 0;
    if (f > maxima[b]) maxima[b] = f;
  }
  return maxima;
}

/** The block maxima of every term searched so far, per field (by the field's postings object). */
export class BlockMaximaCache {
  private readonly byField = new Map<FieldPostings, Map<number, Float64Array>>();

  /** `prior`: each passage's static factor, at most 1, folded into the maxima (`blockMaxima`). */
  constructor(private readonly prior?: (p: number) => number) {}

  /**
   * The block maxima of the term at position `t` of `field`, computed on first use.
   * @example cache.of(field, termIndex(field, '发展')).length // ceil(df / BLOCK_SIZE)
   */
  of(field: FieldPostings, t: number, docs: Uint32Array, tfs: Uint16Array): Float64Array {
    let terms = this.byField.get(field);
    if (!terms) this.byField.set(field, (terms = new Map()));
    let maxima = terms.get(t);
    if (!maxima) terms.set(t, (maxima = blockMaxima(docs, tfs, field, this.prior)));
    return maxima;
  }
}

/** Beyond every passage: the end of a window that never closes. */
export const NO_END = Number.MAX_SAFE_INTEGER;

/** One term's postings in one field. */
export interface TermPostings {
  docs: Uint32Array;
  tfs: Uint16Array;
  field: FieldPostings;
}

/**
 * Walks the blocks of one posting list for ascending passages: `at(p)` is the largest BM25+ factor a
 * passage of p's block can have, or 0 when p lies between blocks or past them (so it does not hold the
 * term); the value holds for every passage from p to `end`. A list looked up instead (`lookup`: one much
 * shorter than the query's matches, or one that only ranks, such as a term in headings) gives p's own
 * factor, 0 when p does not hold the term: a block spanning many passages that do not would lift them all.
 * @example const c = new BlockCursor(postings, maxima, false); c.at(postings.docs[0]) // maxima[0]
 */
export class BlockCursor {
  /** The last passage the value `at` returned holds for. */
  end = NO_END;
  /** Dense: the current block; sparse: the current posting. */
  private position = 0;

  constructor(
    private readonly postings: TermPostings,
    private readonly maxima: Float64Array,
    private readonly lookup: boolean,
  ) {}

  /** The bound at passage `p`; successive `p` must not decrease. */
  at(p: number): number {
    return this.lookup ? this.posting(p) : this.block(p);
  }

  private block(p: number): number {
    const { maxima } = this;
    const { docs } = this.postings;
    const n = docs.length;
    let b = this.position;
    while (b < maxima.length && docs[Math.min((b + 1) * BLOCK_SIZE, n) - 1] < p) b++;
    this.position = b;
    if (b === maxima.length) return this.none(NO_END);
    const first = docs[b * BLOCK_SIZE];
    if (first > p) return this.none(first - 1);
    this.end = docs[Math.min((b + 1) * BLOCK_SIZE, n) - 1];
    return maxima[b];
  }

  private posting(p: number): number {
    const { docs, tfs, field } = this.postings;
    const at = firstAbove(docs, this.position, p - 1);
    this.position = at;
    if (at === docs.length) return this.none(NO_END);
    if (docs[at] > p) return this.none(docs[at] - 1);
    this.end = p;
    return bm25(tfs[at], 1, field.lengths[p], field.averageLength);
  }

  private none(end: number): number {
    this.end = end;
    return 0;
  }
}
