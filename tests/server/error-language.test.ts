import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { openTestEngine } from './test-engine.js';
import type { TestEngine } from './test-engine.js';

let opened: TestEngine;
let app: Express;

beforeAll(async () => {
  opened = await openTestEngine();
  app = createApp(opened.engine);
});
afterAll(() => opened?.dispose());

const HAN = /\p{Script=Han}/u;
/** The message without what it quotes back of the request (which may be Chinese in either language). */
const own = (message: string): string => message.replace(/"[^"]*"|“[^”]*”|\?q=\S+/g, '');

/** Bad requests of every JSON route, each with what the Chinese message must name (the parameter, the bound). */
const BAD: Array<[string, string, string[]]> = [
  ['a missing q', '/api/search', ['q']],
  ['an empty q', '/api/search?q=%20', ['q']],
  ['a q of 501 characters', `/api/search?q=${'a'.repeat(501)}`, ['q', '500']],
  ['a control character in q', '/api/search?q=a%07b', ['q']],
  ['limit 101', '/api/search?q=a&limit=101', ['limit', '1', '100']],
  ['year 20x4', '/api/search?q=a&year=20x4', ['year', '20x4']],
  ['kind chair', '/api/search?q=a&kind=chair', ['kind', 'chair', 'paragraph']],
  ['an unknown report', '/api/search?q=a&doc=no-such-report', ['doc', 'no-such-report', '/api/documents']],
  ['a doc id with a slash', '/api/search?q=a&doc=..%2Fetc', ['doc']],
  ['a repeated q', '/api/search?q=a&q=b', ['q', '2']],
  ['an array-shaped q', '/api/search?q[]=a', ['q[]']],
  ['an unknown parameter', '/api/search?q=a&order=date', ['order', 'limit']],
  ['a broken percent-escape', '/api/search?q=%E9%AB', ['%E9%AB']],
  ['a lone surrogate', '/api/search?q=%ED%A0%80', ['%ED%A0%80']],
  ['a broken escape in the path', '/api/passages/%E0%A4%A', []],
  ['an unknown passage', '/api/passages/no-such-p0001', ['no-such-p0001']],
  ['an unknown report id', '/api/documents/no-such-report', ['no-such-report']],
  ['a citation without format', '/api/passages/no-such-p0001/citation', ['format', 'ris']],
  ['a citation of an unknown passage', '/api/passages/no-such-p0001/citation?format=ris', ['no-such-p0001']],
  ['a parameter on /api/health', '/api/health?verbose=1', ['verbose']],
  ['suggestions over the limit', '/api/suggest?q=a&limit=21', ['limit', '20']],
  ['a concordance context of 0', '/api/concordance?q=乡村&context=0', ['context', '200']],
  ['a concordance with OR', '/api/concordance?q=乡村%20OR%20振兴', ['OR']],
  ['a concordance of punctuation only', '/api/concordance?q=%22', []],
  ['a trend of five phrases', '/api/trend?q=a&q=b&q=c&q=d&q=e', ['q', '4']],
  ['an unknown address', '/api/nope', ['/api/nope']],
];

describe('error messages in the language the request asks for', () => {
  it.each(BAD)('answers %s in Chinese with ?lang=zh, naming what was wrong', async (_name, url, named) => {
    const res = await request(app).get(`${url}${url.includes('?') ? '&' : '?'}lang=zh`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const { code, message, messages } = res.body.error;
    expect(code).toMatch(/^[A-Z_]+$/);
    expect(message).toMatch(HAN);
    expect(own(message)).not.toMatch(/\b(the|is|must|give|Parameter)\b/);
    for (const part of named) expect(message).toContain(part);
    expect(messages.zh).toMatch(HAN);
    expect(res.headers['content-language']).toBe('zh');
  });

  it.each(BAD)('answers %s in Chinese to a browser whose first language is Chinese', async (_name, url) => {
    const res = await request(app).get(url).set('Accept-Language', 'zh-CN,zh;q=0.9,en;q=0.8');
    expect(res.body.error.message).toMatch(HAN);
  });

  it.each(BAD)('answers %s in English by default, and with ?lang=en over a Chinese browser', async (_name, url) => {
    const plain = await request(app).get(url);
    const asked = await request(app).get(`${url}${url.includes('?') ? '&' : '?'}lang=en`).set('Accept-Language', 'zh-CN');
    for (const res of [plain, asked]) {
      expect(own(res.body.error.message)).not.toMatch(HAN);
      expect(res.headers['content-language']).toBe('en');
    }
    expect(asked.body.error.code).toBe(plain.body.error.code);
  });

  it('takes lang on every JSON route, where it changes nothing but the language of an error', async () => {
    const { body } = await request(app).get('/api/search?q=乡村振兴&limit=1').expect(200);
    const id = body.hits[0].id as string;
    for (const url of [
      '/api/health', '/api/documents', `/api/documents/${body.hits[0].docId}`, `/api/passages/${id}`,
      `/api/passages/${id}/citation?format=ris`, '/api/suggest?q=乡村', '/api/concordance?q=乡村', '/api/trend?q=乡村',
    ]) {
      await request(app).get(`${url}${url.includes('?') ? '&' : '?'}lang=zh`).expect(200);
    }
  });

  it('still refuses a language it does not speak, in English', async () => {
    const res = await request(app).get('/api/passages/x?lang=fr').expect(400);
    expect(res.body.error.code).toBe('INVALID_PARAMETER');
    expect(res.body.error.message).toContain('lang');
  });
});
