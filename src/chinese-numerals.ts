/** Reading numbers: Chinese numerals (一, 十一, 二十三, 一百零二), digits, and roman numerals (IV); the numbers of headings and list items, and those of the sessions and dates a title block names. And writing a number in Chinese numerals. */

const DIGITS: ReadonlyMap<string, number> = new Map([
  ['零', 0], ['〇', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4],
  ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
]);
const UNITS: ReadonlyMap<string, number> = new Map([['十', 10], ['百', 100], ['千', 1000]]);

const ROMAN: ReadonlyMap<string, number> = new Map([['I', 1], ['V', 5], ['X', 10], ['L', 50], ['C', 100]]);

/** The value of a roman numeral in capitals (a smaller digit before a larger one subtracts). */
function parseRoman(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN.get(text[i]) ?? 0;
    total += value < (ROMAN.get(text[i + 1]) ?? 0) ? -value : value;
  }
  return total;
}

/**
 * Reads a Chinese numeral, a run of (half- or full-width) digits or a roman numeral in capitals; null when
 * it is none of them.
 * @example parseNumeral('十一') // 11; parseNumeral('二十') // 20; parseNumeral('１２') // 12; parseNumeral('XIV') // 14
 */
export function parseNumeral(text: string): number | null {
  const ascii = text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  if (/^[IVXLC]+$/.test(text)) return parseRoman(text);
  if (!/^[零〇一二两三四五六七八九十百千]+$/u.test(text)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = DIGITS.get(ch);
    const unit = UNITS.get(ch);
    if (d !== undefined) {
      digit = d;
    } else if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

/** The numerals of the digits 0–9, 〇 for zero as a year writes it digit by digit. */
export const NUMERALS = '〇一二三四五六七八九';

/**
 * A whole number from 0 to 999 as a report writes it in Chinese numerals: 十 for ten (十五, not 一十五), 零 where
 * a hundred has no tens before its ones (一百零五), 一十 after a hundred (一百一十五).
 * @example writeNumeral(15) // '十五'; writeNumeral(40) // '四十'; writeNumeral(105) // '一百零五'; writeNumeral(0) // '零'
 */
export function writeNumeral(n: number): string {
  const digit = (d: number): string => NUMERALS[d] as string;
  if (n < 10) return n === 0 ? '零' : digit(n);
  if (n < 20) return `十${n === 10 ? '' : digit(n - 10)}`;
  if (n < 100) return `${digit(Math.floor(n / 10))}十${n % 10 === 0 ? '' : digit(n % 10)}`;
  const rest = n % 100;
  return `${digit(Math.floor(n / 100))}百${rest === 0 ? '' : rest < 10 ? `零${digit(rest)}` : rest < 20 ? `一${writeNumeral(rest)}` : writeNumeral(rest)}`;
}
