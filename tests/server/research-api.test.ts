import type { Express } from 'express';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { phraseKey } from '../../src/text/analyzer.js';
import type { ConcordanceResponse, TrendSeries } from '../../src/search/research.js';
import type { TrendYear } from '../../src/search/trend.js';
import { openTestEngine } from './test-engine.js';
import type { TestEngine } from './test-engine.js';

let opened: TestEngine;
let app: Express;

beforeAll(async () => {
  opened = await openTestEngine();
  app = createApp(opened.engine);
}, 120_000);
afterAll(() => opened?.dispose());

const get = (url: string) => request(app).get(url);
const enc = encodeURIComponent;

describe('GET /api/concordance', () => {
  it('answers one line per occurrence with its place, and an exact total', async () => {
    const res = await get(`/api/concordance?q=${enc('乡村振兴')}&context=10&limit=5`);
    expect(res.status).toBe(200);
    const body = res.body as ConcordanceResponse;
    expect(body.total).toBeGreaterThan(5);
    expect(body.lines).toHaveLength(5);
    for (const line of body.lines) {
      expect(Object.keys(line).sort()).toEqual(['docId', 'field', 'left', 'match', 'page', 'pageEnd', 'paragraph', 'passageId', 'right', 'year']);
      expect(line.match).toBe('乡村振兴');
      expect(Array.from(line.left).length).toBeLessThanOrEqual(10);
    }
    const all = (await get(`/api/concordance?q=${enc('乡村振兴')}&limit=10000`)).body as ConcordanceResponse;
    expect(all.lines).toHaveLength(body.total);
  });

  it('sorts by right context', async () => {
    const { lines } = (await get(`/api/concordance?q=${enc('发展')}&sort=right&limit=200`)).body as ConcordanceResponse;
    const rights = lines.map((l) => phraseKey(l.right));
    expect(lines.length).toBe(200);
    for (let i = 1; i < rights.length; i++) expect((rights[i - 1] as string) <= (rights[i] as string)).toBe(true);
  });

  it('downloads CSV with a header, one row per occurrence, formula cells guarded', async () => {
    const res = await get(`/api/concordance?q=${enc('乡村振兴')}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="concordance.csv"/);
    const rows = parse(res.text.replace(/^\uFEFF/, '')) as string[][];
    const { total } = (await get(`/api/concordance?q=${enc('乡村振兴')}&limit=1`)).body as ConcordanceResponse;
    expect(rows[0]).toEqual(['left', 'match', 'right', 'docId', 'year', 'passageId', 'paragraph', 'page', 'field']);
    expect(rows).toHaveLength(total + 1);
    expect(rows.slice(1).every((r) => r[1] === '乡村振兴')).toBe(true);
    expect(rows.slice(1).every((r) => !/^[=+\-@]/.test(r[0] as string) && !/^[=+\-@]/.test(r[2] as string))).toBe(true);
  });

  it('answers a repeated request with a 304 when the client holds its ETag, a page or order of its own with another', async () => {
    const url = `/api/concordance?q=${enc('乡村振兴')}&limit=5`;
    const first = await get(url).expect(200);
    const tag = first.headers.etag as string;
    expect(tag).toBeTruthy();
    // The answer's own time (tookMs) differs from request to request; its ETag does not.
    expect((await get(url).expect(200)).headers.etag).toBe(tag);
    await request(app).get(url).set('If-None-Match', tag).expect(304);
    for (const other of [`${url}&sort=right`, `${url}&offset=5`, `${url}&context=10`, `/api/concordance?q=${enc('发展')}&limit=5`]) {
      const res = await request(app).get(other).set('If-None-Match', tag).expect(200);
      expect(res.headers.etag).not.toBe(tag);
    }
  });

  it.each([
    ['', 'MISSING_PARAMETER'],
    ['?q=', 'EMPTY_PARAMETER'],
    [`?q=${enc('发展')}&context=0`, 'INVALID_PARAMETER'],
    [`?q=${enc('发展')}&context=201`, 'INVALID_PARAMETER'],
    [`?q=${enc('发展')}&limit=10001`, 'INVALID_PARAMETER'],
    [`?q=${enc('发展')}&offset=-1`, 'INVALID_PARAMETER'],
    [`?q=${enc('发展')}&sort=middle`, 'INVALID_PARAMETER'],
    [`?q=${enc('发展')}&format=xml`, 'INVALID_PARAMETER'],
    [`?q=${enc('发展')}&doc=no-such-report`, 'INVALID_PARAMETER'],
    [`?q=${enc('发展')}&q=x`, 'REPEATED_PARAMETER'],
    [`?q=${enc('发展')}&foo=1`, 'UNKNOWN_PARAMETER'],
    [`?q=${enc('旅游 OR 文化')}`, 'INVALID_QUERY'],
    [`?q=${enc('，。')}`, 'INVALID_QUERY'],
    [`?q=${enc('边境 NEAR/10 小康')}`, 'INVALID_QUERY'],
  ])('refuses %s with a coded 400 (%s)', async (query, code) => {
    const res = await get(`/api/concordance${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(10);
  });
});

describe('GET /api/trend', () => {
  it('gives every year, zeros included, summing to the concordance total', async () => {
    const res = await get(`/api/trend?q=${enc('乡村振兴')}`);
    expect(res.status).toBe(200);
    const years = res.body.years as TrendYear[];
    expect(years.length).toBe((years.at(-1)?.year ?? 0) - (years[0]?.year ?? 0) + 1);
    const { total } = (await get(`/api/concordance?q=${enc('乡村振兴')}&limit=1`)).body as ConcordanceResponse;
    expect(res.body.total).toBe(total);
    expect(years.reduce((s, y) => s + y.occurrences, 0) + (res.body.series[0] as TrendSeries).undated.occurrences).toBe(total);
  });

  it('compares up to four phrases, in the order given', async () => {
    const res = await get(`/api/trend?q=${enc('乡村振兴')}&q=${enc('高质量发展')}&q=tourism&q=${enc('边境')}`);
    expect(res.status).toBe(200);
    expect((res.body.series as TrendSeries[]).map((s) => s.q)).toEqual(['乡村振兴', '高质量发展', 'tourism', '边境']);
    const five = await get(`/api/trend?q=a1&q=b2&q=c3&q=d4&q=e5`);
    expect(five.status).toBe(400);
    expect(five.body.error.code).toBe('INVALID_PARAMETER');
  });

  it.each([
    ['', 'MISSING_PARAMETER'],
    [`?q=${enc('发展')}&q=`, 'EMPTY_PARAMETER'],
    [`?q=${enc('发展')}&year=2024`, 'UNKNOWN_PARAMETER'],
    [`?q=${enc('教育 -学前教育')}`, 'INVALID_QUERY'],
    [`?q=${enc('旅游 /s 生态')}`, 'INVALID_QUERY'],
  ])('refuses %s with a coded 400 (%s)', async (query, code) => {
    const res = await get(`/api/trend${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
  });

  it('answers only GET and HEAD', async () => {
    expect((await request(app).post('/api/trend?q=x')).status).toBe(405);
    expect((await request(app).post('/api/concordance?q=x')).status).toBe(405);
  });
});
