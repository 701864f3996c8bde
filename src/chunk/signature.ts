/**
 * The signature block that closes a report, a letter or a white paper: the issuing body and the date, each
 * a short line of its own under the last paragraph (`某某市人民政府` / `2025年1月15日`), at the end of the text
 * or before its appendix. A reader does not count it among the paragraphs: it becomes one block of the title
 * block's kind (`front`), unnumbered, as the title and dateline it answers are. Matched on the text folded to
 * simplified characters (`西藏自治區人民政府`), read as written.
 */

import { foldToSimplified } from '../simplified-chinese.js';
import type { Block } from './rejoin.js';

const DIGIT = '[0-9０-９]';
const CN_DIGIT = '[〇○零一二三四五六七八九]';
const CN_SMALL = '[一二三四五六七八九十]{1,3}';
/** `2025年1月15日`, `2024 年 6 月`, `二〇二五年一月十九日`: a date and nothing else. */
const DATE_LINE = new RegExp(
  `^(?:(?:19|20|１９|２０)${DIGIT}{2}|${CN_DIGIT}{4})\\s*年\\s*(?:${DIGIT}{1,2}|${CN_SMALL})\\s*月(?:\\s*(?:${DIGIT}{1,2}|${CN_SMALL})\\s*日)?$`,
  'u',
);
/**
 * An issuing body (or two, joint issuers set apart by spaces): a short name with no punctuation but brackets, ending in the word for a body of state or a
 * party, an agency or a company (`人民政府`, `常务委员会`, `办公厅`, `统计局`, `研究院`, `有限公司`, `领导小组`).
 */
const ISSUER_LINE = /^[^。！？；，：、,.;:!?“”"]{1,60}(?:政府|委员会|委|办公厅|办公室|局|厅|部|院|署|会|中心|办|公司|集团|小组|处)$/u;
/** At most this many issuer lines stand above the date (joint issuers each on a line). */
const MAX_ISSUERS = 3;

/** Whether a block is one line, a date or an issuing body as `test` says. */
function lineOf(block: Block, test: RegExp): boolean {
  return block.kind === 'paragraph' && block.lines.length === 1 && test.test(foldToSimplified(block.lines[0].text));
}

/** Where the report's text ends: before the first appendix or glossary heading, else at the end. */
function textEnd(blocks: readonly Block[]): number {
  const appendix = blocks.findIndex((b) => b.heading?.style === 'appendix');
  return appendix === -1 ? blocks.length : appendix;
}

/**
 * The blocks with the signature block under the report's last paragraph (a date line, and above it up to three
 * issuing bodies) made one unnumbered `front` block; the others as they were.
 * @example markSignature(blocks).map((b) => b.kind) // ['paragraph', …, 'paragraph', 'front'] for …。 / 某某市人民政府 / 2025年1月15日
 */
export function markSignature(blocks: readonly Block[]): Block[] {
  const end = textEnd(blocks);
  const date = end - 1;
  if (date < 1 || !lineOf(blocks[date], DATE_LINE)) return [...blocks];
  let first = date;
  while (first - 1 >= 1 && date - (first - 1) <= MAX_ISSUERS && lineOf(blocks[first - 1], ISSUER_LINE)) first--;
  if (blocks[first - 1].kind !== 'paragraph') return [...blocks];
  const signature: Block = { kind: 'front', lines: blocks.slice(first, end).flatMap((b) => b.lines), joiner: 'rows' };
  return [...blocks.slice(0, first), signature, ...blocks.slice(end)];
}
