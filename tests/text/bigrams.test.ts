import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigramTokens } from '../../src/text/bigrams.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import { readSeeds, unicodeText } from './fixtures.js';

const terms = (text: string): string[] => bigramTokens(text).map((token) => token.term);

/** The pieces of a text's match form between punctuation and symbols, as arrays of code points. */
function runPieces(text: string): string[][] {
  return normalizeForMatch(text)
    .text.split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((piece) => piece !== '')
    .map((piece) => [...piece]);
}

describe('bigramTokens', () => {
  it('emits every adjacent pair of a run and the run\'s last character alone', () => {
    expect(terms('西藏')).toEqual(['西藏', '藏']);
    expect(terms('藏')).toEqual(['藏']);
    expect(terms('亚洲水塔')).toEqual(['亚洲', '洲水', '水塔', '塔']);
  });

  it('breaks runs at punctuation and symbols but not at whitespace, which the match text removes', () => {
    expect(terms('6.8级')).toEqual(['6', '8级', '级']);
    expect(terms('“两带”')).toEqual(['两带', '带']);
    expect(bigramTokens('团结进\n步')).toEqual([
      { term: '团结', start: 0, end: 2 },
      { term: '结进', start: 1, end: 3 },
      { term: '进步', start: 2, end: 5 },
      { term: '步', start: 4, end: 5 },
    ]);
  });

  it('works on code points, normalized, with offsets into the original', () => {
    expect(bigramTokens('𠀀𠀁')).toEqual([
      { term: '𠀀𠀁', start: 0, end: 4 },
      { term: '𠀁', start: 2, end: 4 },
    ]);
    expect(terms('Ｇ３１８')).toEqual(['g3', '31', '18', '8']);
    expect(terms('鄉村')).toEqual(['乡村', '村']);
  });

  it('gives tokens whose original text contains the term once normalized, on random input', () => {
    fc.assert(
      fc.property(unicodeText, (text) => {
        for (const token of bigramTokens(text)) {
          expect([...token.term].length).toBeGreaterThanOrEqual(1);
          expect([...token.term].length).toBeLessThanOrEqual(2);
          expect(normalizeForMatch(text.slice(token.start, token.end)).text).toContain(token.term);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('indexes every bigram of any substring of a seed report, and a token starting with any single character', () => {
    const seeds = readSeeds().map((seed) => {
      const tokens = new Set(bigramTokens(seed.text).map((token) => token.term));
      const firsts = new Set([...tokens].map((term) => [...term][0]));
      return { text: seed.text, tokens, firsts };
    });
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 2, max: 12 }), (which, where, length) => {
        const { text, tokens, firsts } = seeds[which];
        let start = Math.floor(where * (text.length - length));
        if (text.charCodeAt(start) >= 0xdc00 && text.charCodeAt(start) <= 0xdfff) start++;
        let end = start + length;
        if (text.charCodeAt(end) >= 0xdc00 && text.charCodeAt(end) <= 0xdfff) end++;
        const substring = text.slice(start, end);
        for (const piece of runPieces(substring)) {
          if (piece.length === 1) expect(firsts.has(piece[0])).toBe(true);
          for (let i = 0; i + 1 < piece.length; i++) expect(tokens.has(piece[i] + piece[i + 1]), `${piece[i]}${piece[i + 1]} of ${substring}`).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
