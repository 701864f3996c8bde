/**
 * The best k of n scored passages without sorting all n: a bounded min-heap, O(n log k).
 * Order: higher score first; equal scores by lower passage position (document order).
 */

/**
 * Indexes into `ids`/`scores` of the best `k` entries, best first.
 * @example topK([7, 3, 9], [1, 5, 5], 2) // [1, 2]  (score 5 at passage 3, then score 5 at passage 9)
 */
export function topK(ids: readonly number[], scores: readonly number[], k: number): number[] {
  const n = ids.length;
  const better = (a: number, b: number): boolean => scores[a] > scores[b] || (scores[a] === scores[b] && ids[a] < ids[b]);
  const byRank = (a: number, b: number): number => (better(a, b) ? -1 : better(b, a) ? 1 : 0);
  if (k <= 0) return [];
  if (n <= k) return Array.from({ length: n }, (_, i) => i).sort(byRank);
  // heap[0] is the worst of the best k seen so far.
  const heap: number[] = [];
  const siftUp = (i: number): void => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(heap[parent], heap[i])) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  };
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst], heap[l])) worst = l;
      if (r < heap.length && better(heap[worst], heap[r])) worst = r;
      if (worst === i) return;
      [heap[worst], heap[i]] = [heap[i], heap[worst]];
      i = worst;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      siftUp(heap.length - 1);
    } else if (better(i, heap[0])) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort(byRank);
}
