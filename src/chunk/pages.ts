/**
 * Pages of passages: which page of a paged source an offset of its text falls on, as a reader would cite
 * it: the number printed on the page; for a page that prints none (a chapter title page, a full-page figure,
 * an appendix table) the number its numbered neighbours imply, the one a reader counts to; none for a page
 * before printed page 1 (a cover, a contents list left unnumbered: its file position would be a body page's
 * number); else its position in the file.
 */

import type { PageSpan } from '../model.js';
import { upperBound } from './upper-bound.js';

/**
 * The number a reader gives each page, in the order given: its printed number; else, when the numbered
 * pages before and after it are numbered alike (printed number minus file position the same), or only one
 * side has a numbered page, its file position shifted as theirs is; null when that shift puts it below 1 (front
 * matter before the page printed 1); else its file position.
 * @example citedNumbers([{ index: 1, start: 0, printed: 4 }, { index: 2, start: 9, printed: null }, { index: 3, start: 20, printed: 6 }]) // [4, 5, 6]
 * @example citedNumbers([{ index: 1, start: 0, printed: null }, { index: 2, start: 9, printed: 1 }]) // [null, 1]
 */
export function citedNumbers(pages: readonly PageSpan[]): Array<number | null> {
  const shiftBefore: Array<number | null> = [];
  let shift: number | null = null;
  for (const page of pages) {
    if (page.printed !== null) shift = page.printed - page.index;
    shiftBefore.push(shift);
  }
  const numbers = new Array<number | null>(pages.length);
  let after: number | null = null;
  for (let k = pages.length - 1; k >= 0; k--) {
    const page = pages[k];
    if (page.printed !== null) {
      after = page.printed - page.index;
      numbers[k] = page.printed;
      continue;
    }
    const before = shiftBefore[k];
    const implied = before === null ? after : after === null || after === before ? before : null;
    if (implied === null) numbers[k] = page.index;
    else numbers[k] = page.index + implied >= 1 ? page.index + implied : null;
  }
  return numbers;
}

/**
 * A function from an offset in the document text to its page (`citedNumbers`: null on a page with no number
 * a reader could cite); null when the source has no pages. Pages are taken in order of `start`; an offset
 * before the first page is on it.
 * @example pageLocator([{ index: 1, start: 0, printed: null }, { index: 2, start: 90, printed: 1 }])?.(120) // 1
 */
export function pageLocator(pages: readonly PageSpan[] | undefined): ((offset: number) => number | null) | null {
  if (!pages || pages.length === 0) return null;
  const sorted = [...pages].sort((a, b) => a.start - b.start || a.index - b.index);
  const numbers = citedNumbers(sorted);
  const starts = sorted.map((p) => p.start);
  return (offset: number): number | null => numbers[Math.max(0, upperBound(starts, offset) - 1)] ?? null;
}

/**
 * A function from a range of the document text to the page starts strictly inside it, in order (where a
 * passage runs onto a later page); null when the source has no pages.
 * @example pageStartsIn([{ index: 1, start: 0, printed: null }, { index: 2, start: 90, printed: 1 }])?.(50, 120) // [90]
 */
export function pageStartsIn(pages: readonly PageSpan[] | undefined): ((from: number, to: number) => number[]) | null {
  if (!pages || pages.length === 0) return null;
  const starts = pages.map((p) => p.start).sort((a, b) => a - b);
  return (from: number, to: number): number[] => {
    const inside: number[] = [];
    for (let i = upperBound(starts, from); i < starts.length && starts[i] < to; i++) inside.push(starts[i]);
    return inside;
  };
}
