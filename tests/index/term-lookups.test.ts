/**
 * An alternative's term look-ups kept per alternative object: kept only for an alternative that cannot change
 * (frozen, as a kept plan's is), shared by the searches of it, and giving every search the scores, bounds,
 * totals, facets and hits that look-ups made afresh give, search after search (the cursors are per search).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQueries } from '../../bench/queries.js';
import type { Alternative, BackendQuery, Verifier } from '../../src/index/backend.js';
import { factsOf, type CorpusData } from '../../src/index/build.js';
import { BlockMaximaCache } from '../../src/index/block-max.js';
import { verifierOver } from '../../src/index/checks.js';
import { PassageKeys } from '../../src/index/passage-keys.js';
import { PostingsBackend } from '../../src/index/postings-backend.js';
import type { PostingsIndex } from '../../src/index/postings-file.js';
import { PreparedAlternative } from '../../src/index/prepared-alternative.js';
import { KeptLookups, lookUp } from '../../src/index/term-lookups.js';
import { planQuery } from '../../src/search/plan.js';
import { parseQuery } from '../../src/search/query-parser.js';
import { deepFrozen } from '../../src/text/deep-frozen.js';
import { testCrossLang } from '../crosslang/helpers.js';
import { seedVerified } from './seed-index.js';

let data: CorpusData;
let index: PostingsIndex;
let keys: PassageKeys;
let verifier: Verifier;

beforeAll(async () => {
  ({ data, index, keys, verifier } = await seedVerified());
});

/** The bench's queries and a few more shapes (prefix, rank terms, exclusion, near, soft English groups), planned. */
function plans(): BackendQuery[] {
  const extra = ['发展*', '教育 -学前教育', '旅游 /s 生态', 'tourism ecological protection', '乡村 振兴 year:2024', '"发展，推进"'];
  return [...loadQueries().map(({ q }) => q), ...extra].flatMap((q) => {
    const plan = planQuery(parseQuery(q), keys, { crossLang: testCrossLang() });
    return plan.empty ? [] : [{ ...plan.query, offset: 0, limit: 10 }];
  });
}

const alternativesOf = (query: BackendQuery): Alternative[] => [...query.groups.flat(), ...(query.soft?.groups.flat() ?? []), ...query.exclude];

describe('KeptLookups', () => {
  it('keeps a frozen alternative\'s look-ups, frozen, and looks an alternative that may change up afresh', () => {
    const kept = new KeptLookups(index);
    const alternative: Alternative = { kind: 'tokens', fields: ['bigrams', 'words'], terms: ['发展', '西藏'], rank: { fields: ['heading'], terms: ['发展'], weight: 1 } };
    const open = kept.of(alternative);
    expect(kept.of(alternative)).not.toBe(open);
    expect(kept.of(alternative)).toEqual(open);
    const frozen = deepFrozen(structuredClone(alternative));
    const first = kept.of(frozen);
    expect(kept.of(frozen)).toBe(first);
    expect(first).toEqual(open);
    expect(Object.isFrozen(first.exact[0]?.[0])).toBe(true);
    expect(Object.isFrozen(first.rank)).toBe(true);
    // A frozen alternative whose terms may still change is not kept.
    const shallow = Object.freeze({ ...alternative, terms: ['发展'] });
    expect(kept.of(shallow)).not.toBe(kept.of(shallow));
  });

  it('looks up each query term in each field that holds it, and each distinct rank term', () => {
    const found = lookUp({ kind: 'tokens', fields: ['bigrams'], terms: ['发展', '不在索引里的词'], rank: { fields: ['bigrams'], terms: ['发展', '发展'], weight: 1 } }, index);
    expect(found.exact.map((f) => f.length)).toEqual([1, 0]);
    expect(found.rank.length).toBe(1);
    expect(found.exact[0]?.[0]?.docs).toEqual(found.rank[0]?.[0]?.docs);
    expect(lookUp({ kind: 'scan', fields: ['bigrams'], terms: ['发展'] }, index).exact).toEqual([]);
  });
});

describe('kept look-ups against fresh ones', () => {
  it('give every alternative the same candidates, scores and bounds, bit for bit, search after search', () => {
    const kept = new KeptLookups(index);
    let compared = 0;
    for (const query of plans()) {
      for (const alternative of alternativesOf(deepFrozen(query))) {
        // Two searches of the same kept look-ups: the second reads what the first left, had it kept any state.
        for (let round = 0; round < 2; round++) {
          const again = new PreparedAlternative(alternative, index, new BlockMaximaCache(), verifier, kept.of(alternative));
          const fresh = new PreparedAlternative(alternative, index, new BlockMaximaCache(), verifier);
          const freshBounds = new PreparedAlternative(alternative, index, new BlockMaximaCache(), verifier);
          expect(again.candidates).toEqual(fresh.candidates);
          for (const p of (fresh.candidates ?? Uint32Array.of()).slice(0, 300)) {
            expect(again.boundAt(p)).toBe(freshBounds.boundAt(p));
            expect(again.score(p)).toBe(fresh.score(p));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('give a backend the same answers for a frozen plan, asked again and again, as for a plan that is not frozen', () => {
    const facts = factsOf(data);
    const backend = new PostingsBackend(index, facts, verifier);
    const reference = new PostingsBackend(index, facts, verifier);
    for (const query of plans()) {
      const frozen = deepFrozen(structuredClone(query));
      for (const page of [{ offset: 0, limit: 10 }, { offset: 5, limit: 20 }, { offset: 0, limit: 10 }]) {
        expect(backend.search({ ...frozen, ...page })).toEqual(reference.search({ ...structuredClone(query), ...page }));
      }
    }
  });
});
