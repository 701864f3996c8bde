/**
 * Where a query matched inside a passage, as [start, end) offsets into the original text (UTF-16 code units),
 * computed from the same normalization and analyzer the index used, so a highlight is exactly the matched text.
 * The work is bounded: at most `limit` occurrences of each key and word are looked for, so a passage that
 * repeats a word 150,000 times costs what one with `limit` occurrences does.
 */
import { indexedWords, normalizeForMatch, originalRanges, wordsAmong } from '../text/analyzer.js';
import { remembered } from '../text/remembered.js';
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

/**
 * What highlighting needs of one text, worked out once: its match key with the original offsets of each of the
 * key's code units, and the words the index has for it (terms shared between texts), in order.
 */
export interface PreparedText {
  text: string;
  key: string;
  starts: Int32Array;
  ends: Int32Array;
  terms: string[];
  wordStarts: Int32Array;
  wordEnds: Int32Array;
}

/** One copy of each word's term across prepared texts (a corpus has far fewer terms than words). */
const sharedTerm = remembered((term: string) => term, 500_000);

/**
 * A text prepared for `preparedRanges`.
 * @example prepareText('推进乡村 振兴').key // '推进乡村振兴'
 */
export function prepareText(text: string): PreparedText {
  const { text: key, starts, ends } = normalizeForMatch(text);
  const words = indexedWords(text);
  return {
    text,
    key,
    starts: starts.slice(0, key.length),
    ends: ends.slice(0, key.length),
    terms: words.map((w) => sharedTerm(w.term)),
    wordStarts: Int32Array.from(words, (w) => w.start),
    wordEnds: Int32Array.from(words, (w) => w.end),
  };
}

/**
 * `matchRanges(prepared.text, plan, undefined, limit)`, from the prepared key and words: no normalizing,
 * segmenting or mapping offsets again.
 * @example preparedRanges(prepareText('推进乡村 振兴'), { keys: ['乡村振兴'], terms: [] }) // [[2, 7]]
 */
export function preparedRanges(prepared: PreparedText, plan: HighlightPlan, limit = MAX_HIGHLIGHTS): Range[] {
  if (!prepared.text || !(limit >= 1)) return [];
  const ranges: Range[] = [];
  if (plan.keys.length > 0) {
    for (const [start, end] of keySpans(prepared.key, plan.keys, limit)) ranges.push([prepared.starts[start] ?? 0, prepared.ends[end - 1] ?? 0]);
  }
  if (plan.terms.length > 0) {
    const wanted = new Set(plan.terms);
    let found = 0;
    for (let i = 0; i < prepared.terms.length && found < limit; i++) {
      if (!wanted.has(prepared.terms[i] ?? '')) continue;
      ranges.push([prepared.wordStarts[i] ?? 0, prepared.wordEnds[i] ?? 0]);
      found++;
    }
  }
  const merged = mergeRanges(ranges);
  return merged.length > limit ? merged.slice(0, limit) : merged;
}

/** Positions remembered as shown once. */
const SEEN_PASSAGES = 100_000;
/**
 * Characters of prepared texts kept: about 15 bytes each (every text of the real corpus, 3.0 million characters
 * in 15,833 texts, takes 45 MB prepared).
 */
const PREPARED_CHARACTERS = 3_000_000;

/**
 * Highlights of the texts of passages shown, by the passage's position: the first time a text is shown it is
 * highlighted from scratch (`matchRanges`), the second time it is prepared (`prepareText`) and kept, and from
 * then on highlighted from what was kept. A text that is not the one kept for its position is prepared in its
 * place. Up to PREPARED_CHARACTERS characters of texts (and SEEN_PASSAGES positions seen once); then everything
 * kept is dropped and it starts again.
 */
export class HighlightMemo {
  private readonly seen = new Set<number>();
  private readonly prepared = new Map<number, PreparedText>();
  private characters = 0;

  constructor(private readonly maxCharacters = PREPARED_CHARACTERS) {}

  /**
   * The match ranges of `text`, the text of the passage at `index` (`which`: its original or its translation).
   * @example memo.ranges(42, 'text', passage.text, plan, key) // as matchRanges(passage.text, plan, key)
   */
  ranges(index: number, which: 'text' | 'textEn', text: string, plan: HighlightPlan, key?: string): Range[] {
    const at = 2 * index + (which === 'text' ? 0 : 1);
    const kept = this.prepared.get(at);
    if (kept !== undefined && kept.text === text) return preparedRanges(kept, plan);
    if (!this.seen.has(at)) {
      if (this.seen.size >= SEEN_PASSAGES) this.seen.clear();
      this.seen.add(at);
      return matchRanges(text, plan, key);
    }
    // A text kept here before (another text at this position) is replaced.
    this.characters -= kept?.text.length ?? 0;
    if (this.characters + text.length > this.maxCharacters) {
      this.prepared.clear();
      this.characters = 0;
    }
    const made = prepareText(text);
    this.characters += text.length;
    this.prepared.set(at, made);
    return preparedRanges(made, plan);
  }
}
