/**
 * Where a query matched inside a passage, as [start, end) offsets into the original text (UTF-16 code units),
 * computed from the same normalization and analyzer the index used, so a highlight is exactly the matched text.
 * The work is bounded: at most `limit` occurrences of each key and word are looked for, so a passage that
 * repeats a word 150,000 times costs what one with `limit` occurrences does.
 */
import { indexedWords, normalizeForMatch, originalRanges, wordsAmong } from '../text/analyzer.js';
import { remembered } from '../text/remembered.js';
import { hasWordEdge, partedAlong, partedIn, standsApart } from '../text/word-edges.js';
import type { HighlightPlan } from './plan.js';
import { mergeOwnRanges } from './snippet.js';

export type Range = [number, number];

/**
 * Most ranges highlighted in one text. Far above any real passage (the densest in the corpora has a few
 * dozen matches); a pathological passage gets the first ones, which the snippet is then cut around.
 */
export const MAX_HIGHLIGHTS = 1000;

/** Up to this many highlight terms, a repeat is found by looking back over the list (quadratic, but no Set made). */
const DISTINCT_BY_LOOKING_BACK = 16;

/** A Latin letter of a match key (lower case there). */
const LATIN_LETTER = /[a-z]/u;
/** True when a match key begins with a Latin letter. */
const beginsLatin = (key: string): boolean => {
  const unit = key.charCodeAt(0);
  return unit >= 0x61 && unit <= 0x7a;
};

/**
 * The first `limit` occurrences of each key in the match key `own`, as spans of `own` (a repeated key once). A
 * key with a Latin or digit edge is found only at the edges of words, as the index matched it (`word-edges.ts`):
 * `parted` tells where the original text had whitespace between two units of the key. Where `own` holds no Latin
 * letter (`latin` false), a key that begins with one is not looked for: a search of a Chinese text for a Latin key
 * reads the whole text (~0.5 ns a character), and a Chinese query's English renderings are a dozen such keys.
 */
function keySpans(own: string, keys: readonly string[], limit: number, parted: (i: number) => boolean, latin: boolean): Range[] {
  const spans: Range[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    // A repeated key is looked for once (the first time it is listed).
    if (keys.indexOf(k) < i) continue;
    if (!latin && beginsLatin(k)) continue;
    const edged = hasWordEdge(k);
    let found = 0;
    for (let at = own.indexOf(k); at !== -1 && found < limit; ) {
      if (edged && !standsApart(own, at, k.length, parted)) {
        at = own.indexOf(k, at + 1);
        continue;
      }
      spans.push([at, at + k.length]);
      found++;
      at = own.indexOf(k, at + Math.max(1, k.length));
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
    const own = key ?? normalizeForMatch(text).text;
    const spans = keySpans(own, plan.keys, limit, partedAlong(text), plan.keys.some(beginsLatin) && LATIN_LETTER.test(own));
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
  const merged = mergeOwnRanges(ranges);
  return merged.length > limit ? merged.slice(0, limit) : merged;
}

/**
 * What highlighting needs of one text, worked out once: its match key with the original offsets of each of the
 * key's code units, and the words the index has for it, by term: the text's distinct terms sorted (UTF-16 code
 * units; strings shared between texts), and for the term at t the words holding it, in text order, at
 * `termWords[termFirsts[t] .. termFirsts[t + 1])` (numbers of words: word w spans `wordStarts[w] .. wordEnds[w]`).
 * A query's words are then found by binary search, not by reading every word of the text.
 */
export interface PreparedText {
  text: string;
  key: string;
  /** The key holds a Latin letter. */
  latin: boolean;
  starts: Int32Array;
  ends: Int32Array;
  terms: string[];
  termFirsts: Int32Array;
  termWords: Int32Array;
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
  const termOf = (w: number): string => words[w]?.term ?? '';
  const order = Array.from(words.keys()).sort((a, b) => (termOf(a) < termOf(b) ? -1 : termOf(a) > termOf(b) ? 1 : a - b));
  const terms: string[] = [];
  const firsts: number[] = [];
  order.forEach((w, i) => {
    if (i > 0 && termOf(w) === terms[terms.length - 1]) return;
    terms.push(sharedTerm(termOf(w)));
    firsts.push(i);
  });
  firsts.push(order.length);
  return {
    text,
    key,
    latin: LATIN_LETTER.test(key),
    starts,
    ends,
    terms,
    termFirsts: Int32Array.from(firsts),
    termWords: Int32Array.from(order),
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
    for (const [start, end] of keySpans(prepared.key, plan.keys, limit, partedIn(prepared.text, prepared), prepared.latin)) ranges.push([prepared.starts[start] ?? 0, prepared.ends[end - 1] ?? 0]);
  }
  if (plan.terms.length > 0) {
    // The first `limit` words holding a wanted term, in text order: among the first `limit` of each term.
    const found: number[] = [];
    // Each term is looked for once. A plan's are distinct already (`planQuery`); a repeat among a few is
    // skipped by looking back rather than through a Set made for every hit (a long list is made a Set).
    const terms = plan.terms.length > DISTINCT_BY_LOOKING_BACK ? [...new Set(plan.terms)] : plan.terms;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i];
      if (terms.length <= DISTINCT_BY_LOOKING_BACK && terms.indexOf(term) < i) continue;
      const t = termPosition(prepared.terms, term);
      if (prepared.terms[t] !== term) continue;
      const from = prepared.termFirsts[t] ?? 0;
      const to = Math.min(prepared.termFirsts[t + 1] ?? 0, from + limit);
      for (let j = from; j < to; j++) found.push(prepared.termWords[j] ?? 0);
    }
    found.sort((a, b) => a - b);
    for (let i = 0; i < found.length && i < limit; i++) ranges.push([prepared.wordStarts[found[i]] ?? 0, prepared.wordEnds[found[i]] ?? 0]);
  }
  const merged = mergeOwnRanges(ranges);
  return merged.length > limit ? merged.slice(0, limit) : merged;
}

/**
 * `lowerBound(terms, key)` for a text's sorted terms, each step deciding on the first code units when they
 * differ (numbers compared, not strings): the wanted terms are often of another script than most of a text's
 * (English stems against a Chinese passage's words), where a string comparison costs far more.
 * @example termPosition(['2024', '发展', '西藏'], '西藏') // 2
 */
export function termPosition(terms: readonly string[], key: string): number {
  const unit = key.charCodeAt(0);
  let lo = 0;
  let hi = key.length === 0 ? 0 : terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const term = terms[mid] ?? '';
    const first = term.charCodeAt(0);
    // An empty term sorts before any key; otherwise the first units decide, and equal ones the whole strings.
    if (term.length === 0 || first < unit || (first === unit && term < key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Positions remembered as shown once. */
const SEEN_PASSAGES = 100_000;
/**
 * Characters of prepared texts kept: about 17 bytes each (every text of the real corpus, 3.0 million characters
 * in 15,833 texts, took 45 MB prepared; the index by term adds ~2 bytes a character: 12 a distinct term, 4 a word,
 * less the 8 a word of the list it replaced, counted over corpus/).
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
