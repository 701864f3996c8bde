import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Alternative, BackendQuery, Verifier } from '../../src/index/backend.js';
import { factsOf, type CorpusData } from '../../src/index/build.js';
import { verifierOver } from '../../src/index/checks.js';
import { PassageKeys } from '../../src/index/passage-keys.js';
import { PostingsBackend } from '../../src/index/postings-backend.js';
import type { PostingsIndex } from '../../src/index/postings-file.js';
import { FIELD_BOOSTS, INDEX_FIELDS } from '../../src/index/schema.js';
import { passagePrior } from '../../src/index/prior.js';
import { lookUp } from '../../src/index/term-lookups.js';
import { analyze, analyzeWords, phraseKey } from '../../src/text/analyzer.js';
import { seedIndex } from './seed-index.js';

let data: CorpusData;
let index: PostingsIndex;
let backend: PostingsBackend;
/** MiniSearch over the very same analyzed terms, as the engine used it before the postings backend. */
let mini: MiniSearch<{ id: number; words: string; bigrams: string; heading: string; en: string }>;
let words: Array<Set<string>>;

const SEP = '\u0001';

beforeAll(async () => {
  ({ data, index } = await seedIndex());
  backend = new PostingsBackend(index, factsOf(data), verifierOver(new PassageKeys(data.passages, index.keys)));
  mini = new MiniSearch({
    fields: INDEX_FIELDS,
    storeFields: [],
    tokenize: (text: string) => (text ? text.split(SEP) : []),
    processTerm: (t: string) => t,
    searchOptions: { tokenize: (t: string) => [t], processTerm: (t: string) => t, boost: FIELD_BOOSTS },
  });
  words = [];
  data.passages.forEach((p, id) => {
    const a = analyze(p.text);
    words.push(new Set(a.words.map((t) => t.term)));
    mini.add({
      id,
      words: a.words.map((t) => t.term).join(SEP),
      bigrams: a.bigrams.map((t) => t.term).join(SEP),
      heading: analyzeWords(p.sectionPath[p.sectionPath.length - 1] ?? '').map((t) => t.term).join(SEP),
      en: p.textEn ? analyzeWords(p.textEn).map((t) => t.term).join(SEP) : '',
    });
  });
});

const query = (groups: Alternative[][], more: Partial<BackendQuery> = {}): BackendQuery => ({
  groups,
  exclude: [],
  filters: {},
  offset: 0,
  limit: 100_000,
  ...more,
});

/** The passage's static factor (kind, recency), computed here from the corpus rather than read from the backend. */
const kindWeight = (id: number): number => {
  const years = data.docs.map((d) => d.year ?? null);
  const newest = years.reduce<number | null>((a, y) => (y !== null && (a === null || y > a) ? y : a), null);
  const passage = data.passages[id];
  const year = data.docs.find((d) => d.id === passage?.docId)?.year ?? null;
  return passagePrior(passage?.kind ?? 'paragraph', year, newest);
};
const bigramsOf = (phrase: string): string[] => [...new Set(analyze(phrase).bigrams.map((t) => t.term).filter((t) => [...t].length === 2))];

/** The scores MiniSearch gives an alternative (AND of its terms, or prefix), plus its weighted rank score. */
function miniScores(alt: Alternative): Map<number, number> {
  const found = new Map<number, number>();
  for (const r of mini.search({ queries: alt.terms, combineWith: 'AND' }, { fields: alt.fields, prefix: alt.prefix ?? false })) {
    found.set(r.id as number, r.score);
  }
  if (alt.rank) {
    const rank = alt.rank;
    for (const r of mini.search({ queries: rank.terms, combineWith: 'OR' }, { fields: rank.fields, filter: (x) => found.has(x.id as number) })) {
      found.set(r.id as number, (found.get(r.id as number) ?? 0) + rank.weight * r.score);
    }
  }
  return new Map([...found].map(([id, s]) => [id, s * kindWeight(id)]));
}

describe('scores', () => {
  it('are the ones MiniSearch gave for the same terms: phrases by bigrams, with their words as rank', () => {
    for (const phrase of ['高质量发展', '脱贫攻坚', '援藏', '铸牢中华民族共同体意识', '5G基站']) {
      const alt: Alternative = {
        kind: 'tokens',
        fields: ['bigrams'],
        terms: bigramsOf(phrase),
        rank: { fields: ['words', 'heading'], terms: analyze(phrase).words.map((t) => t.term), weight: 1 },
      };
      const expected = miniScores(alt);
      const result = backend.search(query([[alt]]));
      expect(result.total).toBe(expected.size);
      for (const hit of result.hits) expect(hit.score).toBeCloseTo(expected.get(hit.index) ?? NaN, 2);
    }
  });

  it('are the ones MiniSearch gave for English words over two fields and for a lone character by prefix', () => {
    const alts: Alternative[] = [
      { kind: 'tokens', fields: ['words', 'en'], terms: ['touris'] },
      { kind: 'tokens', fields: ['words', 'en'], terms: ['clean', 'energi'] },
      { kind: 'tokens', fields: ['bigrams'], terms: ['藏'], prefix: true },
      { kind: 'tokens', fields: ['bigrams'], terms: ['茶'], prefix: true },
    ];
    for (const alt of alts) {
      const expected = miniScores(alt);
      const result = backend.search(query([[alt]]));
      expect(result.total).toBe(expected.size);
      for (const hit of result.hits) expect(hit.score).toBeCloseTo(expected.get(hit.index) ?? NaN, 2);
    }
  });

  it('rank pages in score order, ties in document order, and the pages add up to the whole', () => {
    const alt: Alternative = { kind: 'tokens', fields: ['bigrams'], terms: bigramsOf('发展') };
    const all = backend.search(query([[alt]]));
    const scores = all.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const paged = [0, 10, 20, 30].flatMap((offset) => backend.search(query([[alt]], { offset, limit: 10 })).hits.map((h) => h.index));
    expect(paged).toEqual(all.hits.slice(0, 40).map((h) => h.index));
  });
});

