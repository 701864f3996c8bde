/**
 * Section paths: a stack of open headings. A heading closes every open heading of the same or a deeper
 * rank, then opens itself. Before that, one repair: an arabic-numbered heading directly followed by the
 * first item of a shallower style (`2、2023年经济社会发展形势` then `（一）当前面临的发展形势`) stands for
 * the missing outer level (a typo for 二、) and is promoted to just above that item.
 */

import type { Heading } from './headings.js';

/**
 * Promotes headings whose children contradict their style (see the module comment). Returns new ranks,
 * one per heading, in order.
 * @example promotedRanks([{ style: '1.', rank: 7, number: 2, … }, { style: '（一）', rank: 6, number: 1, … }]) // [5, 6]
 */
export function promotedRanks(headings: readonly Heading[]): number[] {
  return headings.map((h, k) => {
    const next = headings[k + 1];
    if (!next || h.runIn || h.style === 'year') return h.rank;
    if (next.rank < h.rank && next.number === 1 && next.style !== 'year') return next.rank - 1;
    return h.rank;
  });
}

/** An open heading. */
interface OpenSection {
  rank: number;
  title: string;
}

/** The stack of open headings while walking a document. */
export class SectionStack {
  private readonly open: OpenSection[] = [];

  /**
   * Opens a heading at `rank`, closing the open headings of the same or a deeper rank.
   * @example stack.enter(2, '第一章 总体形势'); stack.path() // ['第一篇 …', '第一章 总体形势']
   */
  enter(rank: number, title: string): void {
    while (this.open.length > 0 && this.open[this.open.length - 1].rank >= rank) this.open.pop();
    this.open.push({ rank, title });
  }

  /** The titles of the open headings, outermost first. */
  path(): string[] {
    return this.open.map((s) => s.title);
  }
}
