/**
 * Latency sampling shared by the engine, the scan and the peers: a warm-up pass, then rounds over the
 * whole query list until a time budget is spent (at least `minRounds`, at most `maxRounds`).
 */
import { latencyOf, type Latency } from './stats.js';

export interface SamplingOptions {
  budgetMs: number;
  minRounds: number;
  maxRounds: number;
}

export const DEFAULT_SAMPLING: SamplingOptions = { budgetMs: 4000, minRounds: 3, maxRounds: 30 };

/** Samples of each item, in milliseconds, after one untimed warm-up pass. */
export function sample<T>(items: readonly T[], run: (item: T) => unknown, options: SamplingOptions = DEFAULT_SAMPLING): number[][] {
  const samples: number[][] = items.map(() => []);
  for (const item of items) run(item);
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
 * `sample` for an asynchronous `run`: each sample is the time until its promise settles. The warm-up pass is
 * timed too, into `firstAsks` when given (each item's first time: what the memos not yet filled cost).
 */
export async function sampleAsync<T>(
  items: readonly T[],
  run: (item: T) => Promise<unknown>,
  options: SamplingOptions = DEFAULT_SAMPLING,
  firstAsks?: number[],
): Promise<number[][]> {
  const samples: number[][] = items.map(() => []);
  for (const item of items) {
    const s = performance.now();
    await run(item);
    firstAsks?.push(performance.now() - s);
  }
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
