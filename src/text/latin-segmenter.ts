/**
 * The Latin segmenter: English words and numbers, kept whole with their joiners (`5G`, `G318`,
 * `R&D`, `6.8`, `3%`), normalized (NFKC, lower case), English words stemmed (Porter), stopwords
 * dropped. Where a word ends is decided by `splitScriptRuns`, the one place that knows the joiner rules.
 *
 * A hyphenated compound (`eco-tourism`, `Kashin-Beck`, `COVID-19`) gives one word per part (`eco`,
 * `tourism`), so each part finds it, and — from `latinCompounds` — its joined form (`ecotour`) over the
 * whole compound, so that `ecotourism` written as one word and `eco-tourism` find each other.
 */
import { stemmer } from 'stemmer';
import { normalizeTerm } from './normalize.js';
import { hasHyphen, hyphenParts, splitScriptRuns } from './scripts.js';
import { ENGLISH_STOPWORDS } from './stopwords.js';
import type { Segmenter, Token } from './token.js';

const POSSESSIVE = /['’]s$/u;
const LETTERS = /^[a-z]+$/u;

/**
 * The term of one Latin word as written: normalized, possessive `'s` dropped, stemmed when it is an
 * English word (all letters). `null` for a stopword.
 * @example latinTerm('Economies') // 'economi'
 * @example latinTerm('G318') // 'g318'
 * @example latinTerm('the') // null
 */
export function latinTerm(surface: string): string | null {
  const word = normalizeTerm(surface).replace(POSSESSIVE, '');
  if (word === '' || ENGLISH_STOPWORDS.has(word)) return null;
  return LETTERS.test(word) ? stemmer(word) : word;
}

/** A Latin word of a run: its range and the ranges of its hyphen-separated parts, offsets into the run. */
interface LatinWord {
  start: number;
  end: number;
  parts: Array<{ start: number; end: number }>;
}

/** The word of `run` over [start, end), with its parts. */
function wordAt(run: string, start: number, end: number): LatinWord {
  return { start, end, parts: hyphenParts(run.slice(start, end)).map((p) => ({ start: start + p.start, end: start + p.end })) };
}

/** The Latin words of a run with their hyphen-separated parts, offsets into `run`. */
function latinWords(run: string): LatinWord[] {
  return splitScriptRuns(run)
    .filter((word) => word.script === 'latin')
    .map((word) => wordAt(run, word.start, word.end));
}

/** The tokens of the words' parts (a stopword gives none). */
function partTokens(run: string, words: LatinWord[]): Token[] {
  const tokens: Token[] = [];
  for (const word of words) {
    for (const part of word.parts) {
      const term = latinTerm(run.slice(part.start, part.end));
      if (term !== null) tokens.push({ term, start: part.start, end: part.end });
    }
  }
  return tokens;
}

/** The joined form of each word with two parts or more, over the whole word. */
function joinedTokens(run: string, words: LatinWord[]): Token[] {
  const tokens: Token[] = [];
  for (const word of words) {
    if (word.parts.length < 2) continue;
    const term = latinTerm(word.parts.map((p) => run.slice(p.start, p.end)).join(''));
    if (term !== null) tokens.push({ term, start: word.start, end: word.end });
  }
  return tokens;
}

/**
 * Latin words and numbers of a run, with offsets into `run`; a hyphenated word gives one token per part.
 * @example latinSegmenter('G318') // [{ term: 'g318', start: 0, end: 4 }]
 * @example latinSegmenter('eco-tourism') // [{ term: 'eco', start: 0, end: 3 }, { term: 'tourism', start: 4, end: 11 }]
 */
export const latinSegmenter: Segmenter = (run) => partTokens(run, latinWords(run));

/**
 * The joined form of each hyphenated word of a run (its parts written as one word), spanning the whole
 * word; words without a hyphen give nothing.
 * @example latinCompounds('eco-tourism and COVID-19') // [{ term: 'ecotour', start: 0, end: 11 }, { term: 'covid19', start: 16, end: 24 }]
 */
export const latinCompounds: Segmenter = (run) => joinedTokens(run, latinWords(run));

/**
 * `latinSegmenter` of a Latin run of `splitScriptRuns`, which is one word with its joiners (what the analyzer
 * segments): the same tokens, without cutting the run into words again.
 * @example latinWordSegmenter('eco-tourism').map((t) => t.term) // ['eco', 'tourism']
 */
export const latinWordSegmenter: Segmenter = (word) => partTokens(word, [wordAt(word, 0, word.length)]);

/**
 * `latinCompounds` of a Latin run of `splitScriptRuns` (one word), without cutting it into words again.
 * @example latinWordCompounds('COVID-19') // [{ term: 'covid19', start: 0, end: 8 }]
 */
export const latinWordCompounds: Segmenter = (word) => (hasHyphen(word) ? joinedTokens(word, [wordAt(word, 0, word.length)]) : []);
