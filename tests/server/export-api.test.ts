/**
 * The export API on the bundled corpus: search sorted by date, search results as CSV, and a passage's
 * citation as RIS, BibTeX and CSL-JSON (citation-js), with their errors as coded JSON.
 */
import type { Express } from 'express';
import { load } from 'cheerio';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocMeta } from '../../src/model.js';
import { createApp } from '../../src/server/app.js';
import { RESULT_CSV_COLUMNS } from '../../src/server/export-csv.js';
import type { Engine, SearchResponse } from '../../src/search/types.js';
import { useBundledEngine } from '../search/bundled-engine.js';

const bundled = useBundledEngine();
let engine: Engine;
let app: Express;

beforeAll(() => {
  engine = bundled.engine();
  app = createApp(engine);
});

const get = (url: string) => request(app).get(url);
const enc = encodeURIComponent;
/** A CSV answer's rows, the byte order mark checked and taken off. */
const rowsOf = (text: string): string[][] => {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text.slice(1)) as string[][];
};

describe('GET /api/search?sort=', () => {
  it('orders hits newest or oldest first, with the relevance total and facets, paged exactly', async () => {
    const relevance = (await get(`/api/search?q=${enc('乡村振兴')}&limit=100`).expect(200)).body as SearchResponse;
    for (const sort of ['newest', 'oldest']) {
      const whole = (await get(`/api/search?q=${enc('乡村振兴')}&limit=100&sort=${sort}`).expect(200)).body as SearchResponse;
      expect({ total: whole.total, facets: whole.facets }).toEqual({ total: relevance.total, facets: relevance.facets });
      expect(whole.hits.map((h) => h.id).sort()).toEqual(relevance.hits.map((h) => h.id).sort());
      const years = whole.hits.map((h) => h.year as number);
      expect(years).toEqual([...years].sort((a, b) => (sort === 'newest' ? b - a : a - b)));
      expect(new Set(years).size).toBeGreaterThan(2);
      const page = (await get(`/api/search?q=${enc('乡村振兴')}&limit=4&offset=5&sort=${sort}`).expect(200)).body as SearchResponse;
      expect(page.hits.map((h) => h.id)).toEqual(whole.hits.slice(5, 9).map((h) => h.id));
    }
  });

  it('keeps sorted answers apart from relevance answers in the answer cache', async () => {
    const url = `/api/search?q=${enc('高质量发展')}&limit=5`;
    const relevance = await get(url).expect(200);
    const newest = await get(`${url}&sort=newest`).expect(200);
    expect(newest.headers['x-cache']).toBe('miss');
    expect(newest.headers.etag).not.toBe(relevance.headers.etag);
    expect((newest.body as SearchResponse).hits.map((h) => h.id)).not.toEqual((relevance.body as SearchResponse).hits.map((h) => h.id));
    expect((await get(`${url}&sort=newest`).expect(200)).headers['x-cache']).toBe('hit');
  });

  it('refuses an unknown order with a coded 400 that lists the orders', async () => {
    const res = await get(`/api/search?q=${enc('乡村振兴')}&sort=date`).expect(400);
    expect(res.body.error.code).toBe('INVALID_PARAMETER');
    expect(res.body.error.message).toContain('relevance, newest, oldest');
  });
});

