/**
 * Short names for headings in a citation's locator: the number of a numbered heading (`第二篇`, `（一）`), in
 * Chinese and in English (`Part 2`, `(1)`), or a shortened heading text when it carries no number.
 */
import { parseNumeral } from '../chinese-numerals.js';
import { foldToSimplified } from '../simplified-chinese.js';

const UNIT_EN: Readonly<Record<string, string>> = {
  篇: 'Part', 编: 'Part', 部分: 'Part', 章: 'Chapter', 节: 'Section', 条: 'Article', 款: 'Clause',
};
const NUMERAL = '[零〇一二两三四五六七八九十百千\\d０-９]+';
const CHAPTER = new RegExp(`^第\\s*(${NUMERAL})\\s*(篇|编|部分|章|节|条|款)`, 'd');
const PAREN = new RegExp(`^[（(]\\s*(${NUMERAL})\\s*[）)]`);
const ENUM = new RegExp(`^([零〇一二两三四五六七八九十百千]+)\\s*、`, 'd');
/** A report in English: `I. A Review of …`, `2. Developing …`; `Part II`, `Chapter 3`. */
const ENGLISH_ENUM = /^([IVXLC]+|\d{1,3})\.\s+\S/;
const ENGLISH_UNIT = /^(Part|Chapter|Section|Article)\s+([IVXLC]+|\d{1,3})\b/;
const MAX_TEXT = 20;

/** A heading's name for a locator, in Chinese and in English. */
export interface SectionLabel {
  zh: string;
  /** English: numbered (`Part 2`), a standing heading translated, or '' (never Chinese). */
  en: string;
  /** True when the heading carries a number (`第二篇`, `（一）`, `一、`); false for a shortened heading text. */
  numbered: boolean;
}

/**
 * Collapses whitespace and removes it next to CJK characters (PDF extraction spaces numbers out).
 *
 * @example
 * tightenCjkSpaces('2024 年 1 月 7日在  西藏') // → '2024年1月7日在西藏'
 */
export function tightenCjkSpaces(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/ (?=[\p{Script=Han}（）、，。])|(?<=[\p{Script=Han}（）、，。]) |(?<=\d) (?=[\p{Script=Han}])/gu, '')
    .trim();
}

/**
 * The locator label of one heading.
 *
 * @example
 * sectionLabel('第二篇 统筹协调发展 构建区域发展新格局') // → { zh: '第二篇', en: 'Part 2', numbered: true }
 * sectionLabel('(一)深入推进高质量发展')                  // → { zh: '（一）', en: '(1)', numbered: true }
 * sectionLabel('2023 年工作回顾')                         // → { zh: '2023年工作回顾', en: 'Review of work in 2023', numbered: false }
 * sectionLabel('I. A Review of Our Work in 2024')          // → { zh: 'I.', en: 'I.', numbered: true }
 */
export function sectionLabel(heading: string): SectionLabel {
  const text = heading.trim();
  // Patterns are written in simplified characters and matched against the heading folded to them (same
  // length): a traditional report's `第三節`, `2019年工作回顧` are labelled too, and in its own script.
  const folded = foldToSimplified(text);
  const written = (match: RegExpExecArray, group: number): string => {
    const [from, to] = match.indices?.[group] ?? [0, 0];
    return text.slice(from, to);
  };
  const chapter = CHAPTER.exec(folded);
  if (chapter) {
    const n = parseNumeral(chapter[1]);
    const zh = `第${written(chapter, 1)}${written(chapter, 2)}`;
    if (n !== null) return { zh, en: `${UNIT_EN[chapter[2]]} ${n}`, numbered: true };
  }
  const paren = PAREN.exec(folded);
  if (paren) {
    const n = parseNumeral(paren[1]);
    if (n !== null) return { zh: `（${paren[1]}）`, en: `(${n})`, numbered: true };
  }
  const enumerated = ENUM.exec(folded);
  if (enumerated) {
    const n = parseNumeral(enumerated[1]);
    if (n !== null) return { zh: `${written(enumerated, 1)}、`, en: `${n}.`, numbered: true };
  }
  const englishUnit = ENGLISH_UNIT.exec(text);
  if (englishUnit) return { zh: englishUnit[0], en: englishUnit[0], numbered: true };
  const englishEnum = ENGLISH_ENUM.exec(text);
  if (englishEnum) return { zh: `${englishEnum[1]}.`, en: `${englishEnum[1]}.`, numbered: true };
  let short = tightenCjkSpaces(text).replace(/[。：:；;，,、\s]+$/u, '');
  const chars = [...short];
  if (chars.length > MAX_TEXT) short = `${chars.slice(0, MAX_TEXT).join('')}…`;
  return { zh: short, en: englishOf(foldToSimplified(short)), numbered: false };
}

