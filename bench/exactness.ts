/**
 * How exactly quoted phrases are answered, shared by the embedded and the Sphinx runs: each passage's match
 * key (the text a phrase is checked against), the brute-force set of passages holding a phrase, and recall and
 * precision summed over the phrases.
 */
import type { Passage } from '../src/model.js';
import { phraseKey } from '../src/text/analyzer.js';
import { hasWordEdge, occursAsWords } from '../src/text/word-edges.js';
import { recallPrecision, round } from './stats.js';

export interface PhraseQuality {
  phrases: number;
  /** Phrases whose returned set is exactly the passages containing them. */
  exact: number;
  recall: number;
  precision: number;
}

/** The text a phrase is checked against: the passage's key, and its English text's key after a NUL. */
export const matchKey = (p: Passage): string => (p.textEn ? `${phraseKey(p.text)}\u0000${phraseKey(p.textEn)}` : phraseKey(p.text));

/** How many passages' keys contain `key` (the brute-force scan the index must beat: its time, not its answer). */
export function scanCount(keys: readonly string[], key: string): number {
  let n = 0;
  for (const k of keys) if (k.includes(key)) n++;
  return n;
}

/**
 * True when passage `p`, whose `matchKey` is `joined`, holds the phrase of key `key`: the key is in its text's
 * or English text's key, at the edges of words when it begins or ends with a Latin letter or a digit.
 */
export function holdsPhrase(p: Passage, joined: string, key: string): boolean {
  if (!joined.includes(key)) return false;
  if (!hasWordEdge(key)) return true;
  return occursAsWords(p.text, phraseKey(p.text), key) || (p.textEn !== undefined && occursAsWords(p.textEn, phraseKey(p.textEn), key));
}

/** The positions of the passages that hold the phrase of key `key` (`holdsPhrase`); `keys` are their `matchKey`s. */
export function exactSet(passages: readonly Passage[], keys: readonly string[], key: string): Set<number> {
  const set = new Set<number>();
  keys.forEach((k, i) => {
    const p = passages[i];
    if (p && holdsPhrase(p, k, key)) set.add(i);
  });
  return set;
}

/** Mean recall and precision over phrases, and how many were answered exactly. */
export function qualityOf(results: ReadonlyArray<{ returned: Set<number>; exact: Set<number> }>): PhraseQuality {
  let recall = 0;
  let precision = 0;
  let exact = 0;
  for (const r of results) {
    const rp = recallPrecision(r.returned, r.exact);
    recall += rp.recall;
    precision += rp.precision;
    if (rp.recall === 1 && rp.precision === 1) exact++;
  }
  const n = Math.max(1, results.length);
  return { phrases: results.length, exact, recall: round(recall / n, 4), precision: round(precision / n, 4) };
}
