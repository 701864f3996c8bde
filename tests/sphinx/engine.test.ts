/**
 * The whole engine and its HTTP API on a Sphinx cluster (SEARCH_BACKEND=sphinx): the same answers as the
 * embedded index for the open evaluation phrases, passages and documents read back from the cluster (the
 * text shown, verified and highlighted is the cluster's), `/api/health` naming the nodes, and a killed shard
 * reported as `partial: true` with the shard named, never silently fewer hits. Sorted by date (`filters.docs`
 * as `doc IN (…)`), the same pages in date order.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowStatement } from '../../src/index/sphinx/load.js';
import { RowBuilder, tableValues, type PassageRow } from '../../src/index/sphinx/rows.js';
import { shardOf } from '../../src/index/sphinx/shard-key.js';
import { SqlConnection } from '../../src/index/sphinx/sphinxql.js';
import { encodeStored } from '../../src/index/sphinx/stored-text.js';
import type { Passage } from '../../src/model.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import { phraseKey } from '../../src/text/analyzer.js';
import type { Engine, SearchOptions } from '../../src/search/types.js';
import { createApp } from '../../src/server/app.js';
import { REPO_ROOT, clusterOrSkip } from '../../scripts/sphinx/throwaway-cluster.js';
import { describeWithShared, sharedPath } from '../shared-data.js';

const cluster = clusterOrSkip();

let indexDir: string;
let embedded: Engine;
let onSphinx: Engine;

beforeAll(async () => {
  if (!cluster) return;
  indexDir = mkdtempSync(path.join(os.tmpdir(), 'sphinx-engine-test-'));
  const corpusDirs = [path.join(REPO_ROOT, 'corpus')];
  embedded = await openEngine({ corpusDirs, indexDir, backend: 'postings' });
  onSphinx = await openEngine({ corpusDirs, indexDir, backend: { sphinx: cluster.config } });
});

afterAll(async () => {
  await onSphinx?.close();
  cluster?.dispose();
  if (indexDir) rmSync(indexDir, { recursive: true, force: true });
});

/** Every passage of the corpus in document order, read through an engine's document API. */
async function corpusOf(engine: Engine): Promise<Passage[]> {
  return (await Promise.all(engine.documents().map(async (d) => (await engine.document(d.id))?.passages ?? []))).flat();
}

/** Writes a passage's stored text straight into the shard that owns it (REPLACE keeps the row count). */
async function replaceText(row: PassageRow, shard: number): Promise<void> {
  const connection = await SqlConnection.open(cluster?.config.shards[shard]?.sql ?? { host: '', port: 0 }, 2000);
  try {
    await connection.run(rowStatement('REPLACE', 'texts'), 1, [[tableValues(row, 'texts')]]);
  } finally {
    await connection.close();
  }
}

/** A page's total, facets, and its hits as one set per report date, in page order. */
async function datePage(engine: Engine, q: string, options: SearchOptions) {
  const page = await engine.search(q, { ...options, suggest: false });
  expect(page.partial).toBeUndefined();
  const dates = new Map(engine.documents().map((d) => [d.id, `${d.year} ${d.date}`]));
  const runs: Array<{ date: string; ids: string[] }> = [];
  for (const hit of page.hits) {
    const date = dates.get(hit.docId) ?? '';
    const last = runs[runs.length - 1];
    if (last?.date === date) last.ids.push(hit.id);
    else runs.push({ date, ids: [hit.id] });
  }
  return { total: page.total, facets: page.facets, runs: runs.map((r) => ({ ...r, ids: r.ids.sort() })) };
}

