import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQueries } from '../../bench/queries.js';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { type BackendQuery, type SearchBackend } from '../../src/index/backend.js';
import { buildIndex, factsOf } from '../../src/index/build.js';
import { MiniSearchBackend } from '../../src/index/minisearch-backend.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import type { Passage } from '../../src/model.js';
import { REPO_ROOT } from '../../src/paths.js';
import { PassageKeys } from '../../src/index/passage-keys.js';
import { planQuery } from '../../src/search/plan.js';
import { testCrossLang } from '../crosslang/helpers.js';
import { parseQuery } from '../../src/search/query-parser.js';

let passages: Passage[];
let keys: PassageKeys;
let postings: SearchBackend;
let reference: SearchBackend;

beforeAll(async () => {
  const { docs } = await readCorpus([path.join(REPO_ROOT, 'corpus')]);
  passages = docs.flatMap((d) => chunkDocument(d));
  const data = { docs: docs.map((d) => d.meta), passages };
  postings = buildIndex(data).backend;
  reference = new MiniSearchBackend(passages, factsOf(data));
  keys = new PassageKeys(passages);
});

/** Every matching passage of a query on one backend, as sorted positions, with the total and facets. */
function answer(backend: SearchBackend, q: string) {
  const plan = planQuery(parseQuery(q), keys, { crossLang: testCrossLang() });
  const query: BackendQuery = { ...plan.query, offset: 0, limit: 100_000 };
  const result = backend.search(query);
  if (result instanceof Promise) throw new Error('the embedded backends answer synchronously');
  return { total: result.total, ids: result.hits.map((h) => h.index).sort((a, b) => a - b), facets: result.facets };
}

describe('the postings index against the MiniSearch reference', () => {
  it('returns the same passages, totals and facets for every benchmark query', { tags: ['slow'] }, () => {
    for (const { q } of loadQueries()) {
      expect({ q, ...answer(postings, q) }).toEqual({ q, ...answer(reference, q) });
    }
  });

  it('returns the same passages for random substrings of the corpus, quoted or not', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 8 }), fc.boolean(), (at, len, quoted) => {
        const passage = passages[at % passages.length] as Passage;
        const start = at % Math.max(1, passage.text.length - len);
        const sub = passage.text.slice(start, start + len).replace(/["“”「」『』\s-]/gu, '');
        fc.pre(sub.length > 0);
        const q = quoted ? `"${sub}"` : sub;
        expect(answer(postings, q)).toEqual(answer(reference, q));
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
