/**
 * Hostile and broken documents in a corpus folder, through the whole pipeline: the index is built from the
 * good files, each bad one gets one coded warning naming it, and HTML (scripts, frames, event attributes,
 * `javascript:` links, nested tables, broken markup, raw-text elements, wrong charset declarations) is
 * stored and served as plain text only, by the engine and by the HTTP API.
 */
import { copyFileSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestWarning, Passage } from '../../src/model.js';
import { openIndex } from '../../src/runtime/build-index.js';
import { DEFAULT_LIMITS } from '../../src/ingest/reader.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import type { Engine, SearchResponse } from '../../src/search/types.js';
import { createApp } from '../../src/server/app.js';
import { buildZip, deflateRepeated } from '../ingest/zip-writer.js';
import { CORPUS_DIR, REPO_ROOT, removeTempDirs, SHARED_DIR, SMALL_SEED, tempDir } from './helpers.js';
import { describeWithShared } from '../shared-data.js';

afterAll(removeTempDirs);

/** Non-empty, trimmed lines of a seed report. */
function seedLines(file: string, count: number): string[] {
  return readFileSync(path.join(CORPUS_DIR, file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 10)
    .slice(0, count);
}

/**
 * A page of real report paragraphs, each wrapped in a different trick. Everything that is not report text
 * (scripts, attributes, URLs, dropped elements) carries the marker EVIL.
 */
function hostilePage(lines: string[]): string {
  const wrappers: Array<(line: string) => string> = [
    (l) => `<p onmouseover="EVIL()">${l}<a href="javascript:EVIL()" onclick="EVIL()">链接</a></p>`,
    (l) => `<p>${l}<img src="x" onerror="EVIL()" alt="EVIL"></p>`,
    (l) => `<p>${l}<script type="module">EVIL()</script><noscript>EVIL</noscript></p>`,
    (l) => `<table><tr><td>${l}<table><tr><td>内层<table><tr><td onclick="EVIL()">更深</td></tr></table></td></tr></table></td></tr></table>`,
    (l) => `<p>${l}<svg onload="EVIL()"><script>EVIL()</script><text>EVIL</text></svg><math><mtext>EVIL</mtext></math></p>`,
    (l) => `<div>${l}<b><i>交错</b>斜体</i></div></div></span></td>`,
    (l) => `<p>${l}<!-- EVIL <script>EVIL()</script> --></p>`,
    (l) => `<p>${l}</p><xmp><b>EVIL</b></xmp><noembed><i>EVIL</i></noembed><noframes><b>EVIL</b></noframes>`,
    (l) => `<p>${l}<object data="EVIL.swf">EVIL</object><embed src="EVIL"><applet>EVIL</applet></p>`,
    (l) => `<form action="javascript:EVIL()"><input value="EVIL"><textarea><b>EVIL</b></textarea><button>EVIL</button></form><p>${l}</p>`,
    (l) => `<template><p>EVIL</p></template><p>${l}<a href="&#106;avascript:EVIL()">编码链接</a></p>`,
    (l) => `<div style="background:url(javascript:EVIL)" data-x="<script>EVIL()</script>">${l}</div>`,
    (l) => `<p>${l}<iframe src="javascript:EVIL()" srcdoc="<p>EVIL</p>">EVIL</iframe><style>p::after{content:"EVIL"}</style></p>`,
    (l) => `<p <p class=">EVIL">${l}<unknown-element onclick="EVIL()">自定义</unknown-element>`,
  ];
  const body = lines.map((l, i) => (wrappers[i % wrappers.length] ?? ((x: string) => x))(l)).join('\n');
  return (
    '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">' +
    '<title><script>EVIL()</script>政府工作报告</title><script>EVIL()</script><base href="javascript:EVIL//">' +
    `</head><body onload="EVIL()"><iframe src="javascript:EVIL()">EVIL</iframe><div id="content">${body}` +
    // Left open at the end: a comment that never closes, then a plaintext element that would eat the rest.
    '<p>未闭合<b>段落<i>' +
    '<plaintext><p>EVIL</p><script>EVIL()</script></body></html>'
  );
}

/** Passage text of the fixture page has one entity-escaped `&lt;b&gt;`: text the page shows, not markup. */
const SHOWN_AS_TEXT = '<b>不是标签</b>';
/** A tag name after `<`, an event attribute, a script URL, or the marker of the hostile page. */
const MARKUP = /<\/?[A-Za-z][\w-]*[\s/>]|\bon[a-z]+\s*=|javascript:|EVIL|alert\(|steal\(/;

const GOOD = ['good.txt', 'hostile-article.html', 'hostile-fixture.html', 'gbk-declared-utf8.html', 'utf8-declared-gb2312.html'];
const BAD: Record<string, string> = {
  'fake.docx': 'INGEST_NOT_ZIP',
  'bomb.docx': 'INGEST_ZIP_BOMB',
  'lying-bomb.docx': 'INGEST_ZIP_BOMB',
  'cut.docx': 'INGEST_DOCX_TRUNCATED',
  'huge.txt': 'INGEST_TOO_LARGE',
  'empty.txt': 'INGEST_EMPTY',
  'binary.txt': 'INGEST_BINARY',
  'invalid-utf8.txt': 'INGEST_ENCODING_INVALID',
  'scan.pdf': 'INGEST_PDF_INVALID',
  'passwd-link.txt': 'INGEST_SYMLINK_OUTSIDE',
};

describeWithShared('corpora', 'hostile documents beside real ones', () => {
  let dir: string;
  let warnings: IngestWarning[];
  let engine: Engine;
  let app: Express;
  let passages: Passage[];
  const gbkSample = '海拉尔区第十三届人民代表大会第六次会议';
  const gb2312Line = seedLines('xizang-2023-plan-report.txt', 12)[11] ?? '';

  beforeAll(async () => {
    dir = tempDir('mixed');
    copyFileSync(path.join(CORPUS_DIR, SMALL_SEED), path.join(dir, 'good.txt'));
    writeFileSync(path.join(dir, 'hostile-article.html'), hostilePage(seedLines('xizang-2020-government-work-report.txt', 42)));
    copyFileSync(path.join(REPO_ROOT, 'tests/fixtures/ingest/hostile.html'), path.join(dir, 'hostile-fixture.html'));
    // GBK bytes declared UTF-8, and UTF-8 bytes declared GB2312.
    const gbk = readFileSync(path.join(SHARED_DIR, 'corpora/district-gbk/2012.txt'));
    writeFileSync(path.join(dir, 'gbk-declared-utf8.html'), Buffer.concat([Buffer.from('<meta charset="utf-8"><pre>'), gbk, Buffer.from('</pre>')]));
    const utf8Lines = seedLines('xizang-2023-plan-report.txt', 12).map((l) => `<p>${l}</p>`).join('');
    writeFileSync(path.join(dir, 'utf8-declared-gb2312.html'), `<html><head><meta charset="gb2312"></head><body>${utf8Lines}</body></html>`);

    writeFileSync(path.join(dir, 'fake.docx'), '这不是Word文件，只是改了扩展名的文本。');
    writeFileSync(path.join(dir, 'bomb.docx'), buildZip([{ name: 'word/document.xml', data: Buffer.alloc(16 * 1024 * 1024) }]));
    // 300 MB of XML declaring 2,000 bytes in both headers: only inflating under a cap can tell.
    const lying = await deflateRepeated(Buffer.alloc(1024 * 1024, '<w:t>0</w:t>'), 300 * 1024 * 1024);
    writeFileSync(path.join(dir, 'lying-bomb.docx'), buildZip([{ ...lying, name: 'word/document.xml', declaredSize: 2000 }]));
    const docx = readFileSync(path.join(SHARED_DIR, 'corpora/provincial-2025/docx/2025年吉林省政府工作报告.docx'));
    writeFileSync(path.join(dir, 'cut.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
    writeFileSync(path.join(dir, 'huge.txt'), '');
    truncateSync(path.join(dir, 'huge.txt'), DEFAULT_LIMITS.maxFileBytes + 1); // sparse: nothing is written
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]));
    // Chinese UTF-8 with a byte that no encoding we accept can place (0xFF is neither UTF-8 nor GB18030).
    writeFileSync(path.join(dir, 'invalid-utf8.txt'), Buffer.concat([Buffer.from('政府工作报告'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('各位代表')]));
    writeFileSync(path.join(dir, 'scan.pdf'), '%PDF-1.4\n%EVIL');
    // A link out of the corpus folder to a secret (the audit's /etc/passwd, built here so the test needs no system file).
    const secret = path.join(tempDir('outside'), 'passwd');
    writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
    symlinkSync(secret, path.join(dir, 'passwd-link.txt'));

    const indexDir = tempDir('index');
    const built = await openIndex({ corpusDirs: [dir], indexDir });
    warnings = built.warnings;
    engine = await openEngine({ corpusDirs: [dir], indexDir });
    app = createApp(engine);
    passages = (await Promise.all(engine.documents().map(async (d) => (await engine.document(d.id))?.passages ?? []))).flat();
  }, 180_000);

  describe('a corpus folder mixing good and broken files', () => {
    it('builds an index from the good files only', () => {
      expect(engine.documents().map((d) => d.file).sort()).toEqual([...GOOD].sort());
    });

    it('gives each broken file one coded warning that names it and says how to fix it', () => {
      const refused = warnings.filter((w) => !GOOD.includes(path.basename(w.file)));
      expect(Object.fromEntries(refused.map((w) => [path.basename(w.file), w.code]))).toEqual(BAD);
      expect(refused).toHaveLength(Object.keys(BAD).length);
      for (const w of refused) {
        expect(w.file).toBe(path.join(dir, path.basename(w.file)));
        expect(w.message).toMatch(/To fix: \S/);
      }
      expect(refused.find((w) => w.file.endsWith('huge.txt'))?.message).toContain(`limit ${DEFAULT_LIMITS.maxFileBytes}`);
    });

    it('never serves a file a symbolic link points to outside the corpus folder', async () => {
      await request(app).get('/api/documents/passwd-link').expect(404);
      expect(passages.some((p) => p.text.includes('root:x:0:0'))).toBe(false);
      expect(warnings.find((w) => w.file.endsWith('passwd-link.txt'))?.message).toContain('it points to');
    });

    it('warns about each page whose declared charset does not fit its bytes, and decodes it right', async () => {
      const mismatched = warnings.filter((w) => w.code === 'INGEST_CHARSET_MISMATCH').map((w) => path.basename(w.file)).sort();
      expect(mismatched).toEqual(['gbk-declared-utf8.html', 'hostile-article.html', 'hostile-fixture.html', 'utf8-declared-gb2312.html']);
      const docOf = (file: string) => engine.documents().find((d) => d.file === file)?.id;
      const gbkHits = (await engine.search(`"${gbkSample}"`)).hits;
      expect(gbkHits.map((h) => h.docId)).toContain(docOf('gbk-declared-utf8.html'));
      const utf8Hits = (await engine.search(`"${gb2312Line.slice(0, 20)}"`)).hits;
      expect(utf8Hits.map((h) => h.docId)).toContain(docOf('utf8-declared-gb2312.html'));
    });
  });

  describe('hostile HTML', () => {
    it('keeps the report text of every paragraph, whatever trick wraps it', async () => {
      const article = engine.documents().find((d) => d.file === 'hostile-article.html');
      const text = ((await engine.document(article?.id ?? ''))?.passages ?? []).map((p) => p.text).join('').replace(/\s+/g, '');
      for (const line of seedLines('xizang-2020-government-work-report.txt', 42)) expect(text).toContain(line.replace(/\s+/g, ''));
    });

    it('is stored as plain text: no tag, event handler, script URL or script text in any passage or title', () => {
      expect(passages.length).toBeGreaterThan(100);
      for (const p of passages) {
        expect(p.text.replace(SHOWN_AS_TEXT, ''), p.id).not.toMatch(MARKUP);
        expect(p.sectionPath.join(' '), p.id).not.toMatch(MARKUP);
      }
      for (const doc of engine.documents()) expect(`${doc.title} ${doc.titleEn}`, doc.file).not.toMatch(MARKUP);
    });

    it('is served as plain text: every < in the API’s JSON is escaped, and no passage or hit holds markup', async () => {
      for (const doc of engine.documents()) {
        const res = await request(app).get(`/api/documents/${doc.id}`).expect(200);
        expect(res.text).not.toContain('<');
        for (const p of (res.body as { passages: Passage[] }).passages) expect(p.text.replace(SHOWN_AS_TEXT, '')).not.toMatch(MARKUP);
      }
      for (const q of ['链接', '内层', '交错', '自定义', '编码链接', '政府工作报告']) {
        const res = await request(app).get(`/api/search?q=${encodeURIComponent(q)}&limit=100`).expect(200);
        expect(res.text).not.toContain('<');
        const body = res.body as SearchResponse;
        expect(body.total, q).toBeGreaterThan(0);
        for (const h of body.hits) {
          expect(h.text.replace(SHOWN_AS_TEXT, '')).not.toMatch(MARKUP);
          expect(h.snippet).not.toMatch(MARKUP);
          expect(h.docTitle).not.toMatch(MARKUP);
        }
      }
    });

    it('finds nothing when searching for what only the markup said', async () => {
      // Quoted, so that an English word is looked for as written, not also in the Chinese it translates to
      // (evil → 恶, alert → 警, which the reports' own text holds).
      for (const q of ['EVIL', 'alert', 'onerror', 'javascript', '脚本文字', '框架文字', '样式文字', '表单值', '模板文字']) {
        expect((await engine.search(`"${q}"`)).total, q).toBe(0);
      }
    });
  });
});
