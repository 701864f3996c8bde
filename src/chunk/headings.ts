/**
 * Heading patterns of Chinese government reports and their nesting ranks, as a table:
 * an appendix (`附件`, `附件2 名词解释`, a glossary `名词解释`) > 第X篇 > 第X章 > 第X节 > a standalone year line (`2023年工作回顾`) > 一、
 * (in English `I.`) > （一） > 1. / 1、 > （1）.
 * A lower rank is an outer level. A heading either stands on its own line or runs in at the start of a
 * paragraph (`（一）疫情防控取得重要成果。严格落实…`), where its title ends at the first sentence end.
 * The patterns are matched against the text folded to simplified characters (same length), so a report in
 * traditional characters has its `第三節` and `名詞解釋` as a simplified one has them; titles are as written.
 */

import { foldToSimplified } from '../simplified-chinese.js';
import { parseNumeral } from '../chinese-numerals.js';
import { hasHan } from './punctuation.js';

/** One heading style: how to recognise its marker and how deep it nests. */
export interface HeadingPattern {
  style: string;
  rank: number;
  /** Matches the marker at the start of a line; group 1 is the number. */
  marker: RegExp;
  /** Arabic-numbered styles are weak evidence: they double as list items and table notes. */
  weak: boolean;
}

/** A recognised heading. */
export interface Heading {
  style: string;
  rank: number;
  /** The heading's number (1 for 一、 and （一）), null for a year line. */
  number: number | null;
  /** Title as it goes into section paths: the heading text without trailing punctuation. */
  title: string;
  runIn: boolean;
}

const CN = '[零〇一二两三四五六七八九十百]+';
const DIG = '[0-9０-９]{1,3}';
/** A roman numeral up to XXXIX, not empty. */
const ROMAN = '(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})';

/** The heading styles, outermost first. */
export const HEADING_PATTERNS: readonly HeadingPattern[] = [
  { style: '篇', rank: 1, marker: new RegExp(`^第(${CN}|${DIG})(?:篇|部分)`, 'u'), weak: false },
  { style: '章', rank: 2, marker: new RegExp(`^第(${CN}|${DIG})章`, 'u'), weak: false },
  { style: '节', rank: 3, marker: new RegExp(`^第(${CN}|${DIG})节`, 'u'), weak: false },
  { style: '一、', rank: 5, marker: new RegExp(`^(${CN})、`, 'u'), weak: false },
  { style: 'I.', rank: 5, marker: new RegExp(`^(${ROMAN})\\.\\s+(?=\\p{Lu})`, 'u'), weak: false },
  { style: '（一）', rank: 6, marker: new RegExp(`^[（(](${CN})[)）]`, 'u'), weak: false },
  { style: '1.', rank: 7, marker: new RegExp(`^(${DIG})(?:[.．](?![0-9０-９])|、)`, 'u'), weak: true },
  { style: '（1）', rank: 8, marker: new RegExp(`^[（(](${DIG})[)）]`, 'u'), weak: true },
];

/** Rank of a standalone year heading such as `2023 年工作回顾`: above 一、, below 第X节. */
const YEAR_HEADING_RANK = 4;
/** A date (`2025年1月15日`, `2024 年 12 月`) is no year heading: the month follows the year. */
const YEAR_HEADING = /^(?:19|20)[0-9]{2}\s*年(?!\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月)[^\s，。、；：！？,.;:!?（）()“”《》]{2,20}$/u;

/** Rank of an appendix heading: outside every section of the report it follows. */
const APPENDIX_RANK = 0;
/**
 * `附件`, `附件1`, `附件二：`, `附件2 名词解释`, `附件1：2025年十件民生实事`: the word on a line of its own, a
 * number, and a short title after the number, a colon or a space. Not `附件：1.….pdf`, a list of attached
 * files (its title would open with an item number and hold a dot). Group 1 is the number.
 */
const APPENDIX_HEADING = new RegExp(
  `^附\\s*件\\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\\s*(?:[：:]\\s*)?` +
    `(?:(?<=[\\s0-9０-９一二三四五六七八九十：:])(?![0-9０-９]{1,2}\\s*[.．、)）])[^\\s：:，。；！？,.．;!?][^：:，。；！？,.．;!?]{0,19})?$`,
  'u',
);
/** A glossary after a report, on a line of its own (`名词解释`, `附：名词注释`): end matter as an appendix is. */
const GLOSSARY_HEADING = /^(?:附\s*[：:]?\s*)?名词(?:解释|注释)[：:]?$/u;

/** An appendix heading with no title of its own (`附件`, `附件2：`). */
const BARE_APPENDIX = /^附\s*件\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?$/u;

/**
 * True for a glossary heading set right under a bare appendix heading (`附件` then `名词解释`): it is that
 * appendix's title and stands inside it; false for any other pair (a glossary after a titled appendix, `附件1
 * 十件民生实事`, or after text, is end matter of its own).
 * @example glossaryUnderAppendix(matchStandaloneHeading('附件'), matchStandaloneHeading('名词解释')) // true
 */
export function glossaryUnderAppendix(previous: Heading | null, heading: Heading): boolean {
  if (!previous || previous.style !== 'appendix' || heading.style !== 'appendix') return false;
  return BARE_APPENDIX.test(foldToSimplified(previous.title)) && GLOSSARY_HEADING.test(foldToSimplified(heading.title));
}

