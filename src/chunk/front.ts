/**
 * Front matter and page furniture. Everything before the body starts (title block, masthead, editorial
 * board, address block, a newspaper page header such as `3 文件`) is `front`; so are page-number lines
 * (`- 12 -`) anywhere, unless a paragraph runs on across them.
 */

import { endsSentence, hasHan } from './punctuation.js';
import { isStrongHeadingLine } from './headings.js';

const DASH = '[-—－–]';
const PAGE_FURNITURE: readonly RegExp[] = [
  new RegExp(`^${DASH}\\s*[0-9０-９]{1,4}\\s*${DASH}$`, 'u'), // - 12 -
  /^第\s*[0-9０-９]{1,4}\s*页(?:\s*[，,/]?\s*共\s*[0-9０-９]{1,4}\s*页)?$/u, // 第 3 页 共 20 页
  /^[0-9０-９]{1,4}\s*\/\s*[0-9０-９]{1,4}$/u, // 3/20
  /^(?:page\s*)?[0-9]{1,4}\s*(?:of\s*[0-9]{1,4})?$/iu, // Page 3 of 20
  /^[（(](?:紧接|接|上接|下转|转)第[一二三四五六七八九十0-9０-９]{1,3}(?:版|页)[)）]$/u, // （下转第三版）
];

/**
 * Whether a whole line is page furniture: a page number or a newspaper jump line.
 * @example isPageFurniture('- 12 -') // true; isPageFurniture('（紧接第一版） 统筹发展…') // false
 */
export function isPageFurniture(text: string): boolean {
  return PAGE_FURNITURE.some((re) => re.test(text));
}

/**
 * Whether a line starts the body of a report: a sentence of Chinese prose (ends with 。！？：, or has
 * clause punctuation and some length), or a structural heading (第X章, 一、, （一）).
 * Title lines, dates, names, the masthead and a Tibetan-script title line are not.
 * @example startsBody('各位代表：') // true; startsBody('政府工作报告') // false; startsBody('主任：任 维') // false
 */
export function startsBody(text: string): boolean {
  if (!hasHan(text)) return false;
  if (isStrongHeadingLine(text) && !/^(?:19|20)[0-9]{2}/u.test(text)) return true;
  if (endsSentence(text) && /[。！？!?；;：:]\s*[”’」』）)]*$/u.test(text)) return !isLabelValue(text);
  return /[，。；]/u.test(text) && Array.from(text).length >= 15;
}

/** `主任：任 维`, `邮编：850000`: a label and a value, ending with a colon only when the value is missing. */
function isLabelValue(text: string): boolean {
  return /^[^：:，。]{1,8}[：:][^：:，。]*$/u.test(text) && !/[：:]$/u.test(text);
}
