import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadQueries } from '../../bench/queries.js';
import type { BackendQuery, Verifier } from '../../src/index/backend.js';
import { factsOf, type CorpusData } from '../../src/index/build.js';
import { BlockMaximaCache } from '../../src/index/block-max.js';
import { DenseScratch } from '../../src/index/dense-scores.js';
import { verifierOver } from '../../src/index/checks.js';
import { PostingsBackend } from '../../src/index/postings-backend.js';
import type { PostingsIndex } from '../../src/index/postings-file.js';
import { PreparedAlternative } from '../../src/index/prepared-alternative.js';
import { PassageKeys } from '../../src/index/passage-keys.js';
import { planQuery } from '../../src/search/plan.js';
import { parseQuery } from '../../src/search/query-parser.js';
import { analyze } from '../../src/text/analyzer.js';
import { testCrossLang } from '../crosslang/helpers.js';
import { seedIndex } from './seed-index.js';

let data: CorpusData;
let index: PostingsIndex;
let keys: PassageKeys;
let pruned: PostingsBackend;
let exhaustive: PostingsBackend;
/** Term at a time whenever the postings allow it. */
let dense: PostingsBackend;
/** Every plain query's candidates and facets kept, and its page ranked among its alternatives' kept best. */
let heads: PostingsBackend;
/** Every verified query of one alternative a group scored after its walk, term at a time over its matches. */
let later: PostingsBackend;
let verifier: Verifier;
/** Words of the corpus (jieba's, two characters or more), for random multi-word queries. */
let words: string[];

beforeAll(async () => {
  ({ data, index } = await seedIndex());
  const facts = factsOf(data);
  keys = new PassageKeys(data.passages);
  verifier = verifierOver(keys);
  pruned = new PostingsBackend(index, facts, verifier);
  exhaustive = new PostingsBackend(index, facts, verifier, { exhaustive: true });
  dense = new PostingsBackend(index, facts, verifier, { denseFrom: 0, broadFrom: Number.POSITIVE_INFINITY });
  heads = new PostingsBackend(index, facts, verifier, { broadFrom: 0 });
  later = new PostingsBackend(index, facts, verifier, { scoredLaterFrom: 0 });
  const seen = new Set<string>();
  for (const p of data.passages.slice(0, 400)) for (const t of analyze(p.text).words) if ([...t.term].length >= 2) seen.add(t.term);
  words = [...seen].sort();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The backend query of `q` with a page (its adjacency bonus bounded by the sum of its weights). */
function planned(q: string, offset: number, limit: number): BackendQuery | null {
  const plan = planQuery(parseQuery(q), keys, { crossLang: testCrossLang() });
  if (plan.empty) return null;
  return { ...plan.query, offset, limit };
}

/** The pruned and the exhaustive answers of a query (null when it plans to nothing). */
function both(q: string, offset: number, limit: number) {
  const query = planned(q, offset, limit);
  if (!query) return null;
  return { q, offset, limit, pruned: pruned.search(query), exhaustive: exhaustive.search(query), dense: dense.search(query), heads: heads.search(query), later: later.search(query) };
}

/** The pruned, term-at-a-time, kept-heads and scored-later answers equal the exhaustive one. */
function expectSame(answer: ReturnType<typeof both>): void {
  if (!answer) return;
  expect(answer.pruned).toEqual(answer.exhaustive);
  expect(answer.later).toEqual(answer.exhaustive);
  expect(answer.dense).toEqual(answer.exhaustive);
  expect(answer.heads).toEqual(answer.exhaustive);
}

// Small pages most often: the fewer kept, the higher the bar a bound must clear, the more is pruned.
const page = fc.record({
  offset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
  limit: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 25 })),
});
const filters = fc.constantFrom('', ' year:2024', ' year:2021', ' kind:paragraph', ' kind:heading', ' doc:xizang-2024');

