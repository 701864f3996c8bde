/**
 * Numbered list items on lines of their own (`附件：1.…名词解释.pdf` then `2.…项目表.docx`; `1、` `2、`): a
 * line numbered one more than the line before it, in the same mark, starts a new item, even where the line
 * before reads like prose and ends no sentence, and even where the number looks like a decimal on its own
 * (`2.2024年…`). The sequence is the evidence: a lone `2.` proves nothing. Pure.
 */
import { parseNumeral } from '../chinese-numerals.js';

/**
 * An item's number and mark at the start of a line, after a label that introduces the list (`附件：`).
 * Group 1 is the number, group 2 the mark.
 */
const LABELLED_ITEM = /^(?:\p{L}{1,6}[：:]\s*)?([0-9０-９]{1,3})([.．、])/u;
/** The same without a label: how every item after the first starts. */
const ITEM = /^([0-9０-９]{1,3})([.．、])/u;

/** A list item's number and its mark (`.` for both `.` and `．`, or `、`). */
interface ItemMark {
  number: number;
  mark: '.' | '、';
}

function itemMark(m: RegExpExecArray | null): ItemMark | null {
  const number = m === null ? null : parseNumeral(m[1]);
  if (m === null || number === null) return null;
  return { number, mark: m[2] === '、' ? '、' : '.' };
}

/**
 * Whether `next` is the item after the one `previous` starts: numbered one more, with the same mark.
 * @example startsNextItem('附件：1.2024年政府工作报告名词解释.pdf', '2.2024年市重点工程项目表.docx') // true
 * @example startsNextItem('全市地区生产总值增长了1.', '2%，比上年提高') // false
 */
export function startsNextItem(previous: string, next: string): boolean {
  const before = itemMark(LABELLED_ITEM.exec(previous));
  const after = itemMark(ITEM.exec(next));
  return before !== null && after !== null && after.number === before.number + 1 && after.mark === before.mark;
}
