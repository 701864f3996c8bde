import { describe, expect, it } from 'vitest';
import { buildBlocks, lineKind } from '../../src/ingest/pdf-blocks.js';
import { measureLayout } from '../../src/ingest/pdf-layout.js';
import type { PdfLine } from '../../src/ingest/pdf-lines.js';
import { fallbackYear, joinTitleLines, pdfMeta, titleFromFirstPage } from '../../src/ingest/pdf-meta.js';

/** Lines of page 1, top to bottom, 24 points apart unless told; body at 16 points from x = 90 to 490. */
function lines(specs: Array<{ text: string; size?: number; x?: number; xEnd?: number; gap?: number }>): PdfLine[] {
  let y = 780;
  return specs.map((s) => {
    y -= s.gap ?? 24;
    const size = s.size ?? 16;
    const x = s.x ?? 90;
    const xEnd = s.xEnd ?? Math.min(490, x + size * Array.from(s.text).length);
    return { page: 1, text: s.text, x, xEnd, y, size, font: 'f', cells: [{ x, xEnd }] };
  });
}

const FULL = '现在我代表市人民政府向大会报告政府工作请予审议并请各位提出意见'.slice(0, 25);

describe('blocks from lines', () => {
  it('takes larger text for a heading, a figure caption and a table row for blocks of their own', () => {
    const page = lines([
      { text: '政府工作报告', size: 22, x: 230 },
      { text: '一、过去一年的工作', x: 122, xEnd: 266 },
      { text: FULL, x: 122 },
      { text: FULL },
      { text: '结束。', xEnd: 138 },
      { text: '图 1 数据安全保障体系', x: 200, xEnd: 380 },
      { text: '指标\t2020年\t2025年', x: 90, xEnd: 480 },
    ]);
    const layout = measureLayout([page]);
    expect(layout.size).toBe(16);
    const blocks = buildBlocks(page, layout);
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'heading', 'paragraph', 'caption', 'table']);
    expect(blocks[2].lines).toHaveLength(3);
    expect(lineKind(page[5], layout)).toBe('caption');
  });

  it('breaks paragraphs at an indent, at a wide gap, and after a short last line, never inside one', () => {
    const page = lines([
      { text: FULL, x: 122 },
      { text: FULL },
      { text: FULL, x: 122 },
      { text: '短行。', xEnd: 138 },
      { text: FULL },
      { text: FULL, gap: 40 },
      { text: '以及、', xEnd: 138 },
      { text: FULL },
    ]);
    const blocks = buildBlocks(page, measureLayout([page]));
    expect(blocks.map((b) => b.lines.length)).toEqual([2, 2, 1, 3]);
  });

  it('keeps each line of a contents page a line of its own, full to the margin as each is', () => {
    // As Chromium printed a contents page: each entry's leader fills the line to its page number.
    const page = lines([
      { text: FULL, x: 122 },
      { text: FULL },
      { text: '一、2024年工作回顾…………………………2' },
      { text: '二、2025年总体要求和主要目标……………3' },
      { text: '三、2025年重点工作…………………………4' },
      { text: FULL, x: 122 },
      { text: '结束。', xEnd: 138 },
    ]);
    const blocks = buildBlocks(page, measureLayout([page]));
    expect(blocks.map((b) => b.lines.length)).toEqual([2, 1, 1, 1, 2]);
  });

  it('measures the pitch of baselines rounded apart (14.3, 15, …) as their mean, and breaks at a paragraph\'s spacing of a third more', () => {
    // Full lines only, no indent: the spacing (19.5 points, a third more than 14.69) is all that parts the paragraphs.
    const gaps = [14.3, 15, 14.3, 15, 19.5, 15, 14.3, 15, 14.3, 19.5, 15, 14.3];
    const page = lines(gaps.map((gap) => ({ text: FULL, gap })));
    const layout = measureLayout([page]);
    expect(layout.pitch).toBeCloseTo(14.69, 2);
    expect(buildBlocks(page, layout).map((b) => b.lines.length)).toEqual([4, 5, 3]);
  });

  it('runs an English paragraph on into a line opening with a word and a colon in lower case, which is no label', () => {
    const page = lines([
      { text: 'Fellow Deputies, the adverse impact of changes in the international environment increased. However, we', x: 122 },
      { text: 'responded to this array of difficulties and challenges with both active and effective' },
      { text: 'steps: We redoubled efforts to implement adopted policies and improved macro regulation in a timely' },
      { text: 'manner.', xEnd: 150 },
      { text: '指导单位：北京市高级别自动驾驶示范区工作办公室' },
      { text: '编写单位：北京车网科技发展有限公司', xEnd: 378 },
    ]);
    const blocks = buildBlocks(page, measureLayout([page]));
    expect(blocks.map((b) => b.lines.length)).toEqual([4, 1, 1]);
  });

  it('keeps an English speech\'s salutation a paragraph of its own, though it ends with a comma', () => {
    // Set flush left without indents or spacing, as a word processor sets a text file: only the short line tells.
    const page = lines([
      { text: 'Fellow Deputies,', xEnd: 220 },
      { text: 'On behalf of the State Council, I will now report to you on the work of the', xEnd: 486 },
      { text: 'government for your deliberation, and also for comments from members,', xEnd: 480 },
      { text: 'of the National Committee.', xEnd: 300 },
    ]);
    expect(buildBlocks(page, measureLayout([page])).map((b) => b.lines.length)).toEqual([1, 3]);
  });

  it('runs a full line on into a line opening with a label-like lead-in (主要是：), and keeps labels apart (a block of them, a short one)', () => {
    const page = lines([
      { text: FULL, x: 122 },
      { text: '主要是：经济高质量发展的基础还不牢固，应对外部冲击能力不强；科技' },
      { text: '创新引领产业创新的机制还不健全。', xEnd: 346 },
      { text: '指导单位：北京市高级别自动驾驶示范区工作办公室北京市经济和信息化局' },
      { text: '编写单位：北京车网科技发展有限公司', xEnd: 378 },
      { text: '北京市高级别自动驾驶示范区工作办公室北京经济技术开发区荣华中路' },
      { text: '邮箱：bjhad@bda.gov.cn', xEnd: 300 },
    ]);
    const blocks = buildBlocks(page, measureLayout([page]));
    expect(blocks.map((b) => b.lines.length)).toEqual([3, 1, 1, 1, 1]);
  });
});

