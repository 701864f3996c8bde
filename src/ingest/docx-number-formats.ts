/**
 * The number formats of Word's list levels (w:numFmt): a counter value in, the text Word shows out.
 * One function a format, picked from a table; a format not in the table (or a bullet) gives no text, so a
 * paragraph is never given a number Word would not show.
 */

const CN_DIGITS = '〇一二三四五六七八九';
const CN_UNITS = ['', '十', '百', '千'];
const ENCLOSED_CIRCLE = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const ENCLOSED_PAREN = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const ENCLOSED_FULLSTOP = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';
const CN_LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const CN_LEGAL_UNITS = ['', '拾', '佰', '仟'];
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';
const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** Chinese counting below 10,000: 十一, 二十, 一百零一, 一千 (larger numbers in digits). */
function chineseCounting(n: number, digits = CN_DIGITS, units = CN_UNITS, tenAlone = true): string {
  if (n === 0) return digits[0];
  if (n >= 10000) return String(n);
  const parts: string[] = [];
  let zero = false;
  for (let unit = 3; unit >= 0; unit -= 1) {
    const d = Math.floor(n / 10 ** unit) % 10;
    if (d === 0) {
      zero = parts.length > 0;
      continue;
    }
    if (zero) parts.push('零');
    zero = false;
    parts.push(unit === 1 && d === 1 && tenAlone && parts.length === 0 ? units[1] : digits[d] + units[unit]);
  }
  return parts.join('');
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let rest = n;
  let out = '';
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** Letters as Word repeats them: a … z, aa … zz, aaa …. */
function letter(n: number): string {
  if (n <= 0) return String(n);
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

/** The n-th of a series, 1-based; past its end, the number in digits (as Word does). */
function fromSeries(series: string): (n: number) => string {
  const chars = [...series];
  return (n) => chars[n - 1] ?? String(n);
}

/** Counting in a cycle (the heavenly stems, the earthly branches). */
function cycle(series: string): (n: number) => string {
  const chars = [...series];
  return (n) => (n <= 0 ? String(n) : chars[(n - 1) % chars.length]);
}

const FORMATS: Readonly<Record<string, (n: number) => string>> = {
  decimal: String,
  decimalZero: (n) => (n < 10 ? `0${n}` : String(n)),
  decimalFullWidth: (n) => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  decimalHalfWidth: String,
  decimalEnclosedCircle: fromSeries(ENCLOSED_CIRCLE),
  decimalEnclosedCircleChinese: fromSeries(ENCLOSED_CIRCLE),
  decimalEnclosedParen: fromSeries(ENCLOSED_PAREN),
  decimalEnclosedFullstop: fromSeries(ENCLOSED_FULLSTOP),
  upperRoman: roman,
  lowerRoman: (n) => roman(n).toLowerCase(),
  upperLetter: (n) => letter(n).toUpperCase(),
  lowerLetter: letter,
  chineseCounting: (n) => chineseCounting(n),
  chineseCountingThousand: (n) => chineseCounting(n),
  japaneseCounting: (n) => chineseCounting(n),
  taiwaneseCounting: (n) => chineseCounting(n),
  ideographDigital: (n) => String(n).replace(/[0-9]/g, (d) => CN_DIGITS[Number(d)]),
  chineseLegalSimplified: (n) => chineseCounting(n, CN_LEGAL_DIGITS, CN_LEGAL_UNITS, false),
  ideographTraditional: cycle(TIANGAN),
  ideographZodiac: cycle(DIZHI),
  none: () => '',
};

/**
 * The text Word shows for counter value `n` in the w:numFmt `format`; null for a bullet or a format this
 * reader does not know (the paragraph then gets no label).
 * @example formatNumber(11, 'chineseCounting') // '十一'; formatNumber(3, 'decimalEnclosedCircle') // '③'
 */
export function formatNumber(n: number, format: string): string | null {
  const render = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
  return render === undefined ? null : render(n);
}
