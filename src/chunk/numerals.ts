/** Reading the numbers that number headings: Chinese numerals (一, 十一, 二十三, 一百零二) and digits. */

const DIGITS: ReadonlyMap<string, number> = new Map([
  ['零', 0], ['〇', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4],
  ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
]);
const UNITS: ReadonlyMap<string, number> = new Map([['十', 10], ['百', 100], ['千', 1000]]);

/**
 * Reads a Chinese numeral or a run of (half- or full-width) digits; null when it is neither.
 * @example parseNumeral('十一') // 11; parseNumeral('二十') // 20; parseNumeral('１２') // 12
 */
export function parseNumeral(text: string): number | null {
  const ascii = text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
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
