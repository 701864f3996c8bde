/**
 * A phrase's check is vouched for by the `words` field: a passage whose words hold the key as one word holds the
 * key in its match key, so the check need not read it (`term-lookups.ts`, `vouched`). What makes that safe is a
 * property of the index, checked here against the keys themselves over the seeds and over real reports of every
 * kind (Word, GBK text, the national reports): every passage a word's postings name holds the word in its key.
 * Then the alternative with its vouched list decides every passage as reading every key does.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Alternative } from '../../src/index/backend.js';
import type { Passage } from '../../src/model.js';
import { BlockMaximaCache } from '../../src/index/block-max.js';
import { indexPassages } from '../../src/index/build.js';
import { verifierOver } from '../../src/index/checks.js';
import { keysContain, PassageKeys } from '../../src/index/passage-keys.js';
import type { PostingsIndex } from '../../src/index/postings-file.js';
import { postingAt } from '../../src/index/postings.js';
import { PreparedAlternative } from '../../src/index/prepared-alternative.js';
import { lookUp } from '../../src/index/term-lookups.js';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import { substringAlternatives } from '../../src/search/plan.js';
import { hasWordEdge } from '../../src/text/word-edges.js';
import { describeWithShared, sharedPath } from '../shared-data.js';
import { seedVerified } from './seed-index.js';

/** The words (without a word edge) whose postings name a passage whose key lacks them: none is expected. */
function wordsNotInKeys(index: PostingsIndex, keys: PassageKeys): { checked: number; wrong: string[] } {
  const field = index.fields.words;
  const wrong: string[] = [];
  let checked = 0;
  for (let t = 0; t < field.terms.length; t++) {
    const term = field.terms[t] as string;
    if (hasWordEdge(term)) continue;
    const { docs } = postingAt(field, t);
    for (let i = 0; i < docs.length; i++) {
      checked++;
      if (!keys.text(docs[i]).includes(term)) wrong.push(`${term} @ ${docs[i]}`);
    }
  }
  return { checked, wrong };
}

describe('words vouch for a phrase check (seeds)', () => {
  let seeds: Awaited<ReturnType<typeof seedVerified>>;
  beforeAll(async () => {
    seeds = await seedVerified();
  });

  it('every passage a word names holds the word in its match key', () => {
    const { checked, wrong } = wordsNotInKeys(seeds.index, seeds.keys);
    expect(checked).toBeGreaterThan(20_000);
    expect(wrong).toEqual([]);
  });

  it('decides every passage as reading its key does, for words of the index as phrases', () => {
    const { data, index, keys, verifier } = seeds;
    const field = index.fields.words;
    // Every third Han word of three characters or more held by two passages or more, each its own phrase (a
    // phrase of one bigram needs no check: its bigram's postings are exact).
    const words = field.terms.filter((term, t) => /^\p{Script=Han}{3,}$/u.test(term) && postingAt(field, t).docs.length >= 2).filter((_, i) => i % 3 === 0);
    expect(words.length).toBeGreaterThan(300);
    let vouched = 0;
    for (const word of words) {
      const [alternative] = substringAlternatives(word).alternatives as [Alternative];
      expect(alternative.check).toEqual({ kind: 'contains', key: word });
      const lookups = lookUp(alternative, index);
      if (lookups.vouched) vouched++;
      const prepared = new PreparedAlternative(alternative, index, new BlockMaximaCache(), verifier, lookups);
      const decided: number[] = [];
      const read: number[] = [];
      for (let p = 0; p < data.passages.length; p++) {
        if (prepared.matches(p)) decided.push(p);
        if (keysContain(keys, p, word)) read.push(p);
      }
      expect(decided, word).toEqual(read);
    }
    expect(vouched).toBe(words.length);
  });

  it('vouches for nothing where a key has a word edge or is no word of the index', () => {
    const { index } = seeds;
    const [edged] = substringAlternatives('5G').alternatives as [Alternative];
    expect(lookUp(edged, index).vouched).toBeNull();
    // 村振兴 is a piece of 乡村振兴, no word: its check reads every candidate's key.
    const [notAWord] = substringAlternatives('村振兴').alternatives as [Alternative];
    expect(lookUp(notAWord, index).vouched).toBeNull();
    const [word] = substringAlternatives('乡村振兴').alternatives as [Alternative];
    expect(lookUp(word, index).vouched?.length).toBeGreaterThan(0);
  });
});

describe('words vouch for a phrase check (any text)', () => {
  // Han words, spaces of every kind, a tab, invisible characters (zero-width space, a variation selector, a soft
  // hyphen), full-width and Latin letters, digits and punctuation: what a key drops, keeps or breaks a run at.
  const pieces = ['乡村', '振兴', '发展', '基础设施', '建设', '民族团结', '进步', ' ', '\u3000', '\n', '\t', '\u200b', '\ufe0f', '\u00ad', '，', '。', 'Ａ', 'ai', '5G', '-', '2025'];
  const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 24 }).map((parts) => parts.join(''));

  it('every passage a word names holds the word in its match key, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (texts) => {
        const passages = texts.map((t, i): Passage => ({ id: `d-p${i}`, docId: 'd', ordinal: i, kind: 'paragraph', sectionPath: [], text: t, start: 0, end: t.length }));
        const index = indexPassages(passages);
        expect(wordsNotInKeys(index, new PassageKeys(passages, index.keys)).wrong).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describeWithShared('corpora', 'words vouch for a phrase check (real reports)', () => {
  it('every passage a word names holds the word in its key, in .docx, GBK text and the national reports', { tags: ['slow'], timeout: 300_000 }, async () => {
    const dirs = ['provincial-2025', 'district-gbk', 'national-zh'].map((d) => sharedPath('corpora', d));
    const { docs } = await readCorpus(dirs);
    const passages = docs.flatMap((d) => chunkDocument(d));
    const index = indexPassages(passages);
    const { checked, wrong } = wordsNotInKeys(index, new PassageKeys(passages, index.keys));
    expect(checked).toBeGreaterThan(500_000);
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});
