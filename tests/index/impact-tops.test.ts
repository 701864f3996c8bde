import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestOf, ImpactTops, topKey } from '../../src/index/impact-tops.js';

/** Ascending, distinct positions below 500, with a score (few distinct values, so ties are common) and a prior each. */
const scored = fc
  .uniqueArray(fc.integer({ min: 0, max: 499 }), { maxLength: 200 })
  .chain((ids) => fc.tuple(fc.constant(Uint32Array.from(ids.sort((a, b) => a - b))), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 500, maxLength: 500 }), fc.array(fc.constantFrom(0.2, 0.5, 1), { minLength: 500, maxLength: 500 })));

describe('the kept best passages of broad alternatives', () => {
  it('ranks candidates by score times prior, ties to the lower position, exactly like a full sort', () => {
    fc.assert(
      fc.property(scored, fc.integer({ min: 0, max: 40 }), ([candidates, scores, priors], depth) => {
        const byScore = (p: number): number => scores[p] * priors[p];
        const sorted = [...candidates].sort((a, b) => byScore(b) - byScore(a) || a - b).slice(0, depth);
        expect([...bestOf(Float64Array.from(scores), candidates, (p) => priors[p], depth)]).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });

  it('ranks an alternative once and drops the least recently used beyond its bound', () => {
    const tops = new ImpactTops(2);
    let ranked = 0;
    const rank = (): Uint32Array => Uint32Array.of(ranked++);
    tops.of('a', rank);
    tops.of('b', rank);
    expect(tops.of('a', rank)).toEqual(Uint32Array.of(0));
    tops.of('c', rank);
    expect(ranked).toBe(3);
    expect(tops.of('b', rank)).toEqual(Uint32Array.of(3));
    expect(tops.of('c', rank)).toEqual(Uint32Array.of(2));
  });

  it('keys an alternative by what scores it, not by its label', () => {
    const a = { kind: 'tokens' as const, fields: ['bigrams' as const], terms: ['发展'] };
    expect(topKey({ ...a, label: 'development' })).toBe(topKey(a));
    expect(topKey({ ...a, weight: 0.5 })).not.toBe(topKey(a));
    expect(topKey({ ...a, rank: { fields: ['words'], terms: ['发展'], weight: 1 } })).not.toBe(topKey(a));
  });
});
