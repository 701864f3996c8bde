/**
 * Line-width statistics: the evidence that a document was hard-wrapped (PDF extraction) at a fixed width,
 * and at which width a paragraph's first (indented) line and its other lines fill up. A line is measured
 * in display columns (a half-width digit or letter half a column, as a PDF or a typesetter wraps) or in
 * characters (each one, as some exporters wrap plain text), whichever its document's lines agree on best.
 */

import { endsSentence } from './punctuation.js';
import type { Line } from './lines.js';

/** How a wrap measures a line: display columns of a full-width character, or characters. */
export type WrapMeasure = 'columns' | 'characters';

/** How a hard-wrapped document fills its lines, in its measure's units. */
export interface WrapProfile {
  /** How its lines are measured (`lineWidth`). */
  measure: WrapMeasure;
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

/**
 * The width of a line under a wrap's measure: display columns, or characters.
 * @example lineWidth('2023 年', 'columns') // 3.5; lineWidth('2023 年', 'characters') // 6
 */
export function lineWidth(text: string, measure: WrapMeasure): number {
  return measure === 'columns' ? displayWidth(text) : Array.from(text).length;
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
 * within ±1.5 units of one modal width and almost none longer. Returns null for documents with one paragraph a line. `all` (every line of
 * the document, blank ones included) tells whether blank lines separate paragraphs. Lines are measured in
 * display columns or in characters, whichever its lines agree on best (`tighter`): a text wrapped at 38
 * characters has full lines of 36.5 or 35 columns when they hold digits, a PDF's text wrapped at 38
 * columns full lines of 39 or 40 characters.
 * @example detectWrapProfile(splitLines(pdfText)) // { measure: 'columns', fullWidth: 44, firstLineWidth: 42, indent: false, blankBreaks: false }
 */
export function detectWrapProfile(lines: readonly Line[], all: readonly Line[] = lines): WrapProfile | null {
  const prose = lines.filter((line) => Array.from(line.text).length >= 6);
  if (prose.length < MIN_WRAPPED_LINES) return null;
  const indent = usesIndent(prose);
  const indented = indent ? prose.filter(isIndented) : null;
  const blankBreaks = usesBlankBreaks(lines, all);
  const profiles: WrapProfile[] = [];
  for (const measure of MEASURES) {
    const fullWidth = fitWrap(prose, measure);
    if (fullWidth !== null) profiles.push({ measure, fullWidth, firstLineWidth: firstLineWidth(lines, fullWidth, indented, measure), indent, blankBreaks });
  }
  if (profiles.length === 0) return null;
  const openers = mayOpen(lines);
  return profiles.reduce((best, profile) => (tighter(profile, best, prose, openers) ? profile : best));
}

/** The measures tried, the first preferred on a tie. */
const MEASURES: readonly WrapMeasure[] = ['columns', 'characters'];

/**
 * Whether `profile` fits the lines that tell the measures apart better than `other`: of the prose lines
 * a unit or more wider in characters than in columns (two half-width characters or more), more stand at
 * one of its margins (`atMargin`; `openers`: the lines that may open a paragraph). Other lines measure
 * alike, and a wrap by the other measure puts such a line at a margin only by chance (four digits make
 * two columns, the width of an indent).
 */
function tighter(profile: WrapProfile, other: WrapProfile, prose: readonly Line[], openers: ReadonlySet<Line>): boolean {
  const telling = prose.filter((line) => lineWidth(measured(line), 'characters') - lineWidth(measured(line), 'columns') >= 1);
  const fits = (p: WrapProfile): number => telling.filter((line) => atMargin(line, p, openers.has(line))).length;
  return fits(profile) > fits(other);
}

/** The lines that may open a paragraph: the first, and those after a line ending a sentence. */
function mayOpen(lines: readonly Line[]): Set<Line> {
  return new Set(lines.filter((line, k) => k === 0 || endsSentence(lines[k - 1].text)));
}

/**
 * Whether a line fills a margin of `profile`, as a full line would (`isFull` of wrapped.ts): it reaches
 * the margin, and the next character, a unit wide at most, would not have fitted (a line wrapped by
 * characters stands exactly at it, one wrapped by columns there or half a column short). The margins: for
 * an indented line, with its indent, the full width; for another, the full width or, in a text that keeps
 * no indents, for a line that `opens` a paragraph, the first-line width. A line ending in a closing mark
 * may pass it by that mark (the wrap held the mark on the line).
 */
function atMargin(line: Line, profile: WrapProfile, opens: boolean): boolean {
  const text = measured(line);
  const width = lineWidth(text, profile.measure);
  const held = HELD_MARK.test(text) ? width - lineWidth(text.slice(-1), profile.measure) : width;
  const margins = profile.indent || !opens ? [profile.fullWidth] : [profile.fullWidth, profile.firstLineWidth];
  const fills = (w: number, margin: number): boolean => w <= margin && w > margin - 1;
  return margins.some((margin) => fills(width, margin) || fills(held, margin));
}

/** A closing mark no line may start with: a wrap holds it on the line before, one past the margin. */
const HELD_MARK = /[，。、；：！？）》」』”’%％]$/u;

/** The text of a line a wrap measures: an indented line with its indent. */
function measured(line: Line): string {
  return isIndented(line) ? line.raw.trimEnd() : line.text;
}

/** The full width of the fixed wrap of `prose` under `measure`, or null when its lines show none. */
function fitWrap(prose: readonly Line[], measure: WrapMeasure): number | null {
  const widths = prose.map((line) => lineWidth(measured(line), measure));
  // A line's width without a closing mark it ends with (held past the margin, if it is full).
  const bare = prose.map((line, k) => (HELD_MARK.test(line.text) ? widths[k] - lineWidth(line.text.slice(-1), measure) : widths[k]));
  const mode = fullLineWidth(widths, bare);
  const near = widths.filter((w) => Math.abs(w - mode) <= BAND || Math.abs(w - (mode - INDENT)) <= 0.5).length;
  const overlong = widths.filter((w) => w > mode + 2 * BAND).length;
  if (near < MIN_WRAPPED_LINES || near / widths.length < MIN_WRAPPED_SHARE) return null;
  if (overlong / widths.length > MAX_OVERLONG_SHARE) return null;
  return mode;
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
 * The width of a full line: the modal width, unless a second peak stands up to 3 units wider (short
 * paragraphs make the narrower first lines, indent stripped, more frequent than full continuation lines).
 * A line that is wider only by the closing mark it ends with (`bare`: its width without it) is a full
 * line whose mark the wrap held on it, no sign of a wider margin.
 */
function fullLineWidth(widths: readonly number[], bare: readonly number[]): number {
  const mode = modalWidth(widths);
  const atMode = widths.filter((w) => Math.abs(w - mode) <= 0.5).length;
  const wider = widths.filter((w, k) => w > mode + 0.5 && w <= mode + 3 && bare[k] > mode + 0.5);
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
function firstLineWidth(lines: readonly Line[], fullWidth: number, indented: readonly Line[] | null, measure: WrapMeasure): number {
  const openers: number[] = [];
  let previous: Line | null = null;
  for (const line of indented ?? lines) {
    if (line.text === '') continue;
    const w = lineWidth(line.text, measure);
    const opens = indented !== null || (previous !== null && endsSentence(previous.text) && lineWidth(previous.text, measure) < fullWidth - 1);
    if (opens && w >= fullWidth - 6 && w <= fullWidth) openers.push(w);
    previous = line;
  }
  if (openers.length < 3) return fullWidth;
  return Math.min(fullWidth, modalWidth(openers));
}
