import { describe, expect, it } from 'vitest';
import { dictionaryVouch, lazyDictionaryVouch } from '../../src/crosslang/lexicon-vouch.js';
import { DICTIONARY_VERSION } from '../../src/crosslang/dictionary.js';
import { testCrossLang } from './helpers.js';

/** A dictionary of a few words, as `lookup` answers: a run of words → its Chinese candidates. */
const SENSES: Record<string, string[]> = {
  marine: ['海产', '海军陆战队'],
  latest: ['最新', '新式'],
  million: ['百万'],
  basic: ['基本', '基础'],
  research: ['研究'],
  'law enforcement': ['执法'],
  more: ['更加', '更是'],
};
const fake = { lookup: (words: string[]): string[] => SENSES[words.join(' ')] ?? [] };

describe('the dictionary vouching for a pair seen once', () => {
  const vouch = dictionaryVouch(fake);

  it('names the dictionary it reads, for the lexicon header', () => {
    expect(vouch.by).toBe(DICTIONARY_VERSION);
  });

  it('vouches where a sense of the English shares a character with the Chinese', () => {
    expect(vouch.vouches(['marine'], '海洋经济')).toBe(true);
    expect(vouch.vouches(['law', 'enforcement'], '行政执法')).toBe(true);
  });

  it('refuses where the dictionary knows the English and none of its senses agrees', () => {
    expect(vouch.vouches(['latest'], '建筑')).toBe(false);
    expect(vouch.vouches(['law', 'enforcement'], '涉企')).toBe(false);
  });

  it('takes no function character for agreement (是 of 更是 for `more`)', () => {
    expect(vouch.vouches(['more'], '稳是')).toBe(false);
    expect(vouch.vouches(['more'], '加大')).toBe(true);
  });

  it('vouches where the dictionary knows nothing of the English: a new term is what a lexicon learns', () => {
    expect(vouch.vouches(['unswervingly'], '毫不动摇')).toBe(true);
    expect(vouch.vouches(['beidou', 'system'], '北斗系统')).toBe(true);
  });

  it('lets the words of a phrase it does not know speak: one must agree, unless it knows none of them', () => {
    expect(vouch.vouches(['basic', 'research'], '基础研究')).toBe(true);
    expect(vouch.vouches(['33', 'million'], '脱贫人口务工')).toBe(false);
    expect(vouch.vouches(['basic', 'latest'], '高度')).toBe(false);
  });

  it('agrees with CC-CEDICT on real words: `deficit` ↔ 赤字 yes, `africa` ↔ 和平共处 no', () => {
    const real = dictionaryVouch(testCrossLang().dictionary());
    expect(real.vouches(['deficit'], '赤字')).toBe(true);
    expect(real.vouches(['africa'], '和平共处五项原则发表')).toBe(false);
    expect(real.vouches(['latest'], '建筑')).toBe(false);
  });
});

describe('the dictionary vouching when it is first asked', () => {
  it('opens the dictionary at the first pair it judges, once, and judges as the dictionary does', () => {
    let opened = 0;
    const vouch = lazyDictionaryVouch(() => {
      opened++;
      return fake;
    });
    expect(vouch.by).toBe(DICTIONARY_VERSION);
    expect(opened).toBe(0);
    expect(vouch.vouches(['marine'], '海洋经济')).toBe(true);
    expect(vouch.vouches(['latest'], '建筑')).toBe(false);
    expect(opened).toBe(1);
  });
});
