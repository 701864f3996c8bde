import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { readDocx } from '../../src/ingest/docx.js';
import { assemblePdf } from '../../src/ingest/pdf-assemble.js';
import type { PdfItem } from '../../src/ingest/pdf-extract.js';
import { readHtml } from '../../src/ingest/html.js';
import type { Passage, SourceDoc } from '../../src/model.js';
import { buildDocx, run } from './docx-parts.js';
import { testContext } from './helpers.js';

const BODY = '全区经济运行总体平稳、稳中有进，地区生产总值增长5.2%。';

/** Each passage as kind, paragraph number, section path and text. */
const shape = (passages: Passage[]): Array<[string, number | null | undefined, string, string]> =>
  passages.map((p) => [p.kind, p.paragraph, p.sectionPath.join(' > '), p.text]);

describe('headings a page or a Word document marks only by their type', () => {
  it('takes a paragraph set in bold alone, with no number, for a heading nested in the section above', () => {
    // A county site's report: year headings, under them bold unnumbered headings, one with a comma inside.
    const html = `<html><head><title>政府工作报告</title></head><body><div class="TRS_Editor">
      <p>各位代表：</p><p>　　现在，我代表区人民政府，向大会报告政府工作，请予审议。</p>
      <p><strong>2023年工作回顾</strong></p><p>　　${BODY}</p>
      <p><strong>坚持创新驱动，加快产业转型升级</strong></p><p>　　${BODY}</p>
      <p><b>民生福祉</b><strong>持续增进</strong></p><p>　　${BODY}</p>
      <p><strong>2024年主要工作</strong></p><p>　　${BODY}</p></div></body></html>`;
    const [doc] = readHtml(Buffer.from(html), testContext('report.html'));
    expect(shape(chunkDocument(doc)).slice(4)).toEqual([
      ['heading', null, '2023年工作回顾 > 坚持创新驱动，加快产业转型升级', '坚持创新驱动，加快产业转型升级'],
      ['paragraph', 4, '2023年工作回顾 > 坚持创新驱动，加快产业转型升级', BODY],
      ['heading', null, '2023年工作回顾 > 民生福祉持续增进', '民生福祉持续增进'],
      ['paragraph', 5, '2023年工作回顾 > 民生福祉持续增进', BODY],
      ['heading', null, '2024年主要工作', '2024年主要工作'],
      ['paragraph', 6, '2024年主要工作', BODY],
    ]);
  });

  it('takes an unnumbered h2-h6 for a heading, the parent of the numbered list it opens', () => {
    const html = `<body><article><p>各位代表：</p><h2>总体要求</h2><p>${BODY}</p><h3>（一）稳增长</h3><p>${BODY}</p>
      <h3>（二）促改革</h3><p>${BODY}</p><h2>重点任务</h2><h3>（一）扩内需</h3><p>${BODY}</p></article></body>`;
    const [doc] = readHtml(Buffer.from(html), testContext('report.html'));
    expect(shape(chunkDocument(doc)).map(([kind, , path]) => [kind, path])).toEqual([
      ['paragraph', ''],
      ['heading', '总体要求'],
      ['paragraph', '总体要求'],
      ['heading', '总体要求 > （一）稳增长'],
      ['paragraph', '总体要求 > （一）稳增长'],
      ['heading', '总体要求 > （二）促改革'],
      ['paragraph', '总体要求 > （二）促改革'],
      ['heading', '重点任务'],
      ['heading', '重点任务 > （一）扩内需'],
      ['paragraph', '重点任务 > （一）扩内需'],
    ]);
  });

  it('leaves bold a salutation, a run-in lead, a bold sentence, a long bold line and a lone character ordinary paragraphs', () => {
    const long = '坚持稳中求进工作总基调完整准确全面贯彻新发展理念加快构建新发展格局着力推动高质量发展不断增强经济活力防范化解风险';
    const html = `<body><article><p><strong>各位代表：</strong></p><p><strong>一是产业提速。</strong>${BODY}</p>
      <p><strong>${BODY}</strong></p><p><strong>注</strong></p><p><strong>${long}</strong></p></article></body>`;
    const [doc] = readHtml(Buffer.from(html), testContext('report.html'));
    expect(chunkDocument(doc).map((p) => p.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('reads a Word paragraph whose runs are all bold as a heading, and one with a plain run as a paragraph', async () => {
    const bold = (t: string): string => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;
    const p = (...runs: string[]): string => `<w:p>${runs.join('')}</w:p>`;
    const body = [
      p(run('各位代表：')),
      p(bold('一、2024年工作回顾')),
      p(run(BODY)),
      p(bold('着力扩大有效需求')),
      p(run(BODY)),
      p(bold('一是消费回升。'), run(BODY)),
      p(bold('二、2025年主要任务')),
      p(run(BODY)),
    ].join('');
    const [doc] = await readDocx(buildDocx(body), testContext('report.docx'));
    expect(shape(chunkDocument(doc)).map(([kind, n, path]) => [kind, n, path])).toEqual([
      ['paragraph', 1, ''],
      ['heading', null, '一、2024年工作回顾'],
      ['paragraph', 2, '一、2024年工作回顾'],
      ['heading', null, '一、2024年工作回顾 > 着力扩大有效需求'],
      ['paragraph', 3, '一、2024年工作回顾 > 着力扩大有效需求'],
      ['paragraph', 4, '一、2024年工作回顾 > 着力扩大有效需求'],
      ['heading', null, '二、2025年主要任务'],
      ['paragraph', 5, '二、2025年主要任务'],
    ]);
  });

  it('reads a PDF line set larger than the text, with no number, as the heading of the numbered list under it', () => {
    // A white paper: the end of its foreword, then a chapter's title 编制背景 set in 22 points (the 一、 of the
    // contents is not printed), 16-point text, a numbered heading, more text; lines 25 characters wide from x = 90.
    const full = '智能网联汽车测试示范区建设取得丰硕成果并为验证先进技术提供了'.slice(0, 25);
    let y = 780;
    const line = (str: string, size = 16, x = 90): PdfItem => {
      y -= size * 1.8;
      return { str, x, y, width: size * Array.from(str).length, size, font: 'f' };
    };
    const items = [
      line(full, 16, 122),
      line('前言完。'),
      line('编制背景', 22, 200),
      ...[0, 1, 2].flatMap((k) => [line(full, 16, k === 0 ? 122 : 90)]),
      line('结束。'),
      line('（一）数据安全已上升至国家层面', 16, 122),
      line(full, 16, 122),
      line(full),
      line('结束。'),
    ];
    const assembled = assemblePdf([{ index: 1, width: 595, height: 842, items, imageOnly: false }]);
    const doc: SourceDoc = { ...readHtml(Buffer.from('<p>x</p>'), testContext('a.html'))[0], format: 'pdf', text: assembled.text, headings: assembled.headings };
    expect(shape(chunkDocument(doc)).map(([kind, n, path]) => [kind, n, path])).toEqual([
      ['paragraph', 1, ''],
      ['heading', null, '编制背景'],
      ['paragraph', 2, '编制背景'],
      ['heading', null, '编制背景 > （一）数据安全已上升至国家层面'],
      ['paragraph', 3, '编制背景 > （一）数据安全已上升至国家层面'],
    ]);
  });
});
