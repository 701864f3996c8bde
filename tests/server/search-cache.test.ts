import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { AnswerEncoder } from '../../src/server/answer-json.js';
import { answerBody, answerKey, answerTag, SearchCache } from '../../src/server/search-cache.js';
import type { Engine, SearchResponse } from '../../src/search/types.js';
import { openTestEngine } from './test-engine.js';
import type { TestEngine } from './test-engine.js';

let opened: TestEngine;
let engine: Engine;

beforeAll(async () => {
  opened = await openTestEngine();
  engine = opened.engine;
});
afterAll(() => opened?.dispose());

/** The real engine with `changes` over it, counting its searches and passing each answer through `alter`. */
function countingEngine(changes: Partial<Engine>, alter: (answer: SearchResponse) => SearchResponse = (a) => a) {
  let searches = 0;
  const counted: Engine = {
    search: async (query, options) => {
      searches++;
      return alter(await engine.search(query, options));
    },
    suggest: (prefix, limit) => engine.suggest(prefix, limit),
    concordance: (q, options) => engine.concordance(q, options),
    trend: (q) => engine.trend(q),
    passage: (id) => engine.passage(id),
    documents: () => engine.documents(),
    document: (id) => engine.document(id),
    stats: () => engine.stats(),
    backend: () => engine.backend(),
    stableAnswers: engine.stableAnswers,
    warmUp: () => engine.warmUp(),
    close: () => engine.close(),
    ...changes,
  };
  return { engine: counted, searches: () => searches };
}

const QUERIES = ['"高质量发展"', '旅游', 'tourism', '鄉村振興', '教育 -学前教育', '"tookMs":1 <b>&', '西藏 year:2024'];
const withoutTook = (body: SearchResponse): Omit<SearchResponse, 'tookMs'> => {
  const { tookMs, ...rest } = body;
  expect(typeof tookMs).toBe('number');
  return rest;
};

describe('serialized answers', () => {
  it('give back the very response, with tookMs replaced and <, >, & escaped', async () => {
    for (const q of QUERIES) {
      const response = await engine.search(q, { limit: 20 });
      const body = Buffer.concat(answerBody(new AnswerEncoder().encode(response), 0.125)).toString('utf8');
      expect(JSON.parse(body)).toEqual({ ...response, tookMs: 0.125 });
      expect(body).not.toMatch(/[<>&]/);
    }
  });

  it('keys every parameter and the day, and tags per index version', () => {
    const base = { q: '旅游', limit: 10, offset: 0, doc: undefined, year: undefined, kind: undefined, lang: undefined, fields: undefined };
    const day = new Date('2026-11-24T12:00:00Z');
    const key = answerKey(base, day);
    const variants = [
      { ...base, q: '旅游业' }, { ...base, limit: 20 }, { ...base, offset: 10 }, { ...base, doc: 'x' },
      { ...base, year: 2024 }, { ...base, kind: 'table' }, { ...base, fields: 'text' }, { ...base, sort: 'newest' },
    ];
    for (const v of variants) expect(answerKey(v, day)).not.toBe(key);
    // The page's language changes nothing in the answer: it does not split the cache.
    expect(answerKey({ ...base, lang: 'en' }, day)).toBe(key);
    expect(answerKey(base, new Date('2026-11-25T00:00:01Z'))).not.toBe(key);
    expect(answerKey(base, new Date('2026-11-24T23:59:59Z'))).toBe(key);
    expect(answerTag('v1', key)).toBe(answerTag('v1', key));
    expect(answerTag('v2', key)).not.toBe(answerTag('v1', key));
    expect(answerTag('v1', key)).toMatch(/^W\/"s-[\w-]+"$/);
    // Another key, or the same parameters on another day, is another tag; a time in milliseconds is that day.
    for (const v of variants) expect(answerTag('v1', answerKey(v, day))).not.toBe(answerTag('v1', key));
    expect(answerTag('v1', answerKey(base, new Date('2026-11-25T00:00:01Z')))).not.toBe(answerTag('v1', key));
    expect(answerKey(base, day.getTime())).toBe(key);
  });

  it('stay within the cache bound, dropping the least recently used', async () => {
    const response = await engine.search('西藏', { limit: 10 });
    const answer = { ...new AnswerEncoder().encode(response), tag: 'W/"x"' };
    const size = answer.head.length + answer.tail.length;
    const cache = new SearchCache(size * 20);
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, answer);
    const { entries, bytes } = cache.stats();
    expect(bytes).toBeLessThanOrEqual(size * 20);
    expect(entries).toBeGreaterThan(10);
    expect(entries).toBeLessThan(20);
    expect(cache.get('k99')).toBe(answer);
    expect(cache.get('k0')).toBeUndefined();
    const none = new SearchCache(0);
    none.set('k', answer);
    expect(none.get('k')).toBeUndefined();
  });
});

