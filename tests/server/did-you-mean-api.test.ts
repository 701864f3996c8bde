import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { SearchResponse } from '../../src/search/types.js';
import { openTestEngine } from './test-engine.js';
import type { TestEngine } from './test-engine.js';

let opened: TestEngine;
let app: Express;

beforeAll(async () => {
  opened = await openTestEngine();
  app = createApp(opened.engine, { log: () => undefined });
});
afterAll(() => opened?.dispose());

async function search(q: string, extra = ''): Promise<SearchResponse> {
  const res = await request(app).get(`/api/search?q=${encodeURIComponent(q)}&limit=5${extra}`).expect(200);
  return res.body as SearchResponse;
}

describe('GET /api/search carries didYouMean', () => {
  it('for each of the three kinds, with the total the proposal finds through the same API', async () => {
    const cases: Array<[string, string, string]> = [
      ['乡村振新', '乡村振兴', 'chinese-near-miss'],
      ['toursim', 'tourism', 'spelling'],
      ['xiangcun zhenxing', '乡村振兴', 'pinyin'],
    ];
    for (const [typed, proposed, reason] of cases) {
      const body = await search(typed);
      expect(body.total).toBeLessThan(3);
      expect(body.didYouMean?.[0]).toEqual({ query: proposed, reason, total: (await search(proposed)).total });
    }
  });

  it('counts a proposal under the request\'s filters, and the same request answered again (cached) says the same', async () => {
    const first = await search('乡村振新', '&year=2021');
    expect(first.didYouMean?.[0]?.total).toBe((await search('乡村振兴', '&year=2021')).total);
    expect((await search('乡村振新', '&year=2021')).didYouMean).toEqual(first.didYouMean);
  });

  it('is absent when the query finds three passages or more', async () => {
    const body = await search('乡村振兴');
    expect(body.total).toBeGreaterThanOrEqual(3);
    expect('didYouMean' in body).toBe(false);
  });
});