/** A standalone heading is at most this long; a run-in title too. */
export const MAX_HEADING_LENGTH = 50;
/** The same in a line without Chinese, whose words take several letters each (about 20 words). */
const MAX_LATIN_HEADING_LENGTH = 120;
/** Punctuation that ends a run-in heading's title. */
const RUN_IN_END = /[。！？!?：:]/u;
/** A standalone heading never has a sentence end before its last character. */
const INNER_SENTENCE_END = /[。！？!?；;]/u;
/**
 * A term, a colon and a definition that ends a sentence (`1.“两重”：国家重大战略实施…建设。`, a glossary's entry):
 * a paragraph with a heading run in, not a heading.
 */
const DEFINITION = /[：:]\s*[^\s。！？!?]+[。！？!?]$/u;
/** A line ending in these is cut mid-phrase, not a heading. */
const DANGLING_END = /[，,、（(“‘《—\-－]$/u;
const TRAILING_PUNCTUATION = /[。！？!?；;：:，,、\s]+$/u;

/** A marker (`第一百零二章`, `（十一）`) lies within this many characters of a line's start. */
const MARKER_REACH = 24;

interface MarkerMatch {
  pattern: HeadingPattern;
  number: number | null;
  /** Length of the marker in UTF-16 code units. */
  markerLength: number;
  /** The text after the marker, trimmed. */
  rest: string;
}

/**
 * The heading style whose marker starts the text, if any.
 * @example matchMarker('（三）重点项目有序推进。')?.pattern.style // '（一）'
 */
export function matchMarker(text: string): MarkerMatch | null {
  const head = foldToSimplified(text.slice(0, MARKER_REACH));
  for (const pattern of HEADING_PATTERNS) {
    const m = pattern.marker.exec(head);
    if (m) {
      return { pattern, number: parseNumeral(m[1]), markerLength: m[0].length, rest: text.slice(m[0].length).trim() };
    }
  }
  return null;
}

/**
 * Recognises a line that is a heading by itself: a marker followed by a short title with no sentence
 * end inside and no definition after a colon, or a short year line such as `2024 年工作安排`.
 * @example matchStandaloneHeading('（一）当前面临的发展形势')?.rank // 6
 * @example matchStandaloneHeading('(三)推进产业发展。')?.title // '(三)推进产业发展'
 */
export function matchStandaloneHeading(text: string): Heading | null {
  const length = Array.from(text).length;
  if (length > (hasHan(text) ? MAX_HEADING_LENGTH : MAX_LATIN_HEADING_LENGTH) || DANGLING_END.test(text)) return null;
  const folded = foldToSimplified(text);
  if (YEAR_HEADING.test(folded)) {
    return { style: 'year', rank: YEAR_HEADING_RANK, number: null, title: text, runIn: false };
  }
  const appendix = APPENDIX_HEADING.exec(folded) ?? GLOSSARY_HEADING.exec(folded);
  if (appendix) {
    const number = appendix[1] === undefined ? null : parseNumeral(appendix[1]);
    return { style: 'appendix', rank: APPENDIX_RANK, number, title: text.replace(TRAILING_PUNCTUATION, ''), runIn: false };
  }
  const m = matchMarker(text);
  if (!m || m.rest === '' || !/\p{L}/u.test(m.rest)) return null;
  const body = text.replace(TRAILING_PUNCTUATION, '');
  if (INNER_SENTENCE_END.test(body) || DEFINITION.test(m.rest)) return null;
  return { style: m.pattern.style, rank: m.pattern.rank, number: m.number, title: body, runIn: false };
}

/**
 * Recognises a heading that runs in at the start of a paragraph: a marker, a short title ending at the
 * first 。！？ or colon, then more text. The title (without its end mark) names the section.
 * @example matchRunInHeading('（一）疫情防控取得重要成果。严格落实…')?.title // '（一）疫情防控取得重要成果'
 */
export function matchRunInHeading(text: string): Heading | null {
  const m = matchMarker(text);
  if (!m || m.rest === '') return null;
  const end = RUN_IN_END.exec(text.slice(m.markerLength));
  if (!end) return null;
  const titleEnd = m.markerLength + end.index;
  const title = text.slice(0, titleEnd).trim();
  const titleBody = text.slice(m.markerLength, titleEnd).trim();
  const after = text.slice(titleEnd + 1).trim();
  if (after === '' || !/\p{L}/u.test(titleBody) || Array.from(title).length > MAX_HEADING_LENGTH) return null;
  return { style: m.pattern.style, rank: m.pattern.rank, number: m.number, title, runIn: true };
}

/**
 * Whether a line starts with a strong (non-arabic) heading marker or is a year heading.
 * @example isStrongHeadingLine('第二节 发展环境特征') // true; isStrongHeadingLine('2.[]内为累计数') // false
 */
export function isStrongHeadingLine(text: string): boolean {
  const h = matchStandaloneHeading(text);
  if (h) return h.style === 'year' || !isWeakStyle(h.style);
  const r = matchRunInHeading(text);
  return r !== null && !isWeakStyle(r.style);
}

function isWeakStyle(style: string): boolean {
  return HEADING_PATTERNS.some((p) => p.style === style && p.weak);
}
