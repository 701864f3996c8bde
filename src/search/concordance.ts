/**
 * Concordance (key word in context): every occurrence of a phrase's match key in passages' match keys, sorted,
 * and the lines of one page cut from the original text around each occurrence. Pure: keys and texts in, values
 * out. Occurrences do not overlap (`哈哈` occurs once in `哈哈哈`), as highlights count them.
 */
import { originalRanges } from '../text/normalize.js';

/** Which text of a passage an occurrence is in: the Chinese text or its parallel English. */
export type OccurrenceField = 'text' | 'textEn';

/** One occurrence: the passage's position, which of its texts, and the offset in that text's match key. */
export interface Occurrence {
  index: number;
  field: OccurrenceField;
  at: number;
}

/** Orders of a concordance: document order, by the words before or after the keyword, by year. */
export const CONCORDANCE_SORTS = ['corpus', 'left', 'right', 'year'] as const;
export type ConcordanceSort = (typeof CONCORDANCE_SORTS)[number];

/** One line of a concordance: the keyword as written, and up to `context` characters on either side. */
export interface ConcordanceText {
  left: string;
  match: string;
  right: string;
  /** Where the keyword begins in the text (a UTF-16 offset into the original). */
  start: number;
}

/** What sorting needs besides the occurrences: their keys, their year, and the keyword's length in the key. */
export interface SortContext {
  keyOf: (occurrence: Occurrence) => string;
  yearOf: (occurrence: Occurrence) => number | null;
  length: number;
}

/** Document order: passage, then text before English, then offset. */
function corpusOrder(a: Occurrence, b: Occurrence): number {
  return a.index - b.index || (a.field === b.field ? 0 : a.field === 'text' ? -1 : 1) || a.at - b.at;
}

/** How many characters of context sorting by left or right context compares; beyond that, document order. */
const SORT_DEPTH = 40;

/** The match key's characters leftwards from before the keyword (nearest first), at most SORT_DEPTH. */
function leftKey(key: string, at: number): string {
  const units: number[] = [];
  for (let i = at - 1; i >= 0 && i >= at - SORT_DEPTH; i--) units.push(key.charCodeAt(i));
  let out = '';
  for (const unit of units) out += String.fromCharCode(unit);
  return out;
}

/**
 * Sorts occurrences in place: `corpus` (document order), `left` / `right` (by the normalized context before
 * the keyword read leftwards, or after it read rightwards, code unit by code unit up to SORT_DEPTH characters;
 * a context that ends first comes first), `year` (undated last). Ties keep document order.
 * @example sortOccurrences(lines, 'right', { keyOf, yearOf, length: 2 })
 */
export function sortOccurrences(occurrences: Occurrence[], sort: ConcordanceSort, context: SortContext): Occurrence[] {
  if (sort === 'corpus') return occurrences.sort(corpusOrder);
  if (sort === 'year') {
    const year = (o: Occurrence): number => context.yearOf(o) ?? Number.MAX_SAFE_INTEGER;
    return occurrences.sort((a, b) => year(a) - year(b) || corpusOrder(a, b));
  }
  // One string per occurrence, compared as strings: far cheaper than walking two keys per comparison.
  const keyed = occurrences.map((o) => {
    const key = context.keyOf(o);
    const start = o.at + context.length;
    return { o, by: sort === 'left' ? leftKey(key, o.at) : key.slice(start, start + SORT_DEPTH) };
  });
  keyed.sort((a, b) => (a.by < b.by ? -1 : a.by > b.by ? 1 : corpusOrder(a.o, b.o)));
  keyed.forEach((k, i) => (occurrences[i] = k.o));
  return occurrences;
}

/** Moves back from `end` over at most `count` code points of `text`. */
function backCodePoints(text: string, end: number, count: number): number {
  let i = end;
  for (let n = 0; n < count && i > 0; n++) i -= i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) && isHighSurrogate(text.charCodeAt(i - 2)) ? 2 : 1;
  return i;
}

/** Moves forward from `start` over at most `count` code points of `text`. */
function forwardCodePoints(text: string, start: number, count: number): number {
  let i = start;
  for (let n = 0; n < count && i < text.length; n++) i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  return i;
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * The concordance lines of occurrences in one text: for each `[at, at + length)` of the text's match key, the
 * original characters of the keyword and up to `context` code points of the original text on either side
 * (verbatim; whitespace counts as characters there).
 * @example linesIn('推进乡村\n振兴。', [2], 4, 2) // [{ left: '推进', match: '乡村\n振兴', right: '。', start: 2 }]
 */
export function linesIn(text: string, offsets: readonly number[], length: number, context: number): ConcordanceText[] {
  const ranges = originalRanges(text, offsets.map((at) => [at, at + length] as const));
  return ranges.map(([start, end]) => ({
    left: text.slice(backCodePoints(text, start, context), start),
    match: text.slice(start, end),
    right: text.slice(end, forwardCodePoints(text, end, context)),
    start,
  }));
}
