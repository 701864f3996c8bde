/**
 * Hostile text in a report (its title, issuer and paragraphs) and in a query comes out of the rendered pages
 * as text: the page parses to the same elements as ever, with the text intact in elements and attributes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../src/model.js';
import { createApp } from '../../src/server/app.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import type { Engine } from '../../src/search/types.js';

const TITLE = `<script>alert("title")</script> & 'report' 政府工作报告`;
const TITLE_EN = `"Quoted" </title><b>bold</b> & report`;
const ISSUER = `O'Brien <img src=x onerror=alert(1)>`;
const HOSTILE_PARAGRAPH = `第一段<script>alert(document.cookie)</script>，“引号”与'单引号' & 符号 &amp; </p><img src=x onerror="alert(2)">结束。`;
const TEXT = ['政府工作报告', '各位代表：', HOSTILE_PARAGRAPH, '一、<b>标题</b> & 工作', '第二段正文，推进高质量发展<style>body{display:none}</style>。'].join('\n');

let dir: string;
let engine: Engine;
let app: Express;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gov-search-hostile-'));
  const corpus = path.join(dir, 'corpus');
  mkdirSync(corpus);
  writeFileSync(path.join(corpus, 'hostile.txt'), TEXT);
  const entry = { id: 'hostile-2024', title: TITLE, titleEn: TITLE_EN, type: 'government work report', region: 'Xizang (Tibet) Autonomous Region', year: 2024, date: '2024-01-07', issuer: ISSUER, language: 'zh', file: 'hostile.txt' };
  writeFileSync(path.join(corpus, 'manifest.json'), JSON.stringify([entry]));
  engine = await openEngine({ corpusDirs: [corpus], indexDir: path.join(dir, 'index') });
  app = createApp(engine);
});
afterAll(async () => {
  await engine?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function page(url: string): Promise<CheerioAPI> {
  const res = await request(app).get(url).expect(200);
  return load(res.text);
}

/** Only the page's own elements: its one module script, no style, no handler attribute, no stray tag. */
function expectNoInjection($: CheerioAPI): void {
  expect($('script').toArray().map((s) => $(s).attr('src'))).toEqual([expect.stringMatching(/^\/(app|js\/reports)\.js$/)]);
  expect($('style, img, b, [style]').length).toBe(0);
}

describe('hostile text in the rendered pages', () => {
  it('shows a hostile report in the reader as text, in elements and in meta attributes', async () => {
    const { passages } = (await engine.document('hostile-2024'))!;
    const cited = passages.find((p: Passage) => p.text.includes('alert(document.cookie)'))!;
    expect(cited.text).toBe(HOSTILE_PARAGRAPH);
    const $ = await page(`/p/${cited.id}`);
    expectNoInjection($);
    expect($(`[id="${cited.id}"]`).text()).toBe(`${HOSTILE_PARAGRAPH} ¶`);
    expect($('#reader-header h1').text()).toBe(TITLE);
    expect($('#reader-header .subtitle').text()).toBe(TITLE_EN);
    expect($('#reader-header .doc-facts').text()).toContain(ISSUER);
    expect($('title').text()).toBe(`${TITLE} · 政府工作报告检索`);
    expect($('meta[name="citation_title"]').attr('content')).toBe(TITLE);
    expect($('meta[name="DC.title"]').attr('content')).toBe(TITLE);
    expect($('meta[property="og:description"]').attr('content')).toBe(HOSTILE_PARAGRAPH);
    expect($('#outline li a').toArray().map((a) => $(a).text())).toEqual(passages.filter((p) => p.kind === 'heading').map((p) => p.text));
    const en = await page(`/p/${cited.id}?lang=en`);
    expectNoInjection(en);
    expect(en('#reader-header h1').text()).toBe(TITLE_EN);
  });

  it('shows a hostile query and hostile hits on the search page as text', async () => {
    const query = `"<script>alert(document.cookie)</script>" ' & "`;
    const $ = await page(`/?q=${encodeURIComponent(query)}&doc=${encodeURIComponent('<b>')}&kind=%22%3E`);
    expectNoInjection($);
    expect($('#q').attr('value')).toBe(query);
    expect($('#filters input[name="q"]').attr('value')).toBe(query);
    expect($('meta[property="og:title"]').attr('content')).toBe(`“${query}” · 政府工作报告检索`);
    expect($('title').text()).toBe(`${query} · 政府工作报告检索`);
    const found = await page(`/?q=${encodeURIComponent('"alert(document.cookie)"')}`);
    expectNoInjection(found);
    expect(found('#results .hit').length).toBe(1);
    expect(found('#results .hit .snippet mark').text()).toBe('alert(document.cookie)');
    expect(found('#results .hit .snippet').text()).toContain('<script>');
    expect(found('#results .hit-title').text()).toBe(TITLE);
  });

  it('shows hostile titles and filters in the library as text', async () => {
    const $ = await page(`/reports?title=${encodeURIComponent('<script>')}&region=${encodeURIComponent('"><img src=x>')}`);
    expectNoInjection($);
    expect($('#reports-title').attr('value')).toBe('<script>');
    expect($('#reports-table tbody tr').length).toBe(1);
    expect($('#reports-table tbody tr[hidden]').length).toBe(1); // the region matches no report
    const all = await page(`/reports?title=${encodeURIComponent('<SCRIPT>')}`);
    expect(all('#reports-table tbody tr:not([hidden]) td a').text()).toBe(TITLE);
  });
});
