/**
 * A note's citation for a reference manager: a footnote (passage kind `note`, no paragraph number) is located by
 * its page and its mark in the RIS, BibTeX and CSL-JSON exports, as the page's own citation locates it
 * (`注①` / `note 1`); a numbered paragraph keeps its paragraph locator.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocMeta, Passage } from '../../src/model.js';
import { citePassage } from '../../src/search/citation.js';
import type { PassageView } from '../../src/search/types.js';
import { cslItem, formatCitation } from '../../src/server/export-citation.js';
import { REPO_ROOT } from './test-engine.js';

const [doc] = JSON.parse(readFileSync(path.join(REPO_ROOT, 'corpus/manifest.json'), 'utf8')) as DocMeta[];

function viewOf(passage: Passage): PassageView {
  const meta = doc as DocMeta;
  return { passage, doc: { ...meta, checksum: '' }, prevId: null, nextId: null, citation: citePassage(meta, passage), url: `/p/${passage.id}` };
}

const note = (text: string): Passage => ({ id: `${doc?.id}-p0043`, docId: doc?.id ?? '', ordinal: 43, kind: 'note', sectionPath: ['一、2023年工作回顾'], text, start: 0, end: text.length, paragraph: null, page: 5 });

describe('the exported citation of a note', () => {
  it('locates a footnote by its mark in CSL-JSON, RIS and BibTeX, as the page citation does', async () => {
    const view = viewOf(note('①地区生产总值增速按可比价格计算。'));
    expect(view.citation.zh).toContain('注①');
    const item = cslItem(view, 'https://x.org/p/a', new Date('2025-03-01T00:00:00Z'));
    expect(item).toMatchObject({ page: '5', locator: '1', label: 'note' });
    expect(item.note).toBe('注①；一、2023年工作回顾');
    expect(await formatCitation(item, 'ris')).toMatch(/^N1 {2}- 注①；一、2023年工作回顾$/m);
    expect(await formatCitation(item, 'bibtex')).toMatch(/note = \{注①；一、2023年工作回顾\}/);
  });

  it('reads bracketed and labelled marks, and gives no locator to a note without a number', () => {
    const bracketed = cslItem(viewOf(note('[2] 数据来源：县统计局初步核算。')), 'https://x.org/p/a', new Date(0));
    expect(bracketed).toMatchObject({ locator: '2', label: 'note', note: '注[2]；一、2023年工作回顾' });
    const unnumbered = cslItem(viewOf(note('注：数据为初步核算数。')), 'https://x.org/p/a', new Date(0));
    expect(unnumbered.locator).toBeUndefined();
    expect(unnumbered.label).toBeUndefined();
    expect(unnumbered.note).toBe('注；一、2023年工作回顾');
  });

  it('keeps the paragraph locator of a numbered paragraph', () => {
    const paragraph: Passage = { ...note('正文。'), kind: 'paragraph', paragraph: 30 };
    const item = cslItem(viewOf(paragraph), 'https://x.org/p/a', new Date(0));
    expect(item).toMatchObject({ locator: '30', label: 'paragraph', note: '第30段；一、2023年工作回顾' });
  });
});
