/**
 * The pruned search of the Sphinx backend (`top-k-run.ts`: each alternative's best rows, counts and facets
 * from the shards) against its exhaustive search (every match fetched and ranked in Node), on one two-shard
 * cluster: the same page (passages, scores, labels, order), the same total and the same facets, for random
 * queries of the corpus's words (AND, OR, exclusions, adjacent pairs, filters) and random pages.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk.js';
import type { BackendFilters, BackendQuery } from '../../src/index/backend.js';
import type { CorpusData } from '../../src/index/build.js';
import { openSphinxBackend, type SphinxBackend } from '../../src/index/sphinx/index.js';
import { passagePrior } from '../../src/index/prior.js';
import { priorExpression } from '../../src/index/sphinx/ranked-fetch.js';
import { KIND_CODES } from '../../src/index/sphinx/rows.js';
import { SqlConnection } from '../../src/index/sphinx/sphinxql.js';
import { prunable } from '../../src/index/sphinx/top-k-run.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import { planQuery } from '../../src/search/plan.js';
import { parseQuery } from '../../src/search/query-parser.js';
import { REPO_ROOT, clusterOrSkip } from '../../scripts/sphinx/throwaway-cluster.js';
import { testCrossLang } from '../crosslang/helpers.js';

const cluster = clusterOrSkip();

let data: CorpusData;
let pruned: SphinxBackend;
/**
 * Pruned, its lists starting one row deep, and every plan the lists decide pruned (also a word with its
 * English expansions): the page then rests on the bound that says when to go deeper.
 */
let shallow: SphinxBackend;
let exhaustive: SphinxBackend;

/** The plan of `query` as for a cluster (no forced cuts known in Node). */
function planned(query: string, filters: BackendFilters, offset: number, limit: number): BackendQuery {
  const plan = planQuery(parseQuery(query), {}, { crossLang: testCrossLang() });
  return { ...plan.query, filters: { ...plan.query.filters, ...filters }, offset, limit };
}

/** The answers as JSON (key order included) of the pruned searches and the exhaustive one, and whether the plan was one the pruned search takes. */
async function both(query: string, filters: BackendFilters = {}, offset = 0, limit = 10) {
  const answer = async (backend: SphinxBackend): Promise<string> => {
    return JSON.stringify(await backend.search(planned(query, filters, offset, limit)));
  };
  const took = prunable(planned(query, filters, offset, limit));
  return { query, took, pruned: await answer(pruned), shallow: await answer(shallow), exhaustive: await answer(exhaustive) };
}

