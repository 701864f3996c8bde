/**
 * Table detection. A `专栏` box (caption `专栏 1 …`, tab-separated rows, item lines `01 …` with their
 * bodies, bullets, `注：` notes) is one table; so is a run of tab-separated rows elsewhere, with a
 * `表 1` caption before and notes after.
 */

import { foldToSimplified } from '../simplified-chinese.js';
import type { Line } from './lines.js';
import type { LineRange } from './toc.js';
import { isStrongHeadingLine } from './headings.js';

const BOX_CAPTION = /^专栏\s*[0-9０-９]+/u;
const TABLE_CAPTION = /^(?:附表|表)\s*[0-9０-９一二三四五六七八九十]+/u;
const NOTE_START = /^注\s*[:：]/u;
const NUMBERED_NOTE = /^(?:[0-9０-９]{1,2}\s*[.．、]|[（(][0-9０-９]{1,2}[)）])/u;
const BULLET = /^[-•·●▪◆■□]\s*\S/u;
const BOX_ITEM = /^0[0-9]\s*\S/u;
const KEY_VALUE = /^[^：:\s]{1,10}[：:]\S/u;
const MAX_KEY_VALUE = 60;

/**
 * Whether a line is a tab-separated table row (a tab between two cells).
 * @example isTabRow({ raw: '类别\t指标', text: '类别\t指标' }) // true
 */
function isTabRow(line: Pick<Line, 'raw' | 'text'>): boolean {
  return line.text.includes('\t');
}

/**
 * Whether a line is the caption of a `专栏` box.
 * @example isBoxCaption('专栏 1 “十三五”时期经济社会发展主要指标完成情况') // true
 */
function isBoxCaption(text: string): boolean {
  return BOX_CAPTION.test(foldToSimplified(text));
}

/** Whether a line opens a table's notes (`注：`, also `註：`). */
function isNoteStart(text: string): boolean {
  return NOTE_START.test(foldToSimplified(text));
}

type BoxState = 'rows' | 'notes' | 'items';

/** Whether a line belongs to the box being read, and the state after it. */
function boxStep(line: Line, state: BoxState): BoxState | null {
  if (isBoxCaption(line.text) || TABLE_CAPTION.test(line.text)) return null;
  if (isNoteStart(line.text)) return 'notes';
  if (state === 'notes' && NUMBERED_NOTE.test(line.text)) return 'notes';
  if (isStrongHeadingLine(line.text)) return null;
  if (isTabRow(line) || BULLET.test(line.text)) return state === 'notes' ? null : state;
  if (BOX_ITEM.test(line.text)) return 'items';
  if (KEY_VALUE.test(line.text) && Array.from(line.text).length <= MAX_KEY_VALUE) return state;
  if (state === 'items') return 'items';
  return null;
}

/**
 * Finds the tables of a document, skipping lines already taken (by the TOC).
 * @example findTableRanges(splitLines('专栏 5 乡村振兴\n01 a\tb\n\n第三篇 x'), []) // [{ first: 0, last: 1 }]
 */
export function findTableRanges(lines: readonly Line[], taken: readonly boolean[]): LineRange[] {
  const ranges: LineRange[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (taken[i] || line.text === '') {
      i++;
      continue;
    }
    let last = -1;
    if (isBoxCaption(line.text)) last = readBox(lines, taken, i);
    else if (isTabRow(line) || (TABLE_CAPTION.test(line.text) && nextIsTabRow(lines, taken, i))) {
      last = readTabRun(lines, taken, i);
    }
    if (last >= i) {
      ranges.push({ first: i, last });
      i = last + 1;
    } else {
      i++;
    }
  }
  return ranges;
}

function readBox(lines: readonly Line[], taken: readonly boolean[], caption: number): number {
  let state: BoxState = 'rows';
  let last = caption;
  for (let j = caption + 1; j < lines.length && !taken[j]; j++) {
    if (lines[j].text === '') continue;
    const next = boxStep(lines[j], state);
    if (next === null) break;
    state = next;
    last = j;
  }
  return last;
}

function readTabRun(lines: readonly Line[], taken: readonly boolean[], first: number): number {
  let last = first;
  let notes = false;
  let blanks = 0;
  for (let j = first + 1; j < lines.length && !taken[j]; j++) {
    const line = lines[j];
    if (line.text === '') {
      if (++blanks >= 2) break;
      continue;
    }
    const accept = notes
      ? NUMBERED_NOTE.test(line.text) || isNoteStart(line.text)
      : isTabRow(line) || isNoteStart(line.text);
    if (!accept) break;
    notes ||= isNoteStart(line.text);
    last = j;
    blanks = 0;
  }
  return last;
}

function nextIsTabRow(lines: readonly Line[], taken: readonly boolean[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j <= i + 2; j++) {
    if (taken[j]) return false;
    if (lines[j].text !== '') return isTabRow(lines[j]);
  }
  return false;
}
