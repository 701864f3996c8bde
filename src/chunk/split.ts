/**
 * Splitting long paragraphs at sentence ends into passages of a citable size. Cuts fall after 。！？
 * outside quotations and brackets when possible, after any sentence end otherwise, after a semicolon as a
 * last resort, and never inside a sentence.
 */

import { sentenceEnds } from './punctuation.js';

/** Size limits of a split paragraph, in UTF-16 code units. */
export interface SplitLimits {
  /** A paragraph longer than this is split. */
  max: number;
  /** Pieces shorter than this are avoided. */
  min: number;
}

export const DEFAULT_SPLIT: SplitLimits = { max: 500, min: 150 };
/** The piece length aimed at when choosing how many pieces to make. */
const TARGET_SHARE = 350;

/**
 * Where to cut a paragraph: [] when it is short enough, else cut positions chosen so the pieces are as
 * even as possible, none over `max` if the sentences allow it and none under `min`.
 * @example splitPoints('甲'.repeat(300) + '。' + '乙'.repeat(300) + '。') // [301]
 */
export function splitPoints(text: string, limits: SplitLimits = DEFAULT_SPLIT): number[] {
  if (text.length <= limits.max) return [];
  const candidates = candidateCuts(text, limits);
  if (candidates.length === 0) return [];
  return bestCuts(text.length, candidates, limits);
}

/** Sentence ends at top level, filled in with nested ends and then semicolons where a gap is too long. */
function candidateCuts(text: string, limits: SplitLimits): number[] {
  let cuts = sentenceEnds(text, { topLevelOnly: true });
  for (const fallback of [{ topLevelOnly: false }, { topLevelOnly: false, clauses: true }]) {
    if (!hasGapOver(cuts, text.length, limits.max)) break;
    cuts = fillGaps(cuts, sentenceEnds(text, fallback), text.length, limits.max);
  }
  return cuts;
}

function hasGapOver(cuts: readonly number[], length: number, max: number): boolean {
  const bounds = [0, ...cuts, length];
  return bounds.some((b, k) => k > 0 && b - bounds[k - 1] > max);
}

/** Adds the extra cut candidates that fall inside gaps longer than `max`. */
function fillGaps(cuts: readonly number[], extra: readonly number[], length: number, max: number): number[] {
  const bounds = [0, ...cuts, length];
  const added = extra.filter((x) => {
    const k = bounds.findIndex((b) => b >= x);
    return k > 0 && bounds[k] !== x && bounds[k] - bounds[k - 1] > max;
  });
  return [...new Set([...cuts, ...added])].sort((a, b) => a - b);
}

/**
 * Dynamic programming over the candidates: minimise the squared deviation of piece lengths from an even
 * share, with heavy penalties for pieces over `max` or under `min`.
 */
function bestCuts(length: number, candidates: readonly number[], limits: SplitLimits): number[] {
  const points = [0, ...candidates, length];
  const pieces = Math.max(2, Math.round(length / TARGET_SHARE));
  const target = length / pieces;
  const cost = (len: number): number => {
    let c = ((len - target) / 100) ** 2;
    if (len > limits.max) c += 1000 + (len - limits.max);
    if (len < limits.min) c += 100 + (limits.min - len);
    return c;
  };
  const best: number[] = new Array<number>(points.length).fill(Infinity);
  const from: number[] = new Array<number>(points.length).fill(-1);
  best[0] = 0;
  for (let j = 1; j < points.length; j++) {
    for (let i = 0; i < j; i++) {
      const total = best[i] + cost(points[j] - points[i]);
      if (total < best[j]) {
        best[j] = total;
        from[j] = i;
      }
    }
  }
  const cuts: number[] = [];
  for (let j = from[points.length - 1]; j > 0; j = from[j]) cuts.unshift(points[j]);
  return cuts;
}
