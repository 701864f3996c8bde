/**
 * The phrases an English rendering of several words is looked for as, in English text (a Chinese query over an
 * English-only report): its words in order, as a reader would say the Chinese term in English, never scattered
 * over the passage. Pure: a rendering in, phrases out.
 */
import { latinTerm } from '../text/latin-segmenter.js';
import { normalizeTerm } from '../text/normalize.js';

/** The last word of a phrase, and what follows it (closing punctuation). */
const LAST_WORD = /(\p{L}+)([^\p{L}]*)$/u;
/** A word of letters alone that is no stop word: one that may be joined to its neighbour by a hyphen. */
const isContentWord = (word: string | undefined): boolean => word !== undefined && /^\p{L}+$/u.test(word) && latinTerm(word) !== null;
/** The shortest a cut last word may be: shorter, it would be found inside too many other words. */
const SHORTEST_CUT = 4;

/**
 * A phrase with its last word cut to what the word shares with its stem, so that any form of it is found
 * (`digital economy` → `digital econom`: economy, economies; `productive forces` → `productive forc`).
 * @example cutLastWord('digital economy') // 'digital econom'
 */
export function cutLastWord(phrase: string): string {
  const match = LAST_WORD.exec(phrase);
  const word = match?.[1];
  if (match === null || word === undefined) return phrase;
  const lower = normalizeTerm(word);
  const stem = latinTerm(word);
  if (stem === null || lower.length !== word.length) return phrase;
  let shared = 0;
  while (shared < stem.length && lower[shared] === stem[shared]) shared++;
  return shared >= SHORTEST_CUT && shared < word.length ? phrase.slice(0, match.index + shared) : phrase;
}

/**
 * The phrases a rendering of several words may be written as: as given, with its hyphens as spaces, and with one
 * space between two words (letters, no stop word) as a hyphen (`high quality` → `high-quality`), each with its last word cut to its stem
 * (`cutLastWord`). A rendering of one word gives itself alone.
 * @example renderingPhrases('high quality') // ['high qualit', 'high-qualit']
 */
export function renderingPhrases(rendering: string): string[] {
  const written = rendering.trim();
  const words = written.split(/\s+/u);
  if (words.length < 2) return [written];
  const forms = [written, written.replace(/-/gu, ' ')];
  for (let gap = 1; gap < words.length; gap++) {
    if (isContentWord(words[gap - 1]) && isContentWord(words[gap])) forms.push(`${words.slice(0, gap).join(' ')}-${words.slice(gap).join(' ')}`);
  }
  return [...new Set(forms.map(cutLastWord))];
}
