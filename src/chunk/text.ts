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
    const kept = joiner === 'rows' ? rowText(line) : { text: line.text, start: line.start };
    if (text !== '') text += joiner === 'rows' ? '\n' : joinSeparator(text, kept.text);
    segments.push({ textStart: text.length, docStart: kept.start, length: kept.text.length });
    text += kept.text;
  }
  return { text, segments };
}

/**
 * A table row as stored: trimmed of spaces but not of tabs, so a row whose first or last cell is empty
 * (`\t地方财政收入\t137`) keeps that cell and every number stays under its column.
 * @example rowText(splitLines('\t收入\t137\t ')[0]) // { text: '\t收入\t137\t', start: 0 }
 */
function rowText(line: Line): { text: string; start: number } {
  const lineStart = line.start - (line.raw.length - line.raw.trimStart().length);
  const lead = /^[^\S\t]*/u.exec(line.raw)?.[0].length ?? 0;
  const text = line.raw.slice(lead).replace(/[^\S\t]+$/u, '');
  return { text, start: lineStart + lead };
}

/**
 * The document offset of a position in the passage text. A position on a separator maps to the start
 * of the next line; the end of the text maps to the end of the last line.
 * @example docOffset(joinLines(splitLines('ab\ncd'), 'prose'), 3) // 4
 */
function docOffset(mapped: MappedText, textIndex: number): number {
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
  /** The runs of `text` copied from the document, in order: `[offset in text, offset in the document, length]`. */
  runs: Array<readonly [number, number, number]>;
}

/**
 * Where a document offset inside a piece stands in its text: in a run, its place there; between runs (on what
 * the text leaves out, such as a page's footer), the start of the next run; null past the piece.
 * @example textOffsetOf({ text: '甲乙', start: 0, end: 9, runs: [[0, 0, 1], [1, 8, 1]] }, 5) // 1
 */
export function textOffsetOf(piece: TextPiece, docAt: number): number | null {
  for (const [at, from, length] of piece.runs) {
    if (docAt < from) return at;
    if (docAt < from + length) return at + (docAt - from);
  }
  return null;
}

/**
 * Cuts mapped text at the given positions into pieces trimmed of spaces (not of tabs) with document ranges.
 * @example cutText(joinLines(splitLines('甲。乙。'), 'prose'), [2]) // [{ text: '甲。', start: 0, end: 2 }, { text: '乙。', start: 2, end: 4 }]
 */
export function cutText(mapped: MappedText, cuts: readonly number[]): TextPiece[] {
  const bounds = [0, ...cuts, mapped.text.length];
  const pieces: TextPiece[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const raw = mapped.text.slice(bounds[k], bounds[k + 1]);
    const lead = /^[^\S\t]*/u.exec(raw)?.[0].length ?? 0;
    // Tabs at the ends are a table's empty cells, not padding.
    const text = raw.slice(lead).replace(/[^\S\t]+$/u, '');
    if (text === '') continue;
    const from = bounds[k] + lead;
    pieces.push({ text, start: docOffset(mapped, from), end: docOffsetEnd(mapped, from + text.length), runs: runsIn(mapped, from, from + text.length) });
  }
  return pieces;
}

/** The runs of the mapped text between two of its offsets, relative to the first (`TextPiece.runs`). */
function runsIn(mapped: MappedText, from: number, to: number): Array<readonly [number, number, number]> {
  const runs: Array<readonly [number, number, number]> = [];
  for (const seg of mapped.segments) {
    const start = Math.max(from, seg.textStart);
    const end = Math.min(to, seg.textStart + seg.length);
    if (start < end) runs.push([start - from, seg.docStart + (start - seg.textStart), end - start]);
  }
  return runs;
}

/** The document offset just after the character before `textIndex` (an exclusive end). */
function docOffsetEnd(mapped: MappedText, textIndex: number): number {
  if (textIndex <= 0) return docOffset(mapped, 0);
  return docOffset(mapped, textIndex - 1) + 1;
}
