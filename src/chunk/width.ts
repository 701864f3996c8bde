/**
 * Line-width statistics: the evidence that a document was hard-wrapped (PDF extraction) at a fixed width,
 * and at which width a paragraph's first (indented) line and its other lines fill up.
 */

import { endsSentence } from './punctuation.js';
import type { Line } from './lines.js';

/** How a hard-wrapped document fills its lines, in display columns of a full-width character. */
export interface WrapProfile {
  /** Width at which a continuation line of a paragraph is full. */
  fullWidth: number;
  /** Width at which the first, indented line of a paragraph is full (≤ fullWidth). */
  firstLineWidth: number;
  /** Paragraphs start with an indented line (leading spaces kept by the extraction). */
  indent: boolean;
  /** Blank lines separate paragraphs (they stand between few enough lines to mean something). */
  blankBreaks: boolean;
}

/**
 * Display width in full-width columns: a CJK or full-width character counts 1, a half-width one 0.5.
 * @example displayWidth('2023 年') // 3.5
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isHalfWidth(ch) ? 0.5 : 1;
  return width;
}

function isHalfWidth(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0x00ff || (code >= 0xff61 && code <= 0xffdc) || (code >= 0x2000 && code <= 0x200f);
}

/** Minimum number of lines, and share of lines, at the modal width for a document to count as wrapped. */
const MIN_WRAPPED_LINES = 8;
const MIN_WRAPPED_SHARE = 0.35;
/** Lines much longer than the modal width are evidence against a fixed wrap. */
const MAX_OVERLONG_SHARE = 0.05;
const BAND = 1.5;

/**
 * Detects a document hard-wrapped at a fixed width: most prose lines (an indented line with its indent)
 * within ±1.5 columns of one modal width and almost none longer. Returns null for documents with one paragraph a line. `all` (every line of
 * the document, blank ones included) tells whether blank lines separate paragraphs.
 * @example detectWrapProfile(splitLines(pdfText)) // { fullWidth: 44, firstLineWidth: 42, indent: false, blankBreaks: false }
 */
export function detectWrapProfile(lines: readonly Line[], all: readonly Line[] = lines): WrapProfile | null {
  const prose = lines.filter((line) => Array.from(line.text).length >= 6);
  if (prose.length < MIN_WRAPPED_LINES) return null;
  const widths = prose.map((line) => displayWidth(isIndented(line) ? line.raw.trimEnd() : line.text));
  const mode = fullLineWidth(widths);
  const near = widths.filter((w) => Math.abs(w - mode) <= BAND || Math.abs(w - (mode - INDENT)) <= 0.5).length;
  const overlong = widths.filter((w) => w > mode + 2 * BAND).length;
  if (near < MIN_WRAPPED_LINES || near / widths.length < MIN_WRAPPED_SHARE) return null;
  if (overlong / widths.length > MAX_OVERLONG_SHARE) return null;
  const indent = usesIndent(prose);
  const openers = indent ? prose.filter(isIndented) : null;
  return { fullWidth: mode, firstLineWidth: firstLineWidth(lines, mode, openers), indent, blankBreaks: usesBlankBreaks(lines, all) };
}

/**
 * Whether a line starts with an indent (an ideographic space, a tab or two spaces), as a paragraph's
 * first line does when the extraction kept it; one stray space at the top of a page is not one.
 * @example isIndented(splitLines('\u3000\u3000各位代表：')[0]) // true; isIndented(splitLines(' 国人民')[0]) // false
 */
export function isIndented(line: Line): boolean {
  return /^(?:[\u3000\t]|[^\S\r\n]{2})/u.test(line.raw);
}

/** Some lines indented (at least one in twenty), not nearly all: the indent marks paragraph starts. */
function usesIndent(lines: readonly Line[]): boolean {
  const indented = lines.filter(isIndented).length;
  return indented >= 3 && indented >= lines.length * 0.05 && indented <= lines.length * 0.8;
}

/**
 * Only blank lines, and at least one, between some but not nearly all consecutive body lines (a text with
 * a blank line after every line has no paragraph marks in them): a blank
 * line is a paragraph break.
 */
function usesBlankBreaks(lines: readonly Line[], all: readonly Line[]): boolean {
  let gaps = 0;
  for (let k = 1; k < lines.length; k++) {
    const between = all.slice(lines[k - 1].index + 1, lines[k].index);
    if (between.length > 0 && between.every((line) => line.text === '')) gaps++;
  }
  return gaps >= 3 && gaps < (lines.length - 1) * 0.8;
}

/** The usual indent of a paragraph's first line, in columns. */
const INDENT = 2;

/**
 * The width of a full line: the modal width, unless a second peak stands up to 3 columns wider (short
 * paragraphs make the narrower first lines, indent stripped, more frequent than full continuation lines).
 */
function fullLineWidth(widths: readonly number[]): number {
  const mode = modalWidth(widths);
  const atMode = widths.filter((w) => Math.abs(w - mode) <= 0.5).length;
  const wider = widths.filter((w) => w > mode + 0.5 && w <= mode + 3);
  return wider.length >= MIN_WRAPPED_LINES && wider.length >= atMode * 0.3 ? modalWidth(wider) : mode;
}

/** The most frequent width (rounded to whole columns); ties go to the wider. */
function modalWidth(widths: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(Math.round(w), (counts.get(Math.round(w)) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [w, n] of counts) {
    if (n > bestCount || (n === bestCount && w > best)) {
      best = w;
      bestCount = n;
    }
  }
  return best;
}

/**
 * The modal width of lines that open a paragraph (the indented lines, when the text keeps its indents;
 * else the lines that follow a short line ending a sentence) and are nearly full: an indented first line fills
 * up a little short of the full width. A line that ends a sentence short of the margin ends a paragraph.
 */
function firstLineWidth(lines: readonly Line[], fullWidth: number, indented: readonly Line[] | null): number {
  const openers: number[] = [];
  let previous: Line | null = null;
  for (const line of indented ?? lines) {
    if (line.text === '') continue;
    const w = displayWidth(line.text);
    const opens = indented !== null || (previous !== null && endsSentence(previous.text) && displayWidth(previous.text) < fullWidth - 1);
    if (opens && w >= fullWidth - 6 && w <= fullWidth) openers.push(w);
    previous = line;
  }
  if (openers.length < 3) return fullWidth;
  return Math.min(fullWidth, modalWidth(openers));
}
