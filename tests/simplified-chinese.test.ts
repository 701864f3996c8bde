import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldToSimplified, toSimplifiedChar } from '../src/simplified-chinese.js';
import { NATIONAL, PROVINCES } from '../src/ingest/regions.js';

describe('foldToSimplified', () => {
  it('writes the traditional characters of metadata in simplified ones', () => {
    expect(foldToSimplified('政府工作報告')).toBe('政府工作报告');
    expect(foldToSimplified('國民經濟和社會發展第十四個五年規劃和二〇三五年遠景目標綱要')).toBe('国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要');
    expect(foldToSimplified('報告人：自治區主席　嚴金海')).toBe('报告人：自治区主席　严金海');
    expect(foldToSimplified('呼倫貝爾市海拉爾區、縣、市')).toBe('呼伦贝尔市海拉尔区、县、市');
  });

  it('leaves simplified text, digits, punctuation, spaces and other scripts as they are (the same string)', () => {
    const text = '——2024 年 1 月 7日在西藏自治区第十二届人民代表大会第二次会议上\n（一）「Ａ」 བོད་';
    expect(foldToSimplified(text)).toBe(text);
  });

  it('agrees with the character map the analyzer folds terms with', () => {
    for (const char of '鄉村振興會議屆區縣長報綱規劃') expect(foldToSimplified(char)).toBe(toSimplifiedChar(char));
  });

  it('keeps the length of any text, so an offset into the fold is one into the text, and folds once for all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: fc.constantFrom(...'國會議區縣長報告鄉村振興𠀋a 　\n'), maxLength: 40 }), (a, b) => {
        const text = a + b;
        const folded = foldToSimplified(text);
        return folded.length === text.length && foldToSimplified(folded) === folded;
      }),
      { numRuns: 300 },
    );
  });

  it('leaves alone every name the metadata patterns look for, so a pattern in simplified meets its own words', () => {
    const words = [
      ...'政府工作报告 纲要 公报 决议 五年规划 计划 执行情况 草案 人民代表大会 常务委员会 第届次会议 我代表 人民政府 向大会'.split(' '),
      ...'主席 省长 市长 区长 县长 州长 旗长 盟长 总理 主任 代理 同志 各位代表'.split(' '),
      ...'特别行政区 自治区 自治州 自治县 自治旗 新区 地区 省 市 区 县 旗 盟 州 镇 乡'.split(' '),
    ];
    const names = [...PROVINCES, NATIONAL].flatMap((r) => r.zh).concat(words);
    for (const name of names) expect(foldToSimplified(name), name).toBe(name);
  });
});
