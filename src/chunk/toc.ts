/**
 * Table-of-contents detection: a `目录` title and the entries after it (dotted leaders and page numbers,
 * `第一章 总体形势.....	- 1 -`), or runs of such entries without a title. The TOC is kept as `toc`
 * passages and never drives the document structure (the five-year plan's TOC says 第十一章 where the
 * body says 第十一篇).
 */

import { LEADER_PAGE } from '../ingest/toc-leader.js';
import { foldToSimplified } from '../simplified-chinese.js';
import type { Line } from './lines.js';
import { matchMarker } from './headings.js';
import { endsSentence } from './punctuation.js';

const TOC_TITLE = /^(?:目\s*录|目\s*次|contents|table of contents)$/iu;
/** A dash around a page number (`- 1 -`, `— 1 —`). */
const DASH = '[-—－–]';
const TAB_PAGE = new RegExp(`\\t\\s*${DASH}\\s*[0-9０-９]+\\s*${DASH}\\s*$`, 'u');
/** Under a contents title only: a bare page number after a tab (`一、编制背景\t01`, a PDF's or Word's tab leader). */
const TAB_BARE_PAGE = /\S\t+[0-9０-９]{1,3}\s*$/u;
/** Under a contents title, two at least: a numbered heading and its page number after a space (`一、发展现状 1`). */
const SPACE_BARE_PAGE = /\S\s+[0-9０-９]{1,3}$/u;
const MIN_SPACED_ENTRIES = 2;
/** An entry's page number with the leaders, tabs and dashes around it, for comparing an entry with the heading it names. */
const ENTRY_PAGE = /[\s.…·．_\-—－–0-9０-９]+$/u;
const PAGE_FIRST = new RegExp(`^${DASH}?\\s*[0-9０-９]{1,3}\\s+\\S`, 'u');
const MAX_TOC_LINE = 60;
const MAX_GROUP_LINES = 16;

/**
 * Whether a line is a TOC title (`目录`, `目 录`, `Contents`).
 * @example isTocTitle('目 录') // true
 */
export function isTocTitle(text: string): boolean {
  return TOC_TITLE.test(foldToSimplified(text));
}

/**
 * Whether a line is a TOC entry: a title, a dotted leader and a page number (or a tab and `- N -`).
 * @example isTocEntry('第一章 总体形势.....\t- 1 -') // true; isTocEntry('类别\t指标\t2015年') // false
 */
export function isTocEntry(line: Pick<Line, 'raw' | 'text'>): boolean {
  if (Array.from(line.text).length > MAX_TOC_LINE + 20) return false;
  return LEADER_PAGE.test(line.text) || TAB_PAGE.test(line.raw);
}

/** Inside a titled TOC: an entry (a tab and a bare page number count too), a `- 1 标题` entry, or a short line that is not a sentence. */
function isTocBodyLine(line: Line): boolean {
  if (isTitledTocEntry(line)) return true;
  const length = Array.from(line.text).length;
  if (PAGE_FIRST.test(line.text) && length <= MAX_TOC_LINE) return true;
  return length <= MAX_TOC_LINE && !endsSentence(line.text);
}

/** An entry of a contents list under its title: a TOC entry, or a title with a bare page number after a tab. */
function isTitledTocEntry(line: Line): boolean {
  return isTocEntry(line) || TAB_BARE_PAGE.test(line.raw);
}

/**
 * Whether the lines under a contents title hold its entries: one with leaders or a tab before its page number,
 * or two numbered headings with a page number after a space (a tab leader printed as a space).
 */
function hasEntries(lines: readonly Line[]): boolean {
  if (lines.some(isTitledTocEntry)) return true;
  return lines.filter((l) => SPACE_BARE_PAGE.test(l.text) && matchMarker(l.text) !== null).length >= MIN_SPACED_ENTRIES;
}

/**
 * What an entry or a heading names, to tell where the body starts again: without its marker, page number,
 * leaders and spaces (`一、编制背景\t01` and the body's `编制背景` both give `编制背景`).
 * @example entryName('第一章 总体形势.....\t- 1 -') // '总体形势'
 */
