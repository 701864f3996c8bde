/**
 * The bench's sampling: a warm-up of one untimed pass and more until its time has passed, then timed rounds, the
 * same for every engine measured; the asynchronous form times the warm-up's first pass as first asks.
 */
import { describe, expect, it } from 'vitest';
import { sample, sampleAsync } from '../../bench/measure.js';

/** A run that takes about `ms` of wall time and counts its calls. */
function busy(ms: number) {
  const calls = { n: 0 };
  const run = (): void => {
    calls.n++;
    const end = performance.now() + ms;
    while (performance.now() < end);
  };
  return { run, calls };
}

describe('sample', () => {
  it('makes one untimed pass when the warm-up is 0, then its rounds', () => {
    const { run, calls } = busy(0);
    const samples = sample(['a', 'b', 'c'], run, { budgetMs: 0, minRounds: 2, maxRounds: 2, warmUpMs: 0 });
    expect(samples.map((s) => s.length)).toEqual([2, 2, 2]);
    expect(calls.n).toBe(3 + 6);
  });

  it('keeps passing untimed over every item until the warm-up time has passed, whole passes only', () => {
    const { run, calls } = busy(1);
    const samples = sample(['a', 'b'], run, { budgetMs: 0, minRounds: 1, maxRounds: 1, warmUpMs: 30 });
    const warmUp = calls.n - samples.flat().length;
    expect(warmUp % 2).toBe(0);
    // About 15 passes of 2 ms; at least the 30 ms, so well over the one pass.
    expect(warmUp).toBeGreaterThanOrEqual(4);
  });
});

describe('sampleAsync', () => {
  it('times the first pass as first asks, and warms up for its time after it', async () => {
    let calls = 0;
    const firstAsks: number[] = [];
    const run = async (): Promise<void> => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    const samples = await sampleAsync(['a', 'b', 'c'], run, { budgetMs: 0, minRounds: 1, maxRounds: 1, warmUpMs: 40 }, firstAsks);
    expect(firstAsks).toHaveLength(3);
    expect(samples.map((s) => s.length)).toEqual([1, 1, 1]);
    expect(calls - 3 - 3).toBeGreaterThanOrEqual(3);
    expect((calls - 3) % 3).toBe(0);
  });
});
