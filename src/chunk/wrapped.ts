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
import { isIndented, lineWidth, type WrapProfile } from './width.js';

/** What surrounds the next body line: a blank line before it (not counting page furniture), the body line after it. */
export interface LineGap {
  blank: boolean;
  after?: Line | null;
}

/** Tolerance, in the wrap's units (columns or characters), for "full" lines of a wrapped document. */
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
 * @example continuesWrapped([line('…我国经济展现出坚强韧性。')], line('针对企业…'), { measure: 'columns', fullWidth: 38, firstLineWidth: 36, indent: false, blankBreaks: false }, { blank: false }) // true when the first line is full
 */
export function continuesWrapped(lines: readonly Line[], next: Line, wrap: WrapProfile, gap: LineGap): boolean {
  const previous = lines[lines.length - 1];
  const isFirst = lines.length === 1;
  const full = isFull(previous, mayBeFirst(lines, wrap), wrap);
  const ends = endsSentence(previous.text) && !cutsNumber(previous.text, next.text);
  if (wrap.indent && isIndented(next)) return false;
  if (wrap.blankBreaks && gap.blank) return full && !ends && !(isFirst && matchStandaloneHeading(previous.text));
  const cuesInUse = wrap.indent || wrap.blankBreaks;
  const nextWidth = lineWidth(next.text, wrap.measure);
  const nextIsFull = nextWidth > (wrap.firstLineWidth + wrap.fullWidth) / 2 || nextWidth >= wrap.fullWidth - FULL_SLACK / 2;
  if (isFirst && matchStandaloneHeading(previous.text)) {
    // A full heading line ending a sentence is a run-in heading when a full continuation line follows.
    return full && (!ends || cuesInUse || nextIsFull);
  }
  if (!ends) return full || !isFirst || looksLikeProse(previous.text) || startsMidSentence(next.text);
  if (!full) return false;
  if (matchStandaloneHeading(next.text) && !nextIsFull) return false;
  if (cuesInUse || nextIsFull) return true;
  // A line as wide as a first line opens a paragraph when a continuation line follows it; a narrower
  // line, or one without a continuation, is this paragraph's last (a one-line paragraph of exactly the
  // first-line width after a sentence ending at the margin is taken for a tail: merged, never cut).
  const after = gap.after ? lineWidth(gap.after.text, wrap.measure) : 0;
  const afterIsFull = after > (wrap.firstLineWidth + wrap.fullWidth) / 2 || after >= wrap.fullWidth - FULL_SLACK / 2;
  return !(nextWidth >= wrap.firstLineWidth - FULL_SLACK / 2 && afterIsFull);
}

/**
 * Whether a line reaches the wrap margin: an indented line with its indent, at the full width; a line
 * that may be a paragraph's first at the first-line width; any other line at the full width.
 */
function isFull(line: Line, mayBeFirst: boolean, wrap: WrapProfile): boolean {
  if (wrap.indent && isIndented(line)) return lineWidth(line.raw.trimEnd(), wrap.measure) >= wrap.fullWidth - FULL_SLACK;
  const margin = mayBeFirst ? wrap.firstLineWidth : wrap.fullWidth;
  return lineWidth(line.text, wrap.measure) >= margin - FULL_SLACK;
}

/**
 * Whether the last of `lines` may be a paragraph's first line: it is the block's first, or it follows a
 * short line ending a sentence (taken in as a tail, it may have opened a paragraph of its own).
 */
function mayBeFirst(lines: readonly Line[], wrap: WrapProfile): boolean {
  if (lines.length === 1) return true;
  const before = lines[lines.length - 2];
  return endsSentence(before.text) && lineWidth(before.text, wrap.measure) < wrap.fullWidth - FULL_SLACK;
}
