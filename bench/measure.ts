/**
 * Latency sampling shared by the engine, the scan and the peers, alike for each: a warm-up (one pass over the
 * whole query list, then more passes until `warmUpMs` has passed since it began), then rounds over the list until
 * a time budget is spent (at least `minRounds`, at most `maxRounds`). The warm-up is what makes the rounds measure
 * the steady state: after one pass the engine's code was still being optimized by V8 in the first timed rounds,
 * which then made its p99 at real (2.1 ms after one pass, 0.34 ms after thirty), while a peer's hardly moved.
 */
import { latencyOf, type Latency } from './stats.js';

export interface SamplingOptions {
  budgetMs: number;
  minRounds: number;
  maxRounds: number;
  /** Untimed passes after the first until this many ms have passed since the warm-up began (0: the first pass only). */
  warmUpMs: number;
}

/** A second of warm-up: at the real scale the engine's p99 is steady after about thirty passes (a pass takes 15–25 ms). */
export const WARM_UP_MS = 1000;

export const DEFAULT_SAMPLING: SamplingOptions = { budgetMs: 4000, minRounds: 3, maxRounds: 30, warmUpMs: WARM_UP_MS };

/** Samples of each item, in milliseconds, after the untimed warm-up. */
export function sample<T>(items: readonly T[], run: (item: T) => unknown, options: SamplingOptions = DEFAULT_SAMPLING): number[][] {
  const samples: number[][] = items.map(() => []);
  const warm = performance.now();
  do {
    for (const item of items) run(item);
  } while (performance.now() - warm < options.warmUpMs);
  const t0 = performance.now();
  for (let round = 0; round < options.maxRounds; round++) {
    if (round >= options.minRounds && performance.now() - t0 > options.budgetMs) break;
    items.forEach((item, i) => {
      const s = performance.now();
      run(item);
      samples[i]?.push(performance.now() - s);
    });
  }
  return samples;
}

/**
 * `sample` for an asynchronous `run`: each sample is the time until its promise settles. The warm-up's first pass
 * is timed too, into `firstAsks` when given (each item's first time: what the memos not yet filled cost).
 */
export async function sampleAsync<T>(
  items: readonly T[],
  run: (item: T) => Promise<unknown>,
  options: SamplingOptions = DEFAULT_SAMPLING,
  firstAsks?: number[],
): Promise<number[][]> {
  const samples: number[][] = items.map(() => []);
  const warm = performance.now();
  for (const item of items) {
    const s = performance.now();
    await run(item);
    firstAsks?.push(performance.now() - s);
  }
  while (performance.now() - warm < options.warmUpMs) for (const item of items) await run(item);
  const t0 = performance.now();
  for (let round = 0; round < options.maxRounds; round++) {
    if (round >= options.minRounds && performance.now() - t0 > options.budgetMs) break;
    for (const [i, item] of items.entries()) {
      const s = performance.now();
      await run(item);
      samples[i]?.push(performance.now() - s);
    }
  }
  return samples;
}

/**
 * p50/p99 over every sample of the chosen items (all when `pick` is omitted).
 * @example latencyOver([[1, 2], [3]]).p50 // 2
 */
export function latencyOver(samples: readonly number[][], pick?: readonly number[]): Latency {
  const chosen = pick ?? samples.map((_, i) => i);
  return latencyOf(chosen.flatMap((i) => samples[i] ?? []));
}
