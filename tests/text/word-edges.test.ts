/**
 * Exact phrases at the edges of words (`word-edges.ts`) against a brute-force oracle: a regular expression over
 * the original text that lets whitespace stand between any two of the key's characters and asks, where the key
 * begins (ends) with a Latin letter or a digit, that no letter or digit touches it there, nor a point or comma
 * that joins the digit to another (`5` is not in `5.5`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holds } from '../../src/index/checks.js';
import { PassageKeys } from '../../src/index/passage-keys.js';
import type { Passage } from '../../src/model.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import { hasWordEdge, occursAsWords, partedAlong, partedIn, wordOffsets } from '../../src/text/word-edges.js';

const LATIN_OR_DIGIT = /[a-z0-9]/;
const escape = (c: string): string => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Non-overlapping occurrences of `key` in `text`, found by a regular expression over the text itself. */
function oracle(text: string, key: string): number {
  // Full-width Ａ is a; NFKC and lower case keep every character of the alphabet below one code unit.
  const folded = text.normalize('NFKC').toLowerCase();
  const chars = [...key];
  // A number with its point or comma (`5.5`, `1,200`) is one word: a digit of the key is not joined to another by one.
  const before = (LATIN_OR_DIGIT.test(chars[0] ?? '') ? '(?<![a-z0-9])' : '') + (/[0-9]/.test(chars[0] ?? '') ? '(?<![0-9][.,])' : '');
  const after = (LATIN_OR_DIGIT.test(chars.at(-1) ?? '') ? '(?![a-z0-9])' : '') + (/[0-9]/.test(chars.at(-1) ?? '') ? '(?![.,][0-9])' : '');
  const pattern = new RegExp(`${before}${chars.map(escape).join('\\s*')}${after}`, 'g');
  return [...folded.matchAll(pattern)].length;
}

const unit = fc.constantFrom('a', 'i', '5', '２', 'g', 'Ａ', '甲', ' ', '\n', '.', ',', '．', '-');
const text = fc.string({ unit, maxLength: 24 });
const key = fc.string({ unit: fc.constantFrom('a', 'i', '5', '2', 'g', '甲', '.', ','), minLength: 1, maxLength: 3 });

const passage = (zh: string, en?: string): Passage => ({
  id: 'r-p0000',
  docId: 'r',
  ordinal: 0,
  kind: 'paragraph',
  sectionPath: [],
  text: zh,
  ...(en === undefined ? {} : { textEn: en }),
  start: 0,
  end: zh.length,
  paragraph: 1,
});

describe('phrases at the edges of words', () => {
  it('finds a key where the oracle does, as many times, whatever the spacing and width of the text', () => {
    fc.assert(
      fc.property(text, key, (t, k) => {
        const found = wordOffsets(t, normalizeForMatch(t).text, k);
        // The regular expression's matches do not overlap either, and find the same leftmost occurrences.
        expect(found).toHaveLength(oracle(t, k));
        expect(occursAsWords(t, normalizeForMatch(t).text, k)).toBe(found.length > 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells where whitespace stood between two units of the key the same way from the whole map and by walking', () => {
    fc.assert(
      fc.property(text, (t) => {
        const map = normalizeForMatch(t);
        const [whole, walked] = [partedIn(t, map), partedAlong(t)];
        for (let i = 1; i < map.text.length; i++) expect(walked(i)).toBe(whole(i));
      }),
      { numRuns: 500 },
    );
  });

  it('is the contains check of the plan interpreter, in the text or in its English', () => {
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), key, (zh, en, k) => {
        const keys = new PassageKeys([passage(zh, en)]);
        expect(holds({ kind: 'contains', key: k }, keys, 0)).toBe(oracle(zh, k) > 0 || (en !== undefined && oracle(en, k) > 0));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves a letter inside a word and a digit inside a number, and takes a word beside punctuation, Han characters or a line break', () => {
    const cases: Array<[string, string, number]> = [
      ['We will maintain growth.', 'ai', 0],
      ['said that AI will', 'ai', 1],
      ['AI-powered, AI’s', 'ai', 2],
      ['45G and 5G', '5g', 1],
      ['推进5G网络', '5g网络', 1],
      ['到2035年', '2035', 1],
      ['20350', '2035', 0],
      ['rural\nrevitalization', 'ruralrevitalization', 1],
      ['Rurality', 'rural', 0],
      ['ＡＩ产业', 'ai', 1],
      ['发展高质量发展', '发展', 2],
      // A number with its point or comma is one word.
      ['增长5.5%左右，增长5%左右', '5%左右', 1],
      ['增长7．5%', '5%', 0],
      ['1,200 million and 200 million', '200million', 1],
      ['增长5.5%', '增长5', 0],
      ['2025.', '2025', 1],
      ['1. 5G网络', '5g网络', 1],
      ['5.5%', '5.5%', 1],
    ];
    for (const [t, k, n] of cases) expect([t, k, wordOffsets(t, normalizeForMatch(t).text, k).length]).toEqual([t, k, n]);
  });

  it('says which keys have an edge in a word of a spaced script', () => {
    expect(['ai', '5g网络', '网络5g', '乡村振兴', '“两带”', 'économie'].map(hasWordEdge)).toEqual([true, true, true, false, false, true]);
  });
});
