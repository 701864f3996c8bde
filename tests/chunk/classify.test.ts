import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/chunk/lines.js';
import { classifyLines } from '../../src/chunk/classify.js';
import { isPageFurniture, startsBody } from '../../src/chunk/front.js';
import { isTocEntry } from '../../src/chunk/toc.js';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { passageWith, seedDoc, seedPassages, squash } from './seeds.js';

describe('front matter', () => {
  it('makes the gazette masthead, editorial board, address block and Tibetan title line front passages', () => {
    const passages = seedPassages('xizang-gazette-2025-01');
    const front = passages.filter((p) => p.kind === 'front');
    expect(front.map((p) => p.text.split('\n')[0])).toEqual(['2025', '编辑委员会', '微信', '目 录', '政府工作报告']);
    expect(front[0].text).toContain('西藏自治区人民政府公报');
    expect(front[0].text).toMatch(/\p{Script=Tibetan}/u);
    expect(front[1].text).toContain('主任：任 维');
    expect(front[1].text).toContain('网址：<http://www.xizang.gov.cn>');
    expect(front[4].text).toContain('(自治区代理主席 嘎玛泽登)');
    const firstBody = passages.find((p) => p.kind === 'paragraph');
    expect(firstBody?.text.startsWith('现在，我代表自治区人民政府')).toBe(true);
  });

  it('makes the newspaper page header front but keeps （紧接第一版） at the start of its paragraph', () => {
    const passages = seedPassages('xizang-2023-plan-report');
    expect(passages[0]).toMatchObject({ kind: 'front', text: '3 文件' });
    expect(passages[1].kind).toBe('paragraph');
    expect(passages[1].text.startsWith('（紧接第一版） 统筹发展和安全')).toBe(true);
  });

  it('makes the title block of each work report front and its salutation the first paragraph', () => {
    const report2020 = seedPassages('xizang-2020-government-work-report');
    expect(report2020[0].kind).toBe('front');
    expect(report2020[0].text).toBe('政府工作报告\n——2020年1月7日在西藏自治区第十一届人民代表大会第三次会议上\n自治区主席\u3000齐扎拉');
    expect(report2020[1]).toMatchObject({ kind: 'paragraph', text: '各位代表:' });
    const report2024 = seedPassages('xizang-2024-government-work-report');
    expect(report2024[0].kind).toBe('front');
    expect(report2024[1]).toMatchObject({ kind: 'paragraph', text: '各位代表：' });
  });

  it('tells page furniture and body starts from title lines', () => {
    expect(isPageFurniture('- 12 -')).toBe(true);
    expect(isPageFurniture('第 3 页 共 20 页')).toBe(true);
    expect(isPageFurniture('（下转第三版）')).toBe(true);
    expect(isPageFurniture('3 文件')).toBe(false);
    expect(startsBody('现在，我代表自治区人民政府，向大会报告政府工作，请予审议，并请各位政协委员和列席的同')).toBe(true);
    expect(startsBody('——2021年1月24日西藏自治区第十一届人民代表大会')).toBe(false);
    expect(startsBody('邮编：850000')).toBe(false);
  });
  it('keeps a dateline that ends with a full stop in the title block: the salutation is the first paragraph a reader counts', () => {
    // Eight of the 2025 provincial .docx reports (Beijing, Tianjin, Jiangsu, …) set their dateline as a sentence.
    const dateline = '2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。';
    const text = ['2025年北京市政府工作报告', '来源：北京日报', dateline, '各位代表：', '现在，我代表北京市人民政府，向大会报告政府工作，请予审议。'].join('\n');
    const passages = chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text });
    expect(passages.map((p) => [p.kind, p.paragraph])).toEqual([['front', null], ['paragraph', 1], ['paragraph', 2]]);
    expect(passages[0].text.endsWith(dateline)).toBe(true);
    expect(startsBody(dateline)).toBe(false);
    expect(startsBody('（2024年3月5日在第十四届全国人民代表大会第二次会议上）')).toBe(false);
    // A sentence of the body that opens with a date is no dateline: it has a clause break.
    expect(startsBody('2024年1月，我们在第十四届全国人民代表大会第二次会议上提出的目标全面完成。')).toBe(true);
  });
  it('starts the body of an English-only report at its salutation or first sentence, the title block front', () => {
    const text = [
      'Report on the Work of the Government',
      "Delivered at the Second Session of the 14th National People's Congress on",
      'March 5, 2024',
      'Li Qiang, Premier of the State Council',
      'Fellow Deputies,',
      'On behalf of the State Council, I will now report to you on the work of the government.',
      'We pursued high-quality development and kept the economy stable.',
      'Urban employment grew by 12.4 million, and prices remained stable.',
    ].join('\n');
    const passages = chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text });
    expect(passages.map((p) => [p.kind, p.paragraph])).toEqual([['front', null], ['paragraph', 1], ['paragraph', 2], ['paragraph', 3], ['paragraph', 4]]);
    expect(passages[0].text).toBe(text.split('\n').slice(0, 4).join('\n'));
    expect(startsBody('Report on the Work of the Government')).toBe(false);
    expect(startsBody('Li Qiang, Premier of the State Council')).toBe(false);
    expect(startsBody('Beijing, March 2024.')).toBe(false);
    expect(startsBody('Address: 1 Renmin Road, Lhasa.')).toBe(false);
  });
  it('keeps a first sentence whose linked title stood on a line of its own in the body: no paragraph starts with 。', () => {
    // The NPC resolutions of the national jsonl: a web page's link (政府工作报告) kept as its own line.
    const text = [
      '第十四届全国人民代表大会第一次会议关于政府工作报告的决议',
      '',
      '（2023年3月13日第十四届全国人民代表大会第一次会议通过）',
      '',
      '第十四届全国人民代表大会第一次会议听取和审议了国务院总理李克强所作的',
      '政府工作报告',
      '。会议充分肯定国务院过去一年的工作，决定批准这个报告。',
      '',
      '会议号召，全国各族人民更加紧密地团结起来。',
    ].join('\n');
    const passages = chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text });
    expect(passages.map((p) => [p.kind, p.paragraph])).toEqual([['front', null], ['paragraph', 1], ['paragraph', 2]]);
    expect(passages[1].text).toBe('第十四届全国人民代表大会第一次会议听取和审议了国务院总理李克强所作的政府工作报告。会议充分肯定国务院过去一年的工作，决定批准这个报告。');
  });
});

