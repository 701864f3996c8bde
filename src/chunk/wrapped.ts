/**
 * Paragraph breaks in text hard-wrapped at a fixed width (a PDF's text layer saved as .txt). A line near
 * the wrap width continues its paragraph whatever it ends with (`。` at the margin is a coincidence, `6.`
 * before `1%` a number cut in two); a short line ends it; an indented line, or a blank line in a text that
 * separates paragraphs with them, starts a new one; without either cue, a paragraph's narrower first line
 * (its indent stripped by the extraction) marks the start.
 */

import type { Line } from './lines.js';
import { endsSentence, looksLikeProse, startsMidSentence } from './punctuation.js';
import { matchStandaloneHeading } from './headings.js';
import { displayWidth, isIndented, type WrapProfile } from './width.js';

/** What lies between two body lines: a blank line (not counting page furniture). */
export interface LineGap {
  blank: boolean;
}

/** Tolerance, in columns, for "full" lines of a wrapped document. */
const FULL_SLACK = 1;

/**
 * Whether `text` ends with a number cut by the wrap before `next` (`增长6.` + `1%`, `3,` + `000`).
 * @example cutsNumber('增长6.', '1%') // true; cutsNumber('增长6%。', '1. 加快') // false
 */
export function cutsNumber(text: string, next: string): boolean {
  return /[0-9０-９][.．,，]$/u.test(text) && /^[0-9０-９]/u.test(next);
}

/**
 * Whether `next` continues the paragraph whose body lines so far are `lines`, in a wrapped document.
 * @example continuesWrapped([line('…我国经济展现出坚强韧性。')], line('针对企业…'), { fullWidth: 38, firstLineWidth: 36, indent: false, blankBreaks: false }, { blank: false }) // true when the first line is full
 */
export function continuesWrapped(lines: readonly Line[], next: Line, wrap: WrapProfile, gap: LineGap): boolean {
  const previous = lines[lines.length - 1];
  const isFirst = lines.length === 1;
  const full = isFull(previous, isFirst, wrap);
  const ends = endsSentence(previous.text) && !cutsNumber(previous.text, next.text);
  if ((wrap.indent && isIndented(next)) || (wrap.blankBreaks && gap.blank)) return full && !ends;
  const cuesInUse = wrap.indent || wrap.blankBreaks;
  if (isFirst && matchStandaloneHeading(previous.text)) return full && (!ends || cuesInUse);
  if (!ends) return full || !isFirst || looksLikeProse(previous.text) || startsMidSentence(next.text);
  if (!full) return false;
  const nextWidth = displayWidth(next.text);
  const nextIsFull = nextWidth > (wrap.firstLineWidth + wrap.fullWidth) / 2 || nextWidth >= wrap.fullWidth - FULL_SLACK / 2;
  if (matchStandaloneHeading(next.text) && !nextIsFull) return false;
  if (cuesInUse) return true;
  const nextIsTail = !isFirst && nextWidth < wrap.firstLineWidth - FULL_SLACK - 0.5;
  return nextIsFull || nextIsTail;
}

/** Whether a line reaches the wrap margin: the first-line width for a first line, the full width otherwise. */
function isFull(line: Line, isFirst: boolean, wrap: WrapProfile): boolean {
  const margin = isFirst ? wrap.firstLineWidth : wrap.fullWidth;
  return displayWidth(line.text) >= margin - FULL_SLACK;
}
