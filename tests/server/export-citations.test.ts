/**
 * A search's results as citations (`/api/search?…&format=ris|bibtex|csl-json`): one record per hit of the page
 * asked, each the record the passage's own export gives, under the same filters, order, range and row limit as
 * the CSV, every BibTeX key its own, and a bad request a coded JSON 400 in the language asked for.
 */
import type { Express } from 'express';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { withUniqueKeys } from '../../src/server/export-citation.js';
import type { SearchResponse } from '../../src/search/types.js';
import { useBundledEngine } from '../search/bundled-engine.js';
import { openTempCorpusEngine, type TempCorpusEngine } from '../temp-corpus-engine.js';

const bundled = useBundledEngine();
let app: Express;

beforeAll(() => {
  app = createApp(bundled.engine(), { log: () => {} });
});

// Every request names the same host: supertest serves each on a port of its own, and the permalinks name it.
const HOST = 'reports.example.org';
const get = (url: string, on: () => Express = () => app) => request(on()).get(url).set('Host', HOST);
const enc = encodeURIComponent;
const FORMATS = ['ris', 'bibtex', 'csl-json'] as const;
type Format = (typeof FORMATS)[number];

/** The day of access, which a record written on another day (past midnight) would change. */
const undated = (record: string): string => record.replace(/^Y2 {2}- .*$/gm, 'Y2  - …').replace(/"accessed": \{[^}]*\}/g, '"accessed": …');

