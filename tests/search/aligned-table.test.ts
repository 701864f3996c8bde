/**
 * An aligned two-column table of a provincial report, dropped into a corpus folder, is a report like any other:
 * listed with its own title, region and year, its Chinese found by a Chinese query, its English by an English
 * one, and each paragraph shown with its English beside it, as the shared parallel reports are.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../src/runtime/open-engine.js';
import type { Engine } from '../../src/search/types.js';
import { createApp } from '../../src/server/app.js';
import { alignedTable, BEIJING_ROWS } from '../ingest/aligned-fixture.js';

const ID = 'beijing-2025-government-work-report-zh-en';

describe('an aligned Chinese-English table of a provincial report', () => {
  const dirs: string[] = [];
  let engine: Engine;
  beforeAll(async () => {
    const [corpus, index] = ['aligned-corpus-', 'aligned-index-'].map((prefix) => mkdtempSync(path.join(os.tmpdir(), prefix)));
    dirs.push(corpus, index);
    // Headed 中文,English, the English on the left, as a user might save it.
    writeFileSync(path.join(corpus, '北京对照.csv'), alignedTable(BEIJING_ROWS.map(([zh, en]) => [en, zh]), { header: ['English', '中文'] }));
    engine = await openEngine({ corpusDirs: [corpus], indexDir: index });
  });
  afterAll(async () => {
    await engine.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('is listed with its own title, region and year', async () => {
    expect(engine.documents().map((d) => [d.id, d.title, d.region, d.year, d.language])).toEqual([
      [ID, '2025年北京市政府工作报告', 'Beijing Municipality', 2025, 'zh-en'],
    ]);
    const listed = await request(createApp(engine)).get('/api/documents').expect(200);
    expect(JSON.stringify(listed.body)).toContain('Report on the Work of the Government of Beijing Municipality (2025)');
  });

  it('has its Chinese found by a Chinese query, with the English alongside', async () => {
    const answer = await engine.search('中关村世界领先科技园区');
    expect(answer.hits[0]).toMatchObject({
      docId: ID,
      text: '全面推进中关村世界领先科技园区建设。',
      textEn: 'We pushed ahead with building Zhongguancun into a world-leading science park.',
    });
  });

  it('has its English found by an English query', async () => {
    const answer = await engine.search('"ice and snow sports"');
    expect(answer.total).toBe(1);
    expect(answer.hits[0]).toMatchObject({ docId: ID, text: '大力发展冰雪运动，办好冬季旅游季。' });
  });

  it('shows each paragraph beside its English in the reader', async () => {
    const { hits } = await engine.search('冰雪运动');
    const view = await engine.passage(hits[0].id);
    expect(view?.doc.title).toBe('2025年北京市政府工作报告');
    expect(view?.passage.textEn).toBe('We promoted ice and snow sports and held a successful winter tourism season.');
    const page = await request(createApp(engine)).get(`/p/${hits[0].id}`).expect(200);
    expect(page.text).toContain('We promoted ice and snow sports and held a successful winter tourism season.');
    expect(page.text).toContain('大力发展冰雪运动');
  });
});
