import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/index.js';
import { seedDoc } from './seeds.js';

/** A text of one block a line, chunked: each passage as [kind, section path joined by ' › ', first 12 characters]. */
function sections(text: string): Array<[string, string, string]> {
  return chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text }).map((p) => [p.kind, p.sectionPath.join(' › '), Array.from(p.text).slice(0, 12).join('')]);
}

const OPENING = [
  '政府工作报告',
  'Report on the Work of the Government',
  '各位代表：',
  'Fellow Deputies,',
  '现在，我代表市人民政府，向大会报告工作，请予审议。',
  "On behalf of the Municipal People's Government, I will now report to you on the work of the government.",
];

describe('headings that stand in two languages', () => {
  it('makes one section of a heading and the same-numbered heading in the other script after it, named in Chinese', () => {
    const text = [
      ...OPENING,
      '一、2023年工作回顾',
      'I. A Review of Our Work in 2023',
      '过去一年，全市经济运行总体平稳，发展质量稳步提升。',
      "Over the past year, the city's economy remained generally stable.",
      '（一）经济运行稳中有进。',
      '(1) The economy made steady progress.',
      '地区生产总值增长5.2%。',
      'GDP grew by 5.2 percent.',
      '二、2024年工作安排',
      'II. Our Work for 2024',
      '今年是实现“十四五”规划目标任务的关键一年。',
      'This year is crucial for attaining the goals of the 14th Five-Year Plan.',
    ].join('\n');
    const one = '一、2023年工作回顾';
    const first = `${one} › （一）经济运行稳中有进`;
    expect(sections(text).slice(5)).toEqual([
      ['heading', one, '一、2023年工作回顾'],
      ['heading', one, 'I. A Review '],
      ['paragraph', one, '过去一年，全市经济运行总'],
      ['paragraph', one, 'Over the pas'],
      ['heading', first, '（一）经济运行稳中有进。'],
      ['heading', first, '(1) The econ'],
      ['paragraph', first, '地区生产总值增长5.2%'],
      ['paragraph', first, 'GDP grew by '],
      ['heading', '二、2024年工作安排', '二、2024年工作安排'],
      ['heading', '二、2024年工作安排', 'II. Our Work'],
      ['paragraph', '二、2024年工作安排', '今年是实现“十四五”规划'],
      ['paragraph', '二、2024年工作安排', 'This year is'],
    ]);
  });

  it('names the section in Chinese when the English heading comes first', () => {
    const text = [...OPENING, 'I. A Review of Our Work in 2023', '一、2023年工作回顾', '过去一年，全市经济运行总体平稳。'].join('\n');
    expect(sections(text).slice(5).map(([kind, path]) => [kind, path])).toEqual([
      ['heading', '一、2023年工作回顾'],
      ['heading', '一、2023年工作回顾'],
      ['paragraph', '一、2023年工作回顾'],
    ]);
  });

  it('pairs no headings of one script, of other numbers, or a heading and its first child', () => {
    const texts = [
      ['一、2023年工作回顾', 'II. Our Work for 2024'],
      ['I. A Review of Our Work in 2023', 'II. Our Work for 2024'],
      ['一、2023年工作回顾', '（一）经济运行稳中有进'],
      ['一、2023年工作回顾', '1. The economy'],
    ];
    for (const [a, b] of texts) {
      const got = sections([...OPENING, a, b, '过去一年，全市经济运行总体平稳。'].join('\n')).slice(5);
      expect(got[1][1]).not.toBe(got[0][1]);
      expect(got[2][1]).toBe(got[1][1]);
    }
  });
});