describe('ragged lines and punctuation hung in the margin', () => {
  /** A page of 10-point lines from x = 56.8, 14.5 points apart, full lines ending at 536.8. */
  const page = (specs: Array<{ text: string; x?: number; xEnd: number }>): PdfLine[] =>
    specs.map((s, k) => ({ page: 1, text: s.text, x: s.x ?? 56.8, xEnd: s.xEnd, y: 780 - 14.5 * k, size: 10, font: 'f', cells: [{ x: s.x ?? 56.8, xEnd: s.xEnd }] }));

  it('runs a paragraph on past a line short of the margin by less than the next line could have begun with', () => {
    const lines = page([
      { text: '现在我代表区人民政府向大会报告工作请予审议并请列席的同志提出意见过去', x: 76.8, xEnd: 536.8 },
      { text: '一年全区经济社会发展取得新成效完善应急管理体系建设防灾减灾救灾能力，', xEnd: 546.8 },
      { text: '明显提高社会治理不断加强食品药品监管体系不断完善防灾减灾救灾能力提高。', xEnd: 518.8 },
      { text: '“平安海拉尔”建设成效显著建成平安小区个综合服务管理平台覆盖率达到百分', xEnd: 536.8 },
      { text: '之百市场监管城市消防民族宗教档案史志等工作取得新成绩确保广大市民喝上', xEnd: 530.9 },
      { text: '安全水放心水各项社会事业取得新进展。', xEnd: 300 },
      { text: '今年政府工作的总体要求是全面贯彻中央经济工作会议精神推动全区经济社会', x: 76.8, xEnd: 536.8 },
      { text: '持续发展转型发展协调发展和谐发展加快旧城区综合改造全年计划投资完成。', xEnd: 546.8 },
      { text: '加强城市管理推进城市环境综合整治全面完成了年初确定的目标任务。', xEnd: 511.8 },
      { text: '三是继续抓好城区主要街道重要节点的美化绿化亮化完成两处市民公园建设', xEnd: 536.8 },
      { text: '打造特色亮点街道。', xEnd: 146.8 },
    ]);
    const blocks = buildBlocks(lines, measureLayout([lines]));
    // 。 and ， hang to 546.8, a character past the margin: the margin is 536.8, so 530.9 is full. 518.8 leaves
    // 18 points, and “平 takes 20; 511.8 leaves 25, room for 三.
    expect(blocks.map((b) => b.lines.length)).toEqual([6, 3, 2]);
  });

  it('ends a paragraph at a line that leaves room for what the next line begins with', () => {
    const lines = page([
      { text: '现在我代表区人民政府向大会报告工作请予审议并请列席的同志提出意见过去', x: 76.8, xEnd: 536.8 },
      { text: '一年全区经济社会发展取得新成效完善应急管理体系建设防灾减灾救灾能力', xEnd: 536.8 },
      { text: '明显提高社会治理不断加强。', xEnd: 486.8 },
      { text: '“平安海拉尔”建设成效显著建成平安小区个综合服务管理平台覆盖率达到百分', xEnd: 536.8 },
      { text: '之百。', xEnd: 86.8 },
    ]);
    expect(buildBlocks(lines, measureLayout([lines])).map((b) => b.lines.length)).toEqual([3, 2]);
  });
});