describe('the pruned search (scoring only what can still enter the page)', () => {
  it('gives the page, scores, total and facets of scoring every match, for every benchmark query and page', { tags: ['slow'] }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...loadQueries().map((b) => b.q)), page, (q, { offset, limit }) => {
        expectSame(both(q, offset, limit));
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('gives the same answers for random substrings of the corpus, quoted or not, with filters', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 6 }), fc.boolean(), filters, page, (at, len, quoted, filter, { offset, limit }) => {
        const passage = data.passages[at % data.passages.length];
        const start = at % Math.max(1, passage.text.length - len);
        const sub = passage.text.slice(start, start + len).replace(/["“”「」『』\s:()（）-]/gu, '');
        fc.pre(sub.length > 0);
        expectSame(both(`${quoted ? `"${sub}"` : sub}${filter}`, offset, limit));
      }),
      { numRuns: 300, seed: 23 },
    );
  });

  it('gives the same answers for random sets of corpus words, with OR, exclusions and filters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('', ' OR ', ' -'),
        filters,
        page,
        (picks, join, filter, { offset, limit }) => {
          const chosen = picks.map((i) => words[i % words.length]);
          const q = chosen.length > 1 ? `${chosen.slice(0, -1).join(' ')}${join || ' '}${chosen[chosen.length - 1]}` : chosen[0];
          expectSame(both(`${q}${filter}`, offset, limit));
        },
      ),
      { numRuns: 300, seed: 29 },
    );
  });

  it('scores a fraction of the matches of a frequent word to find its best passage, and finds the same', () => {
    // 建设 (268 matches). With 发展 the sum of its three sources' block maxima (bigrams, words, headings of
    // body paragraphs) stays above the best body paragraph across most blocks, now that headings count half
    // (`prior.ts`), and most matches are scored: a known limit of the bounds, not of their correctness.
    const query = planned('建设', 0, 1);
    if (!query) throw new Error('建设 plans to nothing');
    const score = vi.spyOn(PreparedAlternative.prototype, 'score');
    const fast = pruned.search(query);
    const scoredPruned = score.mock.calls.length;
    const full = exhaustive.search(query);
    const scoredAll = score.mock.calls.length - scoredPruned;
    expect(fast).toEqual(full);
    expect(full.total).toBeGreaterThan(100);
    expect(scoredAll).toBeGreaterThanOrEqual(full.total);
    expect(scoredPruned).toBeLessThan(scoredAll / 4);
  });

  it('stops bounding the matches of a phrase when its bounds keep letting them through, and finds the same', () => {
    // A phrase's bounds are its bigrams' block maxima, above most of its matches: bounding them all costs
    // more than it saves, so after a run of bounds that do not prune, `offer` scores some matches unbounded.
    const query = planned('"高质量发展"', 0, 3);
    if (!query) throw new Error('"高质量发展" plans to nothing');
    const boundAt = vi.spyOn(PreparedAlternative.prototype, 'boundAt');
    const score = vi.spyOn(PreparedAlternative.prototype, 'score');
    const fast = pruned.search(query);
    const [bounded, scored] = [boundAt.mock.calls.length, score.mock.calls.length];
    expect(fast).toEqual(exhaustive.search(query));
    expect(fast.total).toBeGreaterThan(30);
    // Every match past the page is either bounded or scored unbounded; fewer than all of them were bounded.
    expect(bounded + scored).toBeGreaterThanOrEqual(fast.total);
    expect(bounded).toBeLessThan(fast.total - query.limit);
  });

  it('reads the adjacency bonus only of the matches that could enter with all of it, and finds the same', () => {
    // 经济 发展: its pair 经济发展 earns a bonus that reads the passage's text; a match whose score with the whole
    // bonus cannot enter the page is not read.
    const query = planned('经济 发展', 0, 1);
    if (!query?.adjacency) throw new Error('经济 发展 plans no adjacency');
    const bonus = vi.spyOn(verifier, 'bonus');
    const fast = pruned.search(query);
    const read = bonus.mock.calls.length;
    expect(fast).toEqual(exhaustive.search(query));
    expect(fast.total).toBeGreaterThan(30);
    expect(read).toBeLessThan(fast.total / 4);
  });

  it('scores a broad word term at a time, and finds the same page as scoring it passage by passage', () => {
    const query = planned('发展', 0, 10);
    if (!query) throw new Error('发展 plans to nothing');
    const densify = vi.spyOn(PreparedAlternative.prototype, 'densify');
    expect(dense.search(query)).toEqual(exhaustive.search(query));
    expect(densify).toHaveBeenCalled();
  });

  it('ranks a broad word once: later pages come from its kept best and its kept facets, and are the same', () => {
    const backend = new PostingsBackend(index, factsOf(data), verifier, { broadFrom: 0 });
    const query = planned('发展', 0, 10);
    if (!query) throw new Error('发展 plans to nothing');
    const first = backend.search(query);
    const score = vi.spyOn(PreparedAlternative.prototype, 'score');
    const densify = vi.spyOn(PreparedAlternative.prototype, 'densify');
    const second = backend.search(query);
    const deeper = backend.search({ ...query, offset: 20, limit: 30 });
    const scored = score.mock.calls.length;
    expect(densify).not.toHaveBeenCalled();
    const full = exhaustive.search(query);
    expect(first).toEqual(full);
    expect(second).toEqual(full);
    expect(deeper).toEqual(exhaustive.search({ ...query, offset: 20, limit: 30 }));
    expect(full.total).toBeGreaterThan(200);
    expect(scored).toBeLessThan(full.total / 2);
    expect(second.facets).toBe(first.facets);
    expect(Object.isFrozen(second.facets.doc)).toBe(true);
  });

  it('gives each alternative the same score term at a time as passage by passage, bit for bit', () => {
    const scratch = new DenseScratch(data.passages.length);
    for (const { q } of loadQueries()) {
      const query = planned(q, 0, 10);
      if (!query) continue;
      for (const alternative of [...query.groups, ...(query.soft?.groups ?? [])].flat()) {
        const byPassage = new PreparedAlternative(alternative, index, new BlockMaximaCache(), verifier);
        const byTerm = new PreparedAlternative(alternative, index, new BlockMaximaCache(), verifier);
        if (byTerm.candidates === null) continue;
        const scores = byTerm.densify(scratch);
        for (const p of byTerm.candidates) expect(scores[p]).toBe(byPassage.score(p));
        byTerm.release(scratch);
      }
    }
    // Given back cleared: every array handed out again is all zeros, and so are the sums.
    expect(scratch.take().every((x) => x === 0)).toBe(true);
    expect(scratch.sums.every((x) => x === 0) && scratch.counts.every((x) => x === 0)).toBe(true);
  });

  it('gives the matches the same scores term at a time over them alone as passage by passage, bit for bit', () => {
    const scratch = new DenseScratch(data.passages.length);
    const alternatives = loadQueries()
      .map(({ q }) => planned(q, 0, 10))
      .flatMap((query) => (query ? [...query.groups, ...(query.soft?.groups ?? [])].flat() : []));
    fc.assert(
      fc.property(fc.constantFrom(...alternatives), fc.array(fc.nat(), { maxLength: 60 }), (alternative, picks) => {
        const byPassage = new PreparedAlternative(alternative, index, new BlockMaximaCache(), verifier);
        const byTerm = new PreparedAlternative(alternative, index, new BlockMaximaCache(), verifier);
        const candidates = byPassage.candidates ?? Uint32Array.from(data.passages.keys());
        fc.pre(candidates.length > 0);
        // A random ascending subset of the candidates, as a verified walk leaves its matches.
        const at = Uint32Array.from(new Set(picks.map((i) => candidates[i % candidates.length]))).sort();
        const scores = byTerm.densify(scratch, at);
        for (const p of at) expect(scores[p]).toBe(byPassage.score(p));
        byTerm.release(scratch);
      }),
      { numRuns: 300, seed: 31 },
    );
    expect(scratch.take().every((x) => x === 0)).toBe(true);
    expect(scratch.sums.every((x) => x === 0) && scratch.counts.every((x) => x === 0)).toBe(true);
  });

  it('scores the matches of a phrase after its walk, term at a time, and finds the same page', () => {
    const query = planned('"高质量发展"', 0, 10);
    if (!query) throw new Error('"高质量发展" plans to nothing');
    const densify = vi.spyOn(PreparedAlternative.prototype, 'densify');
    const answer = later.search(query);
    expect(densify).toHaveBeenCalledTimes(1);
    expect(densify.mock.calls[0]?.[1]?.length).toBe(answer.total);
    expect(answer).toEqual(exhaustive.search(query));
    expect(answer.total).toBeGreaterThan(query.limit);
  });

  it('never bounds a match below its score', () => {
    for (const { q } of loadQueries()) {
      const query = planned(q, 0, 10);
      if (!query) continue;
      const all = [...query.groups, ...(query.soft?.groups ?? [])].flat();
      for (const alternative of all) {
        const maxima = new BlockMaximaCache();
        const prepared = new PreparedAlternative(alternative, index, maxima, verifier);
        const candidates = prepared.candidates ?? Uint32Array.from(data.passages.keys());
        for (const p of candidates) {
          if (!prepared.matches(p)) continue;
          expect(prepared.boundAt(p)).toBeGreaterThanOrEqual(prepared.score(p));
        }
      }
    }
  });

  it('bounds afresh from block maxima once its term-at-a-time scores are given back', () => {
    const scratch = new DenseScratch(data.passages.length);
    let checked = 0;
    for (const { q } of loadQueries()) {
      const query = planned(q, 0, 10);
      if (!query) continue;
      for (const alternative of query.groups.flat()) {
        const prepared = new PreparedAlternative(alternative, index, new BlockMaximaCache(), verifier);
        const candidates = prepared.candidates;
        if (candidates === null || candidates.length < 2) continue;
        // Bounded from the dense scores up to the last candidate, then given back.
        prepared.densify(scratch);
        prepared.boundAt(candidates[candidates.length - 1]);
        prepared.release(scratch);
        for (const p of candidates) expect(prepared.boundAt(p)).toBeGreaterThanOrEqual(prepared.score(p));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