describe('GET /api/search?format=csv', () => {
  it('downloads the results as CSV with a BOM, one row per hit in the order of the search', async () => {
    const res = await get(`/api/search?q=${enc('乡村振兴')}&format=csv&sort=oldest&limit=15&offset=2`).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="search-results-3-17.csv"; filename*=UTF-8''search-${enc('乡村振兴')}-3-17.csv`);
    const rows = rowsOf(res.text);
    expect(rows[0]).toEqual([...RESULT_CSV_COLUMNS]);
    const json = (await get(`/api/search?q=${enc('乡村振兴')}&sort=oldest&limit=15&offset=2`).expect(200)).body as SearchResponse;
    const docs = new Map(engine.documents().map((d: DocMeta) => [d.id, d]));
    expect(rows.slice(1).map((r) => r[1])).toEqual(json.hits.map((h) => h.id));
    rows.slice(1).forEach((row, i) => {
      const hit = json.hits[i];
      const cell = Object.fromEntries(RESULT_CSV_COLUMNS.map((c, k) => [c, row[k]]));
      expect(cell.rank).toBe(String(i + 3));
      expect(cell.report).toBe(hit?.docTitle);
      expect(cell.year).toBe(String(hit?.year));
      expect(cell.region).toBe(docs.get(hit?.docId ?? '')?.region);
      expect(cell.paragraph).toBe(hit?.paragraph === null ? '' : String(hit?.paragraph));
      expect(cell.text).toBe(hit?.text);
      expect(cell.permalink).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/p/${hit?.id}$`));
      expect(cell.citation).toBe(hit?.citation.zh);
    });
  });

  it('gives every hit by default (up to 1000), across the engine\'s pages, and the English citation with lang=en', async () => {
    const { total } = (await get(`/api/search?q=${enc('的')}&limit=1`).expect(200)).body as SearchResponse;
    expect(total).toBeGreaterThan(200);
    const rows = rowsOf((await get(`/api/search?q=${enc('的')}&format=csv&lang=en`).expect(200)).text);
    expect(rows).toHaveLength(total + 1);
    const ids: string[] = [];
    for (let offset = 30; offset < 280; offset += 100) {
      const page = (await get(`/api/search?q=${enc('的')}&lang=en&limit=100&offset=${offset}`).expect(200)).body as SearchResponse;
      ids.push(...page.hits.slice(0, 280 - offset).map((h) => h.id));
    }
    const range = rowsOf((await get(`/api/search?q=${enc('的')}&format=csv&lang=en&offset=30&limit=250`).expect(200)).text);
    expect(range.slice(1).map((r) => r[1])).toEqual(ids);
    expect(range[1]?.[0]).toBe('31');
    const first = (await get(`/api/search?q=${enc('的')}&limit=1&lang=en`).expect(200)).body as SearchResponse;
    expect(rows[1]?.[11]).toBe(first.hits[0]?.citation.en);
  });

  it('answers a limit over 1000 or an unknown format with a coded JSON 400', async () => {
    const big = await get(`/api/search?q=${enc('发展')}&format=csv&limit=1001`).expect(400);
    expect(big.headers['content-type']).toMatch(/^application\/json/);
    expect(big.body.error.code).toBe('INVALID_PARAMETER');
    expect(big.body.error.message).toContain('1000');
    const xml = await get(`/api/search?q=${enc('发展')}&format=xml`).expect(400);
    expect(xml.body.error.message).toContain('json, csv');
    // JSON answers keep their own limit.
    expect((await get(`/api/search?q=${enc('发展')}&limit=101`).expect(400)).body.error.code).toBe('INVALID_PARAMETER');
  });
});