describe('a signature block at a page foot', () => {
  it('does not run a right-aligned date on into the first line of the next page', () => {
    const body = lines([
      ...Array.from({ length: 6 }, (_, k) => ({ text: FULL, x: k % 3 === 0 ? 122 : 90 })),
      { text: '某某市人民政府', x: 378, xEnd: 490 },
      { text: '2025年1月15日', x: 386, xEnd: 490 },
    ]);
    const next = lines([{ text: '附件' , xEnd: 122 }, { text: '名词解释', x: 122, xEnd: 186 }]).map((l) => ({ ...l, page: 2 }));
    const blocks = buildBlocks([...body, ...next], measureLayout([body, next]));
    expect(blocks.map((b) => b.lines.map((l) => l.text).join(''))).toEqual([FULL.repeat(3), FULL.repeat(3), '某某市人民政府', '2025年1月15日', '附件', '名词解释']);
  });
});

describe('pages set in a size of their own', () => {
  it('take no size from a table set smaller: the body-size lines above it are paragraphs, not one heading', () => {
    // The 附件 page of a report printed by Chromium: two body-size lines, then a ruled table in 12 points.
    const body = lines([...Array.from({ length: 27 }, (_, k) => ({ text: FULL, x: k % 4 === 0 ? 122 : 90 })), { text: '结束。', xEnd: 138 }]);
    const appendix = lines([
      { text: '附件', xEnd: 122 },
      { text: '名词解释', x: 122, xEnd: 186 },
      ...Array.from({ length: 20 }, (_, k) => ({ text: `${k + 1}\t指标项目${k + 1}号\t${100 + k}.5\t${k % 9}.1%`, size: 12, xEnd: 470, gap: 16 })),
    ]).map((l) => ({ ...l, page: 2 }));
    const blocks = buildBlocks([...body, ...appendix], measureLayout([body, appendix]));
    const page2 = blocks.filter((b) => b.lines[0].page === 2);
    expect(page2.slice(0, 2).map((b) => [b.kind, b.lines.map((l) => l.text).join('')])).toEqual([['paragraph', '附件'], ['paragraph', '名词解释']]);
    expect(page2.slice(2).every((b) => b.kind === 'table')).toBe(true);
  });

  it('judge headings against the page text size, so a page of larger text is paragraphs, not headings', () => {
    const body = lines(Array.from({ length: 12 }, (_, k) => ({ text: FULL, x: k % 4 === 0 ? 122 : 90 })));
    const opening = lines([
      { text: '编制背景', size: 32, gap: 60 },
      { text: FULL.slice(0, 20), size: 20, x: 130, xEnd: 490 },
      { text: FULL.slice(0, 22), size: 20, xEnd: 490 },
      { text: FULL.slice(0, 22), size: 20, xEnd: 490 },
      { text: FULL.slice(0, 22), size: 20, xEnd: 490 },
      { text: '结束。', size: 20, xEnd: 150 },
    ]).map((l) => ({ ...l, page: 2 }));
    const layout = measureLayout([body, opening]);
    expect(layout.size).toBe(16);
    const blocks = buildBlocks([...body, ...opening], layout).filter((b) => b.lines[0].page === 2);
    expect(blocks.map((b) => [b.kind, b.lines.length])).toEqual([['heading', 1], ['paragraph', 5]]);
  });
});

