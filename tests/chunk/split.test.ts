import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SPLIT, splitPoints } from '../../src/chunk/split.js';
import { chunkDocument } from '../../src/chunk/chunk.js';
import type { SourceDoc } from '../../src/model.js';
import { passageWith, SEEDS, seedDoc, seedPassages, squash } from './seeds.js';

/**
 * The brute-force oracle over an alphabet without quotes or brackets: each piece is as long as the bound
 * allows, cut after the last 。 run, else the last ，, else at the bound (one back inside a surrogate pair).
 */
function oracleCuts(text: string, max: number): number[] {
  const isSentenceEnd = (c: number): boolean => c < text.length && text[c - 1] === '。' && text[c] !== '。';
  const isClauseEnd = (c: number): boolean => c < text.length && text[c - 1] === '，';
  const cuts: number[] = [];
  let from = 0;
  while (text.length - from > max) {
    let cut = -1;
    for (const test of [isSentenceEnd, isClauseEnd]) {
      for (let c = from + max; c > from && cut < 0; c--) if (test(c)) cut = c;
      if (cut >= 0) break;
    }
    if (cut < 0) cut = /[\udc00-\udfff]/u.test(text[from + max] ?? '') ? from + max - 1 : from + max;
    cuts.push(cut);
    from = cut;
  }
  return cuts;
}

describe('splitPoints: the hard bound', () => {
  it('leaves any paragraph within the bound whole, however many sentences it has', () => {
    expect(splitPoints(`${'甲'.repeat(300)}。`.repeat(13))).toEqual([]);
    expect(DEFAULT_SPLIT.max).toBeGreaterThanOrEqual(3000);
  });

  it('cuts past the bound at the last sentence end, then clause end, then anywhere', () => {
    expect(splitPoints(`${'甲'.repeat(5)}。${'乙'.repeat(5)}，${'丙'.repeat(5)}`, { max: 14 })).toEqual([6]);
    expect(splitPoints(`${'甲'.repeat(5)}；${'乙'.repeat(5)}，${'丙'.repeat(5)}`, { max: 14 })).toEqual([12]);
    expect(splitPoints('甲'.repeat(25), { max: 10 })).toEqual([10, 20]);
  });

  it('never cuts between the halves of a surrogate pair', () => {
    expect(splitPoints('𠀀'.repeat(6), { max: 5 })).toEqual([4, 8]);
  });

  it('cuts a 1 MB line without punctuation into pieces no longer than the bound', () => {
    const text = '藏'.repeat(1_000_000);
    const cuts = splitPoints(text);
    expect(cuts).toHaveLength(Math.ceil(text.length / DEFAULT_SPLIT.max) - 1);
    expect(cuts.every((c, k) => c - (cuts[k - 1] ?? 0) === DEFAULT_SPLIT.max)).toBe(true);
  });

  it('agrees with the brute-force oracle on random text and bounds', () => {
    const char = fc.constantFrom('甲', '。', '，', 'a', '𠀀');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 120 }), fc.integer({ min: 2, max: 40 }), (chars, max) => {
        const text = chars.join('');
        const cuts = splitPoints(text, { max });
        expect(cuts).toEqual(oracleCuts(text, max));
        const bounds = [0, ...cuts, text.length];
        for (let k = 1; k < bounds.length; k++) expect(bounds[k] - bounds[k - 1]).toBeLessThanOrEqual(max);
      }),
      { numRuns: 500 },
    );
  });
});

describe('whole paragraphs', () => {
  it('keeps every paragraph of the bundled reports whole: one passage each, numbered once', () => {
    for (const { id } of SEEDS) {
      const numbers = seedPassages(id)
        .filter((p) => p.kind === 'paragraph')
        .map((p) => p.paragraph);
      expect(new Set(numbers).size, id).toBe(numbers.length);
    }
  });

  it('keeps the 2023 plan report’s paragraph on special industries whole, with the sentence pair the cut used to break', () => {
    const passages = seedPassages('xizang-2023-plan-report');
    const pieces = passages.filter((p) => p.sectionPath.at(-1) === '（四）特色产业持续发展');
    expect(pieces).toHaveLength(1);
    expect(pieces[0].text.length).toBeGreaterThan(500);
    expect(passageWith(passages, '进项目建设。加快实施国家').kind).toBe('paragraph');
  });

  it('keeps the 1,734-character opening paragraph of the five-year plan in one passage', () => {
    const passages = seedPassages('xizang-14th-five-year-plan');
    const first = passageWith(passages, '“十三五”以来，在以习近平同志为核心的党中央坚强领导下');
    expect(first.text.length).toBeGreaterThan(1700);
    expect(first.paragraph).not.toBeNull();
  });

  it('gives the pieces of a paragraph past the bound one paragraph number, consecutive ids, and the paragraph’s text', () => {
    const seed = seedDoc('xizang-2020-government-work-report');
    const paragraph = `${'无标点的长段落'.repeat(1500)}。`;
    const doc: SourceDoc = { ...seed, text: seed.text.replace('各位代表:', `各位代表:\n${paragraph}\n`) };
    const passages = chunkDocument(doc);
    const long = passages.filter((p) => /^[无标点的长段落]+。?$/u.test(p.text));
    expect(long.length).toBe(Math.ceil(paragraph.length / DEFAULT_SPLIT.max));
    expect(new Set(long.map((p) => p.paragraph))).toEqual(new Set([2]));
    expect(long.map((p) => p.ordinal)).toEqual(long.map((_, k) => long[0].ordinal + k));
    expect(long.map((p) => p.text).join('')).toBe(paragraph);
    expect(passages.find((p) => p.text.startsWith('现在，我代表'))?.paragraph).toBe(3);
    expect(squash(passages.map((p) => p.text).join(''))).toBe(squash(doc.text));
  });
});