/** The headings of a report's two halves, which every work report has, in English. */
const YEAR_HEADINGS: ReadonlyArray<[RegExp, (year: string) => string]> = [
  [/^(\d{4})年(?:工作)?回顾$/u, (y) => `Review of work in ${y}`],
  [/^(\d{4})年(?:工作(?:安排|任务)|主要任务)$/u, (y) => `Work plan for ${y}`],
  [/^(\d{4})年工作目标和(?:重点|主要)任务$/u, (y) => `Goals and priorities for ${y}`],
  [/^(?:过去|上)一年(?:的)?工作回顾$/u, () => 'Review of the past year'],
];

/**
 * The English of an unnumbered heading when it is one of a report's standing headings; else '' (the English
 * locator leaves it out and keeps the section numbers and the paragraph number, so it has no Chinese).
 * @example englishOf('2023年工作回顾') // 'Review of work in 2023'
 */
function englishOf(heading: string): string {
  for (const [pattern, english] of YEAR_HEADINGS) {
    const match = pattern.exec(heading);
    if (match) return english(match[1] ?? '');
  }
  return /\p{Script=Han}/u.test(heading) ? '' : heading;
}

/**
 * A section path's labels as one locator part in each language. Numbers that follow each other are written as
 * the report writes them, together: `二、（五）`, and in English `2(5)`; the enumeration's own mark is left off
 * where the part ends (`一、` → `一`, `1.` → `1`), so that no `、` or `.` meets the comma or full stop after it.
 *
 * @example
 * locatorLabels([sectionLabel('二、2025年主要任务'), sectionLabel('（五）聚力实施乡村振兴战略')]) // → { zh: '二、（五）', en: '2(5)' }
 * locatorLabels([sectionLabel('2019年工作回顾'), sectionLabel('五、坚定不移统筹区域协调发展')]) // → { zh: '2019年工作回顾 五', en: 'Review of work in 2019, 5' }
 */
export function locatorLabels(labels: readonly SectionLabel[]): { zh: string; en: string } {
  let zh = '';
  for (const label of labels.map((l) => bare(l.zh))) {
    if (label.length === 0) continue;
    const close = zh.endsWith('、') || zh.endsWith('）') || label.startsWith('（');
    zh = zh.length === 0 ? label : `${zh}${close ? '' : ' '}${label}`;
  }
  const en: string[] = [];
  for (const { en: written, numbered } of labels) {
    const label = bare(written);
    if (label.length === 0) continue;
    const last = en.length - 1;
    // `(5)` after a number joins it: `2(5)`, `(1)(2)`.
    if (numbered && label.startsWith('(') && last >= 0 && NUMBER_CHAIN.test(en[last])) en[last] += label;
    else en.push(label);
  }
  return { zh: zh.replace(/、$/u, ''), en: en.join(', ') };
}

/** A locator part of numbers only: `2`, `(1)`, `2(5)`, `(1)(2)`, `I`. */
const NUMBER_CHAIN = /^[\dIVXLC]*(?:\([\dIVXLC]+\))*$/;

/** A number's label without its full stop (`1.` → `1`, `II.` → `II`), which the locator's punctuation replaces. */
const bare = (label: string): string => label.replace(/^([\dIVXLC]+)\.$/, '$1');
