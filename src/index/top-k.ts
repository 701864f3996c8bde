/**
 * The best k of n scored passages without sorting all n: a bounded min-heap, O(n log k).
 * Order: higher score first; equal scores by lower passage position (document order).
 */

/** A passage kept: its position, its score, and a number the caller attached to it. */
export interface Ranked {
  id: number;
  score: number;
  tag: number;
}

/**
 * The best k passages offered so far, in a bounded heap whose root is the worst of them. Passages are
 * offered one at a time, so a search can ask `wouldTake` (is a bound on a score good enough to be worth
 * computing the score?) before scoring one.
 * @example const h = new TopKHeap(1); h.offer(3, 5); h.offer(9, 5); h.ranked() // [{ id: 3, score: 5, tag: 3 }]
 */
export class TopKHeap {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];
  private readonly tags: number[] = [];

  constructor(readonly k: number) {}

  /**
   * False only when a passage at a higher position than every one offered, scoring at most `bound`, cannot
   * enter: the heap is full and its worst score is at least the bound (a tie goes to the lower position).
   * @example const h = new TopKHeap(1); h.offer(3, 5); h.wouldTake(5) // false
   */
  wouldTake(bound: number): boolean {
    return this.ids.length < this.k || bound > this.scores[0];
  }

  /**
   * Offers a passage; keeps it when it ranks among the best k so far, and says whether it did.
   * @example new TopKHeap(0).offer(1, 2) // false
   */
  offer(id: number, score: number, tag = id): boolean {
    if (this.k <= 0) return false;
    const { ids, scores, tags } = this;
    if (ids.length < this.k) {
      ids.push(id);
      scores.push(score);
      tags.push(tag);
      this.siftUp(ids.length - 1);
      return true;
    }
    if (!(score > scores[0] || (score === scores[0] && id < ids[0]))) return false;
    ids[0] = id;
    scores[0] = score;
    tags[0] = tag;
    this.siftDown(0);
    return true;
  }

  /**
   * The passages kept, best first.
   * @example const h = new TopKHeap(2); h.offer(4, 1); h.offer(2, 3); h.ranked().map((r) => r.id) // [2, 4]
   */
  ranked(): Ranked[] {
    const order = this.ids.map((_, i) => i).sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
    return order.map((i) => ({ id: this.ids[i], score: this.scores[i], tag: this.tags[i] }));
  }

  /** True when entry `a` ranks above entry `b`: higher score, or the same score at a lower position. */
  private better(a: number, b: number): boolean {
    const { scores, ids } = this;
    return scores[a] > scores[b] || (scores[a] === scores[b] && ids[a] < ids[b]);
  }

  private swap(i: number, j: number): void {
    const { ids, scores, tags } = this;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    [scores[i], scores[j]] = [scores[j], scores[i]];
    [tags[i], tags[j]] = [tags[j], tags[i]];
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(parent, i)) break;
      this.swap(parent, i);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const n = this.ids.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < n && this.better(worst, l)) worst = l;
      if (r < n && this.better(worst, r)) worst = r;
      if (worst === i) return;
      this.swap(worst, i);
      i = worst;
    }
  }
}

/**
 * Indexes into `ids`/`scores` (positions distinct) of the best `k` entries, best first.
 * @example topK([7, 3, 9], [1, 5, 5], 2) // [1, 2]  (score 5 at passage 3, then score 5 at passage 9)
 */
export function topK(ids: readonly number[], scores: readonly number[], k: number): number[] {
  const heap = new TopKHeap(k);
  for (let i = 0; i < ids.length; i++) heap.offer(ids[i], scores[i], i);
  return heap.ranked().map((r) => r.tag);
}
