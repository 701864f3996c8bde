/**
 * Excerpts and highlights: a short window of a passage around its densest cluster of matches, cut at sentence
 * or clause boundaries, with the matches shifted into the excerpt's coordinates. Pure; offsets are UTF-16
 * code units, ranges are `[start, end)`.
 */
import { isSpaceUnit, nearestClauseBoundary, safeCut, splitsSurrogatePair } from './sentence-bounds.js';

/** An excerpt and the `[start, end)` ranges of it to highlight. */
export interface Snippet {
  snippet: string;
  highlights: Array<[number, number]>;
}

export interface SnippetOptions {
  /** Target length in UTF-16 code units (default 120); cutting at a boundary may move each end by up to a fifth of it. */
  size?: number;
  /**
   * Which of the query's concepts the (merged) match `[start, end)` holds, as bits (concept i: bit i, at most 31):
   * the excerpt then shows the window that holds the most concepts, and of those the most matches. Asked only
   * when the text is longer than the excerpt. Without it, the window with the most matches.
   */
  conceptsOf?: (start: number, end: number) => number;
}

const ELLIPSIS = '…';
const DEFAULT_SIZE = 120;

/**
 * Sorts ranges and merges those that overlap or touch; drops empty and non-finite ones.
 *
 * @example
 * mergeRanges([[5, 8], [0, 2], [2, 3], [7, 9]]) // → [[0, 3], [5, 9]]
 */
export function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  // Ranges already sorted, apart and valid (what a highlighter gives, most of the time) are copied as they are.
  if (alreadyMerged(ranges)) return ranges.map(([s, e]): [number, number] => [s, e]);
  const valid = ranges
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e) && s < e)
    .map(([s, e]): [number, number] => [s, e])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: Array<[number, number]> = [];
  for (const range of valid) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/**
 * `mergeRanges` of a list its caller made and gives up: ranges already merged (as a highlighter's mostly are)
 * are answered as they are, not copied pair by pair; others as `mergeRanges` does.
 * @example const own: Array<[number, number]> = [[0, 2], [4, 5]]; mergeOwnRanges(own) === own // true
 */
export function mergeOwnRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  return alreadyMerged(ranges) ? ranges : mergeRanges(ranges);
}

/** True when the ranges are finite, non-empty, ascending and neither overlap nor touch: `mergeRanges` would keep them all. */
function alreadyMerged(ranges: ReadonlyArray<readonly [number, number]>): boolean {
  let end = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < ranges.length; i++) {
    const [s, e] = ranges[i];
    if (!(Number.isFinite(s) && Number.isFinite(e) && s < e && s > end)) return false;
    end = e;
  }
  return true;
}

/** Clamps a range to the text, to whole code units, and widens it so it does not split a surrogate pair. */
function wholeCharacters(text: string, [s, e]: readonly [number, number]): [number, number] {
  let start = Math.min(Math.max(Math.floor(s), 0), text.length);
  let end = Math.min(Math.max(Math.ceil(e), 0), text.length);
  if (start >= end) return [start, start];
  if (splitsSurrogatePair(text, start)) start--;
  if (splitsSurrogatePair(text, end)) end++;
  return [start, end];
}

/**
 * The densest cluster of (merged, sorted) hits: the run of hits that fits in `size` code units holding the most
 * concepts (`concepts[i]`: the bits of hit i; without them, none counts), then the most hits, ties to the earliest.
 * Returns its extent, cut to `size`. Linear (two pointers; a count per concept in the window, kept only when there
 * are concepts).
 */
function densestCluster(hits: Array<[number, number]>, size: number, concepts?: readonly number[]): { start: number; end: number } {
  const inWindow = concepts ? new Int32Array(32) : null;
  let held = 0;
  let bestFirst = 0;
  let bestLast = 0;
  let bestCount = 0;
  let bestHeld = -1;
  // The window is hits[first .. next); it always holds hit `first`, however long.
  let next = 0;
  for (let first = 0; first < hits.length; first++) {
    if (next <= first) {
      if (inWindow) held += counted(inWindow, concepts?.[first] ?? 0, 1);
      next = first + 1;
    }
    const limit = hits[first][0] + size;
    for (; next < hits.length && hits[next][1] <= limit; next++) if (inWindow) held += counted(inWindow, concepts?.[next] ?? 0, 1);
    const count = next - first;
    if (held > bestHeld || (held === bestHeld && count > bestCount)) {
      bestHeld = held;
      bestCount = count;
      bestFirst = first;
      bestLast = next - 1;
    }
    if (inWindow) held += counted(inWindow, concepts?.[first] ?? 0, -1);
  }
  const start = hits[bestFirst][0];
  return { start, end: Math.min(hits[bestLast][1], start + size) };
}

