/**
 * Where a passage's later pages begin (`Passage.pageBreaks`): a paragraph over a page break knows the offset in
 * its text where the next page starts, so an occurrence in it is cited by its own page. Checked on a plain text
 * with page footers and a form feed, and on the real PDF of a report whose paragraphs run over its pages: every
 * break points at the first characters of its page's text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { readPdf } from '../../src/ingest/pdf.js';
import { readTxt } from '../../src/ingest/txt.js';
import type { Passage, SourceDoc } from '../../src/model.js';
import { pageAtOffset } from '../../src/search/citation.js';
import { testContext } from '../ingest/helpers.js';
import { describeWithShared, sharedPath } from '../shared-data.js';

const filler = (n: number): string => Array.from({ length: n }, (_, i) => `第${i}项工作稳步推进，各项指标完成良好。`).join('');

/** The non-space characters of the document's text from a page's start on, as many as `n`. */
function opening(doc: SourceDoc, start: number, n: number): string {
  return doc.text.slice(start, start + 4 * n).replace(/\s+/gu, '').slice(0, n);
}

/** Checks each break of each passage against the document: in order, inside the text, at its page's first characters. */
function checkBreaks(doc: SourceDoc, passages: readonly Passage[]): number {
  const pages = doc.pages ?? [];
  let breaks = 0;
  for (const p of passages) {
    if (!p.pageBreaks) {
      expect(p.pageEnd ?? p.page).toBe(p.page);
      continue;
    }
    let page = p.page as number;
    let at = 0;
    for (const [offset, next] of p.pageBreaks) {
      expect(offset).toBeGreaterThan(at);
      expect(offset).toBeLessThan(p.text.length);
      expect(next).toBeGreaterThan(page);
      const span = pages.find((s) => s.start > p.start && s.start < p.end && opening(doc, s.start, 3) === p.text.slice(offset).replace(/\s+/gu, '').slice(0, 3));
      expect(span, `${p.id}: no page starts with ${p.text.slice(offset, offset + 6)}`).toBeDefined();
      [page, at] = [next, offset];
      breaks++;
    }
    expect(page).toBe(p.pageEnd);
  }
  return breaks;
}

describe('page breaks inside a passage', () => {
  it('marks where page 2 begins in a paragraph of a plain text that runs on past its page footer', async () => {
    const page1 = `政府工作报告\n\n各位代表：\n\n${filler(6)}\n\n${filler(3)}推进乡村振兴战略实施，`;
    const page2 = `继续加强生态文明建设，深入实施光伏扶贫工程。\n\n${filler(4)}\n`;
    const text = `${page1}\n\n— 1 —\n\f${page2}\n— 2 —\n`;
    const [doc] = readTxt(Buffer.from(text), testContext('xizang-2024-government-work-report.txt'));
    const passages = chunkDocument(doc as SourceDoc);
    const across = passages.find((p) => p.text.includes('乡村振兴')) as Passage;
    expect([across.page, across.pageEnd]).toEqual([1, 2]);
    expect(across.pageBreaks).toHaveLength(1);
    const [[offset, page]] = across.pageBreaks as Array<[number, number]>;
    expect(page).toBe(2);
    expect(across.text.slice(offset)).toMatch(/^继续加强生态文明建设/u);
    expect(pageAtOffset(across, across.text.indexOf('乡村振兴'))).toBe(1);
    expect(pageAtOffset(across, across.text.indexOf('光伏扶贫'))).toBe(2);
    expect(checkBreaks(doc as SourceDoc, passages)).toBe(1);
  });
});

describeWithShared('pdf', 'page breaks inside the passages of a real PDF', () => {
  it('point at the first characters of each page a paragraph runs onto', async () => {
    const file = 'beijing_2024_government_work_report.pdf';
    const [doc] = await readPdf(readFileSync(path.join(sharedPath('pdf'), file)), testContext(file));
    const passages = chunkDocument(doc as SourceDoc);
    // Four of its paragraphs run over a page break (its 13 pages' others begin with a paragraph).
    expect(checkBreaks(doc as SourceDoc, passages)).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
