/**
 * The concordance cites the page a researcher finds an occurrence on: a paragraph of a paged report that runs
 * from page 1 onto page 2 holds 乡村振兴 on page 1 and 光伏扶贫 on page 2; each line cites its occurrence's own
 * page, in JSON and in the CSV, while the search's hits and citations cite the passage by both (1-2).
 */
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConcordanceResponse } from '../../src/search/research.js';
import { createApp } from '../../src/server/app.js';
import { openTempCorpusEngine, type TempCorpusEngine } from '../temp-corpus-engine.js';

const filler = (n: number): string => Array.from({ length: n }, (_, i) => `第${i}项工作稳步推进，各项指标完成良好。`).join('');
// A plain text with its page footers (— 1 —) and a form feed: the third paragraph runs over the page break.
const PAGE_1 = `政府工作报告\n\n各位代表：\n\n${filler(6)}\n\n${filler(3)}推进乡村振兴战略实施，`;
const PAGE_2 = `继续加强生态文明建设，全面落实高原特色农业，深入实施光伏扶贫工程。\n\n${filler(4)}光伏扶贫成效明显。\n`;
const REPORT = `${PAGE_1}\n\n— 1 —\n\f${PAGE_2}\n— 2 —\n`;

let corpus: TempCorpusEngine;
let app: Express;

beforeAll(async () => {
  corpus = await openTempCorpusEngine({ 'xizang-2024-government-work-report.txt': REPORT }, 'concordance-pages-');
  app = createApp(corpus.engine, { log: () => {} });
}, 120_000);
afterAll(() => corpus?.dispose());

const enc = encodeURIComponent;

describe('the pages a concordance line cites', () => {
  it('are page 2 for an occurrence on page 2 of a paragraph that begins on page 1, and page 1 for one on page 1', async () => {
    const { lines } = (await request(app).get(`/api/concordance?q=${enc('光伏扶贫')}`).expect(200)).body as ConcordanceResponse;
    expect(lines).toHaveLength(2);
    const [across, within] = lines;
    // The search cites the paragraph over the break as pages 1-2; its concordance line, the occurrence's page.
    const hit = (await request(app).get(`/api/search?q=${enc('光伏扶贫')}&limit=10`).expect(200)).body.hits.find((h: { id: string }) => h.id === across?.passageId);
    expect([hit.page, hit.pageEnd]).toEqual([1, 2]);
    expect([across?.page, across?.pageEnd]).toEqual([2, 2]);
    // The paragraph wholly on page 2 is cited there alone.
    expect([within?.page, within?.pageEnd]).toEqual([2, 2]);
    // The same paragraph's 乡村振兴 stands before the break: page 1.
    const before = (await request(app).get(`/api/concordance?q=${enc('乡村振兴')}`).expect(200)).body as ConcordanceResponse;
    expect(before.lines.map((l) => [l.passageId === across?.passageId, l.page, l.pageEnd])).toEqual([[true, 1, 1]]);
  });

  it('are the CSV page column, where the results CSV writes a passage over a page break as 1-2', async () => {
    const res = await request(app).get(`/api/concordance?q=${enc('光伏扶贫')}&format=csv`).expect(200);
    const [header, ...rows] = parse(res.text.replace(/^\uFEFF/, '')) as string[][];
    const page = header?.indexOf('page') ?? -1;
    expect(rows.map((row) => row[page])).toEqual(['2', '2']);
    const results = await request(app).get(`/api/search?q=${enc('光伏扶贫')}&format=csv`).expect(200);
    const [resultHeader, ...resultRows] = parse(results.text.replace(/^\uFEFF/, '')) as string[][];
    expect(resultRows.map((row) => row[resultHeader?.indexOf('page') ?? -1]).sort()).toEqual(['1-2', '2']);
  });

  it('are null in an unpaged report, in JSON and an empty CSV cell', async () => {
    const unpaged = await openTempCorpusEngine({ 'xizang-2024-government-work-report.txt': REPORT.replace(/\n— \d —\n\f?/g, '\n') }, 'concordance-unpaged-');
    try {
      const plain = createApp(unpaged.engine, { log: () => {} });
      const { lines } = (await request(plain).get(`/api/concordance?q=${enc('光伏扶贫')}`).expect(200)).body as ConcordanceResponse;
      expect(lines.map((l) => [l.page, l.pageEnd])).toEqual([[null, null], [null, null]]);
      const csv = await request(plain).get(`/api/concordance?q=${enc('光伏扶贫')}&format=csv`).expect(200);
      const [header, ...rows] = parse(csv.text.replace(/^\uFEFF/, '')) as string[][];
      expect(rows.map((row) => row[header?.indexOf('page') ?? -1])).toEqual(['', '']);
    } finally {
      await unpaged.dispose();
    }
  });
});
