/**
 * Dates and percentages written the other way: in Arabic digits (`2035年`, `1958年3月`, `10%`) or in Chinese
 * numerals (`二〇三五年`, `一九五八年三月`, `百分之十`). Reports write both: the national reports of the 1950s to the
 * 1980s the numerals nearly always (the reports under `../shared/corpora` write `一九五八年` 306 times, `1958年`
 * twice; `百分之` 1,203 times), today's mostly digits, a formal title or date line the numerals still
 * (`二〇三五年远景目标`). Exact matching keeps the two apart, as a phrase must be found as written; the answer
 * offers the query with its numbers written the other way (`alsoWritten`), so that a reader who typed one form
 * learns what the other finds. Pure.
 *
 * What is a date or a percentage here:
 * - a year: four digits beginning with 1 or 2, or four numerals beginning with 一 or 二, before 年 (`1500年历史` is
 *   rewritten too: its other form is offered only if it finds something). Zero is written 〇 (the match key reads
 *   ○ and ◯ as 〇; 零 in a year is rare: 3 of the 1,762 years in numerals under `../shared/corpora`);
 * - a month: 1 to 12 before 月, after a year or not after another number (`3月`, `三月`, `十二月`);
 * - a day: 1 to 31 before 日, right after a month (`5日`, `五日`, `三十一日`), so that `一日三餐` is no date;
 * - a percentage: a number up to 999 with its decimals before `%` (`12.5%`), or after 百分之 (`百分之十二点五`).
 *
 * Spaces between a number and its 年, 月, 日 or % are kept as typed.
 */

import { NUMERALS, parseNumeral, writeNumeral } from '../chinese-numerals.js';

/** Which way the proposal writes the query's numbers. */
export type NumberForm = 'in-chinese-numerals' | 'in-digits';

/** A query with its dates and percentages written the other way. */
interface NumbersRewritten {
  query: string;
  reason: NumberForm;
}

/** The numerals a number may be written with; 零, ○ and ◯ for zero as well. */
const NUMERAL = '〇零○◯一二三四五六七八九';
const DIGIT = '0-9０-９';
/** What a number in numerals may hold besides its digits: the ten and the hundred. */
const NUMERAL_WORD = `${NUMERAL}十百`;

const DIGIT_YEAR = new RegExp(`(?<![${DIGIT}.．])([12１２][${DIGIT}]{3})(?=\\s*年)`, 'gu');
const DIGIT_MONTH = new RegExp(`(?<=年\\s*|^|[^${DIGIT}.．])([${DIGIT}]{1,2})(?=\\s*月)`, 'gu');
const DIGIT_DAY = new RegExp(`(?<=月\\s*)([${DIGIT}]{1,2})(?=\\s*日)`, 'gu');
const DIGIT_PERCENT = new RegExp(`(?<![${DIGIT}.．])([${DIGIT}]{1,3}(?:[.．][${DIGIT}]+)?)\\s*[%％]`, 'gu');

const NUMERAL_YEAR = new RegExp(`(?<![${NUMERAL_WORD}千万亿两])([一二][${NUMERAL}]{3})(?=\\s*年)`, 'gu');
const NUMERAL_MONTH = new RegExp(`(?<=年\\s*|^|[^${NUMERAL_WORD}千万亿两第])([${NUMERAL_WORD}]{1,3})(?=\\s*月)`, 'gu');
const NUMERAL_DAY = new RegExp(`(?<=月\\s*)([${NUMERAL_WORD}]{1,3})(?=\\s*日)`, 'gu');
/** The decimal point in numerals, simplified or traditional. */
const POINT = '点點';
const NUMERAL_PERCENT = new RegExp(`百分之([${NUMERAL_WORD}]+(?:[${POINT}][${NUMERAL}]+)?)(?![${NUMERAL_WORD}${POINT}千万亿萬億])`, 'gu');

/** What a date or a percentage cannot be written without. */
const MAY_WRITE_ONE = /[年月日%％]|百分之/u;

/** A digit, ASCII or full-width, as its value. */
const digitValue = (char: string): number => {
  const code = char.charCodeAt(0);
  return code >= 0xff10 ? code - 0xff10 : code - 0x30;
};

/** A numeral as its value (every zero 0), or -1 for 十, 百 or anything else. */
const numeralValue = (char: string): number => ('零○◯'.includes(char) ? 0 : NUMERALS.indexOf(char));

/** Digits (ASCII or full-width) as a number. */
const digitsValue = (digits: string): number => [...digits].reduce((n, c) => n * 10 + digitValue(c), 0);

/**
 * A number up to 999 written with 十 and 百 as reports write it (`writeNumeral`'s forms, with 〇 for 零 too): a
 * hundred with its ones after it has 零 between them, since 一百五 says 150, which `parseNumeral` reads as 105.
 */
