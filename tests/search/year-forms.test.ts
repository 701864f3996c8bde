import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yearsWrittenOtherwise } from '../../src/search/year-forms.js';

const NUMERALS = '〇一二三四五六七八九';
/** A year 1000–2999 in digits and in numerals. */
const year = fc.integer({ min: 1000, max: 2999 }).map((n) => ({ digits: String(n), numerals: [...String(n)].map((d) => NUMERALS[Number(d)]).join('') }));
/** Chinese around a year that writes no digit and no numeral. */
const words = fc.constantFrom('', '远景目标', '以来', '政府工作报告', ' 的计划', '”');

describe('yearsWrittenOtherwise', () => {
  it('writes a year in digits in numerals, and a year in numerals in digits, before 年', () => {
    expect(yearsWrittenOtherwise('2035年远景目标')).toEqual({ query: '二〇三五年远景目标', reason: 'year-in-numerals' });
    expect(yearsWrittenOtherwise('"一九五八年"')).toEqual({ query: '"1958年"', reason: 'year-in-digits' });
    expect(yearsWrittenOtherwise('２０２４年')).toEqual({ query: '二〇二四年', reason: 'year-in-numerals' });
    expect(yearsWrittenOtherwise('1958 年')).toEqual({ query: '一九五八 年', reason: 'year-in-numerals' });
  });

  it('reads every zero a year is typed with as 0: 〇, 零, ○ and ◯', () => {
    for (const zero of ['〇', '零', '○', '◯']) expect(yearsWrittenOtherwise(`一九八${zero}年`)?.query).toBe('1980年');
  });

  it('rewrites every year in digits, and keeps operators, quotes and filters as typed', () => {
    expect(yearsWrittenOtherwise('"2024年" OR 2025年 -旅游 year:2025')).toEqual({ query: '"二〇二四年" OR 二〇二五年 -旅游 year:2025', reason: 'year-in-numerals' });
  });

  it('leaves alone what is no year: a filter, a longer number, a decimal, numerals inside a longer numeral, no 年', () => {
    for (const query of ['year:2024 旅游', '12035年', '2024.5年', '十一九八〇年', '两一九八〇年', '2035', '二〇三五', '乡村振兴', '5000年', '三九八〇年']) {
      expect(yearsWrittenOtherwise(query)).toBeNull();
    }
  });

  it('round-trips: a query whose years are in digits comes back from numerals as typed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(words, year), { minLength: 1, maxLength: 3 }), words, (parts, tail) => {
        const typed = parts.map(([before, y]) => `${before}${y.digits}年`).join(' ') + tail;
        const inNumerals = parts.map(([before, y]) => `${before}${y.numerals}年`).join(' ') + tail;
        expect(yearsWrittenOtherwise(typed)).toEqual({ query: inNumerals, reason: 'year-in-numerals' });
        expect(yearsWrittenOtherwise(inNumerals)).toEqual({ query: typed, reason: 'year-in-digits' });
      }),
      { numRuns: 300 },
    );
  });
});
