/**
 * A corpus file whose one passage repeats the searched word 150,000 times (the audit's case: a table of
 * `第{i}项 青稞产量 牦牛存栏`): the search is answered, through the engine and the HTTP API, with the first
 * `MAX_HIGHLIGHTS` matches highlighted, instead of a stack overflow and a 500. `?q=script` reaches the same
 * passage through its cross-language expansion (文字).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_HIGHLIGHTS } from '../../src/search/highlight.js';
import type { Engine, SearchResponse } from '../../src/search/types.js';
import { createApp } from '../../src/server/app.js';
import { openEngineOver, removeTempDirs, tempDir } from './helpers.js';

const LINES = 150_000;
let engine: Engine;

beforeAll(async () => {
  const corpus = tempDir('huge-passage');
  const lines: string[] = [];
  for (let i = 0; i < LINES; i++) lines.push(`第${i}项 青稞产量 牦牛存栏 文字记录`);
  writeFileSync(path.join(corpus, 'huge-table.txt'), `青稞统计表\n\n${lines.join('\n')}\n`);
  ({ engine } = await openEngineOver([corpus]));
}, 180_000);
afterAll(async () => {
  await engine?.close();
  removeTempDirs();
});

describe('a passage that repeats the searched word 150,000 times', () => {
  it.each([
    ['青稞', '青稞'],
    ['script', '文字'],
  ])('is found by ?q=%s over HTTP (200), with the first matches of %s highlighted', async (query, word) => {
    const res = await request(createApp(engine)).get(`/api/search?q=${encodeURIComponent(query)}&fields=text`);
    expect(res.status).toBe(200);
    const body = res.body as SearchResponse;
    const hit = body.hits.find((h) => h.text.length > LINES * 10);
    if (!hit) throw new Error(`no hit holds the long passage: ${JSON.stringify(body.hits.map((h) => h.text.length))}`);
    expect(hit.textHighlights!.length).toBe(MAX_HIGHLIGHTS);
    for (const [s, e] of hit.textHighlights!) expect(hit.text.slice(s, e)).toBe(word);
    expect(hit.textHighlights![0]?.[0]).toBe(hit.text.indexOf(word));
    expect(hit.highlights.length).toBeGreaterThan(0);
    for (const [s, e] of hit.highlights) expect(hit.snippet.slice(s, e)).toBe(word);
  });
});
