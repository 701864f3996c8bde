/**
 * Sentences and occurrences in a match key, shared by the proximity operators (`near.ts`) and the proximity
 * reranking of English concepts (`proximity.ts`: concepts in one sentence, and side by side), against
 * brute-force scans of random keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { occurrences, sentenceOf, sentenceStarts } from '../../src/index/key-sentences.js';
import { juxtaposition, sentenceProximity } from '../../src/search/proximity.js';

const ENDS = '。！？；!?;\n';
/** Keys over a small alphabet with every sentence end and some near misses (，、：.), so that terms and sentences recur. */
const key = fc.array(fc.constantFrom(...'甲乙丙丁', ...ENDS, '，', '、', '：', '.'), { maxLength: 60 }).map((cs) => cs.join(''));
const term = fc.array(fc.constantFrom(...'甲乙丙丁'), { minLength: 1, maxLength: 3 }).map((cs) => cs.join(''));

/** Brute force: the sentence of offset `at` is the number of sentence ends before it. */
const sentenceAt = (text: string, at: number): number => [...text.slice(0, at)].filter((c) => ENDS.includes(c)).length;
const starts = (text: string, t: string): number[] => [...text].flatMap((_, i) => (text.startsWith(t, i) ? [i] : []));

describe('sentences and occurrences in a match key', () => {
  it('finds every occurrence, overlapping ones too, up to a limit', () => {
    fc.assert(
      fc.property(key, term, fc.integer({ min: 1, max: 80 }), (text, t, limit) => {
        expect(occurrences(text, t)).toEqual(starts(text, t));
        expect(occurrences(text, t, limit)).toEqual(starts(text, t).slice(0, limit));
      }),
    );
    expect(occurrences('哈哈哈', '')).toEqual([]);
  });

  it('puts each offset in the sentence the ends before it say', () => {
    fc.assert(
      fc.property(key, (text) => {
        const s = sentenceStarts(text);
        for (let at = 0; at < text.length; at++) expect(sentenceOf(s, at)).toBe(sentenceAt(text, at));
      }),
    );
  });

  it('gives the share of consecutive concepts (of those present) whose terms share a sentence', () => {
    fc.assert(
      fc.property(key, fc.array(fc.array(term, { minLength: 1, maxLength: 2 }), { maxLength: 4 }), (text, concepts) => {
        const sentencesOf = (terms: string[]): Set<number> => new Set(terms.flatMap((t) => starts(text, t).slice(0, 64).map((at) => sentenceAt(text, at))));
        const present = concepts.map(sentencesOf).filter((s) => s.size > 0);
        let together = 0;
        for (let i = 0; i + 1 < present.length; i++) if ([...(present[i] ?? [])].some((s) => present[i + 1]?.has(s))) together++;
        expect(sentenceProximity(text, concepts)).toBe(concepts.length < 2 ? 0 : together / (concepts.length - 1));
      }),
    );
  });

  it('counts the pairs of neighbouring concepts said side by side, in either order', () => {
    const concepts = fc.array(fc.array(term, { minLength: 1, maxLength: 3 }), { maxLength: 4 });
    fc.assert(
      fc.property(key, concepts, (text, cs) => {
        // Brute force: some term of one ends where a term of the other begins.
        const follows = (a: readonly string[], b: readonly string[]): boolean => a.some((x) => starts(text, x).some((i) => b.some((y) => text.startsWith(y, i + x.length))));
        let joined = 0;
        for (let i = 0; i + 1 < cs.length; i++) if (follows(cs[i] ?? [], cs[i + 1] ?? []) || follows(cs[i + 1] ?? [], cs[i] ?? [])) joined++;
        expect(juxtaposition(text, cs)).toBe(cs.length < 2 ? 0 : joined / (cs.length - 1));
      }),
    );
  });

  it('finds a phrase of two senses where the words of a report stand together, and not where they stand apart', () => {
    const concepts = [['带薪', '工资'], ['休假', '假期']];
    expect(juxtaposition('全面落实带薪休假制度，', concepts)).toBe(1);
    expect(juxtaposition('合理增加假期，保障工资按时足额发放。', concepts)).toBe(0);
    expect(juxtaposition('调查失业率', [['失业率'], ['调查']])).toBe(1);
    expect(juxtaposition('带薪休假', [['带薪']])).toBe(0);
  });
});
