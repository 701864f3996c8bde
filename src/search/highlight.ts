/**
 * Where a query matched inside a passage, as [start, end) offsets into the original text (UTF-16 code units),
 * computed from the same normalization and analyzer the index used, so a highlight is exactly the matched text.
 */
import { analyzeWords, normalizeForMatch } from '../text/analyzer.js';
import type { HighlightPlan } from './plan.js';
import { mergeRanges } from './snippet.js';

export type Range = [number, number];

const LATIN = /\p{Script=Latin}/u;

/**
 * Every occurrence of the plan's keys (normalized, whitespace-insensitive) and word terms in `text`.
 * @example matchRanges('推进乡村 振兴', { keys: ['乡村振兴'], terms: [] }) // [[2, 7]]
 */
export function matchRanges(text: string, plan: HighlightPlan): Range[] {
  if (!text) return [];
  const ranges: Range[] = [];
  if (plan.keys.length > 0) {
    const view = normalizeForMatch(text);
    for (const key of plan.keys) {
      let at = view.text.indexOf(key);
      while (at !== -1) {
        const start = view.starts[at];
        const end = view.ends[at + key.length - 1];
        if (start !== undefined && end !== undefined) ranges.push([start, end]);
        at = view.text.indexOf(key, at + Math.max(1, key.length));
      }
    }
  }
  // Terms that all hold a Latin letter can only match Latin tokens: a text without Latin letters (even after
  // NFKC, which turns full-width and compatibility letters into ASCII) need not be segmented at all.
  const needsWords = plan.terms.length > 0 && (!plan.terms.every((t) => LATIN.test(t)) || LATIN.test(text.normalize('NFKC')));
  if (needsWords) {
    const wanted = new Set(plan.terms);
    for (const token of analyzeWords(text)) {
      if (wanted.has(token.term)) ranges.push([token.start, token.end]);
    }
  }
  return mergeRanges(ranges);
}