describe.skipIf(!cluster)('the engine on a Sphinx cluster', () => {
  describeWithShared('eval/open-queries.json', 'the open evaluation phrases', () => {
    it('answers every open evaluation phrase with the same passages and total as the embedded index', async () => {
      const phrases = (JSON.parse(readFileSync(sharedPath('eval/open-queries.json'), 'utf8')) as { phrases: Array<{ phrase: string }> }).phrases;
      // Scores differ a little (Sphinx computes IDF per shard), so pages may order ties differently: compare
      // every page's hits as sets.
      const every = async (engine: Engine, q: string) => {
        const hits = [];
        let total = 0;
        for (let offset = 0; offset === 0 || offset < total; offset += 100) {
          const page = await engine.search(q, { limit: 100, offset });
          expect(page.partial).toBeUndefined();
          total = page.total;
          hits.push(...page.hits);
        }
        return { total, hits: hits.sort((x, y) => (x.id < y.id ? -1 : 1)).map((h) => [h.id, h.textHighlights]) };
      };
      for (const { phrase } of phrases) {
        expect({ phrase, ...(await every(onSphinx, `"${phrase}"`)) }).toEqual({ phrase, ...(await every(embedded, `"${phrase}"`)) });
      }
    });
  });

  it('gives the same hits, snippets, highlights, citations, facets and totals as the embedded index, filters and pages included', async () => {
    // Scores differ a little (IDF per shard), so hits with close scores may fall on other pages: compare all
    // pages' hits as one set, everything but the score.
    const answer = async (engine: Engine, q: string, options: SearchOptions) => {
      const first = await engine.search(q, { ...options, limit: 100 });
      const hits = [...first.hits];
      for (let offset = 100; offset < first.total; offset += 100) hits.push(...(await engine.search(q, { ...options, limit: 100, offset })).hits);
      const sorted = (x: object) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, Object.fromEntries(Object.entries(v as object).sort())]));
      return {
        q,
        options,
        total: first.total,
        facets: sorted(first.facets),
        expansions: first.expansions,
        hits: hits.map(({ score: _score, ...hit }) => hit).sort((a, b) => (a.id < b.id ? -1 : 1)),
      };
    };
    const cases: Array<[string, SearchOptions]> = [
      ['西藏 发展', {}],
      ['"高质量发展"', { year: 2024 }],
      ['乡村 振兴', { kind: 'paragraph' }],
      ['Asian water tower', {}],
      ['教育 -学前教育', { doc: embedded.documents()[0]?.id }],
      ['鄉村振興', {}],
      ['旅游', {}],
    ];
    for (const [q, options] of cases) {
      const expected = await answer(embedded, q, options);
      expect(expected.total, q).toBeGreaterThan(0);
      expect(await answer(onSphinx, q, options)).toEqual(expected);
    }
  });

  it('sorted by date, gives the embedded index\'s pages in date order (within a date, as a set), filters included', async () => {
    const cases: Array<[string, SearchOptions]> = [
      ['乡村振兴', { sort: 'newest', limit: 100 }],
      ['乡村振兴', { sort: 'oldest', limit: 100 }],
      ['"高质量发展"', { sort: 'newest', limit: 100, kind: 'paragraph' }],
      ['旅游', { sort: 'oldest', limit: 100, year: 2024 }],
    ];
    for (const [q, options] of cases) {
      const expected = await datePage(embedded, q, options);
      expect(expected.runs.length, q).toBeGreaterThan(0);
      expect(await datePage(onSphinx, q, options)).toEqual(expected);
    }
  });

  it('reads every document and passage back from the cluster as the embedded index holds it', async () => {
    const passages = await corpusOf(embedded);
    expect(await corpusOf(onSphinx)).toEqual(passages);
    expect(onSphinx.stats()).toMatchObject({ documents: embedded.documents().length, passages: passages.length });
    for (const passage of passages.filter((_, i) => i % 37 === 0 || i === passages.length - 1)) {
      expect(await onSphinx.passage(passage.id)).toEqual(await embedded.passage(passage.id));
    }
    expect(await onSphinx.passage(`${passages[0]?.docId ?? ''}-p9999`)).toBeNull();
  });

  it('shows, verifies and highlights the text the cluster returns, not a copy kept in Node', async () => {
    const passages = await corpusOf(embedded);
    // A phrase across punctuation is verified in Node over the match key the cluster returns (the index
    // cannot tell 、 from ，: neither is a token).
    const phrase = '世界屋脊、亚洲水塔';
    const target = (await embedded.search(`"${phrase}"`)).hits[0];
    const index = passages.findIndex((p) => p.id === target?.id);
    const original = passages[index] as Passage;
    // The passage keeps its index row, so the cluster still finds it, but the text and match key its texts
    // row returns no longer hold the phrase.
    const altered = original.text.replaceAll(phrase, '世界屋脊，亚洲水塔');
    expect(altered).not.toBe(original.text);
    const { row } = new RowBuilder(embedded.documents()).row(original, index);
    const shard = shardOf(original.id, 2);
    await replaceText({ ...row, text: encodeStored(altered), mkey: encodeStored(phraseKey(altered)) }, shard);
    try {
      const verified = await onSphinx.search(`"${phrase}"`, { limit: 100 });
      expect(verified.hits.map((h) => h.id)).not.toContain(original.id);
      expect(verified.total).toBe((await embedded.search(`"${phrase}"`)).total - 1);
      const shown = (await onSphinx.search('"亚洲水塔"', { limit: 100 })).hits.find((h) => h.id === original.id);
      expect(shown?.text).toBe(altered);
      expect(shown?.textHighlights!.map(([a, b]) => altered.slice(a, b))).toEqual(['亚洲水塔']);
      expect((await onSphinx.passage(original.id))?.passage.text).toBe(altered);
    } finally {
      await replaceText(row, shard);
    }
    expect((await onSphinx.passage(original.id))?.passage).toEqual(original);
    expect((await onSphinx.search(`"${phrase}"`)).total).toBe((await embedded.search(`"${phrase}"`)).total);
  });

  it('names its backend and nodes in /api/health, and says partial with the shard when one is down', async () => {
    const app = createApp(onSphinx, { log: () => undefined });
    const health = await request(app).get('/api/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', backend: 'sphinx' });
    expect(health.body.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['aggregator', 'shard0', 'shard1']);

    const full = await request(app).get('/api/search').query({ q: '西藏' }).expect(200);
    cluster?.run('kill', 'shard1');
    try {
      const partial = await request(app).get('/api/search').query({ q: '西藏' }).expect(200);
      expect(partial.body.partial).toBe(true);
      expect(partial.body.warnings.join(' ')).toContain('shard1');
      expect(partial.body.total).toBeLessThan(full.body.total);
      const degraded = await request(app).get('/api/health').expect(200);
      expect(degraded.body.status).toBe('degraded');
      // A passage is read from the shard that holds it: those of the live shard still open, the others
      // answer 503 (not 404: they exist), and so does a whole report, spread over both shards.
      const ids = (full.body.hits as Array<{ id: string; docId: string }>).map((h) => h.id);
      const live = ids.find((id) => shardOf(id, 2) === 0) ?? '';
      const down = ids.find((id) => shardOf(id, 2) === 1) ?? '';
      expect((await request(app).get(`/api/passages/${live}`).expect(200)).body.passage.id).toBe(live);
      expect((await request(app).get(`/api/passages/${down}`).expect(503)).body.error.code).toBe('BACKEND_UNAVAILABLE');
      await request(app).get(`/api/documents/${full.body.hits[0].docId}`).expect(503);
    } finally {
      cluster?.run('start', 'shard1');
    }
    const back = await request(app).get('/api/search').query({ q: '西藏' }).expect(200);
    expect(back.body.partial).toBeUndefined();
    expect(back.body.total).toBe(full.body.total);
    await request(app).get(`/api/documents/${full.body.hits[0].docId}`).expect(200);
  });
});
