import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HighlightMemo, MAX_HIGHLIGHTS, matchRanges, prepareText, preparedRanges, termPosition } from '../../src/search/highlight.js';
import { lowerBound } from '../../src/index/postings.js';
import type { HighlightPlan } from '../../src/search/plan.js';
import { makeSnippet, mergeRanges } from '../../src/search/snippet.js';
import { analyzeWords, normalizeForMatch, phraseKey } from '../../src/text/analyzer.js';

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

/**
 * The brute-force answer, uncapped: every occurrence of each key in the whole normalized text, mapped back
 * through the full offset map, and every analyzed word whose term is wanted.
 */
function oracle(text: string, plan: HighlightPlan): { ranges: Array<[number, number]>; count: number } {
  const { text: own, starts, ends } = normalizeForMatch(text);
  const raw: Array<[number, number]> = [];
  for (const k of plan.keys) {
    for (let at = own.indexOf(k); at !== -1; at = own.indexOf(k, at + k.length)) raw.push([starts[at] ?? 0, ends[at + k.length - 1] ?? 0]);
  }
  const wanted = new Set(plan.terms);
  const words = analyzeWords(text).filter((t) => wanted.has(t.term));
  for (const t of words) raw.push([t.start, t.end]);
  return { ranges: mergeRanges(raw), count: raw.length };
}

const report2024 = readFileSync(path.join(import.meta.dirname, '../../corpus/xizang-2024-government-work-report.txt'), 'utf8');

describe('highlight ranges, bounded', () => {
  it('are every match in each real paragraph (no real passage comes near the cap)', { tags: ['slow'] }, () => {
    const plans: HighlightPlan[] = [
      { keys: ['发展'], terms: [] },
      { keys: ['的', '西藏'], terms: [] },
      { keys: ['乡村振兴'], terms: stems('rural development') },
    ];
    const paragraphs = report2024.split('\n').filter((line) => line.trim().length > 0);
    expect(paragraphs.length).toBeGreaterThan(100);
    for (const plan of plans) {
      for (const text of paragraphs) {
        const expected = oracle(text, plan);
        expect(expected.count).toBeLessThan(MAX_HIGHLIGHTS);
        expect(matchRanges(text, plan)).toEqual(expected.ranges);
      }
    }
  });

  it('agree with the brute-force answer under the cap, and stay within it above the cap', () => {
    const pieces = fc.constantFrom('青稞', '青\n稞', '青', '稞', '产量', '，', ' ', 'yak', 'Yaks ', 'ＹＡＫ', '牦牛', '\u3000', '😀');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (parts, limit) => {
        const text = parts.join('');
        const plan: HighlightPlan = { keys: ['青稞', '牦牛', '青稞'], terms: stems('yak') }; // a key twice, as a query can plan it
        const expected = oracle(text, plan);
        const got = matchRanges(text, plan, undefined, limit);
        if (expected.count <= limit) {
          expect(got).toEqual(expected.ranges);
          return;
        }
        expect(got.length).toBeGreaterThan(0);
        expect(got.length).toBeLessThanOrEqual(limit);
        expect(got[0]?.[0]).toBe(expected.ranges[0]?.[0]);
        for (const [s, e] of got) expect(expected.ranges.some(([a, b]) => a <= s && e <= b)).toBe(true);
        expect(mergeRanges(got)).toEqual(got);
      }),
      { numRuns: 500 },
    );
  });

  it('survive a passage that repeats the word 150,000 times: the first MAX_HIGHLIGHTS, and a snippet around them', { tags: ['slow'] }, () => {
    const lines: string[] = [];
    for (let i = 0; i < 150_000; i++) lines.push(`第${i}项 青稞产量 牦牛存栏`);
    const text = lines.join('\n');
    const ranges = matchRanges(text, { keys: ['青稞'], terms: [] }, phraseKey(text));
    expect(ranges.length).toBe(MAX_HIGHLIGHTS);
    expect(ranges.every(([s, e]) => text.slice(s, e) === '青稞')).toBe(true);
    expect(ranges[0]).toEqual([text.indexOf('青稞'), text.indexOf('青稞') + 2]);
    const { snippet, highlights } = makeSnippet(text, ranges);
    expect(highlights.length).toBeGreaterThan(0);
    for (const [s, e] of highlights) expect(snippet.slice(s, e)).toBe('青稞');
  });
});

