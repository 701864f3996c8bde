import { beforeAll, describe, expect, it } from 'vitest';
import type { IndexField } from '../../src/index/backend.js';
import type { CorpusData } from '../../src/index/build.js';
import { holds } from '../../src/index/checks.js';
import type { FieldPostings } from '../../src/index/postings.js';
import { decodePostings, encodePostings } from '../../src/index/postings-file.js';
import { keyAt, matchKeysOf, type MatchKeys } from '../../src/index/match-keys.js';
import { INDEX_FIELDS } from '../../src/index/schema.js';
import type { Passage } from '../../src/model.js';
import { PassageKeys } from '../../src/index/passage-keys.js';
import { phraseKey } from '../../src/text/analyzer.js';
import { seedIndex } from './seed-index.js';

let data: CorpusData;
let keys: MatchKeys;

beforeAll(async () => {
  const seeds = await seedIndex();
  data = seeds.data;
  keys = seeds.index.keys;
});

describe('match keys saved with the index', () => {
  it('are the phrase keys of every passage text and English text', () => {
    data.passages.forEach((p, i) => {
      expect(keyAt(keys.text, i)).toBe(phraseKey(p.text));
      expect(keyAt(keys.en, i)).toBe(p.textEn ? phraseKey(p.textEn) : '');
    });
  });

  it('keep lone surrogates and astral characters exactly through the file', () => {
    const odd: Passage[] = ['a\ud800b', '𠀀中 文', ''].map((text, ordinal) => ({
      id: `x-p${ordinal}`, docId: 'x', ordinal, kind: 'paragraph', sectionPath: [], text, start: 0, end: text.length,
    }));
    const back = decodePostings(encodePostings({ passages: odd.length, fields: emptyFields(odd.length), keys: matchKeysOf(odd) }), INDEX_FIELDS);
    odd.forEach((p, i) => expect(keyAt(back.keys.text, i)).toBe(phraseKey(p.text)));
  });

  it('are what the search stage verifies against when the index hands them over with its passages', () => {
    const passages = data.passages.slice();
    const computed = new PassageKeys(passages);
    const stored = new PassageKeys(passages, keys);
    for (let i = 0; i < passages.length; i += 7) {
      expect(stored.text(i)).toBe(computed.text(i));
      expect(holds({ kind: 'contains', key: computed.text(i).slice(2, 9) }, stored, i)).toBe(true);
    }
    expect(() => new PassageKeys(passages.slice(1), keys)).toThrow(expect.objectContaining({ code: 'MATCH_KEYS_MISMATCH' }));
  });
});

function emptyFields(passages: number): Record<IndexField, FieldPostings> {
  const field = (): FieldPostings => ({ terms: [], offsets: new Uint32Array(1), docs: new Uint32Array(0), tfs: new Uint16Array(0), lengths: new Uint32Array(passages), averageLength: 0 });
  return { words: field(), bigrams: field(), heading: field(), en: field() };
}
