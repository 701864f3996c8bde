import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { nearWords, oneLeftOut, scanNearWords, type NearWords, type WordCount } from '../../src/search/near-words.js';
import { bundledVocabulary } from './bundled-vocabulary.js';

let words: WordCount[];
let index: NearWords;

beforeAll(async () => {
  words = (await bundledVocabulary()).chinese;
  index = nearWords(words);
});

/** A corpus word with one random edit (or none), built from the corpus's own characters. */
const typed = (): fc.Arbitrary<string> =>
  fc
    .record({
      w: fc.integer({ min: 0, max: words.length - 1 }),
      at: fc.nat(),
      kind: fc.constantFrom('keep', 'substitute', 'insert', 'delete', 'swap'),
      other: fc.integer({ min: 0, max: words.length - 1 }),
    })
    .map(({ w, at, kind, other }) => {
      const chars = [...(words[w] as WordCount).word];
      const extra = [...(words[other] as WordCount).word][0] ?? '之';
      const i = at % chars.length;
      if (kind === 'substitute') chars[i] = extra;
      if (kind === 'insert') chars.splice(i, 0, extra);
      if (kind === 'delete') chars.splice(i, 1);
      if (kind === 'swap' && i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
      return chars.join('');
    });

describe('nearWords', () => {
  it('files a word under itself and each form with one character left out', () => {
    expect(oneLeftOut('振兴')).toEqual(['振兴', '兴', '振']);
    expect(oneLeftOut('𠀀村')).toEqual(['𠀀村', '村', '𠀀']);
  });

  it('finds 乡村振兴 one edit from 乡村振新 in the bundled corpus, and not the word itself', () => {
    expect(index.near('乡村振新', 1).map((n) => n.word)).toContain('乡村振兴');
    expect(index.near('乡村振兴', 1).map((n) => n.word)).not.toContain('乡村振兴');
    expect(index.count('乡村振兴')).toBeGreaterThan(0);
  });

  it('answers one-edit look-ups through its index exactly as a scan of every word does', { tags: ['slow'] }, () => {
    fc.assert(
      fc.property(typed(), (word) => {
        expect(index.near(word, 1)).toEqual(scanNearWords(words, word, 1));
      }),
      { numRuns: 150 },
    );
  });

  it('answers two-edit look-ups exactly as a scan of every word does', { tags: ['slow'] }, () => {
    fc.assert(
      fc.property(typed(), (word) => {
        expect(index.near(word, 2)).toEqual(scanNearWords(words, word, 2));
      }),
      { numRuns: 40 },
    );
  });
});