describe('table of contents', () => {
  it('marks a titled contents list whose page numbers stand after a tab as toc, and keeps its headings out of the body\'s sections', () => {
    // As the PDF reader writes a contents page without leaders: the number after a tab, or on its own line.
    const text = [
      '前言',
      '本白皮书提出了一套数据分类分级管理办法。',
      '目 录',
      '一、编制背景\t01',
      '（一）数据安全已上升至国家层面',
      '二、研究内容',
      '09',
      '（一）示范区数据分类分级目标',
      '1、数据资产盘点',
      '附件 数据分类分级列表\t28',
      '一、编制背景',
      '近年来，示范区建设取得丰硕成果。',
      '（一）数据安全已上升至国家层面',
      '提升数据安全治理水平已成为公众的主要诉求之一。',
    ].join('\n');
    const passages = chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text });
    const toc = passages.filter((p) => p.kind === 'toc');
    expect(toc.map((p) => p.text).join('\n')).toBe(text.split('\n').slice(2, 10).join('\n'));
    expect(passages.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual(['一、编制背景', '（一）数据安全已上升至国家层面']);
    expect(passageWith(passages, '提升数据安全').sectionPath).toEqual(['一、编制背景', '（一）数据安全已上升至国家层面']);
  });

  it('marks a titled contents list whose page numbers stand after a space as toc (a tab printed as a space)', () => {
    const text = ['前言', '本白皮书提出了一套数据分类分级管理办法。', '目 录', '一、发展现状 1', '二、主要问题 3', '三、发展建议 5', '一、发展现状', '数字经济规模持续扩大。', '二、主要问题', '发展不平衡问题仍然突出。'].join('\n');
    const passages = chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text });
    expect(passages.filter((p) => p.kind === 'toc').map((p) => p.text).join('\n')).toBe(text.split('\n').slice(2, 6).join('\n'));
    expect(passages.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual(['一、发展现状', '二、主要问题']);
    // A single numbered line after a title is not enough.
    const one = chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text: ['目 录', '一、发展现状 1', '数字经济规模持续扩大。'].join('\n') });
    expect(one.some((p) => p.kind === 'toc' && p.text.includes('一、发展现状 1'))).toBe(false);
  });

  it('recognises every dotted-leader line of the five-year plan TOC and no body line', () => {
    const lines = splitLines(seedDoc('xizang-14th-five-year-plan').text);
    const entries = lines.filter((l) => isTocEntry(l));
    expect(entries).toHaveLength(159);
    expect(entries.every((l) => l.index >= 9 && l.index <= 174)).toBe(true);
  });

  it('keeps the TOC as toc passages grouped by 篇, before the preface, outside any section', () => {
    const passages = seedPassages('xizang-14th-five-year-plan');
    const toc = passages.filter((p) => p.kind === 'toc');
    expect(toc.length).toBeGreaterThanOrEqual(10);
    expect(toc[0].text.startsWith('目 录\n第一篇 开启社会主义现代化建设新征程西藏篇章.....')).toBe(true);
    expect(toc[1].text.startsWith('第二篇 统筹协调发展 构建区域发展新格局')).toBe(true);
    expect(toc.every((p) => p.sectionPath.length === 0 && p.text.length <= 700)).toBe(true);
    const tocText = toc.map((p) => p.text).join('\n');
    expect(tocText).toContain('第十一章 加强党的全面领导 健全规划实施机制.....');
    expect(passages[passages.indexOf(toc[toc.length - 1]) + 1].text.startsWith('西藏自治区国民经济和社会发展第十四个五年（2021-2025年）')).toBe(true);
  });

  it('does not let the TOC drive the structure: the body says 第十一篇 and so do the section paths', () => {
    const passages = seedPassages('xizang-14th-five-year-plan');
    const last = passages.find((p) => p.kind === 'heading' && p.text === '第一节 发挥党的领导核心作用');
    expect(last?.sectionPath).toEqual(['第十一篇 加强党的全面领导 健全规划实施机制', '第三十四章 加强党的全面领导', '第一节 发挥党的领导核心作用']);
    expect(passages.some((p) => p.kind === 'heading' && p.text.startsWith('第十一章 加强党的全面领导'))).toBe(false);
  });

  it('leaves the gazette contents page, which has no dotted leaders, to the front matter', () => {
    const passages = seedPassages('xizang-gazette-2025-01');
    expect(passages.some((p) => p.kind === 'toc')).toBe(false);
    const contents = passages.find((p) => p.text.startsWith('目 录'));
    expect(contents?.kind).toBe('front');
    expect(squash(contents?.text ?? '')).toBe(squash('目 录 政府工作报告 - 1 政府工作报告 ——2025年1月19日在西藏自治区第十二届人民代表大会第三次会议上'));
  });
});

