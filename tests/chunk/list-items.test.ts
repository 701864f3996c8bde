import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/index.js';
import { readHtml } from '../../src/ingest/html.js';
import type { SourceDoc } from '../../src/model.js';
import { testContext } from '../ingest/helpers.js';

const PARAGRAPH = '　　今年以来，全市上下坚持稳中求进工作总基调，经济运行总体平稳，民生保障持续加强。';

/** The passages of a government site's page whose article ends with `list`, after two body paragraphs. */
function pagePassages(list: string): Array<[string, string]> {
  const html = `<html><head><meta charset="utf-8"><title>政府工作报告_某市人民政府</title></head><body>
    <div class="nav"><a href="/">首页</a></div>
    <div id="UCAP-CONTENT"><h1>政府工作报告</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>${list}</div></body></html>`;
  const [doc] = readHtml(Buffer.from(html), testContext('page.html'));
  return chunkDocument(doc).slice(3).map((p) => [p.kind, p.text]);
}

/** The passages of a plain text of one paragraph a line that ends with `text`, after two body paragraphs. */
function textPassages(text: string): Array<[string, string]> {
  const doc: SourceDoc = {
    meta: { id: 't', title: 't', titleEn: '', type: '', region: '', year: null, date: null, issuer: null, language: 'zh', file: 't.txt', checksum: '' },
    format: 'txt',
    encoding: 'utf-8',
    text: `各位代表：\n${PARAGRAPH}\n${PARAGRAPH}\n${text}`,
  };
  return chunkDocument(doc).slice(3).map((p) => [p.kind, p.text]);
}

describe('numbered lists in blocks of their own', () => {
  it('keeps the attachments of an HTML page apart, in separate p, br-separated lines, div or li', () => {
    const items = [
      ['paragraph', '附件：1.2024年政府工作报告名词解释.pdf'],
      ['paragraph', '2.2024年市重点工程项目表.docx'],
    ];
    expect(pagePassages('<p>附件：<a href="/a.pdf">1.2024年政府工作报告名词解释.pdf</a></p><p><a href="/b.docx">2.2024年市重点工程项目表.docx</a></p>')).toEqual(items);
    expect(pagePassages('<p>附件：1.2024年政府工作报告名词解释.pdf<br>2.2024年市重点工程项目表.docx<br>3.2024年民生实事清单.xls</p>')).toEqual([
      ...items,
      ['paragraph', '3.2024年民生实事清单.xls'],
    ]);
    expect(pagePassages('<div>附件：1、2024年政府工作报告名词解释</div><div>2、2024年市重点工程项目表</div>')).toEqual([
      ['paragraph', '附件：1、2024年政府工作报告名词解释'],
      ['paragraph', '2、2024年市重点工程项目表'],
    ]);
    expect(pagePassages('<ul><li>附件：1.政府工作报告名词解释.pdf</li><li>2.重点工程项目表.docx</li></ul>')).toEqual([
      ['paragraph', '附件：1.政府工作报告名词解释.pdf'],
      ['paragraph', '2.重点工程项目表.docx'],
    ]);
  });

  it('keeps items apart in full-width digits too', () => {
    expect(textPassages('附件：１．名词解释\n２．重点工程项目表')).toEqual([
      ['paragraph', '附件：１．名词解释'],
      ['paragraph', '２．重点工程项目表'],
    ]);
  });

  it('still joins a line that does not go on with the next number, or another mark', () => {
    for (const [first, second] of [
      ['附件：1.2024年政府工作报告名词解释', '3.2024年市重点工程项目表'],
      ['附件：1.2024年政府工作报告名词解释', '2、2024年市重点工程项目表'],
      ['附件：1.2024年政府工作报告名词解释', '2024年市重点工程项目表'],
      ['全市地区生产总值增长了1.', '2%，比上年提高'],
    ]) {
      expect(textPassages(`${first}\n${second}`)).toEqual([['paragraph', `${first}${second}`]]);
    }
  });
});
