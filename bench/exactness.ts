/**
 * How exactly quoted phrases are answered, shared by the embedded and the Sphinx runs: each passage's match
 * key (the text a phrase is checked against), the brute-force set of passages holding a phrase, and recall and
 * precision summed over the phrases.
 */
import type { Passage } from '../src/model.js';
import { phraseKey } from '../src/text/analyzer.js';
import { occursAsWords } from '../src/text/word-edges.js';
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
 * True when passage `p` holds the phrase of key `key` (`phraseKey(phrase)`): the key is in its text's or English
 * text's key, at the edges of words where it begins or ends with a Latin letter or a digit (`word-edges.ts`,
 * itself checked against a regular expression over the text in tests/text/word-edges.test.ts). The brute-force
 * answer the bench and the tests hold a backend's to.
 * @example holdsPhrase({ text: 'We will maintain…' }, 'ai') // false
 */
export function holdsPhrase(p: Pick<Passage, 'text' | 'textEn'>, key: string): boolean {
  return occursAsWords(p.text, phraseKey(p.text), key) || (p.textEn !== undefined && occursAsWords(p.textEn, phraseKey(p.textEn), key));
}

/** The positions of the passages that hold the phrase of key `key` (`holdsPhrase`); `keys` are their `matchKey`s. */
export function exactSet(passages: readonly Passage[], keys: readonly string[], key: string): Set<number> {
  const set = new Set<number>();
  keys.forEach((k, i) => {
    const p = passages[i];
    // The joined key rules most passages out without normalizing their texts again.
    if (p && k.includes(key) && holdsPhrase(p, key)) set.add(i);
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
