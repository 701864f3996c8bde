import { describe, expect, it } from 'vitest';
import { assignTranslations } from '../../src/chunk/translations.js';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { ChunkError } from '../../src/chunk/errors.js';
import type { SourceDoc } from '../../src/model.js';
import { passageWith, seedDoc, seedPassages } from './seeds.js';

describe('assignTranslations', () => {
  it('gives each translation to the first passage it overlaps and joins several with a space', () => {
    const passages = [
      { start: 0, end: 10 },
      { start: 12, end: 20 },
      { start: 22, end: 30 },
    ];
    const english = assignTranslations(passages, [
      { start: 12, end: 16, textEn: 'One.' },
      { start: 16, end: 20, textEn: 'Two.' },
      { start: 0, end: 30, textEn: 'All.' },
      { start: 10, end: 12, textEn: 'Gap.' },
    ]);
    expect(english).toEqual(['All.', 'One. Two.', undefined]);
  });
});

describe('textEn on passages', () => {
  it('attaches the English of a translated paragraph, and of a split paragraph to its first part only', () => {
    const base = seedDoc('xizang-2024-government-work-report');
    const split = { max: 300 };
    const passages = chunkDocument(base, { split });
    const opening = passageWith(passages, '列席的同志提出意见');
    const first = passageWith(passages, '各位代表！今天的西藏正处在');
    const second = passages[first.ordinal + 1];
    expect(second.paragraph).toBe(first.paragraph);
    const doc: SourceDoc = {
      ...base,
      translations: [
        { start: opening.start, end: opening.end, textEn: 'I now present to you the report on the work of the government.' },
        { start: first.start, end: second.end, textEn: 'Fellow deputies, Xizang today is in a period of strategic opportunity.' },
      ],
    };
    const withEnglish = chunkDocument(doc, { split });
    expect(withEnglish[opening.ordinal].textEn).toBe('I now present to you the report on the work of the government.');
    expect(withEnglish[first.ordinal].textEn).toBe('Fellow deputies, Xizang today is in a period of strategic opportunity.');
    expect(withEnglish[second.ordinal].textEn).toBeUndefined();
    expect(withEnglish.filter((p) => p.textEn !== undefined)).toHaveLength(2);
    expect(passages.every((p) => !('textEn' in p))).toBe(true);
  });

  it('refuses a translation range outside the text with a coded error', () => {
    const doc: SourceDoc = { ...seedDoc('xizang-2023-plan-report'), translations: [{ start: 5, end: 1e9, textEn: 'x' }] };
    expect(() => chunkDocument(doc)).toThrow(ChunkError);
    try {
      chunkDocument(doc);
    } catch (error) {
      expect((error as ChunkError).code).toBe('CHUNK_TRANSLATION_RANGE');
    }
  });
});