describe('GET /api/passages/:id/citation', () => {
  let id: string;
  let doc: DocMeta;
  beforeAll(async () => {
    const hit = ((await get(`/api/search?q=${enc('乡村振兴')}&limit=1`)).body as SearchResponse).hits[0];
    id = hit?.id ?? '';
    doc = engine.documents().find((d) => d.id === hit?.docId) as DocMeta;
  });

  it('exports RIS with the Chinese title, the government as author, the date and the permalink', async () => {
    const res = await get(`/api/passages/${id}/citation?format=ris`).expect(200);
    expect(res.headers['content-type']).toBe('application/x-research-info-systems; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${id}.ris"`);
    const lines = res.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('TY  - RPRT');
    expect(lines).toContain(`TI  - ${doc.title}`);
    expect(lines).toContain('AU  - 西藏自治区人民政府');
    expect(lines).toContain(`PY  - ${doc.year}`);
    expect(lines.find((l) => l.startsWith('UR  - '))).toMatch(new RegExp(`/p/${id}$`));
    expect(lines.at(-1)).toMatch(/^ER {2}-/);
  });

  it('writes every RIS field on one line, however long: a reference manager reads a wrapped URL or note as broken', async () => {
    // The longest note of the bundled corpus: a paragraph deep in the five-year plan's sections.
    const hits = ((await get(`/api/search?q=${enc('"乡村振兴"')}&doc=xizang-14th-five-year-plan&limit=100`)).body as SearchResponse).hits;
    const deep = hits.reduce((a, b) => (b.sectionPath.join(' › ').length > a.sectionPath.join(' › ').length ? b : a));
    const host = 'government-reports.archive.example.org';
    const res = await get(`/api/passages/${deep.id}/citation?format=ris`).set('Host', host).expect(200);
    const lines = res.text.trim().split(/\r?\n/);
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}-( |$)/);
    expect(lines).toContain(`UR  - http://${host}/p/${deep.id}`);
    expect(lines).toContain(`N1  - 第${deep.paragraph}段；${deep.sectionPath.join(' › ')}`);
    expect(`http://${host}/p/${deep.id}`.length).toBeGreaterThan(70); // citation-js cuts a value every 70 characters
  });

  it('gives each passage its own RIS ID within the 20 characters RIS allows, the same at every export', async () => {
    const hits = ((await get(`/api/search?q=${enc('乡村振兴')}&doc=${doc.id}&limit=5`)).body as SearchResponse).hits;
    expect(hits.length).toBeGreaterThan(1);
    const idLine = async (passage: string): Promise<string> =>
      (await get(`/api/passages/${passage}/citation?format=ris`).expect(200)).text.split(/\r?\n/).find((l) => l.startsWith('ID  - ')) ?? '';
    const ids = await Promise.all(hits.map((h) => idLine(h.id)));
    expect(new Set(ids).size).toBe(hits.length);
    for (const line of ids) expect(line.slice('ID  - '.length).length).toBeLessThanOrEqual(20);
    expect(await idLine(hits[0]?.id ?? '')).toBe(ids[0]);
  });

  it('exports BibTeX that keeps the Chinese title and has a usable key', async () => {
    const res = await get(`/api/passages/${id}/citation?format=bibtex`).expect(200);
    expect(res.headers['content-type']).toBe('application/x-bibtex; charset=utf-8');
    expect(res.text).toMatch(new RegExp(`^@techreport\\{${id.replace(/-/g, '_')},`));
    expect(res.text).toContain(`title = {${doc.title}}`);
    expect(res.text).toContain('author = {{西藏自治区人民政府}}');
    expect(res.text).not.toContain('undefined');
  });

  it('exports CSL-JSON with the paragraph as locator', async () => {
    const res = await get(`/api/passages/${id}/citation?format=csl-json`).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    const [item] = JSON.parse(res.text) as Array<Record<string, unknown>>;
    const view = await engine.passage(id);
    expect(item).toMatchObject({ id, type: 'report', title: doc.title, author: [{ literal: '西藏自治区人民政府' }], locator: String(view?.passage.paragraph), URL: expect.stringMatching(new RegExp(`/p/${id}$`)) });
    expect((item?.issued as { 'date-parts': number[][] })['date-parts'][0]?.[0]).toBe(doc.year);
  });

  it('exports a report printed in a gazette issue as the article the page cites, in the journal and issue', async () => {
    const gazette = 'xizang-gazette-2025-01';
    const passage = ((await get(`/api/search?q=${enc('"乡村振兴"')}&doc=${gazette}&limit=1`)).body as SearchResponse).hits[0]?.id ?? '';
    const view = await engine.passage(passage);
    // The page's citation: 西藏自治区人民政府. 政府工作报告: …[J]. 西藏自治区人民政府公报, 2025(1): …
    expect(view?.citation.zh).toMatch(/^西藏自治区人民政府\. 政府工作报告: .*\[J\]\. 西藏自治区人民政府公报, 2025\(1\)/);
    const [item] = JSON.parse((await get(`/api/passages/${passage}/citation?format=csl-json`).expect(200)).text) as Array<Record<string, unknown>>;
    expect(item).toMatchObject({ type: 'article-journal', title: '政府工作报告', 'container-title': '西藏自治区人民政府公报', issue: '1' });
    expect(item).not.toHaveProperty('genre');
    const ris = (await get(`/api/passages/${passage}/citation?format=ris`).expect(200)).text.split(/\r?\n/);
    expect(ris[0]).toBe('TY  - JOUR');
    expect(ris).toEqual(expect.arrayContaining(['TI  - 政府工作报告', 'T2  - 西藏自治区人民政府公报', 'IS  - 1']));
    const bibtex = (await get(`/api/passages/${passage}/citation?format=bibtex`).expect(200)).text;
    expect(bibtex).toMatch(/^@article\{/);
    expect(bibtex).toContain('journal = {西藏自治区人民政府公报}');
    expect(bibtex).toContain('number = {1}');
    expect(bibtex).toContain('title = {政府工作报告}');
    // The reader's tags, which Zotero reads from the page, say the same.
    const $ = load((await get(`/p/${passage}`).expect(200)).text);
    const meta = (name: string): string | undefined => $(`meta[name="${name}"]`).attr('content');
    expect([meta('citation_title'), meta('citation_journal_title'), meta('citation_issue'), meta('DC.title')]).toEqual(['政府工作报告', '西藏自治区人民政府公报', '1', '政府工作报告']);
    expect(meta('citation_technical_report_institution')).toBeUndefined();
  });

  it('answers an unknown format with a coded 400 in both languages that lists the formats', async () => {
    for (const query of ['?format=endnote', '', '?format=', `?format=${'ris'.repeat(10)}`, '?format=RIS']) {
      const res = await get(`/api/passages/${id}/citation${query}`).expect(400);
      expect(res.body.error.code).toBe('UNKNOWN_CITATION_FORMAT');
      expect(res.body.error.message).toContain('ris, bibtex, csl-json');
      expect(res.body.error.messages.zh).toContain('ris、bibtex 或 csl-json');
    }
  });

  it('answers an unknown passage with a coded 404', async () => {
    const res = await get('/api/passages/no-such-report-p0001/citation?format=ris').expect(404);
    expect(res.body.error.code).toBe('PASSAGE_NOT_FOUND');
  });
});
