/**
 * Dates and percentages as reports type them: the circles a word processor offers for zero (○, ◯) are the numeral
 * 〇, so `一九八〇年` finds `一九八○年` and marks it where it stands; a number in digits and the same number in
 * numerals stay apart (exact matching), and the answer offers the query written the other way with its total.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/search/types.js';
import { openTempCorpusEngine, type TempCorpusEngine } from '../temp-corpus-engine.js';

const REPORT = [
  '2020年西藏自治区政府工作报告',
  '',
  '一九八○年，全区粮食产量创历史新高。',
  '',
  '一九八〇年以来，农牧民收入持续增长。',
  '',
  '到二〇三五年，基本实现社会主义现代化。',
  '',
  '1980年的统计数字与一九八◯年的说法并存。',
  '',
  '旅游业持续发展。',
  '',
  '三月五日，粮食产量比上年增长百分之十二点五。',
  '',
  'Grain output grew by 5% in March.',
  '',
  '赤字率为百分之四十。',
  '',
  '今年赤字率按百分之四左右安排。',
  '',
].join('\n');

let corpus: TempCorpusEngine;
beforeAll(async () => {
  corpus = await openTempCorpusEngine({ 'xizang-2020-government-work-report.txt': REPORT }, 'numbers-written-');
}, 120_000);
afterAll(() => corpus?.dispose());

const search = (q: string): Promise<SearchResponse> => corpus.engine.search(q, { limit: 20 });
const marked = (r: SearchResponse): string[][] => r.hits.map((h) => (h.textHighlights ?? []).map(([s, e]) => h.text.slice(s, e)));

describe('a year typed with a circle for zero', () => {
  it('is found by the numeral zero and by either circle, quoted or not, and marked as written', async () => {
    for (const q of ['一九八〇年', '"一九八○年"', '一九八◯年']) {
      const r = await search(q);
      expect(r.total).toBe(3);
      expect(marked(r).flat().sort()).toEqual(['一九八○年', '一九八〇年', '一九八◯年'].sort());
    }
  });
});

describe('a year in digits and the same year in numerals', () => {
  it('stay apart, and each answer offers the other with what it finds', async () => {
    const digits = await search('1980年');
    expect(digits.total).toBe(1);
    expect(digits.alsoWritten).toEqual({ query: '一九八〇年', reason: 'in-chinese-numerals', total: 3 });
    const numerals = await search('一九八○年');
    expect(numerals.alsoWritten).toEqual({ query: '1980年', reason: 'in-digits', total: 1 });
  });

  it('offers the other form when the query itself finds nothing, and its total is what searching it finds', async () => {
    const r = await search('2035年');
    expect(r.total).toBe(0);
    expect(r.alsoWritten).toEqual({ query: '二〇三五年', reason: 'in-chinese-numerals', total: 1 });
    expect((await search('二〇三五年')).total).toBe(1);
  });

  it('offers nothing when the other form finds nothing, or the query writes no year', async () => {
    expect((await search('二〇三五年')).alsoWritten).toBeUndefined();
    expect((await search('旅游')).alsoWritten).toBeUndefined();
    expect('alsoWritten' in (await corpus.engine.search('1980年', { suggest: false }))).toBe(false);
  });

  it('offers a date and a percentage written the other way, and nothing to an English query', async () => {
    expect((await search('3月5日')).alsoWritten).toEqual({ query: '三月五日', reason: 'in-chinese-numerals', total: 1 });
    const percent = await search('"增长12.5%"');
    expect(percent.total).toBe(0);
    expect(percent.alsoWritten).toEqual({ query: '"增长百分之十二点五"', reason: 'in-chinese-numerals', total: 1 });
    const english = await search('grain 5%');
    expect(english.total).toBeGreaterThan(0);
    expect('alsoWritten' in english).toBe(false);
  });
});

describe('a percentage of an English query in Chinese numerals', () => {
  it('finds the number it names, not a longer one that begins with it', async () => {
    // Both say the deficit ratio; only the second says 4% (百分之四), the first 40% (百分之四十).
    const r = await search('deficit 4%');
    expect(r.hits.map((h) => h.text)).toEqual(['今年赤字率按百分之四左右安排。', '赤字率为百分之四十。']);
    expect(r.hits[0]?.score).toBeGreaterThan(2 * (r.hits[1]?.score ?? 0));
  });
});
