import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCoding, encodeAnswer, INLINE_MAX_BYTES, MIN_CODED_BYTES } from '../../src/server/answer-coding.js';
import type { AnswerCoding } from '../../src/server/answer-coding.js';
import { createApp } from '../../src/server/app.js';
import { openTestEngine, REPO_ROOT } from './test-engine.js';
import type { TestEngine } from './test-engine.js';

let opened: TestEngine;
let server: http.Server;
let cachedServer: http.Server;

const listen = async (app: express.Express): Promise<http.Server> => {
  const s = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => s.once('listening', () => resolve()));
  return s;
};

beforeAll(async () => {
  opened = await openTestEngine();
  server = await listen(createApp(opened.engine, { searchCacheBytes: 0 }));
  cachedServer = await listen(createApp(opened.engine));
});
afterAll(async () => {
  for (const s of [server, cachedServer]) await new Promise<void>((resolve) => s.close(() => resolve()));
  opened?.dispose();
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET as a client sends it, the body exactly as it came over the wire (not decompressed). */
function rawGet(on: http.Server, target: string, acceptEncoding?: string, method = 'GET'): Promise<Raw> {
  const { port } = on.address() as AddressInfo;
  const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const DECODE: Record<AnswerCoding, (bytes: Buffer) => Buffer> = {
  br: (bytes) => zlib.brotliDecompressSync(bytes),
  gzip: (bytes) => zlib.gunzipSync(bytes),
  deflate: (bytes) => zlib.inflateSync(bytes),
};

/** The answer's text with its top-level tookMs (the first `"tookMs":`; a query's quotes are escaped) set to 0. */
const withoutTook = (body: Buffer): string => body.toString('utf8').replace(/"tookMs":[-0-9.e]+/, '"tookMs":0');

const benchQueries = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'bench/queries.json'), 'utf8')) as { queries: Array<{ q: string }> }).queries.map((q) => q.q);
const searchPath = (q: string, extra = ''): string => `/api/search?q=${encodeURIComponent(q)}${extra}`;

describe('search answers in a content coding', () => {
  it('decode to the very bytes sent to a client that accepts no coding, in br, gzip and deflate', async () => {
    for (const q of benchQueries) {
      const plain = await rawGet(server, searchPath(q));
      expect(plain.status, q).toBe(200);
      expect(plain.headers['content-encoding'], q).toBeUndefined();
      for (const coding of ['br', 'gzip', 'deflate'] as const) {
        const coded = await rawGet(server, searchPath(q), coding);
        expect(coded.status, q).toBe(200);
        if (plain.body.length < MIN_CODED_BYTES) {
          expect(coded.headers['content-encoding'], q).toBeUndefined();
          continue;
        }
        expect(coded.headers['content-encoding'], q).toBe(coding);
        expect(Number(coded.headers['content-length']), q).toBe(coded.body.length);
        expect(coded.headers.vary, q).toMatch(/Accept-Encoding/);
        expect(coded.body.length, q).toBeLessThan(plain.body.length);
        expect(withoutTook(DECODE[coding](coded.body)), q).toBe(withoutTook(plain.body));
      }
    }
  });

  it('gives a browser the coding it lists first, from the answer cache too, and its ETag', async () => {
    const browser = 'gzip, deflate, br, zstd';
    const target = searchPath('"高质量发展"', '&limit=20');
    const coded = [await rawGet(cachedServer, target, browser), await rawGet(cachedServer, target, browser)];
    const plain = await rawGet(cachedServer, target);
    expect(coded.map((res) => res.headers['x-cache'])).toEqual(['miss', 'hit']);
    for (const res of coded) {
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers.etag).toBe(plain.headers.etag);
      expect(withoutTook(zlib.gunzipSync(res.body))).toBe(withoutTook(plain.body));
    }
  });

  it('compresses an answer longer than the inline bound on the thread pool, to the same bytes', async () => {
    const target = searchPath('发展', '&limit=100&fields=text');
    const plain = await rawGet(server, target);
    expect(plain.body.length).toBeGreaterThan(INLINE_MAX_BYTES);
    for (const coding of ['br', 'gzip'] as const) {
      const coded = await rawGet(server, target, coding);
      expect(coded.headers['content-encoding']).toBe(coding);
      expect(withoutTook(DECODE[coding](coded.body))).toBe(withoutTook(plain.body));
    }
  });

  it('sends the answer as it is to a HEAD request, and to a client that refuses every coding it knows', async () => {
    const target = searchPath('旅游');
    const head = await rawGet(server, target, 'gzip', 'HEAD');
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.body.length).toBe(0);
    for (const refusing of ['identity', 'zstd', 'gzip;q=0, br;q=0, deflate;q=0']) {
      const res = await rawGet(server, target, refusing);
      expect(res.status, refusing).toBe(200);
      expect(res.headers['content-encoding'], refusing).toBeUndefined();
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
    }
  });
});

describe('answerCoding', () => {
  const app = express();
  app.get('/coding', (req, res) => {
    res.json({ coding: answerCoding(req, Number(req.query.bytes)) });
  });
  const codingFor = async (acceptEncoding: string | null, bytes = 20_000): Promise<unknown> => {
    const req = request(app).get(`/coding?bytes=${bytes}`);
    if (acceptEncoding === null) req.unset('Accept-Encoding');
    else req.set('Accept-Encoding', acceptEncoding);
    return ((await req.expect(200)).body as { coding: unknown }).coding;
  };

  it('follows the client: q-values first, then its own order; null when it accepts none or the answer is short', async () => {
    expect(await codingFor('gzip, deflate, br, zstd')).toBe('gzip');
    expect(await codingFor('br, gzip')).toBe('br');
    expect(await codingFor('gzip;q=0.5, br')).toBe('br');
    expect(await codingFor('deflate')).toBe('deflate');
    expect(await codingFor('*')).toBe('br');
    expect(await codingFor('identity')).toBeNull();
    expect(await codingFor('zstd')).toBeNull();
    expect(await codingFor('gzip;q=0')).toBeNull();
    expect(await codingFor(null)).toBeNull();
    expect(await codingFor('gzip', MIN_CODED_BYTES - 1)).toBeNull();
    expect(await codingFor('gzip', MIN_CODED_BYTES)).toBe('gzip');
  });
});

describe('encodeAnswer', () => {
  it('decodes back to its input, short (at once) and long (on the thread pool), in every coding', async () => {
    const codings = fc.constantFrom<AnswerCoding>('br', 'gzip', 'deflate');
    const bodies = fc.oneof(fc.uint8Array({ maxLength: 4096 }), fc.string({ unit: 'grapheme', minLength: 30_000, maxLength: 40_000 }).map((s) => new TextEncoder().encode(s.repeat(4))));
    await fc.assert(
      fc.asyncProperty(bodies, codings, async (bytes, coding) => {
        const body = Buffer.from(bytes);
        expect(DECODE[coding](await encodeAnswer(body, coding)).equals(body)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
