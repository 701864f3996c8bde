import { beforeAll, describe, expect, it } from 'vitest';
import type { NearWords } from '../../src/search/near-words.js';
import { correctSpelling, englishVocabulary, englishWordCounts } from '../../src/search/spelling.js';
import { bundledVocabulary } from './bundled-vocabulary.js';

let vocabulary: NearWords;

beforeAll(async () => {
  const { source } = await bundledVocabulary();
  vocabulary = englishVocabulary(source.englishTexts(), source.englishForms());
});

describe('English words', () => {
  it('counts words case-insensitively, apostrophes inside kept', () => {
    expect(englishWordCounts(["Tourism and tourism in Xiong'an"])).toEqual(new Map([['tourism', 2], ['and', 1], ['in', 1], ["xiong'an", 1]]));
  });

  it('knows the glossary words the corpus lacks, once', () => {
    const small = englishVocabulary(['tourism'], ['ecological tourism']);
    expect(small.count('ecological')).toBe(1);
    expect(small.count('tourism')).toBe(1);
  });
});

describe('English spelling over the bundled corpus, the glossary and the lexicon', () => {
  it('corrects toursim to tourism first, and economc to an economy word', () => {
    expect(correctSpelling(vocabulary, 'toursim', 3)[0]).toBe('tourism');
    expect(correctSpelling(vocabulary, 'economc', 3)[0]).toMatch(/^econom/u);
  });

  it('keeps a capital', () => {
    expect(correctSpelling(vocabulary, 'Toursim', 1)).toEqual(['Tourism']);
  });

  it('leaves known words, short words and non-words alone', () => {
    expect(correctSpelling(vocabulary, 'tourism', 3)).toEqual([]);
    expect(correctSpelling(vocabulary, 'tax', 3)).toEqual([]);
    expect(correctSpelling(vocabulary, 'G318', 3)).toEqual([]);
  });

  it('proposes only words it knows, never the word itself', () => {
    for (const typed of ['toursim', 'ecologcal', 'povrety', 'infrastucture']) {
      const proposals = correctSpelling(vocabulary, typed, 3);
      expect(proposals.length, typed).toBeGreaterThan(0);
      for (const word of proposals) {
        expect(vocabulary.count(word.toLowerCase())).toBeGreaterThan(0);
        expect(word).not.toBe(typed);
      }
    }
  });
});
