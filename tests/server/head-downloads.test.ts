/**
 * A HEAD of a download answers what its GET would (status, media type, file name; a bad request the same coded
 * 4xx) without building the file: Express answers HEAD through the GET handler, which ran the whole export (a
 * thousand hits read and formatted) only for the body to be dropped. What the engine is asked is recorded.
 */
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/search/types.js';
import { createApp } from '../../src/server/app.js';
import { openTestEngine, type TestEngine } from './test-engine.js';

/** One call to the engine: the method and the `limit` it asked for (a concordance's, a search's), if any. */
interface Call {
  method: string;
  limit?: number;
}

let opened: TestEngine;
let app: Express;
const calls: Call[] = [];

/** The engine, every call to search, concordance and passage recorded. */
function recorded(engine: Engine): Engine {
  return new Proxy(engine, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || !['search', 'concordance', 'passage'].includes(String(name))) return value;
      return (...args: unknown[]) => {
        const options = args[1] as { limit?: number } | undefined;
        calls.push({ method: String(name), limit: options?.limit });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

beforeAll(async () => {
  opened = await openTestEngine();
  app = createApp(recorded(opened.engine), { log: () => {} });
}, 120_000);
afterAll(() => opened?.dispose());
beforeEach(() => {
  calls.length = 0;
});

const enc = encodeURIComponent;
/** The headers a download is known by. */
const known = (headers: Record<string, string>) => ({ status: headers['content-type'], disposition: headers['content-disposition'] });

describe('HEAD of a download', () => {
  it.each(['csv', 'ris', 'bibtex', 'csl-json'])('of a search as %s answers the GET\'s headers without reading its hits', async (format) => {
    const url = `/api/search?q=${enc('发展')}&format=${format}&offset=5`;
    const got = await request(app).get(url).expect(200);
    calls.length = 0;
    const head = await request(app).head(url).expect(200);
    expect(known(head.headers)).toEqual(known(got.headers));
    expect(head.headers['cache-control']).toBe(got.headers['cache-control']);
    // Its total only (the file's name says its range): no passage read, no page of hits beyond one.
    expect(calls.filter((c) => c.method === 'passage')).toEqual([]);
    expect(calls.filter((c) => c.method === 'search').every((c) => (c.limit ?? 0) <= 1)).toBe(true);
  });

  it('of a concordance\'s CSV answers the GET\'s headers without cutting its lines', async () => {
    const url = `/api/concordance?q=${enc('发展')}&format=csv&offset=10&limit=50`;
    const got = await request(app).get(url).expect(200);
    calls.length = 0;
    const head = await request(app).head(url).expect(200);
    expect(known(head.headers)).toEqual(known(got.headers));
    expect(calls).toEqual([{ method: 'concordance', limit: 1 }]);
  });

  it('of a passage\'s citation answers the GET\'s headers', async () => {
    const id = 'xizang-2024-government-work-report-p0010';
    for (const format of ['ris', 'bibtex', 'csl']) {
      const got = await request(app).get(`/api/passages/${id}/citation?format=${format}`).expect(200);
      const head = await request(app).head(`/api/passages/${id}/citation?format=${format}`).expect(200);
      expect(known(head.headers)).toEqual(known(got.headers));
    }
  });

  it.each([
    [`/api/search?q=OR&format=ris`, 400],
    [`/api/search?q=${enc('发展')}&format=csv&limit=1001`, 400],
    [`/api/search?q=${enc('发展')}&format=bibtex&doc=no-such-report`, 400],
    [`/api/search?q=${enc('发展')}&format=xml`, 400],
    [`/api/concordance?q=${enc('旅游 OR 文化')}&format=csv`, 400],
    [`/api/concordance?q=${enc('发展')}&format=csv&doc=no-such-report`, 400],
    [`/api/passages/no-such-passage/citation?format=ris`, 404],
    [`/api/passages/xizang-2024-government-work-report-p0010/citation?format=doc`, 400],
  ])('of %s answers the GET\'s coded error', async (url, status) => {
    const got = await request(app).get(url).expect(status);
    const head = await request(app).head(url).expect(status);
    expect(head.headers['content-type']).toBe(got.headers['content-type']);
    expect(got.body.error.code).toMatch(/^[A-Z_]+$/);
  });
});
