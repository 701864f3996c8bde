import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndexField } from '../../src/index/backend.js';
import type { PostingsIndex } from '../../src/index/postings-file.js';
import { documentFrequency, FieldPostingsBuilder, lowerBound, postingAt, prefixRange, termIndex, termLowerBound } from '../../src/index/postings.js';
import type { Passage } from '../../src/model.js';
import { analyze, analyzeWords } from '../../src/text/analyzer.js';
import { seedIndex } from './seed-index.js';

let index: PostingsIndex;
let passages: Passage[];
/** What the analyzer gives each passage, per field (the ground truth the postings must encode). */
let truth: Record<'words' | 'bigrams' | 'en', string[][]>;

beforeAll(async () => {
  const seeds = await seedIndex();
  index = seeds.index;
  passages = seeds.data.passages;
  truth = {
    words: passages.map((p) => analyze(p.text).words.map((t) => t.term)),
    bigrams: passages.map((p) => analyze(p.text).bigrams.map((t) => t.term)),
    en: passages.map((p) => (p.textEn ? analyzeWords(p.textEn).map((t) => t.term) : [])),
  };
});

describe('the postings of a field', () => {
  it('keeps terms sorted and distinct, with one offset more than terms', () => {
    for (const field of Object.values(index.fields)) {
      for (let t = 1; t < field.terms.length; t++) expect(field.terms[t - 1] < field.terms[t]).toBe(true);
      expect(field.offsets.length).toBe(field.terms.length + 1);
      expect(field.offsets[field.terms.length]).toBe(field.docs.length);
    }
  });

  it('lists, for every term of the seeds, exactly the passages the analyzer finds it in, with its count there', { tags: ['slow'] }, () => {
    for (const name of ['words', 'bigrams'] as const) {
      const field = index.fields[name];
      const expected = new Map<string, Array<[number, number]>>();
      truth[name].forEach((terms, p) => {
        const counts = new Map<string, number>();
        for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
        for (const [t, tf] of counts) {
          let list = expected.get(t);
          if (!list) expected.set(t, (list = []));
          list.push([p, tf]);
        }
      });
      expect(field.terms.length).toBe(expected.size);
      for (const [term, list] of expected) {
        const t = termIndex(field, term);
        expect(t).toBeGreaterThanOrEqual(0);
        const { docs, tfs } = postingAt(field, t);
        expect([...docs].map((d, i) => [d, tfs[i]])).toEqual(list);
      }
    }
  });

  it('measures each passage by its distinct terms, and averages over every passage', () => {
    for (const name of ['words', 'bigrams', 'en'] as const) {
      const field = index.fields[name];
      const lengths = truth[name].map((terms) => new Set(terms).size);
      expect([...field.lengths]).toEqual(lengths);
      expect(field.averageLength).toBeCloseTo(lengths.reduce((a, b) => a + b, 0) / passages.length, 9);
    }
  });

  it('finds a prefix as the contiguous range of the terms that start with it', () => {
    const field = index.fields.bigrams;
    for (const prefix of ['藏', '发', '高质', '5', 'zz', '']) {
      const [from, to] = prefixRange(field, prefix);
      expect(field.terms.slice(from, to)).toEqual(field.terms.filter((t) => t.startsWith(prefix)));
    }
    expect(termIndex(field, '不存在的词')).toBe(-1);
  });

  it('looks a key up among the terms of its first code unit, where a search of every term finds it', () => {
    // Keys near the terms: a term, a term cut or extended, or any string (astral, empty, past the last unit).
    const fieldNames = Object.keys(index.fields) as IndexField[];
    const keyOf = (field: IndexField, pick: number, cut: number, extra: string, kind: number): string => {
      const terms = index.fields[field].terms;
      const term = terms[pick % Math.max(1, terms.length)] ?? '';
      return kind === 0 ? term : kind === 1 ? term.slice(0, cut % (term.length + 1)) : kind === 2 ? term + extra : extra;
    };
    fc.assert(
      fc.property(fc.constantFrom(...fieldNames), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 3 }), fc.integer({ min: 0, max: 3 }), (name, pick, cut, extra, kind) => {
        const field = index.fields[name];
        const key = keyOf(name, pick, cut, extra, kind);
        const everywhere = lowerBound(field.terms, key);
        expect(termLowerBound(field.terms, key)).toBe(everywhere);
        expect(termIndex(field, key)).toBe(field.terms[everywhere] === key ? everywhere : -1);
      }),
      { numRuns: 2000, seed: 37 },
    );
    const builder = new FieldPostingsBuilder();
    builder.add(0, ['', 'a', '\uffff', '\uffff\uffff', '𠀀']);
    const edges = builder.finish(1);
    for (const key of ['', 'a', 'b', '\ud840', '𠀀', '𠀁', '\uffff', '\uffff\uffff', '\uffff\uffff\uffff']) {
      expect(termLowerBound(edges.terms, key)).toBe(lowerBound(edges.terms, key));
    }
  });

  it('counts passages, not occurrences, as a term document frequency', () => {
    const field = index.fields.words;
    const t = termIndex(field, '西藏');
    expect(documentFrequency(field, t)).toBe(truth.words.filter((terms) => terms.includes('西藏')).length);
  });

  it('leaves passages that were never added empty, and sorts terms by code unit', () => {
    const builder = new FieldPostingsBuilder();
    builder.add(1, ['b', 'a', 'b']);
    builder.add(3, ['𠀀', 'a']);
    const field = builder.finish(5);
    expect(field.terms).toEqual(['a', 'b', '𠀀']);
    expect([...field.lengths]).toEqual([0, 2, 0, 2, 0]);
    expect([...postingAt(field, 0).docs]).toEqual([1, 3]);
    expect([...postingAt(field, 1).tfs]).toEqual([2]);
  });
});

describe('every field is built', () => {
  it('holds the four fields over every passage', () => {
    const names: IndexField[] = ['words', 'bigrams', 'heading', 'en'];
    for (const name of names) expect(index.fields[name].lengths.length).toBe(passages.length);
    expect(index.passages).toBe(passages.length);
  });
});
