/**
 * The lines of a government page's tools that its CMS sets as text inside the article, without links (so
 * `html-furniture.ts`, which drops navigation and link lists, keeps them): the publishing line above the
 * text (`发布时间：2024-01-15 来源：… 字号：大 中 小 浏览次数：1234`), share and print buttons
 * (`分享到：微信 微博`, `【打印本页】【关闭窗口】`, `扫一扫在手机打开当前页`), and the related and
 * neighbouring articles below it (`相关链接：…`, `上一篇：…`, `下一篇：…`). A line is one only when the whole
 * of it reads so; report text never does (it makes sentences). The words are written in simplified characters
 * and matched against the line folded to simplified (a site in traditional characters: `發布時間：…`, `【列印本頁】`).
 */
import { foldToSimplified } from '../simplified-chinese.js';

/** A tool's word, alone or in brackets, with the separators between such words. */
const TOOL_WORD =
  '(?:打印本页|打印此页|打印文章|打印正文|打印|列印本页|列印|关闭本页|关闭窗口|关闭|返回顶部|回到顶部|返回|收藏本页|加入收藏|收藏|我要纠错|纠错|保存本页|分享到|分享|微信|朋友圈|新浪微博|腾讯微博|微博|QQ空间|QQ|扫一扫在手机(?:上)?打开当前页|扫一扫|手机版|字号|字体|大|中|小|默认|放大|缩小|【|】|\\[|\\]|〖|〗|[：:|｜/·•])';
/** A tool line holds at least one of these (大, 中, 小 or 返回 alone are no tools). */
const STRONG_TOOL = /打印|列印|关闭|收藏|纠错|分享|扫一扫|字号|微信|微博|QQ空间/u;
/** Every tool word, to take out of a line: a line of tools leaves nothing (no repetition to backtrack over). */
const TOOL_WORDS = new RegExp(TOOL_WORD, 'gu');
/** Labels of the publishing line; the first group says the line is a page's, not a report's. */
const PUBLISHING_LABEL =
  /(?:(发布时间|发布日期|发文日期|更新时间|字号|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|点击率|访问量|访问次数|责任编辑)|编辑|来源|信息来源|文章来源|作者|时间|日期)\s*[：:]/gu;
/** A bracket a publishing line may open with before its first label (`【字号：大 中 小】`). */
const OPENING_BRACKET = /^[【[〖(（]$/u;
/** The related and neighbouring articles: a label opening the line. */
const NEIGHBOURS = /^(?:上一篇|下一篇|上一条|下一条|上一页|下一页|相关链接|相关文章|相关阅读|相关新闻|相关稿件|相关文件|相关附件)(?:\s*[：:]|$)/u;
/** Longer than this, a line is report text whatever it opens with. */
const MAX_TOOL_LINE = 120;
/** A publishing line with one label only holds a short value (`发布日期：2024-01-30`). */
const MAX_SINGLE_LABEL_LINE = 40;
const SENTENCE_END = /[。！？；]/u;

/**
 * Whether a line of an HTML page is one of its tools (publishing line, share and print buttons, related and
 * neighbouring articles), not report text.
 * @example isPageToolLine('【打印本页】【关闭窗口】') // true
 * @example isPageToolLine('关闭落后产能，打印产业链条。') // false
 */
export function isPageToolLine(line: string): boolean {
  const text = foldToSimplified(line.replace(/[\s\u3000]+/gu, ''));
  if (text === '' || text.length > MAX_TOOL_LINE || SENTENCE_END.test(text)) return false;
  if (text.replace(TOOL_WORDS, '') === '') return STRONG_TOOL.test(text);
  if (NEIGHBOURS.test(text)) return true;
  return isPublishingLine(text);
}

/**
 * Two labels or more, one of them a page's (`发布时间`, `浏览次数` …); or one page label with a short value. The
 * line opens with a label (or a bracket before it).
 */
function isPublishingLine(text: string): boolean {
  const labels = [...text.matchAll(PUBLISHING_LABEL)];
  if (!labels.some((label) => label[1] !== undefined)) return false;
  const first = labels[0]?.index ?? -1;
  if (!(first === 0 || (first === 1 && OPENING_BRACKET.test(text.charAt(0))))) return false;
  return labels.length >= 2 || text.length <= MAX_SINGLE_LABEL_LINE;
}