/** Adds `by` to the window's count of each concept in `mask`; returns how many concepts it gained (or lost). */
function counted(inWindow: Int32Array, mask: number, by: 1 | -1): number {
  let change = 0;
  for (let bits = mask, bit = 0; bits !== 0; bits >>>= 1, bit++) {
    if ((bits & 1) === 0) continue;
    inWindow[bit] += by;
    if (by === 1 ? inWindow[bit] === 1 : inWindow[bit] === 0) change += by;
  }
  return change;
}

/** The `[from, to)` window of `text` to show: about `size` long, containing the focus, cut at boundaries. */
function placeWindow(text: string, focus: { start: number; end: number }, size: number): [number, number] {
  const len = text.length;
  const reach = Math.max(4, Math.round(size / 5));
  let a = focus.start - Math.floor((size - (focus.end - focus.start)) / 2);
  let b = a + size;
  if (a < 0) {
    b -= a;
    a = 0;
  }
  if (b > len) {
    a = Math.max(0, a - (b - len));
    b = len;
  }
  let from = a === 0 ? 0 : (nearestClauseBoundary(text, a, a - reach, Math.min(focus.start, a + reach)) ?? safeCut(text, a, -1, reach));
  let to = b === len ? len : (nearestClauseBoundary(text, b, Math.max(focus.end, b - reach), b + reach) ?? safeCut(text, b, 1, reach));
  while (from < focus.start && from < to && isSpaceUnit(text.charCodeAt(from))) from++;
  while (to > focus.end && to > from && isSpaceUnit(text.charCodeAt(to - 1))) to--;
  return [from, to];
}

/**
 * About `size` characters of `text` around the densest window of match `ranges` (of the query's concepts where
 * `conceptsOf` tells them apart, then of matches), cut at sentence or clause
 * boundaries (。！？；，、 . ! ? ; , line breaks) where one is near, with `…` where text was cut; the ranges
 * inside it are returned in the snippet's coordinates (clipped, merged, sorted). Never splits a surrogate
 * pair. Without ranges, the start of the text.
 *
 * @example
 * makeSnippet('今年要抓好三件事。一是稳增长，二是保民生，三是促改革。', [[11, 14]], { size: 8 })
 * // → { snippet: '…一是稳增长，…', highlights: [[3, 6]] }
 */
export function makeSnippet(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  options: SnippetOptions = {},
): Snippet {
  const size = options.size !== undefined && Number.isFinite(options.size) && options.size >= 1 ? Math.floor(options.size) : DEFAULT_SIZE;
  const whole: Array<[number, number]> = [];
  for (const r of ranges) if (Number.isFinite(r[0]) && Number.isFinite(r[1])) whole.push(wholeCharacters(text, r));
  const hits = mergeOwnRanges(whole);
  let from = 0;
  let to = text.length;
  if (text.length > size) {
    const { conceptsOf } = options;
    const concepts = conceptsOf && hits.length > 1 ? hits.map(([s, e]) => conceptsOf(s, e)) : undefined;
    const focus = hits.length > 0 ? densestCluster(hits, size, concepts) : { start: 0, end: 0 };
    [from, to] = placeWindow(text, focus, size);
  }
  const prefix = from > 0 ? ELLIPSIS : '';
  const suffix = to < text.length ? ELLIPSIS : '';
  const shift = prefix.length - from;
  const highlights: Array<[number, number]> = [];
  for (const [s, e] of hits) {
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (start < end) highlights.push([start + shift, end + shift]);
  }
  return { snippet: prefix + text.slice(from, to) + suffix, highlights };
}
