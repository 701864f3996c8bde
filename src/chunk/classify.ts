/**
 * Line roles: which lines are table of contents, tables, front matter, page furniture or body text.
 * Body lines go on to paragraph repair; the others become `toc`, `table` and `front` passages as they are,
 * except furniture (the page numbers and running headers of a paged text), which no passage holds.
 */

import type { Line } from './lines.js';
import { findTocRanges, isTocTitle, type LineRange } from './toc.js';
import { findTableRanges } from './tables.js';
import { isPageFurniture, startsBody } from './front.js';
import { endsSentence, startsMidSentence } from './punctuation.js';

/** What a line is, before paragraphs are rebuilt. */
export type LineRole = 'blank' | 'furniture' | 'toc' | 'table' | 'front' | 'page' | 'body';

/** A run of lines that becomes passages of one kind. */
export interface Region extends LineRange {
  kind: 'toc' | 'table' | 'front';
}

/** The role of every line, and the toc/table/front regions in document order. */
export interface LineClassification {
  roles: LineRole[];
  regions: Region[];
}

/** Two or more blank lines between front-matter lines separate two front passages. */
const FRONT_GAP = 2;

/**
 * Assigns every line a role: page furniture first (the lines whose start is in `furniture`, found by
 * `findPageFurniture`), then TOC, tables, the front matter before the body starts (at a line that reads as
 * its start, or one of `opensBody`: a heading the source marks at the top of a later page), then other
 * page-number lines; everything else is body.
 * @example classifyLines(splitLines('3 文件\n\n（紧接第一版） 统筹发展。')).roles // ['front', 'blank', 'body']
 */
export function classifyLines(lines: readonly Line[], furniture: ReadonlySet<number> = new Set(), opensBody: ReadonlySet<number> = new Set()): LineClassification {
  const roles: LineRole[] = lines.map((line) => (line.text === '' ? 'blank' : furniture.has(line.start) ? 'furniture' : 'body'));
  const regions: Region[] = [];
  const mark = (range: LineRange, kind: Region['kind']): void => {
    for (let i = range.first; i <= range.last; i++) if (roles[i] !== 'blank' && roles[i] !== 'furniture') roles[i] = kind;
    regions.push({ ...range, kind });
  };
  for (const range of findTocRanges(lines)) mark(range, 'toc');
  const taken = roles.map((role) => role === 'toc');
  for (const range of findTableRanges(lines, taken)) mark(range, 'table');
  for (const range of frontRanges(lines, roles, opensBody)) mark(range, 'front');
  lines.forEach((line, i) => {
    if (roles[i] === 'body' && isPageFurniture(line.text)) roles[i] = 'page';
  });
  regions.sort((a, b) => a.first - b.first);
  return { roles, regions };
}

/**
 * The body lines before the first line that starts the body, grouped at gaps of two blank lines and at a
 * contents title (a contents page without dotted leaders is front matter of its own). When that line opens
 * mid-sentence (`。会议充分肯定…`), the lines right before it that it continues (no blank line between, no
 * sentence end) are its sentence's start, so body too (`…所作的` / `政府工作报告` / `。会议…`).
 */
function frontRanges(lines: readonly Line[], roles: readonly LineRole[], opensBody: ReadonlySet<number>): LineRange[] {
  const ranges: LineRange[] = [];
  let current: LineRange | null = null;
  let blanks = 0;
  for (let i = 0; i < lines.length; i++) {
    const role = roles[i];
    if (role === 'furniture') continue;
    if (role === 'blank') {
      blanks++;
      continue;
    }
    if (role !== 'body') {
      if (current) ranges.push(current);
      current = null;
    } else if (startsBody(lines[i].text) || opensBody.has(i)) {
      if (current && blanks === 0 && startsMidSentence(lines[i].text)) current = withoutSentenceStart(current, lines, roles);
      break;
    } else if (current && blanks < FRONT_GAP && !isTocTitle(lines[i].text)) {
      current.last = i;
    } else {
      if (current) ranges.push(current);
      current = { first: i, last: i };
    }
    blanks = 0;
  }
  if (current) ranges.push(current);
  return ranges;
}

/** A front range without the lines at its end that run into the next line (no blank between them, no sentence end). */
function withoutSentenceStart(range: LineRange, lines: readonly Line[], roles: readonly LineRole[]): LineRange | null {
  let last = range.last;
  while (last >= range.first && roles[last] === 'body' && !endsSentence(lines[last].text)) last--;
  while (last >= range.first && roles[last] !== 'body') last--;
  return last >= range.first ? { first: range.first, last } : null;
}