describe('the title and year of a PDF', () => {
  it('takes the first page largest text, its lines joined and letter-spacing dropped', () => {
    const page = lines([
      { text: '北京市高级别自动驾驶示范区', size: 26, x: 100 },
      { text: '数据分类分级方法白皮书', size: 26, x: 120 },
      { text: '政 府 工 作 报 告', size: 22 },
    ]);
    expect(titleFromFirstPage(page, 16)).toBe('北京市高级别自动驾驶示范区数据分类分级方法白皮书');
    expect(titleFromFirstPage(lines([{ text: '政 府 工 作 报 告', size: 22 }, { text: '各位代表：' }]), 16)).toBe('政府工作报告');
  });

  it('keeps the spaces between the words of an English title, its lines joined by a space', () => {
    const page = lines([
      { text: 'Report on the Work', size: 22 },
      { text: 'of the Government 2024', size: 22 },
      { text: 'Delivered at the Second Session of the 14th National People\'s Congress' },
    ]);
    expect(titleFromFirstPage(page, 16)).toBe('Report on the Work of the Government 2024');
    expect(titleFromFirstPage(lines([{ text: '2024 年 政府工作报告 (Draft)', size: 22 }, { text: '各位代表：' }]), 16)).toBe('2024年政府工作报告(Draft)');
  });

  it('puts one space where a title turns from a Chinese line to an English one, or back', () => {
    const bilingual = lines([{ text: '政府工作报告', size: 22 }, { text: 'Report on the Work of the Government', size: 22 }, { text: '各位代表：' }]);
    expect(titleFromFirstPage(bilingual, 16)).toBe('政府工作报告 Report on the Work of the Government');
    const englishFirst = lines([{ text: 'Report on the Work', size: 22 }, { text: 'of the Government', size: 22 }, { text: '政 府 工 作 报 告', size: 22 }]);
    expect(titleFromFirstPage(englishFirst, 16)).toBe('Report on the Work of the Government 政府工作报告');
    // Inside a line, and between two Chinese lines, spaces still go.
    expect(joinTitleLines(['北京市高级别自动驾驶示范区', '数据分类分级方法白皮书'])).toBe('北京市高级别自动驾驶示范区数据分类分级方法白皮书');
    expect(joinTitleLines(['2024 年 政府工作报告 (Draft)'])).toBe('2024年政府工作报告(Draft)');
  });

  it('takes no title from body-sized text, dates or label lines', () => {
    expect(titleFromFirstPage(lines([{ text: '各位代表：' }, { text: FULL }]), 16)).toBeNull();
    const cover = lines([
      { text: '指导单位：北京市高级别自动驾驶示范区工作办公室', size: 14 },
      { text: '编写单位：北京车网科技发展有限公司', size: 14 },
      { text: '国汽(北京)智能网联汽车研究院有限公司', size: 14 },
      { text: '2022年9月', size: 14 },
    ]);
    expect(titleFromFirstPage(cover, 10)).toBeNull();
    expect(fallbackYear(cover, 'white-paper.pdf')).toBe(2022);
  });

  it('falls back to the year in the file name, never to a year the text talks about', () => {
    expect(fallbackYear(lines([{ text: '一、2023 年工作回顾' }]), 'reports/beijing_2024_report.pdf')).toBe(2024);
    expect(fallbackYear(lines([{ text: '一、2023 年工作回顾' }]), 'report.pdf')).toBeNull();
  });

  it('names a government work report without a title page after the government that delivers it', () => {
    const text = '各位代表：\n现在，我代表北京市人民政府，向大会报告政府工作，请予审议。';
    const meta = pdfMeta(text, lines([{ text: '各位代表：' }]), 16, { file: 'beijing_2024_government_work_report.pdf', checksum: 'sha256:0' });
    expect(meta).toMatchObject({ title: '2024年北京市政府工作报告', year: 2024, type: 'government work report', region: 'Beijing Municipality' });
  });

  it('does the same for a report in traditional characters, its title in its own script', () => {
    const text = '各位代表：\n現在，我代表北京市人民政府，向大會報告政府工作，請予審議。';
    const meta = pdfMeta(text, lines([{ text: '各位代表：' }]), 16, { file: 'beijing_2024_government_work_report.pdf', checksum: 'sha256:0' });
    expect(meta).toMatchObject({ title: '2024年北京市政府工作報告', year: 2024, type: 'government work report', region: 'Beijing Municipality' });
  });
});