/** A file's records, each as the passage's own export writes it (CSL-JSON: each item as a one-item file). */
function recordsOf(text: string, format: Format): string[] {
  if (format === 'csl-json') return (JSON.parse(text) as unknown[]).map((item) => `${JSON.stringify([item], null, 2)}\n`);
  if (text === '') return [];
  return format === 'ris' ? text.split(/\n(?=TY {2}- )/) : text.split(/(?=^@\w+\{)/m);
}

/** The passage a record cites, read from its permalink. */
function passageOf(record: string): string {
  const url = /(?:^UR {2}- |\burl = \{|"URL": ")https?:\/\/[^/]+\/p\/([^\s}"]+)/m.exec(record);
  return url?.[1] ?? '';
}

/** The passages of a search's JSON page, in order. */
const hitIds = async (params: string): Promise<string[]> => ((await get(`/api/search?${params}`).expect(200)).body as SearchResponse).hits.map((h) => h.id);

describe('GET /api/search?format=ris|bibtex|csl-json', () => {
  it.each(FORMATS)('gives one %s record per hit of the page asked, each the passage\'s own export', async (format) => {
    const params = `q=${enc('乡村振兴')}&sort=oldest&limit=15&offset=2`;
    const ids = await hitIds(params);
    expect(ids).toHaveLength(15);
    const res = await get(`/api/search?${params}&format=${format}`).expect(200);
    const records = recordsOf(res.text, format);
    expect(records.map(passageOf)).toEqual(ids);
    const own = await Promise.all(ids.map(async (id) => (await get(`/api/passages/${id}/citation?format=${format}`).expect(200)).text));
    expect(records.map(undated)).toEqual(own.map(undated));
  });

  it('names each format\'s media type and a file named after the query and its range', async () => {
    const types = { ris: 'application/x-research-info-systems', bibtex: 'application/x-bibtex', 'csl-json': 'application/vnd.citationstyles.csl+json' };
    const extensions = { ris: 'ris', bibtex: 'bib', 'csl-json': 'json' };
    for (const format of FORMATS) {
      const res = await get(`/api/search?q=${enc('乡村振兴')}&format=${format}&limit=3`).expect(200);
      expect(res.headers['content-type']).toBe(`${types[format]}; charset=utf-8`);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="search-results-1-3.${extensions[format]}"; filename*=UTF-8''search-${enc('乡村振兴')}-1-3.${extensions[format]}`);
    }
    // `csl` is CSL-JSON.
    const csl = await get(`/api/search?q=${enc('乡村振兴')}&format=csl&limit=3`).expect(200);
    expect(undated(csl.text)).toBe(undated((await get(`/api/search?q=${enc('乡村振兴')}&format=csl-json&limit=3`).expect(200)).text));
  });

  it('gives every hit by default, each BibTeX key, RIS ID and CSL id once', async () => {
    const { total } = (await get(`/api/search?q=${enc('和')}&limit=1`).expect(200)).body as SearchResponse;
    expect(total).toBeGreaterThan(300);
    const bibtex = (await get(`/api/search?q=${enc('和')}&format=bibtex`).expect(200)).text;
    const keys = [...bibtex.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect(keys).toHaveLength(total);
    expect(new Set(keys).size).toBe(total);
    const ris = (await get(`/api/search?q=${enc('和')}&format=ris`).expect(200)).text;
    const risIds = [...ris.matchAll(/^ID {2}- (.+)$/gm)].map((m) => m[1]);
    expect(new Set(risIds).size).toBe(total);
    const items = JSON.parse((await get(`/api/search?q=${enc('和')}&format=csl-json`).expect(200)).text) as Array<{ id: string }>;
    expect(new Set(items.map((i) => i.id)).size).toBe(total);
  });

  it('respects the filters and the order of the search', async () => {
    const doc = 'xizang-14th-five-year-plan';
    for (const params of [`q=${enc('发展')}&year=2023&sort=newest`, `q=${enc('发展')}&doc=${doc}&kind=heading`, `q=${enc('发展 year:2024')}&sort=oldest`, `q=${enc('乡村振兴')}&sort=newest`]) {
      const ids: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await hitIds(`${params}&limit=100&offset=${offset}`);
        ids.push(...page);
        if (page.length < 100) break;
      }
      expect(ids.length).toBeGreaterThan(0);
      for (const format of FORMATS) expect(recordsOf((await get(`/api/search?${params}&format=${format}`).expect(200)).text, format).map(passageOf)).toEqual(ids);
    }
  });

  it('answers a search that finds nothing with an empty file, not an error', async () => {
    expect((await get(`/api/search?q=${enc('量子引力波')}&format=ris`).expect(200)).text).toBe('');
    expect((await get(`/api/search?q=${enc('量子引力波')}&format=bibtex`).expect(200)).text).toBe('');
    expect(JSON.parse((await get(`/api/search?q=${enc('量子引力波')}&format=csl-json`).expect(200)).text)).toEqual([]);
  });

  it('answers a bad request with a coded JSON 400 in the language asked for, never a 500', async () => {
    const q = `q=${enc('乡村振兴')}`;
    const cases: Array<[string, string, string]> = [
      [`${q}&format=endnote`, 'INVALID_PARAMETER', 'ris, bibtex, csl-json'],
      [`${q}&format=ris&limit=1001`, 'INVALID_PARAMETER', '1000'],
      [`${q}&format=bibtex&limit=0`, 'INVALID_PARAMETER', 'limit'],
      [`${q}&format=ris&offset=10001`, 'INVALID_PARAMETER', '10000'],
      [`${q}&format=ris&format=bibtex`, 'REPEATED_PARAMETER', 'format'],
      [`${q}&format=csl-json&doc=no-such-report`, 'INVALID_PARAMETER', 'no-such-report'],
      [`${q}&format=ris&year=1800`, 'INVALID_PARAMETER', '1900'],
      [`${q}&format=ris&style=apa`, 'UNKNOWN_PARAMETER', 'style'],
      [`format=ris`, 'MISSING_PARAMETER', 'q'],
      [`q=&format=bibtex`, 'EMPTY_PARAMETER', 'q'],
      [`q=OR&format=ris`, 'INVALID_QUERY', 'OR'],
    ];
    for (const [params, code, says] of cases) {
      for (const lang of ['en', 'zh'] as const) {
        const res = await get(`/api/search?${params}&lang=${lang}`);
        expect({ params, status: res.status, code: res.body.error?.code }).toEqual({ params, status: 400, code });
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        if (lang === 'en') expect(res.body.error.message).toContain(says);
        // An English message may quote Chinese (the query, an example); a Chinese one is written in Chinese.
        if (lang === 'en') expect(res.body.error.message).toMatch(/^[A-Z][a-z]+ /);
        else expect(res.body.error.message).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff]/);
      }
    }
    // The language of the browser, when the address names none.
    const zh = await get(`/api/search?${q}&format=endnote`).set('Accept-Language', 'zh-CN,zh;q=0.9');
    expect(zh.body.error.message).toContain('参数 format 须为');
  });
});

describe('a result list longer than one file', () => {
  // One report of 1,200 paragraphs that all say 乡村振兴 (of differing lengths, so that none reads as a line of
  // a hard-wrapped paragraph): more results than one file holds.
  const FILL = ['', '加快农牧区基础设施建设，', '巩固拓展脱贫攻坚成果同乡村振兴有效衔接，', '持续改善人居环境，提升公共服务水平，', '发展特色产业，促进农牧民持续增收，带动集体经济壮大，'];
  const paragraphs = Array.from({ length: 1200 }, (_, i) => `各地${FILL[i % 5]}推进乡村振兴示范点建设${i + 1}处，${FILL[(i * 3) % 5]}完成道路硬化${i + 1}公里。`);
  const report = ['2030年示范区乡村振兴工作报告', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');

  // Indexing the report takes half a minute or more on a busy machine: a bound, not a measured time.
  it('gives 1,000 records by default and the rest by range, the same hits as the CSV\'s files', { tags: ['slow'], timeout: 240_000 }, async () => {
    const opened: TempCorpusEngine = await openTempCorpusEngine({ 'big-report.txt': report }, 'export-citations-');
    try {
      const big = createApp(opened.engine, { log: () => {} });
      const on = () => big;
      const { total } = (await get(`/api/search?q=${enc('乡村振兴')}&limit=1`, on).expect(200)).body as SearchResponse;
      expect(total).toBeGreaterThan(1000);
      const csvIds = async (offset: number): Promise<string[]> =>
        (parse((await get(`/api/search?q=${enc('乡村振兴')}&format=csv&offset=${offset}`, on).expect(200)).text.slice(1)) as string[][]).slice(1).map((row) => row[1] ?? '');
      const first = await csvIds(0);
      const rest = await csvIds(1000);
      expect([first.length, rest.length]).toEqual([1000, total - 1000]);
      for (const format of FORMATS) {
        const whole = recordsOf((await get(`/api/search?q=${enc('乡村振兴')}&format=${format}`, on).expect(200)).text, format).map(passageOf);
        expect(whole).toEqual(first);
        const range = recordsOf((await get(`/api/search?q=${enc('乡村振兴')}&format=${format}&offset=1000`, on).expect(200)).text, format).map(passageOf);
        expect(range).toEqual(rest);
      }
      const bibtex = (await get(`/api/search?q=${enc('乡村振兴')}&format=bibtex&offset=200&limit=700`, on).expect(200)).text;
      const keys = [...bibtex.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
      expect([keys.length, new Set(keys).size]).toEqual([700, 700]);
      expect((await get(`/api/search?q=${enc('乡村振兴')}&format=ris&limit=1001`, on).expect(400)).body.error.code).toBe('INVALID_PARAMETER');
    } finally {
      await opened.dispose();
    }
  });
});

describe('withUniqueKeys', () => {
  it('gives a key met again the next free number, and leaves the first as it was', () => {
    const items = ['a_b_p1', 'a_b_p1', 'a_b_p1_2', 'c', 'a_b_p1'].map((key) => ({ 'citation-key': key }));
    expect(withUniqueKeys(items).map((i) => i['citation-key'])).toEqual(['a_b_p1', 'a_b_p1_3', 'a_b_p1_2', 'c', 'a_b_p1_4']);
    expect(items[1]?.['citation-key']).toBe('a_b_p1');
  });
});
