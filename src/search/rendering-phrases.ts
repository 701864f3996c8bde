/**
 * The phrases an English rendering of several words is looked for as, in English text (a Chinese query over an
 * English-only report): its words in order, as a reader would say the Chinese term in English, never scattered
 * over the passage. Pure: a rendering in, phrases out.
 */
import { latinTerm } from '../text/latin-segmenter.js';

/** The last word of a phrase, and what follows it (closing punctuation). */
const LAST_WORD = /(\p{L}+)([^\p{L}]*)$/u;
/** A word of letters alone that is no stop word: one that may be joined to its neighbour by a hyphen. */
const isContentWord = (word: string | undefined): boolean => word !== undefined && /^\p{L}+$/u.test(word) && latinTerm(word) !== null;
/** The shortest word given another number: shorter ones (`gas`, `bus`) are too often no plural of anything. */
const SHORTEST = 4;

/**
 * A lower-case word in the singular and the plural, as English spells them regularly (`economy`, `economies`;
 * `forces`, `force`); a word of capitals, a short word or a stop word alone as it is.
 * @example numberForms('economy') // ['economy', 'economies']
 */
export function numberForms(word: string): string[] {
  if (word.length < SHORTEST || !/^\p{Ll}+$/u.test(word) || latinTerm(word) === null) return [word];
  if (/[^aeiou]ies$/u.test(word)) return [word, `${word.slice(0, -3)}y`];
  if (/(?:ss|x|z|ch|sh)es$/u.test(word)) return [word, word.slice(0, -2)];
  if (/[^su]s$/u.test(word)) return [word, word.slice(0, -1)];
  if (/[^aeiou]y$/u.test(word)) return [word, `${word.slice(0, -1)}ies`];
  if (/(?:s|x|z|ch|sh)$/u.test(word)) return [word, `${word}es`];
  return [word, `${word}s`];
}

/**
 * The phrase with its last word in either number (`numberForms`; a word in title case as in lower case):
 * `digital economy`, `digital economies`; `Belt and Road Initiative`, `Belt and Road initiatives`.
 * @example lastWordForms('digital economy') // ['digital economy', 'digital economies']
 */
export function lastWordForms(phrase: string): string[] {
  const match = LAST_WORD.exec(phrase);
  const word = match?.[1];
  if (match === null || word === undefined) return [phrase];
  const [head, tail] = [phrase.slice(0, match.index), match[2] ?? ''];
  // A word in title case is matched in any case (`Initiative`, `initiatives`); one in capitals is an acronym.
  const titled = /^\p{Lu}\p{Ll}+$/u.test(word);
  return numberForms(titled ? word.toLowerCase() : word).map((form, i) => `${head}${i === 0 ? word : form}${tail}`);
}

/**
 * The phrases a rendering of several words may be written as: as given, with its hyphens as spaces, and with one
 * space between two words (letters, no stop word) as a hyphen (`high quality` → `high-quality`), each with its last
 * word in either number (`lastWordForms`). A rendering of one word gives itself alone.
 * @example renderingPhrases('high quality') // ['high quality', 'high qualities', 'high-quality', 'high-qualities']
 */
export function renderingPhrases(rendering: string): string[] {
  const written = rendering.trim();
  const words = written.split(/\s+/u);
  if (words.length < 2) return [written];
  const forms = [written, written.replace(/-/gu, ' ')];
  for (let gap = 1; gap < words.length; gap++) {
    if (isContentWord(words[gap - 1]) && isContentWord(words[gap])) forms.push(`${words.slice(0, gap).join(' ')}-${words.slice(gap).join(' ')}`);
  }
  return [...new Set(forms.flatMap(lastWordForms))];
}
