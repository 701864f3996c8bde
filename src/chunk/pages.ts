/**
 * Pages of passages: which page of a paged source an offset of its text falls on, as a reader would cite
 * it: the number printed on the page, else its position in the file.
 */

import type { PageSpan } from '../model.js';

/**
 * A function from an offset in the document text to its page (printed number, else index); null when the
 * source has no pages. Pages are taken in order of `start`; an offset before the first page is on it.
 * @example pageLocator([{ index: 1, start: 0, printed: null }, { index: 2, start: 90, printed: 1 }])?.(120) // 1
 */
export function pageLocator(pages: readonly PageSpan[] | undefined): ((offset: number) => number) | null {
  if (!pages || pages.length === 0) return null;
  const sorted = [...pages].sort((a, b) => a.start - b.start || a.index - b.index);
  return (offset: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid].start <= offset) lo = mid + 1;
      else hi = mid;
    }
    const page = sorted[Math.max(0, lo - 1)];
    return page.printed ?? page.index;
  };
}
