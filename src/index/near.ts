/**
 * The proximity operators' test on a match key: do two keys occur in one sentence (`/s`), in the passage
 * (`/p`: a passage is one paragraph), or within n characters of each other (`NEAR/n`: the characters between
 * the two occurrences, in the match key, which has no whitespace)? Pure; linear in the key for `/s` and `/p`,
 * and in the occurrences for `NEAR/n`.
 */
import type { NearScope } from './backend.js';

/** Characters that end a sentence in a match key. */
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';']);

/** Start offsets of every occurrence of `key` in `text` (overlapping ones too). */
function occurrences(text: string, key: string): number[] {
  const found: number[] = [];
  if (key === '') return found;
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) found.push(at);
  return found;
}

/** The sentence index of each offset of `text` would be costly; the sentences holding occurrences instead. */
function sentencesOf(text: string, starts: number[]): Set<number> {
  const out = new Set<number>();
  let sentence = 0;
  let s = 0;
  for (let i = 0; i < text.length && s < starts.length; i++) {
    while (s < starts.length && starts[s] === i) {
      out.add(sentence);
      s++;
    }
    if (SENTENCE_END.has(text[i] as string)) sentence++;
  }
  return out;
}

/**
 * True when `a` and `b` both occur in `text` within `scope`. For a sentence, each occurrence lies in the
 * sentence where it starts.
 * @example isNear('发展旅游。保护生态。', '旅游', '生态', 'sentence') // false
 * @example isNear('发展旅游，保护生态。', '旅游', '生态', 4) // true
 */
export function isNear(text: string, a: string, b: string, scope: NearScope): boolean {
  const as = occurrences(text, a);
  if (as.length === 0) return false;
  const bs = occurrences(text, b);
  if (bs.length === 0) return false;
  if (scope === 'paragraph') return true;
  if (scope === 'sentence') {
    const inA = sentencesOf(text, as);
    for (const s of sentencesOf(text, bs)) if (inA.has(s)) return true;
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
