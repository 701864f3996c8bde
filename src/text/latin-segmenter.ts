/**
 * The Latin segmenter: English words and numbers, kept whole with their joiners (`5G`, `G318`,
 * `R&D`, `6.8`, `3%`, `COVID-19`, `e-commerce`), normalized (NFKC, lower case), English words
 * stemmed (Porter), stopwords dropped. Where a word ends is decided by `splitScriptRuns`, the one
 * place that knows the joiner rules.
 */
import { stemmer } from 'stemmer';
import { normalizeTerm } from './normalize.js';
import { splitScriptRuns } from './scripts.js';
import { ENGLISH_STOPWORDS } from './stopwords.js';
import type { Segmenter, Token } from './token.js';

const POSSESSIVE = /['’]s$/u;
const LETTERS = /^[a-z]+$/u;
const HYPHENATED = /^(.*-)([a-z]+)$/u;

/**
 * The term of one Latin word as written: normalized, possessive `'s` dropped, stemmed when it is an
 * English word (all letters; in a hyphenated word, its last part). `null` for a stopword.
 * @example latinTerm('Economies') // 'economi'
 * @example latinTerm('COVID-19') // 'covid-19'
 * @example latinTerm('the') // null
 */
export function latinTerm(surface: string): string | null {
  const word = normalizeTerm(surface).replace(POSSESSIVE, '');
  if (word === '' || ENGLISH_STOPWORDS.has(word)) return null;
  if (LETTERS.test(word)) return stemmer(word);
  const hyphenated = HYPHENATED.exec(word);
  if (hyphenated !== null) return hyphenated[1] + stemmer(hyphenated[2]);
  return word;
}

/**
 * Latin words and numbers of a run, with offsets into `run`.
 * @example latinSegmenter('G318') // [{ term: 'g318', start: 0, end: 4 }]
 * @example latinSegmenter('clean energy') // [{ term: 'clean', start: 0, end: 5 }, { term: 'energi', start: 6, end: 12 }]
 */
export const latinSegmenter: Segmenter = (run) => {
  const tokens: Token[] = [];
  for (const part of splitScriptRuns(run)) {
    if (part.script !== 'latin') continue;
    const term = latinTerm(run.slice(part.start, part.end));
    if (term !== null) tokens.push({ term, start: part.start, end: part.end });
  }
  return tokens;
};
