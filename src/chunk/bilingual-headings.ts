/**
 * Bilingual headings: in a report printed in two languages each heading stands twice, `一、2023年工作回顾`
 * then `I. A Review of Our Work in 2023`. The two are one section, not two sections of the same level (the
 * second would close the first and name the section in English). A heading directly followed, or preceded,
 * by the same-numbered heading of the other script in the counterpart style is paired with it; the section
 * is named by the Chinese one, as the report's Chinese locator (`一、` → `1.`) cites it. Pure.
 */
import type { Heading } from './headings.js';
import { hasHan } from './punctuation.js';

/** The English styles that translate each Chinese heading style (`（一）` is `(1)` in English). */
const COUNTERPARTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['一、', ['I.']],
  ['（一）', ['（1）']],
  ['1.', ['1.']],
  ['（1）', ['（1）']],
]);

/** Whether a Chinese and an English heading are the same heading in two languages. */
function translates(zh: Heading, en: Heading): boolean {
  return (
    hasHan(zh.title) && !hasHan(en.title) && /\p{Script=Latin}/u.test(en.title) &&
    zh.number !== null && zh.number === en.number && (COUNTERPARTS.get(zh.style) ?? []).includes(en.style)
  );
}

/**
 * The headings that open a section, one per block: a block's own heading, except that of a pair in two
 * languages (two blocks in a row) the first opens the section, under the Chinese heading, and the second
 * opens none (null).
 * @example sectionHeadings([zh('一、2023年工作回顾'), en('I. A Review of Our Work in 2023')]).map((h) => h?.title ?? null) // ['一、2023年工作回顾', null]
 */
export function sectionHeadings(headings: readonly (Heading | null)[]): Array<Heading | null> {
  const out = [...headings];
  for (let k = 0; k + 1 < out.length; k++) {
    const [first, second] = [out[k], out[k + 1]];
    if (first === null || second === null) continue;
    if (translates(first, second) || translates(second, first)) {
      out[k] = hasHan(first.title) ? first : second;
      out[k + 1] = null;
      k++;
    }
  }
  return out;
}
