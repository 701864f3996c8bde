/**
 * Front matter and page furniture. Everything before the body starts (title block, masthead, editorial
 * board, address block, a newspaper page header such as `3 文件`) is `front`; so are page-number lines
 * (`- 12 -`) anywhere, unless a paragraph runs on across them. The patterns are written in simplified characters
 * and matched against the line folded to simplified (`第3頁`, `…會議上…` as `第3页`, `…会议上…`).
 */

import { isEnglishSalutation } from '../ingest/english-salutation.js';
import { foldToSimplified } from '../simplified-chinese.js';
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
  const folded = foldToSimplified(text);
  return PAGE_FURNITURE.some((re) => re.test(folded));
}

/**
 * Whether a line starts the body of a report: a sentence of Chinese prose (ends with 。！？：, or has
 * clause punctuation and some length), or a structural heading (第X章, 一、, （一）); in a line without
 * Chinese, a sentence of English (see `startsEnglishBody`).
 * Title lines, dates, names, the masthead, a dateline ending with a full stop and a Tibetan-script title line are not.
 * @example startsBody('各位代表：') // true; startsBody('政府工作报告') // false; startsBody('主任：任 维') // false
 */
export function startsBody(text: string): boolean {
  if (!hasHan(text)) return startsEnglishBody(text);
  if (isDateline(text)) return false;
  if (isStrongHeadingLine(text) && !/^(?:19|20)[0-9]{2}/u.test(text)) return true;
  if (endsSentence(text) && /[。！？!?；;：:]\s*[”’」』）)]*$/u.test(text)) return !isLabelValue(text);
  return /[，。；]/u.test(text) && Array.from(text).length >= 15;
}

/**
 * The dateline of a speech, on a line of its own: the date, where it was delivered (at a session, `会议上`) and by
 * whom, with no clause break, perhaps between dashes or brackets and ending with a full stop. It belongs to the
 * title block, not to the body.
 */
const DATELINE = /^[—–－─-]{0,2}\s*[（(]?\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*在[^，,；;。！？]{2,60}(?:会议|大会)上[^，,；;。！？]{0,40}[）)]?[。.]?$/u;

/**
 * Whether a line is a speech's dateline.
 * @example isDateline('2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。') // true
 * @example isDateline('2024年1月，我们在第十四届全国人民代表大会第二次会议上提出的目标全面完成。') // false
 */
function isDateline(text: string): boolean {
  return DATELINE.test(foldToSimplified(text.trim()));
}


/** A sentence end, possibly followed by closing quotes or brackets. */
const ENGLISH_SENTENCE_END = /[.!?:;]["'”’)\]]*$/u;
/** A line ending a sentence starts the body when it has this many words (a title block's lines have fewer). */
const MIN_SENTENCE_WORDS = 6;

/**
 * Whether a line in Latin letters starts the body of a report in English: the salutation, or a sentence of
 * six words or more (`On behalf of the State Council, I will now report…`). A title, a name with its office
 * (`Li Qiang, Premier of the State Council`), a date or `Address: …` does not.
 * @example startsEnglishBody('Fellow Deputies,') // true; startsEnglishBody('Report on the Work of the Government') // false
 */
function startsEnglishBody(text: string): boolean {
  if (!/\p{Script=Latin}/u.test(text)) return false;
  if (isEnglishSalutation(text)) return true;
  const words = text.match(/\p{Script=Latin}+/gu) ?? [];
  return ENGLISH_SENTENCE_END.test(text) && words.length >= MIN_SENTENCE_WORDS && !isLabelValue(text);
}

/** `主任：任 维`, `邮编：850000`: a label and a value, ending with a colon only when the value is missing. */
function isLabelValue(text: string): boolean {
  return /^[^：:，。]{1,8}[：:][^：:，。]*$/u.test(text) && !/[：:]$/u.test(text);
}
