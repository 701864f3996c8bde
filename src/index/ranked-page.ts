/**
 * The page of a search, picked from its matches as they are found (ascending positions): a bounded heap of
 * the best `offset + limit`; once it is full, a match is scored only when an upper bound on its score beats
 * the worst score kept (block-max pruning, as Lucene's and tantivy's top-k scorers do). Each alternative's
 * bound holds over a window of positions (until one of its posting blocks ends), so it is computed once per
 * window, not per passage. A tie goes to the lower position, so pruning never changes the page.
 */
import { adjacencyBound, type Adjacency, type BackendHit, type BackendQuery, type Verifier } from './backend.js';
import type { PreparedAlternative } from './prepared-alternative.js';
import { TopKHeap } from './top-k.js';

/** The most matches `offer` scores without bounding them after a run of bounds that did not prune. */
const MAX_SKIPS = 8;

export class RankedPage {
  private readonly heap: TopKHeap;
  private readonly labels: Array<string[] | undefined> = [];
  private readonly adjacency: readonly Adjacency[];
  /** The most the adjacency bonus adds (the sum of its weights). */
  private readonly bonusBound: number;
  /** The last position the bound of the last `mayEnter` holds for. */
  private end = -1;
  /** Bounds in a row in `offer` that did not prune, and matches still to score before the next bound. */
  private misses = 0;
  private skips = 0;

  /**
   * `exhaustive`: score every match (the reference pruning is tested against); `verifier` scores adjacency.
   * @example new RankedPage({ ...query, offset: 0, limit: 10 }, false, verifier).wanted // true
   */
  constructor(
    private readonly query: BackendQuery,
    private readonly exhaustive: boolean,
    private readonly verifier: Verifier,
  ) {
    this.heap = new TopKHeap(query.offset + query.limit);
    this.adjacency = query.adjacency ?? [];
    this.bonusBound = adjacencyBound(this.adjacency);
  }

  /** False when the page is empty whatever is found (limit 0: a count). */
  get wanted(): boolean {
    return this.heap.k > 0;
  }

  /** The last position the bound of the last `mayEnter` that said no holds for. */
  get windowEnd(): number {
    return this.end;
  }

  /**
   * False when no passage from `p` up to `windowEnd` matching at most the alternatives of `groups`, with a
   * coordination of at most `factor`, a prior of at most `priorIn(p, windowEnd)` and the most bonus can enter.
   * Ascending `p` across calls.
   */
  mayEnter(p: number, groups: readonly PreparedAlternative[][], factor: number, priorIn: (from: number, to: number) => number): boolean {
    if (this.exhaustive || this.heap.wouldTake(0)) return true;
    const bound = sumOfBest(groups, p, true);
    let end = Number.MAX_SAFE_INTEGER;
    for (const alternatives of groups) for (const a of alternatives) if (a.boundEnd < end) end = a.boundEnd;
    this.end = end;
    return this.heap.wouldTake(bound * factor + this.bonusBound * priorIn(p, end));
  }

  /**
   * False when a passage past every one offered, with `score` before its bonus and its prior, cannot enter
   * (the most the bonus can add counted in).
   * @example page.mayTake(alternative.score(p), prior) // false once the page is full of better passages
   */
  mayTake(score: number, prior: number): boolean {
    return this.exhaustive || this.heap.wouldTake((score + this.bonusBound) * prior);
  }

  /**
   * Scores the match at `p` (`matched`: each group's alternatives that match it) when its bound says it
   * may enter, and keeps it if it ranks among the best so far. Ascending `p` across calls.
   */
  offer(p: number, matched: readonly PreparedAlternative[][], factor: number, prior: number): void {
    const bonus = this.adjacency.length > 0;
    if (this.bounding()) {
      const bound = sumOfBest(matched, p, true) * factor;
      if (!this.heap.wouldTake(bound + this.bonusBound * prior)) {
        this.misses = 0;
        return;
      }
      this.misses++;
      this.skips = Math.min(this.misses, MAX_SKIPS);
    }
    let score = sumOfBest(matched, p, false) * factor;
    if (bonus) {
      // The bonus reads the passage's text: not for a passage that cannot enter even with all of it.
      if (!this.mayTake(score, prior)) return;
      score += this.verifier.bonus(this.adjacency, p);
    }
    // The labels of what it matched are gathered only for a passage the page keeps.
    if (!this.heap.offer(p, score * prior, this.labels.length)) return;
    let found: string[] | undefined;
    for (const alternatives of matched) for (const a of alternatives) if (a.label) (found ??= []).push(a.label);
    this.labels.push(found);
  }

  /**
   * True when `offer` should bound the next match before scoring it: the page is full, and the last bounds
   * did not all fail to prune. After a run of bounds that let their match through (a phrase's matches,
   * whose bigrams' block maxima sit above most of them), it skips a few matches before bounding again, more
   * the longer the run (at most MAX_SKIPS); one bound that prunes ends the run. A skipped match is scored,
   * as the exhaustive search scores it, so the page is the same either way: only the work differs.
   */
  private bounding(): boolean {
    if (this.exhaustive || this.heap.wouldTake(0)) return false;
    if (this.skips === 0) return true;
    this.skips--;
    return false;
  }

  /** The page: the best `limit` after the first `offset`, scores rounded to thousandths. */
  hits(): BackendHit[] {
    return this.heap
      .ranked()
      .slice(this.query.offset)
      .map(({ id, score, tag }) => ({ index: id, score: round(score), labels: distinct(this.labels[tag]) }));
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The labels, each once, in their order (a new empty list for none: most hits matched no labelled alternative). */
const distinct = (labels: readonly string[] | undefined): string[] => (labels === undefined ? [] : [...new Set(labels)]);

/**
 * The sum over groups of the best score (`bound`: the best bound) among each group's alternatives at `p` (0
 * for a group with none). A flag rather than a function to call: it runs for every match.
 */
function sumOfBest(groups: readonly PreparedAlternative[][], p: number, bound: boolean): number {
  let sum = 0;
  for (let g = 0; g < groups.length; g++) {
    const alternatives = groups[g];
    let best = 0;
    for (let i = 0; i < alternatives.length; i++) best = Math.max(best, bound ? alternatives[i].boundAt(p) : alternatives[i].score(p));
    sum += best;
  }
  return sum;
}
