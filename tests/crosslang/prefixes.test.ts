import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sense } from '../../src/crosslang/expand.js';
import { type PrefixMeaning, joinedPrefixes, lessWord, prefixMeaning, prefixedSenses, standsApart, suffixMorphemes } from '../../src/crosslang/prefixes.js';

const sense = (term: string, weight: number): Sense => ({ term, source: 'dictionary', weight });

describe('prefixMeaning', () => {
  it('knows the hyphenated prefixes of policy English and whether each turns its word around', () => {
    expect(prefixMeaning('non')).toEqual({ morphemes: ['非'], negates: true });
    expect(prefixMeaning('under')).toEqual({ morphemes: ['欠'], negates: true });
    expect(prefixMeaning('post')).toEqual({ morphemes: ['后'], negates: false });
    expect(prefixMeaning('cross')?.morphemes).toEqual(['跨']);
    expect(prefixMeaning('self')?.morphemes).toEqual(['自']);
    expect(prefixMeaning('economy')).toBeUndefined();
  });
});

describe('prefixes written apart or joined', () => {
  it('lets a prefix that is no word stand apart (non, anti), not one that is a word (cross, over) or may be an abbreviation (co)', () => {
    expect(['non', 'anti', 'multi', 'semi'].every(standsApart)).toBe(true);
    expect(['cross', 'over', 'post', 'co', 'self'].some(standsApart)).toBe(false);
  });

  it('splits a word at every prefix it begins with, longest first, leaving four letters at least', () => {
    expect(joinedPrefixes('nonfossil')).toEqual([[prefixMeaning('non'), 'fossil']]);
    expect(joinedPrefixes('nonfossil')[0]?.[0]).toEqual({ morphemes: ['非'], negates: true });
    expect(joinedPrefixes('interest')).toEqual([]);
    expect(joinedPrefixes('underemployment')).toEqual([[prefixMeaning('under'), 'employment'], [prefixMeaning('un'), 'deremployment']]);
    expect(joinedPrefixes('reemployment').map(([meaning]) => meaning.morphemes)).toEqual([['再']]);
  });

  it('reads -less as 无 before the word, leaving three letters at least', () => {
    expect(lessWord('cashless')).toEqual([{ morphemes: ['无'], negates: true }, 'cash']);
    expect(lessWord('jobless')?.[1]).toBe('job');
    expect(lessWord('bless')).toBeNull();
    expect(lessWord('lessons')).toBeNull();
  });

  it('matches a brute-force split over the table: each split is a known prefix and the rest of the word', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[a-z]{1,14}$/), fc.stringMatching(/^(?:non|un|under|inter|in|co|counter|sub|super|semi|mid|micro|pre|post)[a-z]{0,8}$/)), (word) => {
        // Every beginning of the word that is a prefix, leaving four letters, longest first.
        const expected: Array<[PrefixMeaning, string]> = [];
        for (let k = word.length - 4; k >= 1; k--) {
          const meaning = prefixMeaning(word.slice(0, k));
          if (meaning) expected.push([meaning, word.slice(k)]);
        }
        expect(joinedPrefixes(word)).toEqual(expected);
      }),
    );
  });
});

describe('prefixedSenses', () => {
  it('puts the morpheme before each of the word\'s first senses: non + 化石 → 非化石, post + 疫情 → 后疫情', () => {
    expect(prefixedSenses({ morphemes: ['非'], negates: true }, [sense('化石', 0.6)]).map((s) => s.term)).toEqual(['非化石']);
    expect(prefixedSenses({ morphemes: ['后'], negates: false }, [sense('疫情', 1)]).map((s) => [s.term, s.weight])).toEqual([['后疫情', 1], ['疫情', 0.5]]);
    // A sense that already begins with the morpheme is not doubled (跨 + 跨境 is no word).
    expect(prefixedSenses({ morphemes: ['跨'], negates: false }, [sense('跨境', 0.6)]).map((s) => s.term)).toEqual(['跨境']);
  });

  it('matches a brute-force composition: every built sense is a morpheme and one of the first four senses, and a negating prefix keeps none of the word\'s own', () => {
    const han = fc.stringMatching(/^[\u4e00-\u9fa5]{1,4}$/);
    fc.assert(
      fc.property(fc.array(han, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(han, fc.double({ min: 0.01, max: 1, noNaN: true })), { maxLength: 8 }), fc.boolean(), (morphemes, pairs, negates) => {
        const senses = pairs.map(([t, w]) => sense(t, w));
        const out = prefixedSenses({ morphemes, negates }, senses);
        const expected: Array<[string, number]> = [];
        for (const m of morphemes) for (const s of senses.slice(0, 4)) if (!s.term.startsWith(m)) expected.push([m + s.term, s.weight]);
        if (!negates) for (const s of senses) expected.push([s.term, s.weight * 0.5]);
        expect(out.map((s) => [s.term, s.weight])).toEqual(expected);
      }),
    );
  });
});

describe('suffixMorphemes', () => {
  it('knows the words policy English writes after a hyphen as suffixes, each a Chinese word of two characters or more', () => {
    expect(suffixMorphemes('first')).toEqual(['优先']);
    expect(suffixMorphemes('driven')).toEqual(['驱动']);
    expect(suffixMorphemes('oriented')).toEqual([]); // its own senses hold 导向
    expect(suffixMorphemes('policy')).toEqual([]);
    for (const word of ['first', 'led', 'driven']) for (const m of suffixMorphemes(word)) expect([...m].length).toBeGreaterThan(1);
  });
});
