import { describe, expect, it } from 'vitest';
import { matchRunInHeading, matchStandaloneHeading } from '../../src/chunk/headings.js';
import { parseNumeral } from '../../src/chinese-numerals.js';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { seedDoc } from './seeds.js';

describe('matchStandaloneHeading', () => {
  it('ranks the heading styles of the seeds from 篇 down to arabic numbers', () => {
    const ranks = [
      '第十一篇 加强党的全面领导 健全规划实施机制',
      '第三十五章 健全规划实施机制',
      '第四节 充分调动全社会积极性',
      '2023 年工作回顾',
      '三、2023年经济社会发展的主要任务和措施',
      '（一）当前面临的发展形势',
      '(三)推进产业发展。',
      '2、2023年经济社会发展形势',
      '（1）加快发展',
    ].map((line) => matchStandaloneHeading(line)?.rank);
    expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 6, 7, 8]);
  });

  it('reads the heading number, Chinese or arabic', () => {
    expect(matchStandaloneHeading('第三十五章 健全规划实施机制')?.number).toBe(35);
    expect(matchStandaloneHeading('（十）安全生产形势总体平稳')?.number).toBe(10);
    expect(parseNumeral('一百零二')).toBe(102);
    expect(parseNumeral('１２')).toBe(12);
  });

  it('drops the final full stop from the title but keeps the half-width brackets as written', () => {
    expect(matchStandaloneHeading('(三)推进产业发展。')?.title).toBe('(三)推进产业发展');
  });

  it('refuses decimals, sentences, wrapped fragments and ordinary year sentences', () => {
    expect(matchStandaloneHeading('2.19 万套（户）')).toBeNull();
    expect(matchStandaloneHeading('2023 年是全面贯彻党的二十大精神的开局之年，也是本届政府全面履职的第一年。我们坚持以')).toBeNull();
    expect(matchStandaloneHeading('（一）疫情防控取得重要成果。严格落实习近平总书记关于疫情防控的重要指示精神')).toBeNull();
    expect(matchStandaloneHeading('（一）坚持聚人心促团结，')).toBeNull();
    expect(matchStandaloneHeading('（紧接第一版） 统筹发展和安全')).toBeNull();
    expect(matchStandaloneHeading('2025')).toBeNull();
  });
});

describe('a date is no heading', () => {
  it('leaves the date under a signature block out of the headings: the appendix after it is not its section', () => {
    for (const date of ['2025年1月15日', '2025年1月', '2024 年 12 月 31 日', '２０２５年１月１５日']) expect(matchStandaloneHeading(date)).toBeNull();
    expect(matchStandaloneHeading('2023年工作回顾')?.style).toBe('year');
    expect(matchStandaloneHeading('2025年10件惠民实事')?.style).toBe('year');
    const text = ['各位代表：', '二、2025年工作安排', '我们要奋勇争先，再创佳绩。', '某某市人民政府', '2025年1月15日'].join('\n');
    const passages = chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text });
    expect(passages.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual(['二、2025年工作安排']);
  });
});

describe('matchRunInHeading', () => {
  it('takes the title of a run-in heading up to its first full stop', () => {
    const h = matchRunInHeading('（一）疫情防控取得重要成果。严格落实习近平总书记关于疫情防控的重要指示精神，坚持以人民为中心。');
    expect(h).toMatchObject({ title: '（一）疫情防控取得重要成果', rank: 6, number: 1, runIn: true });
    expect(matchRunInHeading('(二)全力以赴稳预期促增长。坚持稳中求进、以进促稳。')?.title).toBe('(二)全力以赴稳预期促增长');
  });

  it('does not take a paragraph that merely starts with a bracket or a lead sentence', () => {
    expect(matchRunInHeading('（紧接第一版） 统筹发展和安全，积极应对困难挑战。预计')).toBeNull();
    expect(matchRunInHeading('推进民族团结进步事业。坚持以铸牢中华民族共同体意识为主线。')).toBeNull();
    expect(matchRunInHeading('（三）推进产业发展。')).toBeNull();
  });
});

