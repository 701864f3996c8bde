import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { DocMeta, Passage } from '../../../src/model.js';
import { citePassage } from '../../../src/search/citation.js';
import { PUBLIC_DIR } from '../../../src/paths.js';
import { loadCatalogue } from '../../../src/server/render/catalogue.js';
import { readerParts } from '../../../src/server/render/reader-page.js';
import { REPO_ROOT } from '../test-engine.js';

const doc = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'corpus/manifest.json'), 'utf8')) as DocMeta[]).find((d) => d.id === 'xizang-2023-plan-report')!;

/** A paged report as the PDF reader gives it: two passages a page, every third one running on to the next page. */
function pagedReport(count: number): Passage[] {
  return Array.from({ length: count }, (_, i): Passage => {
    const page = 1 + Math.floor(i / 2);
    return { id: `${doc.id}-p${String(i).padStart(4, '0')}`, docId: doc.id, ordinal: i, kind: i % 5 === 0 ? 'heading' : 'paragraph', sectionPath: [], text: `第${i}段 <b>&</b>`, start: i, end: i + 1, paragraph: i % 5 === 0 ? null : i, page, pageEnd: i % 3 === 2 ? page + 1 : page };
  });
}

describe('the reader rendered on the server, for a paged report', () => {
  it('puts a page break before each passage that begins on a later page than the one before ended on, and pages in the bar', async () => {
    const tr = await loadCatalogue(PUBLIC_DIR);
    const passages = pagedReport(12);
    const cited = passages[8]!;
    const view = { passage: cited, doc, prevId: passages[7]!.id, nextId: passages[9]!.id, citation: citePassage(doc, cited), url: `/p/${cited.id}` };
    const parts = readerParts({ view, passages, lang: 'zh', tr });
    const $ = load(parts['reader-text']!.html, null, false);
    const expected = passages.filter((p, k) => k === 0 || p.page! > passages[k - 1]!.pageEnd!).map((p) => p.id);
    expect($('.page-break').toArray().map((b) => $(b).next().attr('id'))).toEqual(expected);
    expect($('.page-break').toArray().map((b) => $(b).text())).toEqual(expected.map((id) => `第 ${passages.find((p) => p.id === id)!.page} 页`));
    expect($('.passage').toArray().map((n) => $(n).attr('data-page'))).toEqual(passages.map((p) => (p.pageEnd! > p.page! ? `${p.page}–${p.pageEnd}` : String(p.page))));
    expect($('.passage').first().text()).toBe('第0段 <b>&</b> ¶');
    expect($('.page-mark')).toHaveLength(0);
    const bar = load(parts['reader-bar']!.html, null, false);
    expect(bar('.position').text()).toBe('第 8 段 · 第 5–6 页');
    const english = (i: number): string => load(readerParts({ view: { ...view, passage: passages[i]! }, passages, lang: 'en', tr })['reader-bar']!.html, null, false)('.position').text();
    expect(english(2)).toBe('Paragraph 2 · Pages 2–3');
    expect(english(3)).toBe('Paragraph 3 · Page 2');
  });

  it('marks where a page begins inside a paragraph that runs over a page break, the text kept as text', async () => {
    const tr = await loadCatalogue(PUBLIC_DIR);
    const passages = pagedReport(3);
    const across = { ...passages[2]!, text: '推进乡村振兴<i>，</i>继续加强生态文明建设。', pageBreaks: [[14, 3]] as Array<[number, number]> };
    passages[2] = across;
    const view = { passage: across, doc, prevId: passages[1]!.id, nextId: null, citation: citePassage(doc, across), url: `/p/${across.id}` };
    const $ = load(readerParts({ view, passages, lang: 'zh', tr })['reader-text']!.html, null, false);
    const mark = $(`[id="${across.id}"] .page-mark`);
    expect(mark.attr('data-page-start')).toBe('3');
    expect(mark.text()).toBe('第 3 页');
    expect($(`[id="${across.id}"]`).text()).toBe('推进乡村振兴<i>，</i>第 3 页继续加强生态文明建设。 ¶');
    expect($(`[id="${across.id}"] i`)).toHaveLength(0);
  });
});
