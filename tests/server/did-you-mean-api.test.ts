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

describe('GET /api/search carries alsoWritten, and the rendered page shows it', () => {
  it('offers a year in digits written in numerals, and back, with the totals those searches give', async () => {
    const digits = await search('2035年');
    expect(digits.alsoWritten).toEqual({ query: '二〇三五年', reason: 'in-chinese-numerals', total: (await search('二〇三五年')).total });
    expect(digits.alsoWritten?.total).toBeGreaterThan(digits.total);
    expect((await search('二〇三五年')).alsoWritten).toEqual({ query: '2035年', reason: 'in-digits', total: digits.total });
  });

  it('counts it under the request\'s filters, and leaves it out when it finds nothing there', async () => {
    expect((await search('2035年', '&year=2021')).alsoWritten?.total).toBe((await search('二〇三五年', '&year=2021')).total);
    expect((await search('二〇三五年', '&year=2024')).total).toBe(0);
    expect('alsoWritten' in (await search('2035年', '&year=2024'))).toBe(false);
  });

  it('is a link on the page the server renders, in the language asked for', async () => {
    const zh = await request(app).get(`/?q=${encodeURIComponent('2035年')}&lang=zh`).expect(200);
    expect(zh.text).toContain(`数字换一种写法： <a class="did-you-mean-query" href="/?q=${encodeURIComponent('二〇三五年')}&amp;lang=zh"`);
    const en = await request(app).get(`/?q=${encodeURIComponent('二〇三五年')}&lang=en`).expect(200);
    expect(en.text).toMatch(/With the numbers written the other way: <a [^>]*title="Dates and percentages in Arabic digits">2035年<\/a> \(\d+ found\)/);
  });
});

describe('the page the server renders', () => {
  it('shows each proposal with what it is and how many passages it finds, as the script\'s page does', async () => {
    const proposal = (await search('乡村振新')).didYouMean?.[0];
    const page = await request(app).get(`/?q=${encodeURIComponent('乡村振新')}&lang=en`).expect(200);
    expect(page.text).toContain(`title="A word of the reports one character away">乡村振兴</a> (${proposal?.total} found)`);
  });
});
