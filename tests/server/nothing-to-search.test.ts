import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './test-engine.js';

const app = useTestApp();
const get = (url: string) => request(app()).get(url);
const q = (text: string) => encodeURIComponent(text);

/** Queries that hold operators, quotes, filters or exclusions and nothing to look for. */
const OPERATORS_ONLY = ['OR', '-', '""', '“”', 'NEAR/3', '/s', '/p', 'OR OR', '|', '！！'];

describe('a query with nothing to search for', () => {
  it('is a 400 INVALID_QUERY on every route that takes a query, never a 200 with an English notice', async () => {
    for (const text of OPERATORS_ONLY) {
      for (const route of ['/api/search', '/api/concordance', '/api/trend']) {
        for (const format of route === '/api/trend' ? [''] : ['', '&format=csv']) {
          const res = await get(`${route}?q=${q(text)}&lang=zh${format}`);
          expect({ text, route, format, status: res.status }).toEqual({ text, route, format, status: 400 });
          expect(res.body.error.code).toBe('INVALID_QUERY');
          // Said in the language asked for.
          expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
  });

  it('searches a word one edit from a stop word, whose "did you mean" proposal has nothing to look for', async () => {
    // `thea` and `theb` are spelled one edit from `the`: trying that proposal must not refuse the query asked.
    for (const text of ['thea', 'theb']) {
      for (const format of ['', '&format=csv']) {
        expect({ text, format, status: (await get(`/api/search?q=${q(text)}${format}`)).status }).toEqual({ text, format, status: 200 });
      }
    }
  });

  it('says the same thing on the search, the concordance and the trend', async () => {
    for (const text of ['OR', 'NEAR/3', '""']) {
      const messages = await Promise.all(['search', 'concordance', 'trend'].map(async (route) => (await get(`/api/${route}?q=${q(text)}&lang=en`).expect(400)).body.error.message));
      expect(new Set(messages).size).toBe(1);
    }
  });

  it('names the operators it found alone, in the language asked for', async () => {
    const en = await get(`/api/search?q=${q('OR NEAR/3')}&lang=en`).expect(400);
    expect(en.body.error.message).toContain('OR');
    expect(en.body.error.message).toContain('NEAR/3');
    const zh = await get(`/api/search?q=${q('/s')}`).set('Accept-Language', 'zh-CN').expect(400);
    expect(zh.body.error.message).toContain('/s');
    expect(zh.body.error.message).toMatch(/运算符/);
  });

  it('says that a query of exclusions or filters alone needs something to look for', async () => {
    const excluded = await get(`/api/search?q=${q('-乡村')}&lang=en`).expect(400);
    expect(excluded.body.error.message).toMatch(/exclu/i);
    expect(excluded.body.error.message).toContain('-乡村');
    const filtered = await get(`/api/search?q=${q('year:2024')}&lang=zh`).expect(400);
    expect(filtered.body.error.message).toContain('year:2024');
    expect(filtered.body.error.message).toMatch(/筛选/);
  });

  it('still answers a word beside an operator', async () => {
    const res = await get(`/api/search?q=${q('乡村 OR')}`).expect(200);
    expect(res.body.total).toBeGreaterThan(0);
  });

  it('names the trend, not the concordance, when a trend cannot follow a query of several words joined by operators', async () => {
    const trend = await get(`/api/trend?q=${q('乡村 OR 农村')}&lang=en`).expect(400);
    expect(trend.body.error.message).toMatch(/trend/i);
    const zh = await get(`/api/trend?q=${q('-乡村 振兴')}&lang=zh`).expect(400);
    expect(zh.body.error.message).toContain('趋势');
    const concordance = await get(`/api/concordance?q=${q('乡村 OR 农村')}&lang=en`).expect(400);
    expect(concordance.body.error.message).toMatch(/concordance/i);
  });
});
