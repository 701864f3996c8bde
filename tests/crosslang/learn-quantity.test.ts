/**
 * A quantity's unit (万人, 千万, 万亿元) is learned only for English that names a quantity: beside a word in the
 * sentences (`urban unemployment … 12.56 million people` / `城镇…失业…万人`), it does not translate it. The
 * real corpus's own lexicon had learned `unemployment` → 万人 and `benefiting` → 千万 this way.
 */
import { describe, expect, it } from 'vitest';
import { figuresAgree, learnLexicon, quantityAgrees } from '../../src/crosslang/learn.js';

describe('quantityAgrees', () => {
  it('refuses a unit for a word that names no quantity, and keeps it for figures, magnitudes and units', () => {
    expect(quantityAgrees(['unemployment'], ['万人'])).toBe(false);
    expect(quantityAgrees(['benefiting'], ['千万'])).toBe(false);
    expect(quantityAgrees(['trillion', 'yuan'], ['万亿元'])).toBe(true);
    expect(quantityAgrees(['1.3', 'trillion'], ['1.3', '万亿元'])).toBe(true);
    expect(quantityAgrees(['percentage', 'point'], ['个百分点'])).toBe(true);
    // Words that are not units pass, whatever the English.
    expect(quantityAgrees(['unemployment'], ['失业'])).toBe(true);
    expect(quantityAgrees(['people'], ['人民'])).toBe(true);
  });
});

describe('figuresAgree', () => {
  it('refuses a translation that does not write the quantity the English names', () => {
    // Pairs the shipped and the real corpus's lexicons had learned.
    expect(figuresAgree(['29.7', 'trillion'], ['1.6', '万亿元'])).toBe(false);
    expect(figuresAgree(['31st'], ['十国', '集团'])).toBe(false);
    expect(figuresAgree(['total', '11.86'], ['合计'])).toBe(false);
    expect(figuresAgree(['75th', 'anniversary'], ['中华人民共和国', '成立'])).toBe(false);
  });

  it('finds the quantity at any magnitude, in figures or numerals, and leaves a name\'s figure alone', () => {
    expect(figuresAgree(['370', 'million'], ['3.7', '亿', '千瓦'])).toBe(true);
    expect(figuresAgree(['11', 'million'], ['惠及', '1100', '多万'])).toBe(true);
    expect(figuresAgree(['300', 'billion'], ['3000', '亿元'])).toBe(true);
    expect(figuresAgree(['1.3', 'trillion', 'yuan'], ['1.3', '万亿元'])).toBe(true);
    expect(figuresAgree(['14th'], ['十四五'])).toBe(true);
    expect(figuresAgree(['covid', '19'], ['新冠'])).toBe(true);
    expect(figuresAgree(['world', 'game', '2025'], ['世界', '运动会'])).toBe(true);
  });
});

describe('learning beside figures', () => {
  it('learns unemployment as 失业, and the 万人 its sentences count in for no words (it was found job → 万人)', () => {
    const figures = ['1256', '1244', '1200', '1100', '1300', '1150'];
    const pairs = figures.map((n, i) => ({
      en: `Urban unemployment was kept under control, and ${n} ten-thousand people found jobs in year ${i + 1}.`,
      zh: `城镇失业得到控制，第${i + 1}年${n}万人实现就业。`,
    }));
    const learned = learnLexicon(pairs);
    expect(learned.filter((e) => e.en === 'unemployment').map((e) => e.zh)).toContain('失业');
    expect(learned.filter((e) => e.zh === '万人').map((e) => e.en)).toEqual([]);
  });
});