describe('prepared texts', () => {
  const plans: HighlightPlan[] = [
    { keys: ['发展'], terms: [] },
    { keys: ['的', '西藏'], terms: stems('Tibet') },
    { keys: ['乡村振兴'], terms: [...stems('rural development'), '发展', '旅游'] },
    { keys: [], terms: ['旅游', '就业', '5g', '2024'] },
  ];

  it('highlight every real paragraph as matchRanges does, for each plan and cap', () => {
    const paragraphs = report2024.split('\n').filter((line) => line.trim().length > 0);
    for (const text of paragraphs) {
      const prepared = prepareText(text);
      for (const plan of plans) {
        for (const limit of [1, 3, MAX_HIGHLIGHTS]) expect(preparedRanges(prepared, plan, limit)).toEqual(matchRanges(text, plan, phraseKey(text), limit));
      }
    }
  });

  it('highlight any text as matchRanges does (random Unicode, keys and words taken from the text)', () => {
    const text = fc.string({ unit: fc.constantFrom('青稞', '青\n稞', '牦牛', '，', ' ', 'yak', 'Yaks ', 'ＹＡＫ', '\u3000', '😀', '㋀', 'ﬁ', 'e\u0301', '\u200b', 'A-B', '發展'), maxLength: 40 });
    const noise = fc.string({ unit: 'binary', maxLength: 30 });
    fc.assert(
      fc.property(text, noise, fc.array(fc.nat(), { maxLength: 4 }), fc.integer({ min: 1, max: 5 }), (a, b, picks, limit) => {
        const whole = a + b;
        const key = phraseKey(whole);
        const words = analyzeWords(whole).map((t) => t.term);
        const keys = picks.map((p) => key.slice(p % Math.max(1, key.length), (p % Math.max(1, key.length)) + 1 + (p % 3))).filter(Boolean);
        const plan: HighlightPlan = { keys: [...keys, '青稞'], terms: [...picks.map((p) => words[p % Math.max(1, words.length)] ?? 'yak'), 'yak'] };
        expect(preparedRanges(prepareText(whole), plan, limit)).toEqual(matchRanges(whole, plan, key, limit));
      }),
      { numRuns: 1000 },
    );
  });

  it('give through the memo (bounded to 30 characters) what matchRanges gives, for any sequence of positions, texts and plans, a position’s text changing between calls', () => {
    const memo = new HighlightMemo(30);
    const texts = ['推进乡村 振兴，发展旅游业。', '发展 tourism 和乡村振兴', '发展'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), fc.nat(2), fc.nat(3)), { maxLength: 30 }), (calls) => {
        for (const [index, t, p] of calls) {
          const text = texts[t] ?? '';
          const plan = plans[p] as HighlightPlan;
          expect(memo.ranges(index, index % 2 === 0 ? 'text' : 'textEn', text, plan, phraseKey(text))).toEqual(matchRanges(text, plan, phraseKey(text)));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('termPosition', () => {
  it('finds where a key goes among sorted terms, as a search comparing whole strings does', () => {
    // Terms and keys of mixed scripts (ASCII, CJK, astral, lone surrogates, the empty string), sorted by code unit.
    const unit = fc.constantFrom('', 'a', 'b', 'z', '2', '发', '展', '西', '藏', '𠀀', '\ud800', '\uffff');
    const word = fc.array(unit, { maxLength: 3 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 12 }), word, (terms, key) => {
        const sorted = [...terms].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        expect(termPosition(sorted, key)).toBe(lowerBound(sorted, key));
      }),
      { numRuns: 3000, seed: 43 },
    );
  });
});
