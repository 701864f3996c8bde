import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/index.js';
import { readDocx } from '../../src/ingest/docx.js';
import { formatNumber } from '../../src/ingest/docx-number-formats.js';
import { corporaDir, testContext } from './helpers.js';
import { buildDocx, run, wordXml } from './docx-parts.js';
import { describeWithShared } from '../shared-data.js';

/** A paragraph numbered by its own numPr (numId, ilvl), or not numbered. */
const para = (t: string, numId?: number, ilvl = 0): string =>
  `<w:p>${numId === undefined ? '' : `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>`}${run(t)}</w:p>`;
const styled = (t: string, style: string, numPr = ''): string => `<w:p><w:pPr><w:pStyle w:val="${style}"/>${numPr}</w:pPr>${run(t)}</w:p>`;
const lvl = (ilvl: number, fmt: string, text: string, start = 1, extra = ''): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

/** The outline of a Chinese report: 一、 / （一） / 1. through abstractNum 0, bullets through abstractNum 1. */
const NUMBERING = wordXml(
  'numbering',
  `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.', 1, '<w:pStyle w:val="Item"/>')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '•')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="2">${lvl(0, 'decimalEnclosedCircle', '%1')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>',
);

/** Heading 1 is numbered 一、 through its style, Heading 2 (based on it) at level 1 through its own numPr. */
const STYLES = wordXml(
  'styles',
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>' +
    // Level 2 of the outline names this style (w:pStyle), so its numPr need not give ilvl.
    '<w:style w:type="paragraph" w:styleId="Item"><w:name w:val="item"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
);

function docx(body: string, parts: { numbering?: Buffer; styles?: Buffer } = {}): Buffer {
  return buildDocx(body, [
    ...(parts.numbering ? [{ type: 'numbering', file: 'numbering.xml', data: parts.numbering }] : []),
    ...(parts.styles ? [{ type: 'styles', file: 'styles.xml', data: parts.styles }] : []),
  ]);
}

/** A report whose numbers Word generates: two headings, sub-headings restarting under the second, items, bullets. */
const OUTLINE: ReadonlyArray<[text: string, numId?: number, ilvl?: number]> = [
  ['2025年某省政府工作报告'],
  ['2024年工作回顾', 1, 0],
  ['经济运行稳中有进', 1, 1],
  ['地区生产总值增长5.6%，经济运行总体平稳、稳中有进，全年新增城镇就业六十万人。'],
  ['工业生产较快增长', 1, 2],
  ['服务业持续恢复', 1, 2],
  ['民生保障更加有力', 1, 1],
  ['城乡居民收入稳步增长，基本养老保险覆盖面持续扩大，社会保障体系更加健全。'],
  ['2025年工作安排', 1, 0],
  ['扩大有效需求', 1, 1],
  ['实施提振消费专项行动，稳定和扩大汽车、家电等大宗消费，培育壮大新型消费。'],
  ['推动城乡融合发展', 1, 1],
  ['消费', 2, 0],
  ['投资', 2, 0],
  ['第一项要点', 3, 0],
];
const REPORT = docx(OUTLINE.map(([text, numId, ilvl]) => para(text, numId, ilvl)).join(''), { numbering: NUMBERING });

describe('Word automatic numbering in a .docx', () => {
  it('puts each numbered paragraph\'s label in front of its text as Word shows it, bullets without one', async () => {
    const [doc] = await readDocx(REPORT, testContext('numbered.docx'));
    expect(doc.text.split('\n')).toEqual([
      '2025年某省政府工作报告',
      '一、2024年工作回顾',
      '（一）经济运行稳中有进',
      '地区生产总值增长5.6%，经济运行总体平稳、稳中有进，全年新增城镇就业六十万人。',
      '1. 工业生产较快增长',
      '2. 服务业持续恢复',
      '（二）民生保障更加有力',
      '城乡居民收入稳步增长，基本养老保险覆盖面持续扩大，社会保障体系更加健全。',
      '二、2025年工作安排',
      '（一）扩大有效需求',
      '实施提振消费专项行动，稳定和扩大汽车、家电等大宗消费，培育壮大新型消费。',
      '（二）推动城乡融合发展',
      '消费',
      '投资',
      '① 第一项要点',
    ]);
  });

  it('gives the same section paths as typed numbers', async () => {
    const [doc] = await readDocx(REPORT, testContext('numbered.docx'));
    const passages = chunkDocument(doc);
    const pathOf = (text: string): string[] | undefined => passages.find((p) => p.text.includes(text))?.sectionPath;
    expect(pathOf('地区生产总值增长5.6%')).toEqual(['一、2024年工作回顾', '（一）经济运行稳中有进']);
    expect(pathOf('城乡居民收入稳步增长')).toEqual(['一、2024年工作回顾', '（二）民生保障更加有力']);
    expect(pathOf('实施提振消费专项行动')).toEqual(['二、2025年工作安排', '（一）扩大有效需求']);
  });

  it('numbers a paragraph through its style (following basedOn), and numId 0 takes the numbering away', async () => {
    const numId0 = '<w:numPr><w:numId w:val="0"/></w:numPr>';
    const body = [styled('总体要求', 'Heading1'), styled('指导思想', 'Heading2'), styled('学习', 'Item'), styled('不编号的标题', 'Heading1', numId0), styled('主要任务', 'Heading1'), para('正文', 0, 0)].join('');
    const [doc] = await readDocx(docx(body, { numbering: NUMBERING, styles: STYLES }), testContext('styled.docx'));
    expect(doc.text.split('\n')).toEqual(['一、总体要求', '（一）指导思想', '1. 学习', '不编号的标题', '二、主要任务', '正文']);
  });

  it('restarts a list at its startOverride, honours lvlRestart, and shows legal numbering in digits', async () => {
    const numbering = wordXml(
      'numbering',
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '第%1章')}${lvl(1, 'decimal', '%1.%2', 1, '<w:lvlRestart w:val="0"/><w:isLgl/>')}</w:abstractNum>` +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>',
    );
    const body = [para('总则', 1, 0), para('甲', 1, 1), para('分则', 1, 0), para('乙', 1, 1), para('附则', 2, 0)].join('');
    const [doc] = await readDocx(docx(body, { numbering }), testContext('restart.docx'));
    expect(doc.text.split('\n')).toEqual(['第一章 总则', '1.1 甲', '第二章 分则', '2.2 乙', '第十章 附则']);
  });

  it('numbers a paragraph whose mark was deleted with tracked changes as the one it joins', async () => {
    const deletedMark = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z"/></w:rPr></w:pPr>' + run('统筹') + '</w:p>';
    const body = [para('总体要求', 1, 0), deletedMark, para('主要任务', 1, 0)].join('');
    const [doc] = await readDocx(docx(body, { numbering: NUMBERING }), testContext('tracked.docx'));
    expect(doc.text.split('\n')).toEqual(['一、总体要求', '二、统筹主要任务']);
  });

  it('leaves the text as mammoth reads it when the paragraphs cannot be matched', async () => {
    // A paragraph inside an element mammoth does not read: the counts differ, so nothing is labelled.
    const body = [para('总体要求', 1, 0), `<w:unknownWrapper>${para('看不见', 1, 0)}</w:unknownWrapper>`, para('主要任务', 1, 0)].join('');
    const [doc] = await readDocx(docx(body, { numbering: NUMBERING }), testContext('odd.docx'));
    expect(doc.text.split('\n')).toEqual(['总体要求', '主要任务']);
  });

  it('formats the counters Chinese reports use', () => {
    const cn = [1, 2, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000].map((n) => formatNumber(n, 'chineseCounting'));
    expect(cn).toEqual(['一', '二', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一千']);
    expect(formatNumber(3, 'chineseCountingThousand')).toBe('三');
    expect([1, 2, 20].map((n) => formatNumber(n, 'decimalEnclosedCircle'))).toEqual(['①', '②', '⑳']);
    expect([1, 4, 9, 14].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['I', 'IV', 'IX', 'XIV']);
    expect([1, 26, 27].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa']);
    expect([1, 10].map((n) => formatNumber(n, 'ideographTraditional'))).toEqual(['甲', '癸']);
    expect(formatNumber(1, 'bullet')).toBeNull();
    expect(formatNumber(1, 'someFormatWeDoNotKnow')).toBeNull();
  });
});

/** Digests of readDocx's output for the 31 provincial reports, taken before Word numbering was read. */
const PROVINCIAL_DIGESTS_FILE = path.join(import.meta.dirname, 'docx-provincial-digests.json');

describeWithShared('corpora/provincial-2025/docx', 'the provincial reports, which type their numbers', () => {
  it('read exactly as before Word numbering was read', { tags: ['slow'] }, async () => {
    const dir = path.join(corporaDir, 'provincial-2025/docx');
    const expected = JSON.parse(readFileSync(PROVINCIAL_DIGESTS_FILE, 'utf8')) as Record<string, string>;
    const files = readdirSync(dir).filter((f) => f.endsWith('.docx')).sort();
    expect(files).toEqual(Object.keys(expected).sort());
    for (const file of files) {
      const [doc] = await readDocx(readFileSync(path.join(dir, file)), testContext(file));
      expect(createHash('sha256').update(doc.text).digest('hex'), file).toBe(expected[file]);
    }
  });
});
