import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numbersWrittenOtherwise } from '../../src/search/number-forms.js';

const N = '〇一二三四五六七八九';
/** The oracle: a whole number 0–999 as reports write it, spelled out case by case. */
function spelled(n: number): string {
  const [h, t, o] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  if (n === 0) return '零';
  if (n < 10) return N[o] as string;
  if (n < 20) return `十${o ? N[o] : ''}`;
  if (n < 100) return `${N[t]}十${o ? N[o] : ''}`;
  if (t === 0) return `${N[h]}百${o ? `零${N[o]}` : ''}`;
  return `${N[h]}百${N[t]}十${o ? N[o] : ''}`;
}

const year = fc.integer({ min: 1000, max: 2999 }).map((n) => ({ digits: String(n), numerals: [...String(n)].map((d) => N[Number(d)]).join('') }));
const month = fc.integer({ min: 1, max: 12 });
const day = fc.integer({ min: 1, max: 31 });
const percent = fc.tuple(fc.integer({ min: 0, max: 999 }), fc.option(fc.stringMatching(/^[0-9]{1,3}$/), { nil: undefined }));
/** Chinese around a number that writes no digit and no numeral. */
const words = fc.constantFrom('', '远景目标', '以来', '政府工作报告', ' 的计划', '”', '增长');

const rewritten = (query: string) => numbersWrittenOtherwise(query)?.query;

describe('numbersWrittenOtherwise', () => {
  it('writes a year in digits in numerals, and a year in numerals in digits, before 年', () => {
    expect(numbersWrittenOtherwise('2035年远景目标')).toEqual({ query: '二〇三五年远景目标', reason: 'in-chinese-numerals' });
    expect(numbersWrittenOtherwise('"一九五八年"')).toEqual({ query: '"1958年"', reason: 'in-digits' });
    expect(rewritten('２０２４年')).toBe('二〇二四年');
    expect(rewritten('1958 年')).toBe('一九五八 年');
  });

  it('reads every zero a year is typed with as 0: 〇, 零, ○ and ◯', () => {
    for (const zero of ['〇', '零', '○', '◯']) expect(rewritten(`一九八${zero}年`)).toBe('1980年');
  });

  it('writes a whole date, its month and day as reports spell them', () => {
    expect(rewritten('1958年3月5日')).toBe('一九五八年三月五日');
    expect(rewritten('一九五八年三月五日')).toBe('1958年3月5日');
    expect(rewritten('12月31日')).toBe('十二月三十一日');
    expect(rewritten('二〇二四年十月二十日')).toBe('2024年10月20日');
  });

  it('writes a percentage with 百分之 and 点, zeros as 零', () => {
    expect(rewritten('增长10%')).toBe('增长百分之十');
    expect(rewritten('增长百分之十')).toBe('增长10%');
    expect(rewritten('12.5%')).toBe('百分之十二点五');
    expect(rewritten('百分之零点零五')).toBe('0.05%');
    expect(rewritten('105%')).toBe('百分之一百零五');
    expect(rewritten('百分之五十以上')).toBe('50%以上');
    expect(rewritten('增長百分之五點二')).toBe('增長5.2%');
  });

  it('rewrites every number in digits, and keeps operators, quotes and filters as typed', () => {
    expect(rewritten('"2024年" OR 2025年 -旅游 year:2025')).toBe('"二〇二四年" OR 二〇二五年 -旅游 year:2025');
  });

  it('leaves alone what is no date or percentage', () => {
    for (const query of [
      'year:2024 旅游', '12035年', '2024.5年', '十一九八〇年', '两一九八〇年', '2035', '二〇三五', '乡村振兴', '5000年', '三九八〇年',
      '一日三餐', '13月', '32日', '第三月', '1000%', '百分之一百五', '百分之一千',
    ]) {
      expect(numbersWrittenOtherwise(query), query).toBeNull();
    }
  });

  it('round-trips dates: a query whose dates are in digits comes back from numerals as typed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(words, year, month, day), { minLength: 1, maxLength: 3 }), words, (parts, tail) => {
        const typed = parts.map(([before, y, m, d]) => `${before}${y.digits}年${m}月${d}日`).join(' ') + tail;
        const inNumerals = parts.map(([before, y, m, d]) => `${before}${y.numerals}年${spelled(m)}月${spelled(d)}日`).join(' ') + tail;
        expect(numbersWrittenOtherwise(typed)).toEqual({ query: inNumerals, reason: 'in-chinese-numerals' });
        expect(numbersWrittenOtherwise(inNumerals)).toEqual({ query: typed, reason: 'in-digits' });
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips percentages up to 999 with their decimals, against the spelled-out oracle', () => {
    fc.assert(
      fc.property(percent, words, ([whole, fraction], before) => {
        const typed = `${before}${whole}${fraction === undefined ? '' : `.${fraction}`}%`;
        const decimals = fraction === undefined ? '' : `点${[...fraction].map((c) => (c === '0' ? '零' : N[Number(c)])).join('')}`;
        const inNumerals = `${before}百分之${spelled(whole)}${decimals}`;
        expect(rewritten(typed)).toBe(inNumerals);
        expect(rewritten(inNumerals)).toBe(typed);
      }),
      { numRuns: 500 },
    );
  });
});
