/**
 * The dateline under a report's title (`——2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上`), which
 * a GB/T 7714 citation gives as the title's subtitle. Its words are recognised in either script (`會議`, `通過`:
 * matched folded to simplified) and it is given as written.
 */
import { foldToSimplified } from '../simplified-chinese.js';
import { tightenCjkSpaces } from './section-label.js';

/** How far into a document the dateline may stand (the gazette has a masthead before its report). */
const HEAD = 6000;
const DASHES = /^(?:[—–－─]{1,2}|-{1,2})\s*/;
const WRAPPED = /^[（(](.*)[）)]$/;
const DATE = /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日/;
const COMPLETE = /(?:上|通过|批准|作|发布|）|\))$/;
const CONTINUATION_MAX = 20;

/** The dateline in one trimmed line, without its dashes or brackets, or null. */
function datelineOf(line: string): string | null {
  const dashes = DASHES.exec(line);
  const wrapped = WRAPPED.exec(line);
  const body = dashes ? line.slice(dashes[0].length) : wrapped ? wrapped[1] : null;
  if (body === null || !DATE.test(body) || !/会议|大会|通过/.test(foldToSimplified(body))) return null;
  return body;
}

/** The longest title line above a dateline taken as the title of the article it heads. */
const MAX_TITLE = 40;
const PAGE_NUMBER_AROUND = /^[-—–\s]*\d+[-—–\s]+|[.…·\s]+\d+$/gu;

/**
 * The title of the article a dateline heads (in a gazette issue, the report printed in it): the nearest
 * line above the dateline that is not the speaker in brackets, when short; null without a dateline.
 *
 * @example
 * findArticleTitle('目 录\n- 1 政府工作报告\n——2025年1月19日在西藏自治区第十二届人民代表大会第三次会议上')
 * // → '政府工作报告'
 */
export function findArticleTitle(text: string): string | null {
  const lines = text.slice(0, HEAD).split(/\r\n|\r|\n/).map((l) => l.trim());
  const at = lines.findIndex((l) => datelineOf(l) !== null);
  for (let i = at - 1; i >= 0; i--) {
    const line = lines[i];
    if (line === '' || WRAPPED.test(line)) continue;
    // A contents line before the article's own dateline carries its page number (`- 1 政府工作报告`).
    const title = line.replace(PAGE_NUMBER_AROUND, '');
    return title.length <= MAX_TITLE && /\p{Script=Han}/u.test(title) ? tightenCjkSpaces(title) : null;
  }
  return null;
}

/**
 * The dateline near the start of a report (its source text, or its first passages joined with newlines),
 * with dashes removed, a line it wraps onto joined, and spaces around CJK removed; null when there is none.
 *
 * @example
 * findDateline('政府工作报告\n——2020年1月7日在西藏自治区第十一届人民代表大会第三次会议上\n自治区主席　齐扎拉')
 * // → '2020年1月7日在西藏自治区第十一届人民代表大会第三次会议上'
 */
export function findDateline(text: string): string | null {
  const lines = text.slice(0, HEAD).split(/\r\n|\r|\n/).map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    let body = datelineOf(lines[i]);
    if (body === null) continue;
    if (!COMPLETE.test(foldToSimplified(body))) {
      const next = lines.slice(i + 1).find((l) => l.length > 0);
      if (next !== undefined && next.length <= CONTINUATION_MAX && COMPLETE.test(foldToSimplified(next))) body += next;
    }
    return tightenCjkSpaces(body);
  }
  return null;
}
