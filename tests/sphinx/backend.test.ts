/**
 * The Sphinx backend against a real two-shard cluster (scripts/sphinx/cluster.sh), checked against the
 * embedded backend on the same passages and the same query plans: same passages, same exact
 * totals, same facets; pages in score order; both shards contribute; a killed shard is reported, never
 * silently missing, and comes back whole. The Sphinx side verifies phrases over the match keys it fetches
 * from the cluster for each query, and returns passages as stored.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { type BackendFilters, type BackendQuery, type BackendResult, type PassageAt, type SearchBackend } from '../../src/index/backend.js';
import { MiniSearchBackend } from '../../src/index/minisearch-backend.js';
import { buildIndex, factsOf, type CorpusData } from '../../src/index/build.js';
import { passagePrior } from '../../src/index/prior.js';
import { openSphinxBackend, shardOf, type SphinxBackend } from '../../src/index/sphinx/index.js';
import { SqlConnection } from '../../src/index/sphinx/sphinxql.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import type { Passage } from '../../src/model.js';
import { PassageKeys } from '../../src/index/passage-keys.js';
import type { CutKnowledge } from '../../src/search/cut-phrases.js';
import { phraseKey } from '../../src/text/analyzer.js';
import { planQuery } from '../../src/search/plan.js';
import { testCrossLang } from '../crosslang/helpers.js';
import { parseQuery } from '../../src/search/query-parser.js';
import { REPO_ROOT, clusterOrSkip } from '../../scripts/sphinx/throwaway-cluster.js';
import { describeWithShared, sharedPath } from '../shared-data.js';
import { holdsPhrase } from '../../bench/exactness.js';

const cluster = clusterOrSkip();

let data: CorpusData;
let keys: PassageKeys;
let embedded: SearchBackend;
let sphinx: SphinxBackend;

const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
const sortFacets = (f: BackendResult['facets']) =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).sort())]));

/** The plan of `query` as the embedded index plans it (`keys` tell forced cuts), or as for a cluster (`{}`). */
function backendQuery(query: string, filters: BackendFilters = {}, offset = 0, limit = 1_000_000, using: CutKnowledge = keys): BackendQuery {
  const plan = planQuery(parseQuery(query), using, { crossLang: testCrossLang() });
  return { ...plan.query, filters: { ...plan.query.filters, ...filters }, offset, limit };
}

/** Both backends' answers to one query: sorted passage positions, totals, facets. */
async function compare(query: string, filters: BackendFilters = {}) {
  const a = await embedded.search(backendQuery(query, filters));
  const b = await sphinx.search(backendQuery(query, filters, 0, 1_000_000, {}));
  const ids = (r: BackendResult) => r.hits.map((h) => h.index).sort((x, y) => x - y);
  return {
    embedded: { query, total: a.total, ids: ids(a), facets: sortFacets(a.facets) },
    sphinx: { query, total: b.total, ids: ids(b), facets: sortFacets(b.facets) },
    partial: b.partial,
  };
}

async function shardPassageIds(shard: number): Promise<string[]> {
  const connection = await SqlConnection.open(cluster?.config.shards[shard]?.sql ?? { host: '', port: 0 }, 2000);
  try {
    const [rows = []] = await connection.run(`SELECT pid FROM passages LIMIT 0,100000 OPTION max_matches=100000`);
    return rows.map((r) => String(r.pid));
  } finally {
    await connection.close();
  }
}

