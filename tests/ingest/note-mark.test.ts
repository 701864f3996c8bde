import { describe, expect, it } from 'vitest';
import { noteMark } from '../../src/ingest/note-mark.js';

describe('noteMark', () => {
  it('reads the marks notes open with: as printed for Chinese, as a number (or the sign) for English', () => {
    const cases: Array<[string, [string, string] | null]> = [
      ['①地区生产总值增速按可比价格计算。', ['①', '1']],
      ['⑳第二十条注释', ['⑳', '20']],
      ['⑵括号数字', ['⑵', '2']],
      ['❸负圈数字', ['❸', '3']],
      ['[12] 三保：保基本民生。', ['[12]', '12']],
      ['〔3〕注释', ['〔3〕', '3']],
      ['（4）注释', ['（4）', '4']],
      ['¹²上标', ['¹²', '12']],
      ['※说明', ['※', '*']],
      ['*数据为初步核算数。', ['*', '*']],
      ['注：数据为初步核算数。', ['', '']],
      ['注2：第二条', ['2', '2']],
      ['  ①前有空格', ['①', '1']],
    ];
    for (const [text, expected] of cases) expect([text, noteMark(text)]).toEqual([text, expected && { zh: expected[0], en: expected[1] }]);
  });

  it('gives null for a text that opens with no mark', () => {
    for (const text of ['正文的段落。', '2025年', '一、总体要求', '']) expect(noteMark(text)).toBeNull();
  });
});
