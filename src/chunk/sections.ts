/**
 * Section paths: a stack of open headings. A heading closes every open heading of the same or a deeper
 * rank, then opens itself. Before that, one repair: an arabic-numbered heading directly followed by the
 * first item of a shallower style (`2、2023年经济社会发展形势` then `（一）当前面临的发展形势`) stands for
 * the missing outer level (a typo for 二、) and is promoted to just above that item.
 * And one convention of speeches: a paragraph that turns to the audience (`各位代表！…`) after the last
 * item of a numbered list closes that item (and, if it too was the last of its list, the item above),
 * down to but not including 第X节 and year headings: closing remarks belong to the enclosing section.
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

/**
 * For each heading, whether it is the last of its list: no heading of the same rank follows before one
 * of an outer rank (or the end).
 * @example lastOfList([6, 6, 5, 6]) // [false, true, false, true]
 */
export function lastOfList(ranks: readonly number[]): boolean[] {
  return ranks.map((rank, k) => {
    for (let j = k + 1; j < ranks.length; j++) {
      if (ranks[j] === rank) return false;
      if (ranks[j] < rank) return true;
    }
    return true;
  });
}

/** Lowest rank a closing salutation may close: 一、 (never 第X节 or a year heading). */
const CLOSABLE_RANK = 5;
const SALUTATION = /^各位代表[！!，,：:]/u;

/**
 * Whether a paragraph turns to the audience (`各位代表！`), the mark of closing remarks.
 * @example isSalutation('各位代表！未来已来，时不我待！') // true
 */
export function isSalutation(text: string): boolean {
  return SALUTATION.test(text);
}

/** An open heading. */
interface OpenSection {
  rank: number;
  title: string;
  lastOfList: boolean;
}

/** The stack of open headings while walking a document. */
export class SectionStack {
  private readonly open: OpenSection[] = [];

  /**
   * Opens a heading at `rank`, closing the open headings of the same or a deeper rank.
   * @example stack.enter(2, '第一章 总体形势'); stack.path() // ['第一篇 …', '第一章 总体形势']
   */
  enter(rank: number, title: string, lastOfList = false): void {
    while (this.open.length > 0 && this.open[this.open.length - 1].rank >= rank) this.open.pop();
    this.open.push({ rank, title, lastOfList });
  }

  /**
   * Closes the open headings, innermost first, that are the last of their list and of rank
   * `CLOSABLE_RANK` or deeper (closing remarks after a finished list).
   * @example stack.enter(4, '2024 年工作安排'); stack.enter(6, '（七）…', true); stack.closeFinishedLists(); stack.path() // ['2024 年工作安排']
   */
  closeFinishedLists(): void {
    while (this.open.length > 0) {
      const top = this.open[this.open.length - 1];
      if (top.rank < CLOSABLE_RANK || !top.lastOfList) break;
      this.open.pop();
    }
  }

  /**
   * Closes every open heading (a contents list stands outside the sections, before the body it lists).
   * @example stack.enter(4.5, '前言'); stack.closeAll(); stack.path() // []
   */
  closeAll(): void {
    this.open.length = 0;
  }

  /** The titles of the open headings, outermost first. */
  path(): string[] {
    return this.open.map((s) => s.title);
  }
}
