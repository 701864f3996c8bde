/**
 * A quantity's unit (万人, 千万, 万亿元) is learned only for English that names a quantity: beside a word in the
 * sentences (`urban unemployment … 12.56 million people` / `城镇…失业…万人`), it does not translate it. The
 * real corpus's own lexicon had learned `unemployment` → 万人 and `benefiting` → 千万 this way.
 */
import { describe, expect, it } from 'vitest';
import { learnLexicon, quantityAgrees } from '../../src/crosslang/learn.js';

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
