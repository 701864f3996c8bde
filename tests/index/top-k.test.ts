import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topK } from '../../src/index/top-k.js';

describe('the best k results', () => {
  it('picks the same page as sorting everything by score, ties in document order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 400 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 400, maxLength: 400 }),
        fc.integer({ min: 0, max: 120 }),
        (ids, rawScores, k) => {
          const scores = ids.map((_, i) => rawScores[i] / 2);
          const all = ids.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || ids[a] - ids[b]);
          expect(topK(ids, scores, k)).toEqual(all.slice(0, k));
        },
      ),
      { numRuns: 300 },
    );
  });
});
