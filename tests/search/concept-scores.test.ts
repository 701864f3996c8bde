/**
 * Structured-query scores of an English query's concepts (`search/concept-scores.ts`): a concept's senses count
 * as one term, so a passage's score follows how likely the sense it holds is, never how rare that sense is on
 * its own. Properties over random senses and counts, occurrences against a brute-force count, and one score
 * worked out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conceptScorer, countApart } from '../../src/search/concept-scores.js';

/** Occurrences apart, counted one position at a time. */
function bruteOccurrences(key: string, term: string): number {
  let n = 0;
  let i = 0;
  while (term !== '' && i + term.length <= key.length) {
    if (key.slice(i, i + term.length) === term) {
      n++;
      i += term.length;
    } else i++;
  }
  return n;
}

const HAN = fc.constantFrom('老', '区', '故', '事', '革', '命', '建', '设');

describe('countApart', () => {
  it('counts a term where it stands apart, as a scan position by position does', () => {
    fc.assert(
      fc.property(fc.string({ unit: HAN, maxLength: 30 }), fc.string({ unit: HAN, minLength: 1, maxLength: 3 }), (key, term) => {
        expect(countApart(key, term)).toBe(bruteOccurrences(key, term));
      }),
      { numRuns: 2000 },
    );
    expect(countApart('稳外贸稳外资', '稳外')).toBe(2);
    expect(countApart('aaaa', 'aa')).toBe(2);
    expect(countApart('老区', '')).toBe(0);
  });
});

describe('conceptScorer', () => {
  const corpus = { size: 1000, averageLength: 20 };

  it('ranks a passage by the likelihood of the sense it holds, whatever that sense’s own rarity', () => {
    // Two senses of one concept, each held once by a key of the same length: the likelier sense's key
    // scores higher however the passage counts fall (per-sense BM25 would favour the rarer one).
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.nat(999), fc.nat(999), (w1, w2, df1, df2) => {
        fc.pre(Math.abs(w1 - w2) > 1e-6);
        const score = conceptScorer([{ keys: ['老', '故事'], weights: [w1, w2] }], [[df1, df2]], corpus);
        expect(score('老区建设发展') > score('讲好故事发展')).toBe(w1 > w2);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives a concept one idf, from its senses’ passage counts weighed by their shares', () => {
    // Shares 2/3 and 1/3: 2/3 × 500 + 1/3 × 20 = 340 passages; one occurrence at the mean length.
    const score = conceptScorer([{ keys: ['老', '故事'], weights: [0.6, 0.3] }], [[500, 20]], { size: 1000, averageLength: 4 });
    const idf = Math.log(1 + (1000 - 340 + 0.5) / (340 + 0.5));
    const tf = 1 / 3;
    expect(score('讲好故事')).toBeCloseTo((idf * tf * 2.2) / (tf + 1.2), 10);
    expect(score('没有此词')).toBe(0);
  });

  it('is the same whatever the order of a concept’s senses', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.string({ unit: HAN, minLength: 1, maxLength: 2 }), weight: fc.double({ min: 0.01, max: 1, noNaN: true }), df: fc.nat(1000) }), { minLength: 1, maxLength: 5 }), fc.string({ unit: HAN, maxLength: 40 }), (senses, key) => {
        const forward = conceptScorer([{ keys: senses.map((s) => s.key), weights: senses.map((s) => s.weight) }], [senses.map((s) => s.df)], corpus);
        const back = [...senses].reverse();
        const backward = conceptScorer([{ keys: back.map((s) => s.key), weights: back.map((s) => s.weight) }], [back.map((s) => s.df)], corpus);
        expect(backward(key)).toBeCloseTo(forward(key), 9);
      }),
      { numRuns: 500 },
    );
  });

  it('multiplies by the square of the share of concepts a passage holds, as the soft AND does', () => {
    const one = conceptScorer([{ keys: ['革命'], weights: [1] }], [[10]], corpus);
    const two = conceptScorer([{ keys: ['革命'], weights: [1] }, { keys: ['老区'], weights: [1] }], [[10], [10]], corpus);
    expect(two('革命传统教育基地')).toBeCloseTo(one('革命传统教育基地') / 4, 10);
    expect(two('革命老区建设发展')).toBeGreaterThan(two('革命传统教育基地') * 4);
  });

  it('normalizes by length only when the corpus’s mean length is known', () => {
    const known = conceptScorer([{ keys: ['老区'], weights: [1] }], [[10]], corpus);
    const unknown = conceptScorer([{ keys: ['老区'], weights: [1] }], [[10]], { size: 1000, averageLength: 0 });
    expect(known('老区')).toBeGreaterThan(known(`老区${'的'.repeat(60)}`));
    expect(unknown('老区')).toBe(unknown(`老区${'的'.repeat(60)}`));
  });
});
