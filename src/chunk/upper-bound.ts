/**
 * Binary search over ascending numbers: how many are at or below a value, which is the index of the first one
 * above it. Pure.
 */

/**
 * The index of the first of the ascending `sorted` above `value` (its length when none is).
 * @example upperBound([2, 5, 5, 9], 5) // 3
 */
export function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
