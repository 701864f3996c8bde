/**
 * A passage of a report written in English is marked `lang="en"` on the rendered search page, as a Chinese one is
 * `zh-CN`, whatever the page's language: screen readers read it in its language, and the browser hyphenates it.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { openTempCorpusEngine, type TempCorpusEngine } from '../temp-corpus-engine.js';

const REPORT = [
  'Report on the Work of the Government',
  '',
  'Fellow Deputies,',
  '',
  'I. A Review of Our Work',
  '',
  'The region kept employment stable through the year, with vocational training for young people.',
  '',
].join('\n');

let opened: TempCorpusEngine;

beforeAll(async () => {
  opened = await openTempCorpusEngine({ 'report.txt': REPORT }, 'en-lang-');
});

afterAll(() => opened?.dispose());

describe('the rendered search page', () => {
  it.each(['zh', 'en'])('marks an English passage and its English section as English on the %s page', async (lang) => {
    const res = await request(createApp(opened.engine, { log: () => {} })).get(`/?q=vocational&lang=${lang}`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<p class="snippet" lang="en">[^<]*<mark>vocational<\/mark>/);
    expect(res.text).toMatch(/<div class="crumbs" lang="en">I\. A Review of Our Work<\/div>/);
  });
});