const WELL_FORMED = /^(?:[一二三四五六七八九]百(?:[零〇][一二三四五六七八九]|[一二三四五六七八九]十[一二三四五六七八九]?)?|[一二三四五六七八九]?十[一二三四五六七八九]?)$/u;

/**
 * A whole number written in numerals (with 十 and 百, well formed, or digit by digit), or null.
 * @example valueOfNumerals('二十五') // 25; valueOfNumerals('一百零五') // 105; valueOfNumerals('一九五八') // 1958
 */
function valueOfNumerals(text: string): number | null {
  if (!text.includes('十') && !text.includes('百')) {
    // Digit by digit (一九五八), a single digit included.
    const values = [...text].map(numeralValue);
    return values.every((v) => v >= 0) ? values.reduce((n, v) => n * 10 + v, 0) : null;
  }
  return WELL_FORMED.test(text) ? parseNumeral(text) : null;
}

/** Rewrites what `re` finds in `text` by `write` (the number's text → its other form, or null to keep it). */
function rewrite(text: string, re: RegExp, write: (number: string) => string | null): string {
  return text.replace(re, (whole: string, number: string) => {
    const other = write(number);
    return other === null ? whole : whole.replace(number, other);
  });
}

/** A number in digits within [min, max] in numerals, else null. */
const inNumeralsWithin = (min: number, max: number) => (digits: string): string | null => {
  const n = digitsValue(digits);
  return n >= min && n <= max ? writeNumeral(n) : null;
};

/** A number in numerals within [min, max] in digits, else null. */
const inDigitsWithin = (min: number, max: number) => (numerals: string): string | null => {
  const n = valueOfNumerals(numerals);
  return n !== null && n >= min && n <= max ? String(n) : null;
};

/** `12.5` (digits, ASCII or full-width, with a point) as `十二点五`. */
function percentInNumerals(digits: string): string {
  const [whole = '', fraction] = digits.split(/[.．]/u);
  // A decimal zero is 零, as reports write it (百分之零点零五).
  const decimals = fraction === undefined ? '' : `点${[...fraction].map((c) => (digitValue(c) === 0 ? '零' : NUMERALS[digitValue(c)])).join('')}`;
  return `百分之${writeNumeral(digitsValue(whole))}${decimals}`;
}

/** `十二点五` (after 百分之; 點 too) as `12.5%`, or null when it is no number up to 999. */
function percentInDigits(numerals: string): string | null {
  const [whole = '', fraction] = numerals.split(/[点點]/u);
  const n = valueOfNumerals(whole);
  if (n === null || n > 999) return null;
  const decimals = fraction === undefined ? '' : `.${[...fraction].map(numeralValue).join('')}`;
  return `${n}${decimals}%`;
}

/**
 * The query with every date and percentage in digits written in Chinese numerals or, when it has none, every one in
 * numerals written in digits; null when it writes none. Everything else (quotes, operators, filters) is kept as typed.
 * @example numbersWrittenOtherwise('2035年远景目标') // { query: '二〇三五年远景目标', reason: 'in-chinese-numerals' }
 * @example numbersWrittenOtherwise('"一九五八年三月"') // { query: '"1958年3月"', reason: 'in-digits' }
 * @example numbersWrittenOtherwise('增长百分之十二点五') // { query: '增长12.5%', reason: 'in-digits' }
 * @example numbersWrittenOtherwise('year:2024 旅游') // null
 */
export function numbersWrittenOtherwise(query: string): NumbersRewritten | null {
  // Every date ends in 年, 月 or 日 and every percentage has % or 百分之: most queries are told apart here, once.
  if (!MAY_WRITE_ONE.test(query)) return null;
  let inNumerals = rewrite(query, DIGIT_DAY, inNumeralsWithin(1, 31));
  inNumerals = rewrite(inNumerals, DIGIT_MONTH, inNumeralsWithin(1, 12));
  inNumerals = rewrite(inNumerals, DIGIT_YEAR, (year) => [...year].map((c) => NUMERALS[digitValue(c)]).join(''));
  inNumerals = inNumerals.replace(DIGIT_PERCENT, (_whole: string, digits: string) => percentInNumerals(digits));
  if (inNumerals !== query) return { query: inNumerals, reason: 'in-chinese-numerals' };
  let inDigits = rewrite(query, NUMERAL_DAY, inDigitsWithin(1, 31));
  inDigits = rewrite(inDigits, NUMERAL_MONTH, inDigitsWithin(1, 12));
  inDigits = rewrite(inDigits, NUMERAL_YEAR, (year) => [...year].map((c) => String(numeralValue(c))).join(''));
  inDigits = inDigits.replace(NUMERAL_PERCENT, (whole: string, numerals: string) => percentInDigits(numerals) ?? whole);
  if (inDigits !== query) return { query: inDigits, reason: 'in-digits' };
  return null;
}
