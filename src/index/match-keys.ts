/**
 * The match keys of every passage (its text, and its English text, normalized with whitespace removed:
 * `phraseKey`), against which exact phrases are verified. Computed once when the index is built and
 * saved with it, so neither a cold server nor its first queries pay for normalizing thousands of passages.
 *
 * Each column is one string with offsets: the key of passage p is `joined.slice(offsets[p], offsets[p + 1])`.
 * They travel with the index that holds them (`BuiltIndex.keys`, `OpenedIndex.keys`), and the composition
 * root hands them to the search stage's passage reader (data flows index → search, never back).
 */
import type { Passage } from '../model.js';
import { phraseKey } from '../text/analyzer.js';

export interface KeyColumn {
  joined: string;
  offsets: Uint32Array;
}

export interface MatchKeys {
  text: KeyColumn;
  en: KeyColumn;
}

function column(keys: readonly string[]): KeyColumn {
  const offsets = new Uint32Array(keys.length + 1);
  keys.forEach((k, i) => (offsets[i + 1] = offsets[i] + k.length));
  return { joined: keys.join(''), offsets };
}

/**
 * The keys of every passage's text and English text ('' without one).
 * @example keyAt(matchKeysOf([{ text: '民族團結 進步', … }]).text, 0) // '民族团结进步'
 */
export function matchKeysOf(passages: readonly Passage[]): MatchKeys {
  return {
    text: column(passages.map((p) => phraseKey(p.text))),
    en: column(passages.map((p) => (p.textEn ? phraseKey(p.textEn) : ''))),
  };
}

/**
 * The key of passage `p` in a column.
 * @example keyAt(keys.text, 0) // '西藏自治区…'
 */
export function keyAt(keys: KeyColumn, p: number): string {
  return keys.joined.slice(keys.offsets[p], keys.offsets[p + 1]);
}

/**
 * How many passages the keys are for.
 * @example keyCount(matchKeysOf(passages)) === passages.length
 */
export function keyCount(keys: MatchKeys): number {
  return keys.text.offsets.length - 1;
}
