/**
 * How a number of an English query is written in Chinese text: a bare number in digits and in Chinese
 * numerals (`15th` → 15, 十五, 第十五), and a number with the word that scales it as the Chinese scale
 * writes it (`5 percent` and `5%` → 5%, 百分之五; `10 million` → 1000万; `1.3 trillion` → 1.3万亿;
 * `0.5 percentage points` → 0.5个百分点). Pure functions over the query's English tokens.
 */
import type { EnglishToken } from './english.js';
import type { Sense } from './expand.js';
import { writeNumeral } from '../chinese-numerals.js';

/** A number as English writes it: digits, thousands separators, a decimal point, an ordinal suffix. */
const NUMBER = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(st|nd|rd|th)?$/;

/** A whole number from 1 to 99 in Chinese numerals (`6` → `六`, `15` → `十五`, `40` → `四十`); '' otherwise. */
const chineseNumeral = (n: number): string => (Number.isInteger(n) && n >= 1 && n <= 99 ? writeNumeral(n) : '');

/**
 * Number words, read as their digits: CC-CEDICT's entries for them are other words that contain them
 * (three → 立体 "three-dimensional", ten → 千万 "ten million"). `one` stays a word: it is a pronoun too.
 */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((word, i): [string, string] => [word, String(i + 2)])
    .concat('thirty forty fifty sixty seventy eighty ninety'.split(' ').map((word, i): [string, string] => [word, String(30 + 10 * i)])),
);

/** A number written in digits, or a number word in digits (`three` → `3`); other words as they are. */
const inDigits = (lower: string): string => NUMBER_WORDS.get(lower) ?? lower;

/** A decade (`1990s`, `90s` → 90年代, 九十年代: twentieth-century decades, as the reports name them); [] for none. */
function decadeSenses(lower: string): Sense[] {
  const tens = /^(?:19)?([1-9])0s$/.exec(lower)?.[1];
  if (tens === undefined) return [];
  return [
    { term: `${tens}0年代`, source: 'number', weight: 1 },
    { term: `${chineseNumeral(Number(tens) * 10)}年代`, source: 'number', weight: 0.9 },
  ];
}

/**
 * How a number of an English query is written in Chinese text: in digits as written, and for 1–99 in
 * Chinese numerals too (`15th` → 15, 十五, 第十五; `Chang'e 6` → 6, 六; 2 also as 两), a number with thousands
 * separators without them as well (`1,000` → 1000). Ordinal suffixes are dropped. A number word is its
 * digits (`three` → 3, 三), a decade its years (`1990s` → 90年代). [] when the word is no number.
 * @example numberSenses('15th').map((s) => s.term) // ['15', '十五', '第十五']
 */
export function numberSenses(lower: string): Sense[] {
  const number = parseNumber(lower);
  if (!number) return decadeSenses(lower);
  const { written, digits, ordinal } = number;
  const numeral = chineseNumeral(Number(digits));
  const senses: Sense[] = [{ term: digits, source: 'number', weight: 1 }];
  // `1,000` is mostly written 1000 in Chinese text, sometimes as in English.
  if (written !== digits) senses.push({ term: written, source: 'number', weight: 0.9 });
  if (numeral !== '') senses.push({ term: numeral, source: 'number', weight: 0.8 });
  if (numeral !== '' && ordinal) senses.push({ term: `第${numeral}`, source: 'number', weight: 0.9 });
  if (digits === '2' && !ordinal) senses.push({ term: '两', source: 'number', weight: 0.7 });
  return senses;
}

/** A number word or number as written (`1,000`), its digits without separators, and whether it is an ordinal; null for none. */
function parseNumber(lower: string): { written: string; digits: string; ordinal: boolean } | null {
  const match = NUMBER.exec(inDigits(lower));
  if (!match) return null;
  const written = match[1] ?? '';
  return { written, digits: written.replace(/,/g, ''), ordinal: match[2] !== undefined };
}

/**
 * The digits of a decimal number times 10^places, in plain notation (`shiftPoint('650', -2)` → `6.5`).
 * @example shiftPoint('1.5', 2) // '150'
 */
export function shiftPoint(digits: string, places: number): string {
  const [whole = '', fraction = ''] = digits.split('.');
  let all = whole + fraction;
  let point = whole.length + places;
  if (point > all.length) all = all.padEnd(point, '0');
  if (point < 1) {
    all = '0'.repeat(1 - point) + all;
    point = 1;
  }
  const integer = all.slice(0, point).replace(/^0+(?=\d)/, '');
  const decimals = all.slice(point).replace(/0+$/, '');
  return decimals === '' ? integer : `${integer}.${decimals}`;
}

