import { describe, expect, it } from 'vitest';
import { matchRanges } from '../../src/search/highlight.js';
import { analyzeWords } from '../../src/text/analyzer.js';

const stems = (text: string): string[] => analyzeWords(text).map((t) => t.term);

describe('highlight ranges', () => {
  it('marks a phrase cut by a line break as one range of the original text', () => {
    const text = '并请各位政协委员和列席的同\n\n志提出意见。';
    const [range] = matchRanges(text, { keys: ['列席的同志'], terms: [] });
    expect(text.slice(range?.[0], range?.[1])).toBe('列席的同\n\n志');
  });

  it('marks English words by their stems in English text', () => {
    const text = 'We will promote tourism and the tourist economy.';
    const ranges = matchRanges(text, { keys: [], terms: stems('tourism') });
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['tourism']);
  });

  it('marks English words written in full-width letters inside Chinese text', () => {
    const text = '发展ＡＩ产业';
    const ranges = matchRanges(text, { keys: [], terms: stems('AI') });
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['ＡＩ']);
  });

  it('finds no English word in a text without Latin letters, and still marks its Chinese keys', () => {
    const text = '大力发展旅游业。';
    expect(matchRanges(text, { keys: ['旅游'], terms: stems('tourism') })).toEqual([[4, 6]]);
  });
});
