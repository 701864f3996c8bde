import { describe, expect, it } from 'vitest';
import { isTitleFragment, titleBlock } from '../../src/ingest/title-block.js';
import { linesOf, written } from '../../src/ingest/written-text.js';

const readsAsTitle = (key: string): boolean => /(报告|纲要|决议)$/u.test(key);

describe('a title set over several lines', () => {
  it('takes short lines of characters, a year or a bracket as pieces of a title', () => {
    for (const piece of ['西藏自治区', '第十四个五年规划和', '关于西藏自治区2022年国民经济和社会发展计划执行情况与', '（摘要）', '的决议']) expect(isTitleFragment(piece), piece).toBe(true);
  });

  it('takes no sentence, date, source, masthead, issue, heading or speaker as a piece of a title', () => {
    for (const piece of ['各位代表：', '2024年1月15日', '来源西藏日报', '西藏日报', '人民网', '2025年第1期', '（总第683号）', '一、总体要求', '（一）', '第一章', '自治区主席齐扎拉', 'Report', '西']) {
      expect(isTitleFragment(piece), piece).toBe(false);
    }
  });

  it('widens the matched line over the pieces above and below it, in the script the text is written in', () => {
    const lines = linesOf(written('西藏自治區\n2020年政府工作報告'));
    expect(titleBlock(lines, 1, lines[1], readsAsTitle).text).toBe('西藏自治區2020年政府工作報告');
    const resolution = linesOf(written('关于政府工作报告\n的决议'));
    expect(titleBlock(resolution, 0, resolution[0], readsAsTitle).text).toBe('关于政府工作报告的决议');
    expect(titleBlock(resolution, 0, resolution[0], readsAsTitle, false).text).toBe('关于政府工作报告');
  });
});