describe('tables', () => {
  it('keeps each of the 22 专栏 boxes of the five-year plan together as one table passage with caption and notes', () => {
    const tables = seedPassages('xizang-14th-five-year-plan').filter((p) => p.kind === 'table');
    expect(tables.map((t) => Number(/^专栏\s*(\d+)/u.exec(t.text)?.[1]))).toEqual(Array.from({ length: 22 }, (_, k) => k + 1));
    const box1 = tables[0];
    expect(box1.text.split('\n')[1]).toBe('类别\t指标\t2015年\t规划目标\t\t完成情况\t\t属性');
    expect(box1.text).toContain('\n注：1.地区生产总值增长速度按可比价格计算。\n2.[]内为五年累计数，()为基期实际数。');
    expect(box1.text.endsWith('5.2020年部分数据为预计数，部分数据缺失。')).toBe(true);
    expect(box1.sectionPath.at(-1)).toBe('第一节 决胜全面建成小康社会取得决定性成就');
  });

  it('keeps item lines with their bodies, bullets and key-value rows inside their box', () => {
    const tables = seedPassages('xizang-14th-five-year-plan').filter((p) => p.kind === 'table');
    expect(tables[2].text.split('\n')).toHaveLength(5);
    expect(tables[3].text.split('\n')[1]).toBe('- 推进大县城建设；');
    expect(tables[8].text).toContain('\n02 信息化水平\n信息化发展指数达到 86，整体水平达到西部中等水平。');
    expect(tables[15].text).toContain('06 全面提升全民教育\n大力实施村（居）干部掌握国家通用语言文字');
    const classes = classifyLines(splitLines(seedDoc('xizang-14th-five-year-plan').text));
    expect(classes.regions.filter((r) => r.kind === 'table')).toHaveLength(22);
  });
});
