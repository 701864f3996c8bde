/**
 * Page-number lines, as plain text and PDF pages print them: `— 3 —`, `- 3 -`, `·3·`, `第3页`, `第3页 共20页`,
 * `3/15`, `Page 3`, `Page 3 of 20`, and, where the reader knows the line stands alone at a page's edge, a bare
 * `3`, `(3)` or `3 of 20`. Pure; shared by the text reader's furniture (`page-furniture.ts`) and the PDF
 * reader's (`pdf-furniture.ts`), which decide where such a line may stand.
 */

import { foldToSimplified } from '../simplified-chinese.js';
import { toAsciiDigits } from './infer-meta.js';

const DIGITS = '[0-9０-９]{1,4}';
const DASH = '[-—－–~～〜·•]';

/** Page-number lines that are furniture wherever they stand; group 1 is the number. */
export const STRONG_PAGE_NUMBERS: readonly RegExp[] = [
  new RegExp(`^${DASH}+\\s*(${DIGITS})\\s*${DASH}+$`, 'u'), // — 3 —, - 3 -, ·3·
  new RegExp(`^第\\s*(${DIGITS})\\s*页(?:\\s*[，,/]?\\s*共\\s*${DIGITS}\\s*页)?$`, 'u'), // 第3页 共20页
  new RegExp(`^(${DIGITS})\\s*[/／]\\s*${DIGITS}$`, 'u'), // 3/15
  /^page\s*([0-9]{1,4})(?:\s*of\s*[0-9]{1,4})?$/iu, // Page 3 of 20
];

/** A line that is only a number: a page number only where it stands alone at a page break. */
export const BARE_NUMBER = new RegExp(`^(${DIGITS})$`, 'u');

/** Forms a line at a page's edge may take as well: `(3)`, `[3]`, `3 of 20`. */
const EDGE_PAGE_NUMBERS: readonly RegExp[] = [
  new RegExp(`^[[(（](${DIGITS})[\\])）]$`, 'u'),
  /^([0-9]{1,4})\s*of\s*[0-9]{1,4}$/iu,
];

/** A roman numeral up to xxxix, all capitals or all small letters, alone or between dashes (`iii`, `- IV -`). */
const ROMAN_PAGE_NUMBER = new RegExp(`^(?:${DASH}+\\s*)?(?:(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})|(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))(?:\\s*${DASH}+)?$`, 'u');

/**
 * Whether a line is a roman page number, as front matter prints them: only where the reader knows the line
 * stands at a page's edge, and never a page's printed (arabic) number.
 * @example isRomanPageNumber('iii') // true; isRomanPageNumber('- IV -') // true; isRomanPageNumber('Iv') // false
 */
export function isRomanPageNumber(text: string): boolean {
  return ROMAN_PAGE_NUMBER.test(text.replace(/\s+/gu, ' ').trim());
}

/**
 * A number written in ASCII or full-width digits.
 * @example pageDigits('１２') // 12
 */
export function pageDigits(digits: string): number {
  return Number(toAsciiDigits(digits));
}

/**
 * The page number a line prints when the whole line is one (spaces inside it aside), bare numbers included;
 * with `edge`, the forms only a line standing at a page's edge can be taken for as well. Null otherwise.
 * @example pageNumberOf('— 12 —') // 12; pageNumberOf('第３页') // 3; pageNumberOf('(4)', { edge: true }) // 4; pageNumberOf('增长12%') // null
 */
export function pageNumberOf(text: string, options: { edge?: boolean } = {}): number | null {
  const line = foldToSimplified(text.replace(/\s+/gu, ' ').trim());
  const forms = options.edge ? [...STRONG_PAGE_NUMBERS, BARE_NUMBER, ...EDGE_PAGE_NUMBERS] : [...STRONG_PAGE_NUMBERS, BARE_NUMBER];
  for (const re of forms) {
    const m = re.exec(line);
    if (m?.[1] !== undefined) return pageDigits(m[1]);
  }
  return null;
}
