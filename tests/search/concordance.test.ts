import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesIn, sortOccurrences, type Occurrence } from '../../src/search/concordance.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import { wordOffsets } from '../../src/text/word-edges.js';

/** Occurrences of a key in a text that is its own match key (no whitespace, nothing to normalize). */
const keyOffsets = (text: string, key: string): number[] => wordOffsets(text, text, key);

describe('occurrences of a key without a word edge', () => {
  it('are non-overlapping, left to right, as many as splitting the text gives', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('发', '展', '哈') }), fc.string({ unit: fc.constantFrom('发', '展', '哈'), minLength: 1, maxLength: 3 }), (text, key) => {
        const found = keyOffsets(text, key);
        expect(found).toHaveLength(text.split(key).length - 1);
        for (const at of found) expect(text.slice(at, at + key.length)).toBe(key);
        for (let i = 1; i < found.length; i++) expect((found[i] as number) - (found[i - 1] as number)).toBeGreaterThanOrEqual(key.length);
      }),
    );
    expect(keyOffsets('哈哈哈', '哈哈')).toEqual([0]);
  });
});

describe('linesIn', () => {
  it('cuts the original text around the keyword, across line breaks and full-width letters', () => {
    const text = '全面推进乡村\n振兴，发展ＧＤＰ。';
    const key = normalizeForMatch(text).text;
    expect(linesIn(text, wordOffsets(text, key, '乡村振兴'), 4, 2)).toEqual([{ left: '推进', match: '乡村\n振兴', right: '，发', start: 4 }]);
    expect(linesIn(text, wordOffsets(text, key, 'gdp'), 3, 3)).toEqual([{ left: '，发展', match: 'ＧＤＰ', right: '。', start: 12 }]);
  });

  it('counts context in code points and never splits a surrogate pair', () => {
    const text = '𠀀𠀁乡村𠀂𠀃';
    const [line] = linesIn(text, wordOffsets(text, normalizeForMatch(text).text, '乡村'), 2, 1);
    expect(line).toEqual({ left: '𠀁', match: '乡村', right: '𠀂', start: 4 });
  });
});

describe('sortOccurrences', () => {
  const keys = ['甲发展乙', '乙发展甲', '发展', '丙发展'];
  const occurrences = (): Occurrence[] => keys.map((key, index) => ({ index, field: 'text', at: key.indexOf('发展') }));
  const context = { keyOf: (o: Occurrence) => keys[o.index] as string, yearOf: (o: Occurrence) => [2021, 2020, null, 2020][o.index] ?? null, length: 2 };

  it('orders by left context (nearest character first), right context and year, ties in document order', () => {
    expect(sortOccurrences(occurrences(), 'left', context).map((o) => o.index)).toEqual([2, 3, 1, 0].sort((a, b) => {
      const left = (i: number) => Array.from((keys[i] as string).slice(0, (keys[i] as string).indexOf('发展'))).reverse().join('');
      return left(a) < left(b) ? -1 : left(a) > left(b) ? 1 : a - b;
    }));
    expect(sortOccurrences(occurrences(), 'right', context).map((o) => o.index)).toEqual([2, 3, 0, 1]);
    expect(sortOccurrences(occurrences(), 'year', context).map((o) => o.index)).toEqual([1, 3, 0, 2]);
    expect(sortOccurrences(occurrences().reverse(), 'corpus', context).map((o) => o.index)).toEqual([0, 1, 2, 3]);
  });
});