describe.skipIf(cluster === null)('the Sphinx backend on a two-shard cluster', () => {
  beforeAll(async () => {
    const { docs } = await readCorpus([path.join(REPO_ROOT, 'corpus')]);
    data = { docs: docs.map((d) => d.meta), passages: docs.flatMap((d) => chunkDocument(d)) };
    keys = new PassageKeys(data.passages);
    embedded = buildIndex(data).backend;
    sphinx = await openSphinxBackend(cluster?.config ?? (undefined as never), data);
  });

  afterAll(async () => {
    await sphinx?.close();
    cluster?.dispose();
  });

  it('loads every passage once, into the shard its id hashes to, and both shards hold some', async () => {
    expect(sphinx.load.reloaded).toBe(true);
    const held = [await shardPassageIds(0), await shardPassageIds(1)];
    for (const [shard, ids] of held.entries()) {
      expect(ids.length).toBeGreaterThan(data.passages.length / 4);
      expect(ids.filter((id) => shardOf(id, 2) !== shard)).toEqual([]);
    }
    expect([...held[0]!, ...held[1]!].sort()).toEqual(data.passages.map((p) => p.id).sort());
  });

  describeWithShared('eval/open-queries.json', 'the open evaluation phrases', () => {
    it('finds every open evaluation phrase in the same passages, with the same total and facets, as the embedded backend', async () => {
      const open = JSON.parse(readFileSync(sharedPath('eval/open-queries.json'), 'utf8')) as { phrases: Array<{ phrase: string }> };
      expect(open.phrases.length).toBeGreaterThan(20);
      for (const { phrase } of open.phrases) {
        const r = await compare(`"${phrase}"`);
        expect(r.sphinx).toEqual(r.embedded);
        expect(r.sphinx.total).toBeGreaterThan(0);
      }
    });
  });

  it('returns exactly the passages that contain a random substring of the corpus', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(data.passages.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 10 }), async (p, at, len) => {
        const text = data.passages[p]?.text ?? '';
        const start = Math.floor(at * Math.max(0, text.length - len));
        const sub = text.slice(start, start + len);
        const key = phraseKey(sub);
        fc.pre(/[\p{L}\p{N}]/u.test(key) && !/["“”「」『』]/u.test(sub));
        const expected = data.passages.flatMap((passage, i) => (holdsPhrase(passage, key) ? [i] : []));
        const r = await compare(`"${sub}"`);
        expect(r.sphinx.ids).toEqual(expected);
        expect(r.sphinx.total).toBe(expected.length);
      }),
      { numRuns: 80, seed: 20261124 },
    );
  });

  it('finds exactly the passages holding random phrases across punctuation, in Chinese and English text', async () => {
    // A quoted phrase is fetched with its bigrams required in order at adjacent positions, and a phrase of
    // one run is decided by that alone; these phrases straddle the punctuation where runs end, the case
    // where adjacency is subtle and verification must decide.
    const sides = data.passages.flatMap((p) => [p.text, p.textEn ?? '']);
    await fc.assert(
      fc.asyncProperty(fc.nat(sides.length - 1), fc.nat(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 2, max: 14 }), async (side, pick, before, len) => {
        const text = sides[side] ?? '';
        const marks = [...text.matchAll(/[^\p{L}\p{N}\p{M}\s]/gu)].map((m) => m.index ?? 0);
        fc.pre(marks.length > 0);
        const start = Math.max(0, (marks[pick % marks.length] ?? 0) - before);
        const sub = text.slice(start, start + len);
        const key = phraseKey(sub);
        fc.pre(/[\p{L}\p{N}]/u.test(key) && !/["“”「」『』]/u.test(sub));
        const expected = data.passages.flatMap((passage, i) => (holdsPhrase(passage, key) ? [i] : []));
        const r = await compare(`"${sub}"`);
        expect({ sub, ids: r.sphinx.ids }).toEqual({ sub, ids: expected });
      }),
      { numRuns: 250, seed: 20261202 },
    );
  });

  it('adds the adjacency bonus to exactly the passages holding the words side by side, found through the index', async () => {
    const query = backendQuery('乡村 振兴', {}, 0, 1_000_000, {});
    expect(query.adjacency?.length).toBe(1);
    const withBonus = await sphinx.search(query);
    const without = await sphinx.search({ ...query, adjacency: undefined });
    const base = new Map(without.hits.map((h) => [h.index, h.score]));
    const years = new Map(data.docs.map((d) => [d.id, d.year ?? null]));
    const newest = Math.max(...data.docs.map((d) => d.year ?? 0));
    let adjacent = 0;
    for (const hit of withBonus.hits) {
      const passage = data.passages[hit.index] as Passage;
      const holds = squash(passage.text).includes('乡村振兴');
      if (holds) adjacent++;
      expect(hit.score).toBeCloseTo((base.get(hit.index) ?? Number.NaN) + (holds ? 2 * passagePrior(passage.kind, years.get(passage.docId) ?? null, newest) : 0), 2);
    }
    expect(adjacent).toBeGreaterThan(0);
    expect(adjacent).toBeLessThan(withBonus.total);
  });

  it('answers words, AND, OR, exclusions, single characters and English expansions like the embedded backend', async () => {
    const queries = ['help herders find jobs', 'tax cuts and credit system', 'One Country, Two Systems', 'Tibet tourism 边境', '旅游 边境', '教育 -学前教育', '青稞 OR 光伏', '"青稞" "光伏"', 'Asian water tower', 'poverty -education', '藏', '"藏"', '5G', '鄉村振興', '2024', 'ecological security barrier', '西藏 -"拉萨" -5G', '，。！', '"展，推"', '西藏 -"展，推"', '乡村 振兴', '"a，b"'];
    for (const query of queries) {
      const r = await compare(query);
      expect(r.sphinx).toEqual(r.embedded);
    }
    expect((await compare('旅游 边境')).sphinx.total).toBeGreaterThan(0);
  });

  it('filters by year, document and kind like the embedded backend, and finds nothing under an unknown document or year', async () => {
    const all = await compare('西藏');
    const years = Object.keys(all.sphinx.facets.year ?? {});
    expect(years.length).toBeGreaterThan(1);
    for (const year of years) {
      const r = await compare('西藏', { year: Number(year) });
      expect(r.sphinx).toEqual(r.embedded);
      expect(r.sphinx.total).toBe(all.sphinx.facets.year?.[year]);
    }
    const doc = Object.keys(all.sphinx.facets.doc ?? {})[0] ?? '';
    for (const filters of [{ doc }, { kind: 'heading' as const }, { doc, kind: 'paragraph' as const }, { doc: 'no-such-report' }, { year: 1900 }]) {
      const r = await compare('西藏', filters);
      expect(r.sphinx).toEqual(r.embedded);
    }
  });

  it('pages by score, ties in document order, without overlap and with the same total on every page', async () => {
    const full = await sphinx.search(backendQuery('西藏'));
    const ranked = full.hits;
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1]!, ranked[i]!];
      expect(a.score > b.score || (a.score === b.score && a.index < b.index)).toBe(true);
    }
    const paged: number[] = [];
    for (let offset = 0; offset < full.total; offset += 25) {
      const page = await sphinx.search(backendQuery('西藏', {}, offset, 25));
      expect(page.total).toBe(full.total);
      paged.push(...page.hits.map((h) => h.index));
    }
    expect(paged).toEqual(ranked.map((h) => h.index));
    expect(new Set(paged).size).toBe(full.total);
  });

  it('returns every passage as the corpus holds it, with its match keys', async () => {
    const positions = data.passages.map((_, i) => i).reverse();
    const stored = await sphinx.passagesAt([...positions, -1, data.passages.length]);
    expect(stored.map((s) => s.index)).toEqual(positions);
    for (const s of stored) {
      const passage = data.passages[s.index];
      expect(s.passage).toEqual(passage);
      expect(s.key).toBe(phraseKey(passage?.text ?? ''));
      expect(s.keyEn).toBe(passage?.textEn ? phraseKey(passage.textEn) : '');
    }
  });

  it('merges hits held by both shards into one answer', async () => {
    const { hits } = await sphinx.search(backendQuery('西藏'));
    const shards = new Set(hits.map((h) => shardOf(data.passages[h.index]?.id ?? '', 2)));
    expect([...shards].sort()).toEqual([0, 1]);
  });

  it('completes words with the same terms and counts as the embedded backend', async () => {
    for (const prefix of ['乡村', '西', '高质量', 'g', '5']) {
      expect(await sphinx.completions('words', prefix, 8)).toEqual(embedded.completions('words', prefix, 8));
    }
    expect(await sphinx.completions('words', '乡村', 3)).toHaveLength(3);
    expect(await sphinx.completions('bigrams', '乡村', 3)).toEqual([]);
  });

  it('reports the aggregator and every shard as up, with the passages each holds', async () => {
    const nodes = await sphinx.nodes();
    expect(nodes.map((n) => [n.name, n.state])).toEqual([['aggregator', 'up'], ['shard0', 'up'], ['shard1', 'up']]);
    expect(nodes[1]?.message).toBe(`${sphinx.load.perShard[0]} of ${sphinx.load.perShard[0]} passages`);
  });

  it('does not reload a cluster that already holds the corpus, and reloads one that holds another', async () => {
    const again = await openSphinxBackend(cluster?.config ?? (undefined as never), data);
    expect(again.load.reloaded).toBe(false);
    await again.close();
    // Another corpus, with text Sphinx 2.2 would garble unless spelled out: astral characters, NUL, U+001A.
    const odd = '𠀀地区\u0000\u001a\uE000😀 it\'s "q" \\ \n\t';
    const smaller = {
      docs: data.docs,
      passages: data.passages.slice(0, 100).map((p, i) => (i < 2 ? { ...p, text: p.text + odd, textEn: i === 0 ? '' : `${odd}English` } : p)),
    };
    const other = await openSphinxBackend(cluster?.config ?? (undefined as never), smaller);
    expect(other.load).toMatchObject({ reloaded: true, reason: 'shard0 holds another corpus or analyzer' });
    expect((await other.passagesAt(smaller.passages.map((_, i) => i))).map((s) => s.passage)).toEqual(smaller.passages);
    await other.close();
    const back = await openSphinxBackend(cluster?.config ?? (undefined as never), data);
    expect(back.load.reloaded).toBe(true);
    await back.close();
    const r = await compare('"高质量发展"');
    expect(r.sphinx).toEqual(r.embedded);
  });

  it('names a shard killed mid-run in every answer that lacks it, and after its restart answers in full with nothing lost', async () => {
    const queries = ['西藏', '"高质量发展"', '旅游 边境', '教育 -学前教育', 'Asian water tower', '藏'];
    const onShard0 = (ids: number[]) => ids.filter((i) => shardOf(data.passages[i]?.id ?? '', 2) === 0);
    let partials = 0;
    for (let round = 0; round < 3; round++) {
      for (const [i, query] of queries.entries()) {
        if (round === 1 && i === 2) cluster?.run('kill', 'shard1');
        const r = await compare(query);
        if (r.partial) {
          partials++;
          expect(r.partial.failed).toEqual(['shard1']);
          expect(r.partial.message).toContain('shard1');
          expect(r.sphinx.ids).toEqual(onShard0(r.embedded.ids));
        } else {
          expect(r.sphinx).toEqual(r.embedded);
        }
      }
    }
    expect(partials).toBeGreaterThanOrEqual(queries.length);
    const nodes = await sphinx.nodes();
    expect(nodes.find((n) => n.name === 'shard1')?.state).toBe('down');
    cluster?.run('start', 'shard1');
    for (const query of queries) {
      const r = await compare(query);
      expect(r.partial).toBeUndefined();
      expect(r.sphinx).toEqual(r.embedded);
    }
    expect((await shardPassageIds(1)).length).toBe(sphinx.load.perShard[1]);
    expect((await sphinx.nodes()).every((n) => n.state === 'up')).toBe(true);
  });

  it('fails with SPHINX_UNAVAILABLE when no shard or no aggregator answers, and recovers when they are back', async () => {
    const query = backendQuery('"高质量发展"');
    cluster?.run('stop', 'shard0', 'shard1');
    await expect(sphinx.search(query)).rejects.toMatchObject({ code: 'SPHINX_UNAVAILABLE', message: expect.stringContaining('shard0') });
    cluster?.run('start', 'shard0', 'shard1');
    cluster?.run('kill', 'agg');
    await expect(sphinx.search(query)).rejects.toMatchObject({ code: 'SPHINX_UNAVAILABLE' });
    expect((await sphinx.nodes()).map((n) => [n.name, n.state])).toEqual([['aggregator', 'down'], ['shard0', 'up'], ['shard1', 'up']]);
    cluster?.run('start', 'agg');
    const r = await compare('"高质量发展"');
    expect(r.partial).toBeUndefined();
    expect(r.sphinx).toEqual(r.embedded);
  });

  it('is written in place like the MiniSearch reference and a fresh build, vocabulary included; the next open reloads the corpus', async () => {
    const config = cluster?.config ?? (undefined as never);
    const writer = await openSphinxBackend(config, data);
    expect(writer.load.reloaded).toBe(false);
    const reference = new MiniSearchBackend(data.passages, factsOf(data));
    const n = data.passages.length;
    const at = (i: number): Passage => data.passages[i] as Passage;
    const marker = '雪域高原测试短语';
    // Position 5 gets a passage whose id another shard owns: its row must leave the shard that held it.
    const movedId = Array.from({ length: 20 }, (_, k) => `${at(5).docId}-moved${k}`).find((id) => shardOf(id, 2) !== shardOf(at(5).id, 2)) ?? '';
    const writes: PassageAt[] = [
      { index: 3, passage: { ...at(3), text: `${at(3).text}${marker}` } },
      { index: 5, passage: { ...at(5), id: movedId, text: `移到另一个分片的段落，${marker}之二。` } },
      { index: n, passage: { ...at(0), id: `${at(0).docId}-p9999`, ordinal: 9999, text: `新增的段落：${marker}。`, textEn: 'A paragraph added in place.' } },
    ];
    const removed = [7, 8];
    await writer.upsert(writes);
    await writer.remove(removed);
    await reference.upsert(writes);
    await reference.remove(removed);

    // What a fresh build over the written corpus holds (a removed position as an empty placeholder).
    const after = [...data.passages];
    for (const w of writes) after[w.index] = w.passage;
    for (const i of removed) after[i] = { ...at(i), text: '', textEn: undefined, sectionPath: [] };
    const fresh = buildIndex({ docs: data.docs, passages: after }).backend;
    const freshKeys = new PassageKeys(after);
    const removedPhrase = at(7).text.slice(0, 12);
    for (const query of [`"${marker}"`, `"${removedPhrase}"`, '西藏', '"高质量发展"', 'paragraph added', `"${at(5).text.slice(0, 10)}"`]) {
      const plan = (corpus: CutKnowledge) => ({ ...planQuery(parseQuery(query), corpus, { crossLang: testCrossLang() }).query, offset: 0, limit: 1_000_000 });
      const answers = [fresh.search(plan(freshKeys)), await reference.search(plan(freshKeys)), await writer.search(plan({}))];
      const [expected, ...others] = answers.map((r) => ({ query, total: r.total, ids: r.hits.map((h) => h.index).sort((a, b) => a - b), facets: sortFacets(r.facets) }));
      for (const other of others) expect(other).toEqual(expected);
    }
    expect((await writer.search({ ...planQuery(parseQuery(`"${marker}"`), {}, { crossLang: testCrossLang() }).query, offset: 0, limit: 10 })).total).toBe(3);
    expect(writer.size()).toBe(n + 1 - removed.length);
    expect(reference.size()).toBe(writer.size());
    expect((await writer.passagesAt([3, 5, 7, n])).map((s) => s.passage)).toEqual([writes[0]?.passage, writes[1]?.passage, writes[2]?.passage]);
    for (const prefix of ['雪域', '测试', '短语', '西', '乡村']) {
      expect(await writer.completions('words', prefix, 8)).toEqual(fresh.completions('words', prefix, 8));
    }
    const held = await Promise.all([0, 1].map(shardPassageIds));
    expect(held.flat().filter((id) => id === movedId || id === at(5).id)).toEqual([movedId]);
    expect((await writer.nodes()).slice(1).map((node) => node.message)).toEqual(held.map((ids) => `${ids.length} of ${ids.length} passages`));
    await expect(writer.upsert([{ index: 0, passage: { ...at(0), docId: 'no-such-report' } }])).rejects.toMatchObject({ code: 'SPHINX_WRITE_REJECTED' });
    await expect(writer.upsert([{ index: n + 5, passage: at(0) }])).rejects.toMatchObject({ code: 'SPHINX_WRITE_REJECTED' });
    await expect(reference.upsert([{ index: 0, passage: { ...at(0), docId: 'no-such-report' } }])).rejects.toMatchObject({ code: 'WRITE_REJECTED' });
    await expect(reference.upsert([{ index: n + 5, passage: at(0) }])).rejects.toMatchObject({ code: 'WRITE_REJECTED' });
    await writer.close();

    const back = await openSphinxBackend(config, data);
    expect(back.load).toMatchObject({ reloaded: true, reason: expect.stringContaining('written in place') });
    await back.close();
    const r = await compare(`"${removedPhrase}"`);
    expect(r.sphinx).toEqual(r.embedded);
    expect(r.sphinx.total).toBeGreaterThan(0);
  });
});
