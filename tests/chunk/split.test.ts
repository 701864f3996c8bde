import { describe, expect, it } from 'vitest';
import { splitPoints } from '../../src/chunk/split.js';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { passageWith, SEEDS, seedDoc, seedPassages, squash } from './seeds.js';

describe('splitPoints', () => {
  it('leaves a paragraph of up to 500 characters whole', () => {
    expect(splitPoints('甲'.repeat(499) + '。')).toEqual([]);
  });

  it('cuts only after a sentence end and not inside a quotation', () => {
    const text = `${'甲'.repeat(200)}。“${'乙'.repeat(150)}。${'丙'.repeat(150)}。”${'丁'.repeat(200)}。`;
    const quoteStart = 201;
    const quoteEnd = text.indexOf('”') + 1;
    const cuts = splitPoints(text);
    expect(cuts).toEqual([quoteStart, quoteEnd]);
    expect(text.slice(quoteStart, quoteEnd)).toMatch(/^“乙+。丙+。”$/u);
  });

  it('falls back to a sentence end inside brackets when a top-level sentence is too long', () => {
    const text = `（${'甲'.repeat(300)}。${'乙'.repeat(300)}。）`;
    expect(splitPoints(text)).toEqual([302]);
  });
});

describe('long paragraphs', () => {
  it('splits every paragraph over 500 characters of the seeds at sentence ends into pieces that keep its section', () => {
    const doc = seedDoc('xizang-2023-plan-report');
    const passages = seedPassages('xizang-2023-plan-report');
    const pieces = passages.filter((p) => p.sectionPath.at(-1) === '（四）特色产业持续发展');
    expect(pieces).toHaveLength(3);
    expect(pieces[0].text.startsWith('（四）特色产业持续发展。')).toBe(true);
    expect(squash(pieces.map((p) => p.text).join(''))).toBe(squash(doc.text.slice(pieces[0].start, pieces[2].end)));
    for (const p of pieces) {
      expect(p.text.length).toBeGreaterThanOrEqual(150);
      expect(p.text.length).toBeLessThanOrEqual(500);
      expect(p.text).toMatch(/[。！？]$/u);
    }
  });

  it('leaves no paragraph passage over 500 characters in the seeds unless it is one unsplittable sentence', () => {
    for (const { id } of SEEDS) {
      for (const p of seedPassages(id).filter((x) => x.kind === 'paragraph' && x.text.length > 500)) {
        expect(splitPoints(p.text)).toEqual([]);
      }
    }
  });

  it('splits the 1,734-character opening paragraph of the five-year plan into pieces between 150 and 500 characters', () => {
    const passages = seedPassages('xizang-14th-five-year-plan');
    const first = passageWith(passages, '“十三五”以来，在以习近平同志为核心的党中央坚强领导下');
    const section = passages.filter((p) => p.kind === 'paragraph' && p.sectionPath.at(-1) === first.sectionPath.at(-1));
    const pieces = section.slice(0, section.findIndex((p) => p.text.startsWith('这些成绩的取得')));
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    for (const p of pieces) expect(p.text.length).toBeGreaterThanOrEqual(150);
    for (const p of pieces) expect(p.text.length).toBeLessThanOrEqual(500);
  });

  it('honours custom split limits', () => {
    const passages = chunkDocument(seedDoc('xizang-2020-government-work-report'), { split: { max: 200, min: 60 } });
    const long = passages.filter((p) => p.kind === 'paragraph' && p.text.length > 200);
    for (const p of long) expect(splitPoints(p.text, { max: 200, min: 60 })).toEqual([]);
    expect(passages.length).toBeGreaterThan(seedPassages('xizang-2020-government-work-report').length);
  });
});
