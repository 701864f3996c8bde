import { describe, expect, it } from 'vitest';
import { endsSentence, joinSeparator, sentenceEnds, startsMidSentence } from '../../src/chunk/punctuation.js';

describe('endsSentence', () => {
  it('says a line cut inside a word or a bracket pair does not end a sentence', () => {
    expect(endsSentence('现在，我代表自治区人民政府，向大会报告政府工作，请予审议，并请各位政协委员和列席的同')).toBe(false);
    expect(endsSentence('实施保障性安居工程 2.19 万套')).toBe(false);
    expect(endsSentence('（户）')).toBe(false);
    expect(endsSentence('联合发布《新时代党的治藏方略的实践及其历史性成就》')).toBe(false);
  });

  it('says a line ending in 。！？；： (possibly inside closing quotes) ends one', () => {
    expect(endsSentence('志提出意见。')).toBe(true);
    expect(endsSentence('各位代表：')).toBe(true);
    expect(endsSentence('各位代表!')).toBe(true);
    expect(endsSentence('实现了“零死亡”和以最小代价战胜疫情的目标。”')).toBe(true);
    expect(endsSentence('各位代表!\ue004')).toBe(true);
  });
});

describe('joinSeparator', () => {
  it('puts nothing between CJK on either side and a space only where Latin words meet', () => {
    expect(joinSeparator('民族团结进', '步示范')).toBe('');
    expect(joinSeparator('粮食、蔬菜、肉蛋奶产量分别达 108 万吨、95', '万吨、93 万吨。')).toBe('');
    expect(joinSeparator('on behalf of the', 'State Council')).toBe(' ');
    expect(joinSeparator('the economy,', 'growth')).toBe(' ');
    expect(joinSeparator('in', '2023')).toBe(' ');
  });

  it('rejoins a number or word the wrap cut without a stray space', () => {
    expect(joinSeparator('城镇新增就业3', '000万人')).toBe('');
    expect(joinSeparator('增长5', '%')).toBe('');
    expect(joinSeparator('增长6.', '1%')).toBe('');
    expect(joinSeparator('从13', '.5年提高到14年')).toBe('');
    expect(joinSeparator('细颗粒物（P', 'M2.5）平均浓度')).toBe('');
    expect(joinSeparator('eco-', 'tourism')).toBe('');
  });
});

describe('sentenceEnds', () => {
  it('finds the ends of sentences and keeps a closing quote with its sentence', () => {
    const text = '推进民族团结进步事业。实施“文化惠民工程。”促进交往交流交融。';
    expect(sentenceEnds(text)).toEqual([11, 22]);
  });

  it('skips ends inside brackets when asked for top-level ends only', () => {
    const text = '甲（乙。丙）丁。戊。';
    expect(sentenceEnds(text, { topLevelOnly: true })).toEqual([8]);
    expect(sentenceEnds(text)).toEqual([4, 8]);
  });
});

describe('startsMidSentence', () => {
  it('recognises a line that opens with a comma or a closing bracket', () => {
    expect(startsMidSentence('、法规，国家机关的决议')).toBe(true);
    expect(startsMidSentence('）生效实施')).toBe(true);
    expect(startsMidSentence('（RCEP）生效实施')).toBe(false);
  });
});