describe.skipIf(cluster === null)('the Sphinx backend’s pruned search', () => {
  beforeAll(async () => {
    const { docs } = await readCorpus([path.join(REPO_ROOT, 'corpus')]);
    data = { docs: docs.map((d) => d.meta), passages: docs.flatMap((d) => chunkDocument(d)) };
    pruned = await openSphinxBackend(cluster?.config ?? (undefined as never), data);
    shallow = await openSphinxBackend(cluster?.config ?? (undefined as never), data, { firstRows: 1, always: true });
    exhaustive = await openSphinxBackend(cluster?.config ?? (undefined as never), data, { exhaustive: true });
  });

  afterAll(async () => {
    await pruned?.close();
    await shallow?.close();
    await exhaustive?.close();
    cluster?.dispose();
  });

  it('gives the exhaustive page, total and facets for frequent words, pairs, OR, exclusions and filters', async () => {
    const queries: Array<[string, BackendFilters]> = [
      ['发展', {}], ['西藏', {}], ['"高质量发展"', {}], ['乡村 振兴', {}], ['教育 医疗 就业', {}], ['青稞 OR 光伏', {}],
      ['教育 -学前教育', {}], ['鄉村振興', {}], ['藏', {}], ['西藏', { kind: 'heading' }], ['发展', { year: 2024 }],
      ['"乡村振兴"', {}], ['"脱贫攻坚" "援藏"', {}], ['"发展" -"高质量发展"', {}],
    ];
    let took = 0;
    for (const [query, filters] of queries) {
      for (const [offset, limit] of [[0, 10], [0, 1], [20, 10], [0, 0]] as const) {
        const r = await both(query, filters, offset, limit);
        expect(r.pruned, `${query} ${JSON.stringify(filters)} ${offset}+${limit}`).toBe(r.exhaustive);
        expect(r.shallow, `${query} ${JSON.stringify(filters)} ${offset}+${limit}, shallow`).toBe(r.exhaustive);
        if (r.took) took++;
      }
    }
    // Half the plans at least are pruned ones (a Chinese word whose English rendering is a phrase is verified in
    // Node, and leaves its query to the exhaustive search).
    expect(took).toBeGreaterThanOrEqual(queries.length * 2);
  });

  it('gives the exhaustive answer to random queries of the corpus’s words, on random pages', async () => {
    // Frequent pairs of characters, so that most queries have more matches than a list brings at first.
    const held = new Map<string, number>();
    for (const p of data.passages) for (const pair of new Set(p.text.match(/\p{Script=Han}{2}/gu) ?? [])) held.set(pair, (held.get(pair) ?? 0) + 1);
    const words = [...held].filter(([, n]) => n >= 15).map(([pair]) => pair).sort();
    const years = [...new Set(data.docs.flatMap((d) => (d.year === null ? [] : [d.year])))];
    const term = fc.nat(words.length - 1).map((i) => words[i] ?? '');
    const filters = fc.oneof(
      fc.constant<BackendFilters>({}),
      fc.constantFrom(...years).map((year): BackendFilters => ({ year })),
      fc.constantFrom<BackendFilters>({ kind: 'paragraph' }, { kind: 'heading' }, { doc: data.docs[0]?.id ?? '' }),
    );
    let took = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(term, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('', 'OR', 'NOT'),
        fc.option(term, { nil: undefined }),
        filters,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 20 }),
        async (terms, join, extra, filter, offset, limit) => {
          const head = terms.join(' ');
          const query = extra === undefined ? head : join === 'OR' ? `${head} OR ${extra}` : join === 'NOT' ? `${head} -${extra}` : `${head} ${extra}`;
          const r = await both(query, filter, offset, limit);
          if (r.took) took++;
          expect(r.pruned, query).toBe(r.exhaustive);
          expect(r.shallow, `${query}, shallow`).toBe(r.exhaustive);
        },
      ),
      { numRuns: 150, seed: 20261205 },
    );
    expect(took).toBeGreaterThan(75);
  });

  it('ranks in Sphinx by the prior Node multiplies by, whatever the newest year (a year above it weighs 1)', async () => {
    const aggregator = await SqlConnection.open(cluster?.config.aggregator ?? { host: '', port: 0 }, 2000);
    try {
      for (const newest of [2025, 2022, 2099, null]) {
        const [rows = []] = await aggregator.run(`SELECT id, kind, year, ${priorExpression(newest)} AS p FROM passages_dist LIMIT 0,100000 OPTION max_matches=100000`);
        expect(rows.length).toBe(data.passages.length);
        for (const row of rows) {
          const expected = passagePrior(KIND_CODES[Number(row.kind) - 1] ?? 'paragraph', Number(row.year) || null, newest);
          // Single precision: the stop rule allows 1e-4 relative on the whole key.
          expect(Math.abs(Number(row.p) - expected) / expected, `${String(row.id)} ${String(newest)}`).toBeLessThan(1e-5);
        }
      }
    } finally {
      await aggregator.close();
    }
  });

  it('leaves to the exhaustive search what Node must verify: a phrase across punctuation, an English phrase, soft groups', async () => {
    for (const query of ['"世界屋脊、亚洲水塔"', '"high-quality development"', 'clean energy', '5G']) {
      const r = await both(query);
      expect(r.took, query).toBe(false);
      expect(r.pruned, query).toBe(r.exhaustive);
    }
  });
});
