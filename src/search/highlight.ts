/**
 * Where a query matched inside a passage, as [start, end) offsets into the original text (UTF-16 code units),
 * computed from the same normalization and analyzer the index used, so a highlight is exactly the matched text.
 * The work is bounded: at most `limit` occurrences of each key and word are looked for, so a passage that
 * repeats a word 150,000 times costs what one with `limit` occurrences does.
 */
import { normalizeForMatch, originalRanges, wordsAmong } from '../text/analyzer.js';
import type { HighlightPlan } from './plan.js';
import { mergeRanges } from './snippet.js';

export type Range = [number, number];

/**
 * Most ranges highlighted in one text. Far above any real passage (the densest in the corpora has a few
 * dozen matches); a pathological passage gets the first ones, which the snippet is then cut around.
 */
export const MAX_HIGHLIGHTS = 1000;

/** The first `limit` occurrences of each key in the match key `own`, as spans of `own` (a repeated key once). */
function keySpans(own: string, keys: readonly string[], limit: number): Range[] {
  const spans: Range[] = [];
  for (const k of new Set(keys)) {
    let found = 0;
    for (let at = own.indexOf(k); at !== -1 && found < limit; at = own.indexOf(k, at + Math.max(1, k.length))) {
      spans.push([at, at + k.length]);
      found++;
    }
  }
  return spans;
}

/**
 * Occurrences of the plan's keys (normalized, whitespace-insensitive) and word terms in `text`, merged and in
 * order. `key`, when the caller has it (the index keeps one per passage), is `phraseKey(text)`, so that only
 * the matched spans are mapped back to offsets. When the keys and words occur at most `limit` times in all,
 * the answer is every match; beyond that, it holds at most `limit` ranges, each within a range of the
 * uncapped answer, starting with the first (only the first `limit` occurrences of each are looked for).
 * @example matchRanges('推进乡村 振兴', { keys: ['乡村振兴'], terms: [] }) // [[2, 7]]
 */
export function matchRanges(text: string, plan: HighlightPlan, key?: string, limit = MAX_HIGHLIGHTS): Range[] {
  if (!text || !(limit >= 1)) return [];
  const ranges: Range[] = [];
  if (plan.keys.length > 0) {
    const spans = keySpans(key ?? normalizeForMatch(text).text, plan.keys, limit);
    // A loop, not push(...): the ranges are many when the text repeats a key, and a spread of more than
    // ~100k arguments overflows the stack.
    if (spans.length > 0) for (const range of originalRanges(text, spans)) ranges.push(range);
  }
  if (plan.terms.length > 0) {
    let found = 0;
    for (const token of wordsAmong(text, new Set(plan.terms), key)) {
      if (found++ >= limit) break;
      ranges.push([token.start, token.end]);
    }
  }
  const merged = mergeRanges(ranges);
  return merged.length > limit ? merged.slice(0, limit) : merged;
}
