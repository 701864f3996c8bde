/**
 * The brute-force answer to a quoted phrase, for tests that check a backend's: a passage holds the phrase of
 * key `key` (`phraseKey(phrase)`) when its text's or English text's match key holds it, at the edges of words
 * where the key begins or ends with a Latin letter or a digit (`word-edges.ts`, itself checked against a
 * regular expression over the text in tests/text/word-edges.test.ts).
 */
import type { Passage } from '../src/model.js';
import { phraseKey } from '../src/text/analyzer.js';
import { occursAsWords } from '../src/text/word-edges.js';

/**
 * True when the passage holds the phrase whose key is `key`.
 * @example holdsPhrase({ text: 'We will maintain…', … }, 'ai') // false
 */
export function holdsPhrase(p: Pick<Passage, 'text' | 'textEn'>, key: string): boolean {
  return occursAsWords(p.text, phraseKey(p.text), key) || (p.textEn !== undefined && occursAsWords(p.textEn, phraseKey(p.textEn), key));
}
