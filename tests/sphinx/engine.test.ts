/**
 * The whole engine and its HTTP API on a Sphinx cluster (SEARCH_BACKEND=sphinx): the same answers as the
 * embedded index for the open evaluation phrases, `/api/health` naming the nodes, and a killed shard reported
 * as `partial: true` with the shard named, never silently fewer hits.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../src/search/engine.js';
import type { Engine } from '../../src/search/types.js';
import { createApp } from '../../src/server/app.js';
import { REPO_ROOT, startTestCluster, type TestCluster } from '../../scripts/sphinx/throwaway-cluster.js';

const started = startTestCluster();
const cluster: TestCluster | null = 'skipped' in started ? null : started;
if ('skipped' in started) console.warn(started.skipped);

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

const phrases = (JSON.parse(readFileSync(path.join(REPO_ROOT, '../shared/eval/open-queries.json'), 'utf8')) as { phrases: Array<{ phrase: string }> }).phrases;

describe.skipIf(!cluster)('the engine on a Sphinx cluster', () => {
  it('answers every open evaluation phrase with the same passages and total as the embedded index', async () => {
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
    } finally {
      cluster?.run('start', 'shard1');
    }
    const back = await request(app).get('/api/search').query({ q: '西藏' }).expect(200);
    expect(back.body.partial).toBeUndefined();
    expect(back.body.total).toBe(full.body.total);
  });
});
