/**
 * Where a query matched inside a passage, as [start, end) offsets into the original text (UTF-16 code units),
 * computed from the same normalization and analyzer the index used, so a highlight is exactly the matched text.
 */
import { normalizeForMatch, originalRanges, wordsAmong } from '../text/analyzer.js';
import type { HighlightPlan } from './plan.js';
import { mergeRanges } from './snippet.js';

export type Range = [number, number];

/**
 * Every occurrence of the plan's keys (normalized, whitespace-insensitive) and word terms in `text`.
 * `key`, when the caller has it (the index keeps one per passage), is `phraseKey(text)`, so that only the
 * matched spans are mapped back to offsets.
 * @example matchRanges('推进乡村 振兴', { keys: ['乡村振兴'], terms: [] }) // [[2, 7]]
 */
export function matchRanges(text: string, plan: HighlightPlan, key?: string): Range[] {
  if (!text) return [];
  const ranges: Range[] = [];
  if (plan.keys.length > 0) {
    const own = key ?? normalizeForMatch(text).text;
    const spans: Array<[number, number]> = [];
    for (const k of plan.keys) {
      for (let at = own.indexOf(k); at !== -1; at = own.indexOf(k, at + Math.max(1, k.length))) spans.push([at, at + k.length]);
    }
    if (spans.length > 0) ranges.push(...originalRanges(text, spans));
  }
  if (plan.terms.length > 0) {
    for (const token of wordsAmong(text, new Set(plan.terms), key)) ranges.push([token.start, token.end]);
  }
  return mergeRanges(ranges);
}
