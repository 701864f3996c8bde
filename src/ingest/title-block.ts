/**
 * A title set over several lines: `西藏自治区` / `2020年政府工作报告`, or a plan's `西藏自治区国民经济和社会发展` /
 * `第十四个五年规划和` / `二〇三五年远景目标纲要`. The line a title pattern matches is widened to the short
 * fragments next to it that carry on the title: lines of characters (a year, a bracket) with no sentence
 * punctuation, no date, no source or page word, no masthead, issue, speaker or heading, the whole still reading
 * as a title. Pure; works on the head's lines as written beside their simplified keys (`written-text.ts`).
 */
import { edited, type Written } from './written-text.js';

/** The most lines a title is widened by on each side, and the longest fragment (in characters). */
const MAX_FRAGMENTS = 3;
const MAX_FRAGMENT_CHARS = 32;

/** Characters and brackets only, once its years (`2020年`) are set aside: no sentence or clause punctuation, no date, no issue number. */
const FRAGMENT_RE = /^[\u4e00-\u9fff〇（）()“”「」《》·、]+$/u;
const YEAR_RE = /\d{4}年/gu;
/** A line that is no part of a title: a heading (`一、`, `（一）`, `第一章`), a source or page word, a speaker's office. */
const NOT_TITLE_RE =
  /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十百〇零\d]+[篇章节条部分]?$)|来源|作者|编辑|记者|发布|浏览|打印|字号|首页|位置|链接|分享|目录|主席|省长|市长|区长|县长|州长|旗长|盟长|总理|主任/u;
/** The name of a paper, a site or a station (`西藏日报`, `人民网`): a masthead, not a title's words. */
const MASTHEAD_RE = /(?:报|网|刊|台|版|期)$/u;

const withoutSpaces = (s: string): string => s.replace(/\s/gu, '');

/**
 * Whether a line (spaces removed) may be a piece of a title set over several lines.
 * @example isTitleFragment('西藏自治区') // true; isTitleFragment('来源：西藏日报') // false
 */
export function isTitleFragment(key: string): boolean {
  return key.length >= 2 && key.length <= MAX_FRAGMENT_CHARS && FRAGMENT_RE.test(key.replace(YEAR_RE, '')) && !NOT_TITLE_RE.test(key) && !MASTHEAD_RE.test(key);
}

/**
 * The title `lines[at]` begins (`title`: that line as matched, spaces removed), widened over the fragments
 * above it that make a title with it, and, when `title` is the whole line, over those below it. A fragment
 * above that is a title of its own (`readsAsTitle`) is not one. Blank lines stop it.
 * @example titleBlock(linesOf(written('西藏自治区\n2020年政府工作报告')), 1, written('2020年政府工作报告'), isTitle).text // '西藏自治区2020年政府工作报告'
 */
export function titleBlock(lines: readonly Written[], at: number, title: Written, readsAsTitle: (key: string) => boolean, whole = true): Written {
  let block = title;
  for (let k = at - 1; k >= Math.max(0, at - MAX_FRAGMENTS); k--) {
    const piece = edited(lines[k], withoutSpaces);
    if (!isTitleFragment(piece.key) || readsAsTitle(piece.key) || !readsAsTitle(piece.key + block.key)) break;
    block = { text: piece.text + block.text, key: piece.key + block.key };
  }
  if (!whole) return block;
  for (let k = at + 1; k < Math.min(lines.length, at + 1 + MAX_FRAGMENTS); k++) {
    const piece = edited(lines[k], withoutSpaces);
    if (!isTitleFragment(piece.key) || !readsAsTitle(block.key + piece.key)) break;
    block = { text: block.text + piece.text, key: block.key + piece.key };
  }
  return block;
}
