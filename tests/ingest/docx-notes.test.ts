import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { citePassage } from '../../src/search/citation.js';
import { readDocx } from '../../src/ingest/docx.js';
import { markNotes } from '../../src/ingest/docx-notes.js';
import { testContext } from './helpers.js';
import { buildDocx, run, wordXml } from './docx-parts.js';

const noteRef = (kind: 'footnote' | 'endnote', id: number): string => `<w:r><w:${kind}Reference w:id="${id}"/></w:r>`;
const note = (kind: 'footnote' | 'endnote', id: number, t: string): string => `<w:${kind} w:id="${id}"><w:p><w:r><w:${kind}Ref/></w:r>${run(t)}</w:p></w:${kind}>`;

/** A .docx with a paragraph citing a footnote and an endnote, built part by part. */
function docxWithNotes(): Buffer {
  const body = `<w:p>${run('全省地区生产总值增长5.6%。')}${noteRef('footnote', 1)}${run('我们重点做了以下工作。')}${noteRef('endnote', 1)}</w:p>`;
  return buildDocx(body, [
    { type: 'footnotes', file: 'footnotes.xml', data: wordXml('footnotes', note('footnote', 1, '数据来源：省统计局初步核算。')) },
    { type: 'endnotes', file: 'endnotes.xml', data: wordXml('endnotes', note('endnote', 1, '本报告中的增速均按可比价格计算。')) },
  ]);
}

describe('footnotes and endnotes of a .docx', () => {
  it('start with the mark their reference shows and carry no back-link arrow', async () => {
    const [doc] = await readDocx(docxWithNotes(), testContext('notes.docx'));
    expect(doc.text.split('\n')).toEqual(['全省地区生产总值增长5.6%。[1]我们重点做了以下工作。[2]', '[1] 数据来源：省统计局初步核算。', '[2] 本报告中的增速均按可比价格计算。']);
  });

  it('are notes: passages of their own, not numbered among the paragraphs, cited by their mark', async () => {
    const [doc] = await readDocx(docxWithNotes(), testContext('notes.docx'));
    expect(doc.notes?.map((r) => doc.text.slice(r.start, r.end))).toEqual(['[1] 数据来源：省统计局初步核算。', '[2] 本报告中的增速均按可比价格计算。']);
    const passages = chunkDocument(doc);
    expect(passages.map((p) => [p.kind, p.paragraph])).toEqual([
      ['paragraph', 1],
      ['note', null],
      ['note', null],
    ]);
    const cited = citePassage(doc.meta, passages[2], { accessed: new Date(0) });
    expect(cited.zh).toMatch(/注\[2\]\.$/u);
    expect(cited.en).toMatch(/note 2\.$/u);
  });

  it('leaves HTML without notes as it is', () => {
    const html = '<p>各位代表：</p><ol><li><p>第一项</p></li></ol>';
    expect(markNotes(html)).toBe(html);
  });
});
