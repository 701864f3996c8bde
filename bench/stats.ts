/**
 * Small pure helpers of the benchmark: percentiles, rounding and human-readable units.
 */

/**
 * The q-quantile (0..1) of a list of numbers, by the nearest-rank method; NaN for an empty list.
 * @example percentile([5, 1, 3, 2, 4], 0.5) // 3
 */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/**
 * The median by `percentile`'s nearest rank (the lower middle of an even count); NaN for an empty list.
 * @example median([4, 1, 3, 2]) // 2
 */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** The least, the median (nearest rank) and the greatest of a list: how a comparison of noisy timings is reported. */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

/**
 * min / median / max of a list (NaN each for an empty list), the median by `percentile`'s nearest rank.
 * @example spreadOf([5, 1, 3, 2]) // { min: 1, median: 2, max: 5 }
 */
export function spreadOf(values: readonly number[]): Spread {
  return { min: percentile(values, 0), median: median(values), max: percentile(values, 1) };
}

/** p50 and p99 of a list of samples. */
export interface Latency {
  p50: number;
  p99: number;
  n: number;
}

/**
 * p50/p99 of samples, rounded to microseconds.
 * @example latencyOf([1, 2, 3]) // { p50: 2, p99: 3, n: 3 }
 */
export function latencyOf(samples: readonly number[]): Latency {
  return { p50: round(percentile(samples, 0.5), 3), p99: round(percentile(samples, 0.99), 3), n: samples.length };
}

/**
 * Rounds to `digits` decimals (NaN and infinities pass through).
 * @example round(1.23456, 2) // 1.23
 */
export function round(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * A ratio a/b rounded, or null when b is zero or either is missing.
 * @example ratio(1, 4) // 0.25
 */
export function ratio(a: number | null | undefined, b: number | null | undefined, digits = 3): number | null {
  if (a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return round(a / b, digits);
}

/**
 * Bytes as MB (10^6), one decimal.
 * @example mb(1_500_000) // 1.5
 */
export function mb(bytes: number): number {
  return round(bytes / 1e6, 1);
}

/**
 * Recall and precision of a returned set against the exact set (1 when both are empty).
 * @example recallPrecision(new Set([1, 2]), new Set([2, 3])) // { recall: 0.5, precision: 0.5 }
 */
export function recallPrecision(returned: ReadonlySet<number>, exact: ReadonlySet<number>): { recall: number; precision: number } {
  let common = 0;
  for (const x of returned) if (exact.has(x)) common++;
  return {
    recall: exact.size === 0 ? 1 : common / exact.size,
    precision: returned.size === 0 ? (exact.size === 0 ? 1 : 0) : common / returned.size,
  };
}

/**
 * Runs `fn` and returns its result with the wall time it took, in milliseconds.
 * @example const { value, ms } = timed(() => 1 + 1)
 */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** Async version of `timed`. */
export async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}