describe('/api/search with the answer cache', () => {
  it('answers a repeated search from the cache with the same body and a fresh tookMs', async () => {
    const app = createApp(engine);
    for (const q of QUERIES) {
      const url = `/api/search?q=${encodeURIComponent(q)}&limit=5`;
      const first = await request(app).get(url).expect(200);
      const second = await request(app).get(url).expect(200);
      expect(first.headers['x-cache']).toBe('miss');
      expect(second.headers['x-cache']).toBe('hit');
      expect(second.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
      expect(withoutTook(second.body as SearchResponse)).toEqual(withoutTook(first.body as SearchResponse));
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(second.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers a client that accepts gzip with the same answer compressed, from the cache too', async () => {
    const app = createApp(engine);
    const url = `/api/search?q=${encodeURIComponent('"高质量发展"')}&limit=20`;
    const plain = await request(app).get(url).expect(200);
    for (let i = 0; i < 2; i++) {
      const zipped = await request(app).get(url).set('Accept-Encoding', 'gzip').expect(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(withoutTook(zipped.body as SearchResponse)).toEqual(withoutTook(plain.body as SearchResponse));
    }
    const cached = await request(app).get(url).set('Accept-Encoding', 'gzip').set('If-None-Match', plain.headers.etag as string);
    expect(cached.status).toBe(304);
  });

  it('answers 304 to a client holding the ETag, and a new body when a parameter changes', async () => {
    const app = createApp(engine, { searchCacheBytes: 0 });
    const url = `/api/search?q=${encodeURIComponent('乡村振兴')}`;
    const first = await request(app).get(url).expect(200);
    const etag = first.headers.etag as string;
    const again = await request(app).get(url).set('If-None-Match', etag).expect(304);
    expect(again.text ?? '').toBe('');
    const other = await request(app).get(`${url}&offset=10`).set('If-None-Match', etag).expect(200);
    expect(other.headers.etag).not.toBe(etag);
    expect((other.body as SearchResponse).hits.length).toBeGreaterThan(0);
  });

  it('keeps nothing when turned off', async () => {
    const app = createApp(engine, { searchCacheBytes: 0 });
    const url = `/api/search?q=${encodeURIComponent('教育')}`;
    await request(app).get(url).expect(200);
    expect((await request(app).get(url).expect(200)).headers['x-cache']).toBe('miss');
    const head = await request(app).head(url).expect(200);
    expect(head.headers['content-type']).toMatch(/^application\/json/);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(1000);
    expect(head.text ?? '').toBe('');
  });

  it('keeps and tags nothing for a cluster backend, whose shards may fail or be reloaded', async () => {
    const counted = countingEngine({ backend: async () => ({ name: 'sphinx', nodes: [] }), stableAnswers: false });
    const app = createApp(counted.engine);
    const url = `/api/search?q=${encodeURIComponent('旅游')}`;
    const first = await request(app).get(url).expect(200);
    const second = await request(app).get(url).set('If-None-Match', 'W/"anything"').expect(200);
    expect(counted.searches()).toBe(2);
    expect([first.headers.etag, second.headers.etag]).toEqual([undefined, undefined]);
    expect(second.headers['x-cache']).toBe('miss');
  });

  it('never keeps a partial answer, nor gives it an ETag', async () => {
    const counted = countingEngine({}, (answer) => ({ ...answer, partial: true, warnings: ['shard1 did not answer'] }));
    const app = createApp(counted.engine);
    const url = `/api/search?q=${encodeURIComponent('旅游')}`;
    const first = await request(app).get(url).expect(200);
    const second = await request(app).get(url).expect(200);
    expect(counted.searches()).toBe(2);
    expect(second.headers['x-cache']).toBe('miss');
    expect(first.headers.etag).toBeUndefined();
    expect(second.headers.etag).toBeUndefined();
    expect((second.body as SearchResponse).partial).toBe(true);
  });
});
