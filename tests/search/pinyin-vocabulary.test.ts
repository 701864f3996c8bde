import { beforeAll, describe, expect, it } from 'vitest';
import { inputKeyOf, namesByPinyin, pinyinKeyOf, pinyinVocabulary, wordsFromPinyin, type PinyinVocabulary } from '../../src/search/pinyin-vocabulary.js';
import { bundledVocabulary } from './bundled-vocabulary.js';

let vocabulary: PinyinVocabulary;

beforeAll(async () => {
  vocabulary = pinyinVocabulary((await bundledVocabulary()).chinese);
});

describe('pinyin keys', () => {
  it('reads a word by its context (a polyphone) and writes ü as v', () => {
    expect(pinyinKeyOf('乡村振兴')).toBe('xiangcunzhenxing');
    expect(pinyinKeyOf('重庆')).toBe('chongqing');
    expect(pinyinKeyOf('银行')).toBe('yinhang');
    expect(pinyinKeyOf('绿色')).toBe('lvse');
  });

  it('takes typed pinyin with spaces, tone numbers, apostrophes and capitals', () => {
    expect(inputKeyOf('xiangcun zhenxing')).toBe('xiangcunzhenxing');
    expect(inputKeyOf('xiang1cun1 zhen4xing1')).toBe('xiangcunzhenxing');
    expect(inputKeyOf("Xiong'an")).toBe('xiongan');
    expect(inputKeyOf('lü')).toBe('lv');
  });

  it('refuses what is not pinyin as typed: Han characters, numbers, a tone number with no syllable', () => {
    expect(inputKeyOf('乡村')).toBe('');
    expect(inputKeyOf('5G')).toBe('');
    expect(inputKeyOf('2024')).toBe('');
    expect(inputKeyOf('a 1')).toBe('');
  });
});

describe('pinyin input over the bundled corpus', () => {
  it('writes xiangcun zhenxing as 乡村振兴, with or without spaces and tones', () => {
    for (const typed of ['xiangcun zhenxing', 'xiangcunzhenxing', 'xiang1cun1 zhen4xing1', 'XiangCun ZhenXing']) {
      expect(wordsFromPinyin(vocabulary, typed)).toEqual(['乡村振兴']);
    }
  });

  it('breaks a run that no single word spells into the fewest corpus words', () => {
    const words = wordsFromPinyin(vocabulary, 'gaozhiliangfazhan');
    expect(words?.join('')).toBe('高质量发展');
  });

  it('gives nothing for letters no corpus words spell', () => {
    expect(wordsFromPinyin(vocabulary, 'qqqq')).toBeNull();
    expect(wordsFromPinyin(vocabulary, '')).toBeNull();
  });

  it('every word it writes is a corpus word whose key is part of the input', () => {
    for (const typed of ['lasa', 'xizang', 'shengtai', 'gaozhiliangfazhan', 'renminzhengfu']) {
      const words = wordsFromPinyin(vocabulary, typed) ?? [];
      expect(words.map(pinyinKeyOf).join('')).toBe(typed);
    }
  });
});

describe('namesByPinyin', () => {
  it('finds the Chinese of romanized place names in the corpus, most frequent first', () => {
    expect(namesByPinyin(vocabulary, 'Dingri')).toContain('定日');
    expect(namesByPinyin(vocabulary, 'Rikaze')[0]).toBe('日喀则');
    expect(namesByPinyin(vocabulary, 'Linzhi')[0]).toBe('林芝');
    expect(namesByPinyin(vocabulary, 'Xizang')[0]).toBe('西藏');
  });

  it('lists several words of one reading by frequency, and none for an English name or a number', () => {
    const all = namesByPinyin(vocabulary, 'Xizang');
    expect(all).toEqual([...new Set(all)]);
    expect(namesByPinyin(vocabulary, 'Shigatse')).toEqual([]);
    expect(namesByPinyin(vocabulary, '318')).toEqual([]);
  });
});