export function entryName(text: string): string {
  const bare = text.replace(ENTRY_PAGE, '');
  const marker = matchMarker(bare);
  return (marker ? marker.rest : bare).replace(/\s+/gu, '');
}

/** A run of lines (inclusive indices into the document's lines). */
export interface LineRange {
  first: number;
  last: number;
}

/**
 * Finds the TOC regions of a document: a title plus the entry-like lines after it (until two blank lines
 * or a sentence) when at least one of them is a dotted-leader entry, and runs of such entries elsewhere.
 * A contents page without leaders (the gazette's, one entry) is left to the front matter.
 * @example findTocRanges(splitLines('目 录\n第一章 总体.....\t- 1 -\n\n正文。')) // [{ first: 0, last: 1 }]
 */
export function findTocRanges(lines: readonly Line[]): LineRange[] {
  const ranges: LineRange[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const titled = isTocTitle(line.text) ? titledEnd(lines, i) : -1;
    if (titled > i && hasEntries(lines.slice(i, titled + 1))) {
      ranges.push({ first: i, last: titled });
      i = titled + 1;
    } else if (isTocEntry(line)) {
      const last = extend(lines, i, isTocEntry);
      ranges.push({ first: i, last });
      i = last + 1;
    } else {
      i++;
    }
  }
  return ranges;
}

/**
 * The last line of a titled contents list: its entry-like lines after the title, ending before the line
 * where the body starts again by naming the first entry (a contents list names each heading once).
 */
function titledEnd(lines: readonly Line[], title: number): number {
  const last = extend(lines, title, isTocBodyLine);
  const first = lines.slice(title + 1, last + 1).find((l) => l.text !== '');
  const name = first ? entryName(first.text) : '';
  if (!first || name === '') return last;
  const again = lines.slice(first.index + 1, last + 1).find((l) => l.text !== '' && entryName(l.text) === name);
  return again ? again.index - 1 : last;
}

/** Extends a region over following lines that pass `accept`, across single blank lines. */
function extend(lines: readonly Line[], first: number, accept: (line: Line) => boolean): number {
  let last = first;
  let blanks = 0;
  for (let j = first + 1; j < lines.length; j++) {
    const line = lines[j];
    if (line.text === '') {
      blanks++;
      if (blanks >= 2) break;
      continue;
    }
    if (!accept(line)) break;
    last = j;
    blanks = 0;
  }
  return last;
}

/**
 * Groups the non-blank lines of a TOC into passages: a new group at each entry of the outermost level
 * present (one group per 篇 in the five-year plan); a long group is cut again at the next level (章)
 * after 16 lines, and anywhere after 32.
 * @example groupTocLines(linesOf('目录\n第一篇 甲...1\n第一章 乙...1\n第二篇 丙...2')).map((g) => g.length) // [3, 1]
 */
export function groupTocLines(lines: readonly Line[]): Line[][] {
  const ranks = lines.map((line) => matchMarker(line.text)?.pattern.rank ?? null);
  const present = ranks.filter((r): r is number => r !== null);
  const outer = present.length > 0 ? present.reduce((low, r) => Math.min(low, r)) : null;
  const groups: Line[][] = [];
  let current: Line[] = [];
  let hasOuter = false;
  lines.forEach((line, k) => {
    const rank = ranks[k];
    const isOuter = outer !== null && rank === outer;
    const isNextLevel = outer !== null && rank !== null && rank <= outer + 1;
    const full = (current.length >= MAX_GROUP_LINES && (isNextLevel || outer === null)) || current.length >= 2 * MAX_GROUP_LINES;
    if (current.length > 0 && ((isOuter && hasOuter) || full)) {
      groups.push(current);
      current = [];
      hasOuter = false;
    }
    current.push(line);
    hasOuter ||= isOuter;
  });
  if (current.length > 0) groups.push(current);
  return groups;
}
