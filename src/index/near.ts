/**
 * The proximity operators' test on a match key: do two keys occur in one sentence (`/s`), in the passage
 * (`/p`: a passage is one paragraph), or within n characters of each other (`NEAR/n`: the characters between
 * the two occurrences, in the match key, which has no whitespace)? Pure; linear in the key for `/s` and `/p`,
 * and in the occurrences for `NEAR/n`. Sentences and occurrences as `key-sentences.ts` finds them.
 */
import type { NearScope } from './backend.js';
import { occurrences, sentenceOf, sentenceStarts } from './key-sentences.js';
import { hasWordEdge, partedAlong, standsApart } from '../text/word-edges.js';

/** The sentences (by index among `starts`) where the occurrences at `at` begin. */
function sentencesOf(starts: readonly number[], at: readonly number[]): Set<number> {
  return new Set(at.map((offset) => sentenceOf(starts, offset)));
}

/**
 * True when `a` and `b` both occur in `text` within `scope`. For a sentence, each occurrence lies in the
 * sentence where it starts. `original`, the text `text` is the match key of, when given: a key that begins or
 * ends with a Latin letter or a digit occurs only at the edges of words (`AI` is not in `maintain`).
 * @example isNear('发展旅游。保护生态。', '旅游', '生态', 'sentence') // false
 * @example isNear('发展旅游，保护生态。', '旅游', '生态', 4) // true
 */
export function isNear(text: string, a: string, b: string, scope: NearScope, original?: string): boolean {
  const parted = original === undefined ? undefined : partedAlong(original);
  /** Occurrences of `key`; given the original, a key with a Latin or digit edge at the edges of words only. */
  const occurring = (key: string): number[] => {
    const all = occurrences(text, key);
    return parted === undefined || !hasWordEdge(key) ? all : all.filter((at) => standsApart(text, at, key.length, parted));
  };
  const as = occurring(a);
  if (as.length === 0) return false;
  const bs = occurring(b);
  if (bs.length === 0) return false;
  if (scope === 'paragraph') return true;
  if (scope === 'sentence') {
    const starts = sentenceStarts(text);
    const inA = sentencesOf(starts, as);
    for (const s of sentencesOf(starts, bs)) if (inA.has(s)) return true;
    return false;
  }
  // Two pointers over both sorted lists: the closest pair decides.
  let i = 0;
  let j = 0;
  while (i < as.length && j < bs.length) {
    const x = as[i] as number;
    const y = bs[j] as number;
    const gap = x <= y ? y - (x + a.length) : x - (y + b.length);
    if (gap <= scope) return true;
    if (x <= y) i++;
    else j++;
  }
  return false;
}
