/**
 * End to end: a national report as a PDF's text layer (hard-wrapped at 38, 44 and 50 columns, indents
 * stripped, `— N —` footers between pages) is read as .txt, indexed, and searched: a phrase that runs across
 * a wrap or a page break is found exactly, in its whole paragraph, on the page where the paragraph begins.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../src/runtime/open-engine.js';
import type { Engine } from '../../src/search/types.js';
import { readTxt } from '../../src/ingest/txt.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import { occursAsWords } from '../../src/text/word-edges.js';
import type { PageSpan } from '../../src/model.js';
import { testContext } from '../ingest/helpers.js';
import { occurrences } from './seeds.js';
import { nationalParagraphs, wrapParagraph, wrapReport, type WrappedReport } from './wrap-fixture.js';
import { describeWithShared } from '../shared-data.js';

const WIDTHS = [38, 44, 50];
const LINES_PER_PAGE = 31;
describeWithShared('corpora/national-zh', 'the reflow engine on a national report', () => {
  const PARAGRAPHS = nationalParagraphs('2023').slice(4);
  /** Paragraphs the current chunker keeps in one passage (longer ones are split at sentence ends for now). */
  const MAX_PARAGRAPH = 500;

  let dir = '';
  let engine: Engine;
  const reports = new Map<number, { report: WrappedReport; file: string; breaks: number[] }>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'reflow-engine-'));
    const corpus = path.join(dir, 'corpus');
    mkdirSync(corpus, { recursive: true });
    for (const width of WIDTHS) {
      const lineCount = PARAGRAPHS.reduce((n, p) => n + wrapParagraph(p, width, 2).length, 0);
      const breaks = Array.from({ length: Math.floor(lineCount / LINES_PER_PAGE) }, (_, k) => (k + 1) * LINES_PER_PAGE - 1);
      const report = wrapReport(PARAGRAPHS, { width, indent: 'stripped', blankBetween: false, pageBreaks: breaks, footer: (n) => `— ${n} —`, firstPage: 1 });
      const file = `national-2023-wrapped-${width}.txt`;
      reports.set(width, { report, file, breaks });
      writeFileSync(path.join(corpus, file), report.text);
    }
    engine = await openEngine({ corpusDirs: [corpus], indexDir: path.join(dir, 'index') });
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * 15 phrases of 12 characters centred on a line end inside a paragraph, each standing at the edges of words: 8
   * across page breaks, 7 across wraps.
   */
  function straddlingPhrases(report: WrappedReport, breaks: readonly number[]): Array<{ phrase: string; paragraph: string; page: number }> {
    const lines = report.text.split('\n').filter((line) => !/^— \d+ —$/u.test(line));
    const whole = PARAGRAPHS.join('');
    const picked: Array<{ phrase: string; paragraph: string; page: number; acrossPage: boolean }> = [];
    report.lineSpans.forEach((span, k) => {
      const paragraph = PARAGRAPHS[k];
      if (paragraph.length > MAX_PARAGRAPH) return;
      for (let line = span.first; line < span.last; line++) {
        const phrase = lines[line].slice(-6) + lines[line + 1].slice(0, 6);
        if (!paragraph.includes(phrase) || occurrences(whole, phrase) !== 1) continue;
        // A phrase a reader would search: not cut inside a word or a number (`8%…` of `6.8%` is not a phrase of it).
        if (!occursAsWords(paragraph, normalizeForMatch(paragraph).text, normalizeForMatch(phrase).text)) continue;
        const page = breaks.filter((b) => b < span.first).length + 1;
        picked.push({ phrase, paragraph, page, acrossPage: breaks.includes(line) });
      }
    });
    const spread = <T,>(xs: readonly T[], n: number): T[] => Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]);
    const across = picked.filter((p) => p.acrossPage);
    const within = picked.filter((p) => !p.acrossPage);
    expect(across.length).toBeGreaterThanOrEqual(8);
    return [...spread(across, 8), ...spread(within, 7)];
  }

  /** The 1-based index of the page holding an offset. */
  function pageAt(pages: readonly PageSpan[], offset: number): number {
    return pages.filter((p) => p.start <= offset).length;
  }

  describe('a wrapped national report with page footers, through the engine', () => {
    it.each(WIDTHS)('finds at least 14 of 15 phrases straddling a wrap or a page break at width %i, in their whole paragraph and on its page', async (width) => {
      const entry = reports.get(width);
      if (!entry) throw new Error(`no report at ${width}`);
      const doc = engine.documents().find((d) => d.file === entry.file);
      expect(doc).toBeDefined();
      const [source] = readTxt(Buffer.from(entry.report.text), testContext(entry.file));
      const pages = source.pages ?? [];
      expect(pages.length).toBe(entry.breaks.length + 1);
      let found = 0;
      for (const { phrase, paragraph, page } of straddlingPhrases(entry.report, entry.breaks)) {
        const response = await engine.search(`"${phrase}"`, { limit: 20 });
        const hit = response.hits.find((h) => h.docId === doc?.id);
        if (!hit || hit.text !== paragraph) continue;
        const view = await engine.passage(hit.id);
        if (view && pageAt(pages, view.passage.start) === page) found++;
      }
      expect(found, `${found} of 15 at width ${width}`).toBeGreaterThanOrEqual(14);
    });

    it('never shows a footer in a passage', async () => {
      for (const width of WIDTHS) {
        const entry = reports.get(width);
        const doc = engine.documents().find((d) => d.file === entry?.file);
        const all = doc ? await engine.document(doc.id) : null;
        expect(all?.passages.length).toBeGreaterThan(50);
        for (const p of all?.passages ?? []) expect(p.text).not.toMatch(/— \d+ —/u);
      }
    });
  });
});