describe('the set algebra', () => {
  it('returns exactly the passages brute force finds for AND of OR-groups, exclusions and filters, with their facets', () => {
    const common = ['发展', '建设', '西藏', '经济', '推进', '加强', '旅游', '教育', '生态', '改革', '农牧民', '就业'];
    const word = fc.constantFrom(...common);
    const years = [...new Set(data.docs.map((d) => d.year))];
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        fc.array(word, { maxLength: 2 }),
        fc.option(fc.constantFrom(...years), { nil: undefined }),
        (groups, excluded, year) => {
          const alt = (w: string): Alternative => ({ kind: 'tokens', fields: ['words'], terms: [w] });
          const q = query(groups.map((g) => g.map(alt)), { exclude: excluded.map(alt), filters: { year: year ?? undefined } });
          const yearOf = new Map(data.docs.map((d) => [d.id, d.year]));
          const expected = data.passages.flatMap((p, id) =>
            groups.every((g) => g.some((w) => words[id]?.has(w))) &&
            !excluded.some((w) => words[id]?.has(w)) &&
            (year === undefined || yearOf.get(p.docId) === year)
              ? [id]
              : [],
          );
          const result = backend.search(q);
          expect(result.total).toBe(expected.length);
          expect(result.hits.map((h) => h.index).sort((a, b) => a - b)).toEqual(expected);
          const facets = { doc: {} as Record<string, number>, year: {} as Record<string, number>, kind: {} as Record<string, number> };
          for (const id of expected) {
            const p = data.passages[id];
            const y = yearOf.get(p?.docId ?? '');
            if (!p) continue;
            facets.doc[p.docId] = (facets.doc[p.docId] ?? 0) + 1;
            if (y !== null && y !== undefined) facets.year[y] = (facets.year[y] ?? 0) + 1;
            facets.kind[p.kind] = (facets.kind[p.kind] ?? 0) + 1;
          }
          expect(result.facets).toEqual(facets);
          expect(Object.keys(result.facets.doc)).toEqual(data.docs.map((d) => d.id).filter((id) => id in facets.doc));
        },
      ),
      { numRuns: 60, seed: 20261124 },
    );
  });

  it('verifies candidates through the verifier it was given before keeping them, so a phrase returns only passages that contain it', () => {
    // The verifier is asked of every candidate but those whose words hold the phrase as one word (`vouched`).
    const key = phraseKey('高质量发展');
    // A brute-force verifier over the passages' text alone.
    const asked: number[] = [];
    const oracle: Verifier = {
      holds: (check, id) => (asked.push(id), check.kind === 'contains' && phraseKey(data.passages[id]?.text ?? '').includes(check.key)),
      bonus: () => 0,
    };
    const verified = new PostingsBackend(index, factsOf(data), oracle);
    const alt: Alternative = { kind: 'tokens', fields: ['bigrams'], terms: bigramsOf('高质量发展'), check: { kind: 'contains', key } };
    const expected = data.passages.flatMap((p, id) => (phraseKey(p.text).includes(key) ? [id] : []));
    const result = verified.search(query([[alt]]));
    expect(result.hits.map((h) => h.index).sort((a, b) => a - b)).toEqual(expected);
    const vouched = new Set(lookUp(alt, index).vouched ?? []);
    expect(vouched.size).toBeGreaterThan(0);
    expect(asked.filter((id) => vouched.has(id))).toEqual([]);
    expect(expected.filter((id) => !vouched.has(id) && !asked.includes(id))).toEqual([]);
    const scan = verified.search(query([[{ kind: 'scan', fields: [], terms: [], check: { kind: 'contains', key } }]]));
    expect(scan.total).toBe(expected.length);
    expect(backend.search(query([[alt]])).total).toBe(expected.length);
  });

  it('completes words from the words field with passage counts', () => {
    const got = backend.completions('words', '乡村', 5);
    expect(got.length).toBeGreaterThan(0);
    for (const c of got) expect(c.count).toBe(words.filter((w) => w.has(c.term)).length);
    expect(backend.completions('bigrams', '乡', 5)).toEqual([]);
  });
});
