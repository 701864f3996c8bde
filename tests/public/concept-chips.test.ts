/**
 * public/js/concept-chips.js, what the "Searched for" line shows for the page's script and the server's page
 * alike: each chip's status, terms, note and the query without its words (checked against a brute-force
 * removal on random queries), and the feedback words shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conceptChips, FEEDBACK_SHOWN, feedbackWords } from '../../public/js/concept-chips.js';
import type { QueryConcept } from '../../src/search/types.js';

const translated = (en: string, ...zh: string[]): QueryConcept => ({ en, status: 'translated', terms: zh.map((z) => ({ zh: z, source: 'glossary', weight: 1 })) });

describe('conceptChips', () => {
  it('gives each concept with words a chip, in order, with its terms, its note and the query without it', () => {
    const concepts: QueryConcept[] = [
      { en: 'help', status: 'ignored', terms: [{ zh: '帮助', source: 'dictionary', weight: 1 }] },
      translated('herders', '牧民'),
      { en: '', status: 'translated', terms: [] },
      { en: 'zorblaxian', status: 'untranslated', terms: [] },
      { en: 'jobs', status: 'translated', terms: [] },
    ];
    expect(conceptChips(concepts, 'help herders zorblaxian jobs')).toEqual([
      { en: 'help', status: 'ignored', terms: [], note: 'ignored', without: 'herders zorblaxian jobs' },
      { en: 'herders', status: 'translated', terms: [{ zh: '牧民', source: 'glossary' }], note: null, without: 'help zorblaxian jobs' },
      { en: 'zorblaxian', status: 'untranslated', terms: [], note: 'notTranslated', without: 'help herders jobs' },
      { en: 'jobs', status: 'translated', terms: [], note: 'notTranslated', without: 'help herders zorblaxian' },
    ]);
  });

  it('reads an unknown status as untranslated, drops an unknown source and empty terms, and offers no drop for words not in the query', () => {
    const odd = { en: 'tourism', status: 'maybe', terms: [{ zh: '旅游', source: 'oracle', weight: 1 }, { zh: '', source: 'glossary', weight: 1 }] };
    expect(conceptChips([odd as unknown as QueryConcept], '"tourism" -tourism')).toEqual([
      { en: 'tourism', status: 'untranslated', terms: [{ zh: '旅游', source: null }], note: 'notTranslated', without: null },
    ]);
    expect(conceptChips(undefined, 'tourism')).toEqual([]);
  });

  it('drops exactly a concept\'s word from any query of distinct words (brute force: the other words, in order)', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 6 }), (words) => {
        const chips = conceptChips(words.map((w) => translated(w, '词')), words.join(' '));
        expect(chips.map((c) => c.without)).toEqual(words.map((w) => words.filter((other) => other !== w).join(' ')));
      }),
    );
  });
});

describe('feedbackWords', () => {
  it(`keeps the first ${FEEDBACK_SHOWN} words that are non-empty strings`, () => {
    const words = ['牧民', '', '就业', null, '转移', '农牧', '高校', '劳务', '万人', '应届', '创业'];
    expect(feedbackWords(words)).toEqual(['牧民', '就业', '转移', '农牧', '高校', '劳务', '万人', '应届']);
    expect(feedbackWords(undefined)).toEqual([]);
    expect(feedbackWords('牧民')).toEqual([]);
  });
});
