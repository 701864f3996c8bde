/**
 * The best passages of each broad alternative, ranked once and kept: the head of an impact-ordered list, as
 * impact-ordered indexes keep whole lists. When a query is one group of alternatives without an adjacency
 * bonus, a passage's score is the best of its alternatives' scores times its prior, so the best k passages
 * of the query are among the best k of each alternative (a passage outside its best alternative's k has k
 * better passages before it there, and each of them scores at least as much in the query). Ranking the few
 * passages so gathered gives the exact page without scoring the thousands of matches of 发展.
 *
 * In a query with an alternative of BROAD_FROM candidates or more, each alternative with more candidates than
 * the page keeps its best TOP_DEPTH positions (512 bytes), in rank order (score times prior descending,
 * position ascending), computed the first time it is searched; at most MAX_TOPS alternatives are kept, the
 * least recently used dropped first.
 */
import type { Alternative } from './backend.js';
import { TopKHeap } from './top-k.js';

/** The deepest page (offset + limit) answered from the kept heads; deeper pages score every match. */
export const TOP_DEPTH = 128;
/** Alternatives kept (2 MB at most). */
const MAX_TOPS = 4096;

export class ImpactTops {
  private readonly tops = new Map<string, Uint32Array>();

  constructor(private readonly maxTops = MAX_TOPS) {}

  /**
   * The best positions of the alternative kept under `key` (rank order), computing them with `rank` the first time.
   * @example tops.of(topKey(alternative), () => bestOf(scores, candidates, prior, TOP_DEPTH))
   */
  of(key: string, rank: () => Uint32Array): Uint32Array {
    let top = this.tops.get(key);
    if (top) this.tops.delete(key);
    else top = rank();
    this.tops.set(key, top);
    if (this.tops.size > this.maxTops) this.tops.delete(this.tops.keys().next().value as string);
    return top;
  }
}

/**
 * The `depth` best candidates by `scores[p] × prior(p)`, ties to the lower position, in rank order.
 * @example bestOf(Float64Array.of(1, 3, 2), Uint32Array.of(0, 1, 2), () => 1, 2) // Uint32Array [1, 2]
 */
export function bestOf(scores: Float64Array, candidates: Uint32Array, prior: (p: number) => number, depth: number): Uint32Array {
  const heap = new TopKHeap(depth);
  for (let i = 0; i < candidates.length; i++) {
    const p = candidates[i];
    heap.offer(p, scores[p] * prior(p));
  }
  return Uint32Array.from(heap.ranked(), (r) => r.id);
}

/**
 * What decides an alternative's scores: everything but its label.
 * @example topKey({ kind: 'tokens', fields: ['bigrams'], terms: ['发展'], label: 'x' }) // '["tokens",false,["bigrams"],["发展"],null,1]'
 */
export function topKey(a: Alternative): string {
  return JSON.stringify([a.kind, a.prefix ?? false, a.fields, a.terms, a.rank ?? null, a.weight ?? 1]);
}