/** The Chinese forms of a number (digits, no separators) and its English scale word; [] for no scale. */
function scaledForms(digits: string, scale: string): string[] {
  const value = Number(digits);
  const numeral = chineseNumeral(value);
  switch (scale) {
    case '%':
      return [`${digits}%`, ...(numeral === '' ? [] : [`百分之${numeral}`])];
    case 'percentage point':
      return [`${digits}个百分点`];
    // Chinese counts in 万 (10^4) and 亿 (10^8): ten million is 1000万, 650 million 6.5亿.
    case 'million':
      return [value < 100 ? `${shiftPoint(digits, 2)}万` : `${shiftPoint(digits, -2)}亿`];
    case 'billion':
      return [`${shiftPoint(digits, 1)}亿`, ...(value >= 1000 ? [`${shiftPoint(digits, -3)}万亿`] : [])];
    case 'trillion':
      return [`${digits}万亿`];
    default:
      return [];
  }
}

/** Scale words after a number, as the words between (stopwords kept) read lowercased and singular. */
const SCALES: ReadonlyMap<string, string> = new Map([
  ['percent', '%'], ['per cent', '%'], ['pct', '%'], ['percentage point', 'percentage point'],
  ['million', 'million'], ['billion', 'billion'], ['trillion', 'trillion'],
]);

/**
 * A number at content token `i` with the scale that follows it: a `%` sign (one token), or a scale word
 * (`5 percent`, `5 per cent`, `0.5 percentage points`, `10 million`): the end of its tokens (exclusive) and
 * its Chinese senses; null when token `i` is no number or no scale follows.
 * @example scaledNumberAt('10 million jobs', tokenizeEnglish('10 million jobs'), 0) // { end: 2, senses: [{ term: '1000万', … }] }
 */
export function scaledNumberAt(text: string, tokens: readonly EnglishToken[], i: number): { end: number; senses: Sense[] } | null {
  const number = tokens[i];
  // `one` alone stays a word (a pronoun too); before a scale it is the number (`one trillion` → 1万亿).
  const parsed = number ? parseNumber(number.lower === 'one' ? '1' : number.lower) : null;
  if (!number || !parsed || parsed.ordinal) return null;
  const { digits } = parsed;
  const senses = (scale: string): Sense[] => scaledForms(digits, scale).map((term, rank) => ({ term, source: 'number', weight: rank === 0 ? 1 : 0.9 }));
  if (/^\s*[%％]/u.test(text.slice(number.end))) return { end: i + 1, senses: senses('%') };
  for (const length of [2, 1]) {
    const last = tokens[i + length];
    const phrase = last ? text.slice(number.end, last.end) : '';
    if (!/^\s+[\p{L}\s]+$/u.test(phrase)) continue;
    const scale = SCALES.get(phrase.trim().toLowerCase().split(/\s+/).map((w) => w.replace(/s$/, '')).join(' '));
    if (scale !== undefined) return { end: i + length + 1, senses: senses(scale) };
  }
  return null;
}

/**
 * A numbered Five-Year Plan (`15th Five-Year Plan`, `14th five year plans`) at content token `i`, as Chinese
 * text names it: by its number and 五 (十五五, in 十五五规划 and "十五五"时期), or in full (第十五个五年规划);
 * null when the tokens are no such plan.
 * @example fiveYearPlanAt(tokenizeEnglish('15th Five-Year Plan'), 0)?.senses.map((s) => s.term) // ['十五五', '第十五个五年规划']
 */
export function fiveYearPlanAt(tokens: readonly EnglishToken[], i: number): { end: number; senses: Sense[] } | null {
  const parsed = parseNumber(tokens[i]?.lower ?? '');
  const numeral = parsed?.ordinal ? chineseNumeral(Number(parsed.digits)) : '';
  const [five, year, plan] = [1, 2, 3].map((k) => tokens[i + k]?.lower ?? '');
  if (numeral === '' || five !== 'five' || year !== 'year' || !/^plans?$/u.test(plan)) return null;
  return {
    end: i + 4,
    senses: [
      { term: `${numeral}五`, source: 'number', weight: 1 },
      { term: `第${numeral}个五年规划`, source: 'number', weight: 0.9 },
    ],
  };
}
