import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/ingest/docx.js';
import { markNotes } from '../../src/ingest/docx-notes.js';
import { testContext } from './helpers.js';
import { buildZip } from './zip-writer.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const run = (t: string): string => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const noteRef = (kind: 'footnote' | 'endnote', id: number): string => `<w:r><w:${kind}Reference w:id="${id}"/></w:r>`;
const note = (kind: 'footnote' | 'endnote', id: number, t: string): string => `<w:${kind} w:id="${id}"><w:p><w:r><w:${kind}Ref/></w:r>${run(t)}</w:p></w:${kind}>`;
const rel = (id: string, type: string, target: string): string =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;

/** A .docx with a paragraph citing a footnote and an endnote, built part by part. */
function docxWithNotes(): Buffer {
  const body = `<w:p>${run('全省地区生产总值增长5.6%。')}${noteRef('footnote', 1)}${run('我们重点做了以下工作。')}${noteRef('endnote', 1)}</w:p>`;
  const xml = (root: string, inner: string): Buffer => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:${root} ${W}>${inner}</w:${root}>`);
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>') },
    { name: '_rels/.rels', data: Buffer.from(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'word/document.xml')}</Relationships>`) },
    { name: 'word/document.xml', data: xml('document', `<w:body>${body}</w:body>`) },
    { name: 'word/_rels/document.xml.rels', data: Buffer.from(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId2', 'footnotes', 'footnotes.xml')}${rel('rId3', 'endnotes', 'endnotes.xml')}</Relationships>`) },
    { name: 'word/footnotes.xml', data: xml('footnotes', note('footnote', 1, '数据来源：省统计局初步核算。')) },
    { name: 'word/endnotes.xml', data: xml('endnotes', note('endnote', 1, '本报告中的增速均按可比价格计算。')) },
  ]);
}

describe('footnotes and endnotes of a .docx', () => {
  it('start with the mark their reference shows and carry no back-link arrow', async () => {
    const [doc] = await readDocx(docxWithNotes(), testContext('notes.docx'));
    expect(doc.text.split('\n')).toEqual(['全省地区生产总值增长5.6%。[1]我们重点做了以下工作。[2]', '[1] 数据来源：省统计局初步核算。', '[2] 本报告中的增速均按可比价格计算。']);
  });

  it('leaves HTML without notes as it is', () => {
    const html = '<p>各位代表：</p><ol><li><p>第一项</p></li></ol>';
    expect(markNotes(html)).toBe(html);
  });
});
