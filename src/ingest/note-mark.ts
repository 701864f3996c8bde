/**
 * The mark a note opens with (`①…`, `[1] …`, `〔1〕…`, `¹…`, `*…`, `注1：…`): what tells a footnote's first line
 * (`pdf-footnotes.ts`) and a text's closing notes (`end-notes.ts`) from the body, and the locator of a citation (a
 * reader finds a note under its page by its mark). Pure.
 */

/** A note's mark in Chinese (as printed) and in English (its number, or the sign). */
interface NoteMark {
  zh: string;
  en: string;
}

const CIRCLED = [0x2460, 0x2474, 0x2776] as const; // ①…⑳, ⑴…⒇, ❶…❿
const CIRCLED_COUNTS = [20, 20, 10] as const;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const BRACKETED = /^\s*[[［〔【(（](\d{1,3})[\]］〕】)）]/u;
const SUPERSCRIPTS = /^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/u;
const SIGN = /^\s*([*＊※])/u;
const LABELLED = /^\s*注\s*(\d*)\s*[：:]/u;

/**
 * The note's mark, or null when its text opens with none.
 * @example noteMark('①地区生产总值增速按可比价格计算。') // { zh: '①', en: '1' }
 * @example noteMark('[2] 三保：保基本民生、保工资、保运转。') // { zh: '[2]', en: '2' }
 * @example noteMark('注：数据为初步核算数。') // { zh: '', en: '' }
 */
export function noteMark(text: string): NoteMark | null {
  const trimmed = text.trimStart();
  const code = trimmed.codePointAt(0) ?? 0;
  for (let k = 0; k < CIRCLED.length; k++) {
    const n = code - CIRCLED[k] + 1;
    if (n >= 1 && n <= CIRCLED_COUNTS[k]) return { zh: String.fromCodePoint(code), en: String(n) };
  }
  const bracketed = BRACKETED.exec(trimmed);
  if (bracketed) return { zh: bracketed[0].trim(), en: String(Number(bracketed[1])) };
  const superscripts = SUPERSCRIPTS.exec(trimmed);
  if (superscripts) return { zh: superscripts[1], en: String(Number([...superscripts[1]].map((c) => SUPERSCRIPT.indexOf(c)).join(''))) };
  const sign = SIGN.exec(trimmed);
  if (sign) return { zh: sign[1], en: '*' };
  const labelled = LABELLED.exec(trimmed);
  if (labelled) return { zh: labelled[1], en: labelled[1] };
  return null;
}
