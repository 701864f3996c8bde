import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { latencyOf, percentile, ratio, recallPrecision, spreadOf } from '../../bench/stats.js';

describe('benchmark statistics', () => {
  it('takes percentiles by nearest rank, so p50 and p99 are samples that were measured', () => {
    const samples = Array.from({ length: 200 }, (_, i) => 200 - i);
    expect(percentile(samples, 0.5)).toBe(100);
    expect(percentile(samples, 0.99)).toBe(198);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
    expect(latencyOf([0.0011, 0.0029, 5])).toEqual({ p50: 0.003, p99: 5, n: 3 });
  });

  it('spreads a list as its least, its nearest-rank median and its greatest element', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        expect(spreadOf(values)).toEqual({ min: sorted[0], median: sorted[Math.ceil(sorted.length / 2) - 1], max: sorted[sorted.length - 1] });
      }),
    );
    expect(spreadOf([5, 1, 3, 2])).toEqual({ min: 1, median: 2, max: 5 });
    expect(spreadOf([])).toEqual({ min: NaN, median: NaN, max: NaN });
  });

  it('gives no ratio against zero or a missing figure', () => {
    expect(ratio(1, 3)).toBe(0.333);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
  });

  it('scores a returned set against the exact set of passages containing a phrase', () => {
    expect(recallPrecision(new Set([1, 2, 3, 4]), new Set([2, 3]))).toEqual({ recall: 1, precision: 0.5 });
    expect(recallPrecision(new Set([2]), new Set([2, 3]))).toEqual({ recall: 0.5, precision: 1 });
    expect(recallPrecision(new Set(), new Set())).toEqual({ recall: 1, precision: 1 });
    expect(recallPrecision(new Set(), new Set([1]))).toEqual({ recall: 0, precision: 0 });
  });
});
