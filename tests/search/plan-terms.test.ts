/**
 * The terms a plan searches for a piece of text are the analyzer's: `substringAlternatives` normalizes the text
 * once and cuts the bigrams from that match text, and must find what `phraseKey` and `analyze` give, on random
 * text and on slices of the seed reports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { substringAlternatives } from '../../src/search/plan.js';
import { analyze, phraseKey } from '../../src/text/analyzer.js';
import { readSeeds, unicodeText } from '../text/fixtures.js';

const seeds = readSeeds().map((s) => s.text);
const seedSlice = fc.tuple(fc.nat(seeds.length - 1), fc.nat(), fc.integer({ min: 1, max: 24 })).map(([d, at, length]) => {
  const text = seeds[d] ?? '';
  const start = at % Math.max(1, text.length - length);
  return text.slice(start, start + length);
});
const mixed = fc.string({ unit: fc.constantFrom('西', '藏', '鄉', '村', 'G', '3', '1', '8', '-', 'e', 'c', 'o', ' ', '，', '\n', '．', 'Ａ'), maxLength: 16 });

/** The oracle: the key, the pair bigrams and the words, each computed on its own from the text. */
function termsTheLongWay(text: string): { key: string; bigrams: string[]; words: string[] } {
  const analyzed = analyze(text);
  return {
    key: phraseKey(text),
    bigrams: [...new Set(analyzed.bigrams.map((t) => t.term).filter((t) => [...t].length === 2))],
    words: [...new Set(analyzed.words.map((t) => t.term))],
  };
}

describe('the terms planned for a substring', () => {
  it('are the key, bigrams and words the analyzer gives', () => {
    fc.assert(
      fc.property(fc.oneof(seedSlice, mixed, unicodeText), (text) => {
        const planned = substringAlternatives(text);
        const { key, bigrams, words } = termsTheLongWay(text);
        if (!/[\p{L}\p{N}]/u.test(key)) {
          expect(planned.alternatives).toEqual([]);
          return;
        }
        expect(planned.keys).toEqual([key]);
        const [first] = planned.alternatives;
        if (bigrams.length > 0) expect(first?.terms).toEqual(bigrams);
        if (first?.kind !== 'scan') expect(first?.rank?.terms).toEqual(words);
        const english = planned.alternatives.find((a) => a.fields.includes('en'));
        if (english) expect(english.terms).toEqual(words);
      }),
      { numRuns: 500 },
    );
  });
});