describe('the headings of a report in English', () => {
  it('reads roman-numbered part headings (I., II., … XII.) at the rank of 一、, however long in letters', () => {
    expect(matchStandaloneHeading('II. Overall Requirements and Policy Priorities for 2024')).toMatchObject({ style: 'I.', rank: 5, number: 2 });
    expect(matchStandaloneHeading('XII. Strengthening Government Self-Improvement')?.number).toBe(12);
    expect(matchStandaloneHeading('I. e. the year')).toBeNull();
    expect(parseNumeral('IX')).toBe(9);
    const text = [
      'Fellow Deputies,',
      'On behalf of the State Council, I will now report to you on the work of the government.',
      'I. A Review of Our Work in 2023',
      'We pursued high-quality development and kept the economy stable.',
      'II. Overall Requirements and Policy Priorities for 2024',
      'This year, we will work hard to create a better life for our people.',
    ].join('\n');
    const passages = chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text });
    expect(passages.map((p) => [p.kind, p.paragraph, p.sectionPath.at(-1) ?? null])).toEqual([
      ['paragraph', 1, null],
      ['paragraph', 2, null],
      ['heading', null, 'I. A Review of Our Work in 2023'],
      ['paragraph', 3, 'I. A Review of Our Work in 2023'],
      ['heading', null, 'II. Overall Requirements and Policy Priorities for 2024'],
      ['paragraph', 4, 'II. Overall Requirements and Policy Priorities for 2024'],
    ]);
  });
});

describe('the headings of a report in traditional characters', () => {
  it('reads 第X節, 名詞解釋 and 附件 as a simplified report’s, each titled as written', () => {
    expect(matchStandaloneHeading('第一節 發展基礎')).toMatchObject({ style: '节', rank: 3, number: 1, title: '第一節 發展基礎' });
    expect(matchStandaloneHeading('名詞解釋')).toMatchObject({ style: 'appendix', title: '名詞解釋' });
    expect(matchRunInHeading('第二節 面臨形勢。當前外部環境複雜嚴峻。')).toMatchObject({ style: '节', title: '第二節 面臨形勢' });
  });

  it('nests the sections of a traditional plan as those of a simplified one, and numbers no heading', () => {
    const text = '第一篇 總體要求\n第一章 發展環境\n第一節 發展基礎\n全區經濟運行總體平穩，穩中有進。\n第二節 面臨形勢\n當前外部環境複雜嚴峻。\n附件\n名詞解釋\n兩重是指國家重大戰略實施。';
    const passages = chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text });
    expect(passages.map((p) => [p.kind, p.paragraph, p.sectionPath.join(' > ')])).toEqual([
      ['heading', null, '第一篇 總體要求'],
      ['heading', null, '第一篇 總體要求 > 第一章 發展環境'],
      ['heading', null, '第一篇 總體要求 > 第一章 發展環境 > 第一節 發展基礎'],
      ['paragraph', 1, '第一篇 總體要求 > 第一章 發展環境 > 第一節 發展基礎'],
      ['heading', null, '第一篇 總體要求 > 第一章 發展環境 > 第二節 面臨形勢'],
      ['paragraph', 2, '第一篇 總體要求 > 第一章 發展環境 > 第二節 面臨形勢'],
      ['heading', null, '附件'],
      ['heading', null, '附件 > 名詞解釋'],
      ['paragraph', 3, '附件 > 名詞解釋'],
    ]);
  });
});

describe('a glossary entry is a paragraph', () => {
  it('reads a term, a colon and its definition ending a sentence as a paragraph run in under the term', () => {
    // 2025 Yunnan and Sichuan reports (.docx): 名词解释 entries, each a line, were headings a reader could not cite.
    const entry = '1.“两重”：国家重大战略实施和重点领域安全能力建设。';
    expect(matchStandaloneHeading(entry)).toBeNull();
    expect(matchRunInHeading(entry)).toMatchObject({ style: '1.', title: '1.“两重”', runIn: true });
    expect(matchStandaloneHeading('10．零碳园区：碳排放和吸收趋于平衡的园区。')).toBeNull();
    // A heading that ends with its colon, or whose colon ends no sentence, is still one.
    expect(matchStandaloneHeading('一、主要任务：')?.title).toBe('一、主要任务');
    expect(matchStandaloneHeading('（二）目标：建设美丽乡村')?.rank).toBe(6);
    const text = '各位代表：\n请审议。\n附件\n名词解释\n1.“两重”：国家重大战略实施和重点领域安全能力建设。\n2.“两新”：大规模设备更新和消费品以旧换新。';
    const passages = chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text });
    expect(passages.slice(-2).map((p) => [p.kind, p.paragraph, p.sectionPath.join(' > ')])).toEqual([
      ['paragraph', 3, '附件 > 名词解释 > 1.“两重”'],
      ['paragraph', 4, '附件 > 名词解释 > 2.“两新”'],
    ]);
  });
});
