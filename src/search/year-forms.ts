/**
 * A year written the other way: in Arabic digits (`2035年`) or in Chinese numerals (`二〇三五年`). Reports write both:
 * the national reports of the 1950s to the 1980s the numerals nearly always (the reports under `../shared/corpora`
 * write `一九五八年` 306 times, `1958年` twice), today's mostly digits, a formal title or date line the numerals still
 * (`二〇三五年远景目标`). Exact matching keeps the two apart, as a phrase must be found as written; the answer offers
 * the query with its years written the other way (`alsoWritten`), so that a reader who typed one form learns what
 * the other finds. Pure.
 *
 * A year is four digits beginning with 1 or 2, or four numerals beginning with 一 or 二, right before 年 (spaces
 * between them aside): `1500年历史` is rewritten too, and its other form is offered only if it finds something.
 * The numeral zero is written 〇 (the match key reads ○ and ◯ as 〇; 零 in a year is rare: 3 of the 1,762 years
 * in numerals of the reports under `../shared/corpora`).
 */

/** Which way the years of the proposal are written. */
export type YearForm = 'year-in-numerals' | 'year-in-digits';

/** A query with its years written the other way. */
interface YearsRewritten {
  query: string;
  reason: YearForm;
}

const NUMERALS = '〇一二三四五六七八九';
/** The numerals a year may be written with; 零, ○ and ◯ for zero as well. */
const NUMERAL_CHARS = '〇零○◯一二三四五六七八九';
const DIGIT_CHARS = '0-9０-９';

/** Four digits beginning with 1 or 2 before 年, not inside a longer number. */
const DIGIT_YEAR = new RegExp(`(?<![${DIGIT_CHARS}.．])([12１２][${DIGIT_CHARS}]{3})(?=\\s*年)`, 'gu');
/** Four numerals beginning with 一 or 二 before 年, not inside a longer numeral (十, 百… included). */
const NUMERAL_YEAR = new RegExp(`(?<![${NUMERAL_CHARS}十百千万亿两])([一二][${NUMERAL_CHARS}]{3})(?=\\s*年)`, 'gu');

/** A digit, ASCII or full-width, as its value. */
const digitValue = (char: string): number => {
  const code = char.charCodeAt(0);
  return code >= 0xff10 ? code - 0xff10 : code - 0x30;
};

/** A numeral as its value (every zero 0). */
const numeralValue = (char: string): number => Math.max(0, NUMERALS.indexOf(char));

/**
 * The query with every year in digits written in numerals or, when it has none, every year in numerals written in
 * digits; null when it writes no year. Everything else (quotes, operators, filters) is kept as typed.
 * @example yearsWrittenOtherwise('2035年远景目标') // { query: '二〇三五年远景目标', reason: 'year-in-numerals' }
 * @example yearsWrittenOtherwise('"一九五八年"') // { query: '"1958年"', reason: 'year-in-digits' }
 * @example yearsWrittenOtherwise('year:2024 旅游') // null
 */
export function yearsWrittenOtherwise(query: string): YearsRewritten | null {
  const inNumerals = query.replace(DIGIT_YEAR, (year) => [...year].map((c) => NUMERALS[digitValue(c)]).join(''));
  if (inNumerals !== query) return { query: inNumerals, reason: 'year-in-numerals' };
  const inDigits = query.replace(NUMERAL_YEAR, (year) => [...year].map((c) => String(numeralValue(c))).join(''));
  if (inDigits !== query) return { query: inDigits, reason: 'year-in-digits' };
  return null;
}
