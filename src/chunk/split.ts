/**
 * A passage is one whole paragraph. Only a paragraph past a hard bound, which only pathological text
 * reaches (a file without sentence punctuation, a table flattened into one line), is cut, so that no hit
 * carries megabytes: each piece as long as the bound allows, cut after the last sentence end (。！？),
 * else the last clause end (；，、：), else anywhere (never inside a surrogate pair). The pieces of one
 * paragraph share its paragraph number, and a quoted phrase across a cut is still found (the search
 * checks adjacent pieces).
 */

import { sentenceEnds } from './punctuation.js';
import { upperBound } from './upper-bound.js';

/** Size limit of a passage, in UTF-16 code units. */
export interface SplitLimits {
  /** A paragraph longer than this is cut into pieces of at most this length. */
  max: number;
}

/** The hard bound: a few thousand characters, far above any real paragraph (the longest bundled one has 1,734). */
export const DEFAULT_SPLIT: SplitLimits = { max: 4000 };

const CLAUSE_END = /[；;，,、：:](?:[”’」』）)】》]*)/gu;

/**
 * Where to cut a paragraph: [] when it is within the bound, else forced cut positions, each piece at most
 * `max` long, cut at the last sentence end, else clause end, else at the bound.
 * @example splitPoints('甲'.repeat(3000) + '。' + '乙'.repeat(3000) + '。') // [3001]
 */
export function splitPoints(text: string, limits: SplitLimits = DEFAULT_SPLIT): number[] {
  const max = Math.max(2, Math.floor(limits.max));
  if (text.length <= max) return [];
  const sentences = sentenceEnds(text);
  const clauses = clauseEnds(text);
  const cuts: number[] = [];
  let from = 0;
  while (text.length - from > max) {
    const limit = from + max;
    const cut = lastWithin(sentences, from, limit) ?? lastWithin(clauses, from, limit) ?? safeCut(text, limit);
    cuts.push(cut);
    from = cut;
  }
  return cuts;
}

/** Offsets just after each clause end and its closing quotes or brackets. */
function clauseEnds(text: string): number[] {
  return Array.from(text.matchAll(CLAUSE_END), (m) => m.index + m[0].length).filter((end) => end < text.length);
}

/** The last of the sorted `points` in (from, limit], or null. */
function lastWithin(points: readonly number[], from: number, limit: number): number | null {
  const last = points[upperBound(points, limit) - 1];
  return last !== undefined && last > from ? last : null;
}

/** `limit`, moved back one when it would fall between the halves of a surrogate pair. */
function safeCut(text: string, limit: number): number {
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}
