/**
 * Passage text from source lines, and the way back: each line is trimmed and rejoined (nothing between
 * CJK, one space between two Latin words or numbers, `\n` between table rows), and every character of the
 * result still knows its offset in the document.
 */

import type { Line } from './lines.js';
import { joinSeparator } from './punctuation.js';

/** How lines are put together: as running prose, or as rows kept on their own lines. */
export type Joiner = 'prose' | 'rows';

/** One source line's place in the passage text. */
interface Segment {
  textStart: number;
  docStart: number;
  length: number;
}

/** Passage text with a map back to document offsets. */
export interface MappedText {
  text: string;
  segments: readonly Segment[];
}

/**
 * Joins lines into passage text and remembers where each line went.
 * @example joinLines(splitLines('列席的同\n\n志提出意见。'), 'prose').text // '列席的同志提出意见。'
 */
export function joinLines(lines: readonly Line[], joiner: Joiner): MappedText {
  let text = '';
  const segments: Segment[] = [];
  for (const line of lines) {
    if (line.text === '') continue;
    if (text !== '') text += joiner === 'rows' ? '\n' : joinSeparator(text, line.text);
    segments.push({ textStart: text.length, docStart: line.start, length: line.text.length });
    text += line.text;
  }
  return { text, segments };
}

/**
 * The document offset of a position in the passage text. A position on a separator maps to the start
 * of the next line; the end of the text maps to the end of the last line.
 * @example docOffset(joinLines(splitLines('ab\ncd'), 'prose'), 3) // 4
 */
export function docOffset(mapped: MappedText, textIndex: number): number {
  for (const seg of mapped.segments) {
    if (textIndex < seg.textStart) return seg.docStart;
    if (textIndex < seg.textStart + seg.length) return seg.docStart + (textIndex - seg.textStart);
  }
  const last = mapped.segments[mapped.segments.length - 1];
  return last ? last.docStart + last.length : 0;
}

/** A piece of passage text with its document range. */
export interface TextPiece {
  text: string;
  start: number;
  end: number;
}

/**
 * Cuts mapped text at the given positions into trimmed pieces with document ranges.
 * @example cutText(joinLines(splitLines('甲。乙。'), 'prose'), [2]) // [{ text: '甲。', start: 0, end: 2 }, { text: '乙。', start: 2, end: 4 }]
 */
export function cutText(mapped: MappedText, cuts: readonly number[]): TextPiece[] {
  const bounds = [0, ...cuts, mapped.text.length];
  const pieces: TextPiece[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const raw = mapped.text.slice(bounds[k], bounds[k + 1]);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text === '') continue;
    const from = bounds[k] + lead;
    pieces.push({ text, start: docOffset(mapped, from), end: docOffsetEnd(mapped, from + text.length) });
  }
  return pieces;
}

/** The document offset just after the character before `textIndex` (an exclusive end). */
function docOffsetEnd(mapped: MappedText, textIndex: number): number {
  if (textIndex <= 0) return docOffset(mapped, 0);
  return docOffset(mapped, textIndex - 1) + 1;
}
