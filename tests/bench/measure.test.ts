/**
 * The bench's sampling: a warm-up of one untimed pass and more until its time has passed, then timed rounds, the
 * same for every engine measured; the asynchronous form times the warm-up's first pass as first asks. Each call's
 * time is noted, so that the warm-up's length is read off the calls themselves, not guessed from their number.
 */
import { describe, expect, it } from 'vitest';
import { sample, sampleAsync } from '../../bench/measure.js';

/** A run that takes about `ms` of wall time and notes when each call began. */
function busy(ms: number) {
  const began: number[] = [];
  const run = (): void => {
    began.push(performance.now());
    const end = performance.now() + ms;
    while (performance.now() < end);
  };
  return { run, began };
}

describe('sample', () => {
  it('makes one untimed pass when the warm-up is 0, then its rounds', () => {
    const { run, began } = busy(0);
    const samples = sample(['a', 'b', 'c'], run, { budgetMs: 0, minRounds: 2, maxRounds: 2, warmUpMs: 0 });
    expect(samples.map((s) => s.length)).toEqual([2, 2, 2]);
    expect(began).toHaveLength(3 + 6);
  });

  it('keeps passing untimed over every item until the warm-up time has passed, whole passes only', () => {
    const { run, began } = busy(1);
    const samples = sample(['a', 'b'], run, { budgetMs: 0, minRounds: 1, maxRounds: 1, warmUpMs: 30 });
    const warmUp = began.length - samples.flat().length;
    expect(warmUp % 2).toBe(0);
    // The first timed call began once the warm-up's 30 ms had passed (less the moment before its first call).
    expect(began[warmUp] - began[0]).toBeGreaterThanOrEqual(29);
  });
});

describe('sampleAsync', () => {
  it('times the first pass as first asks, and warms up for its time after it, whole passes only', async () => {
    const began: number[] = [];
    const firstAsks: number[] = [];
    const run = async (): Promise<void> => {
      began.push(performance.now());
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    const samples = await sampleAsync(['a', 'b', 'c'], run, { budgetMs: 0, minRounds: 1, maxRounds: 1, warmUpMs: 40 }, firstAsks);
    expect(firstAsks).toHaveLength(3);
    expect(samples.map((s) => s.length)).toEqual([1, 1, 1]);
    const warmUp = began.length - 3;
    expect(warmUp % 3).toBe(0);
    expect(began[warmUp] - began[0]).toBeGreaterThanOrEqual(39);
  });
});
