/**
 * The Latin segmenter: English words and numbers, kept whole with their joiners (`5G`, `G318`,
 * `R&D`, `6.8`, `3%`), normalized (NFKC, lower case), English words spelled American (`labour` →
 * `labor`, `american-spelling.ts`) and stemmed (Porter), stopwords
 * dropped. Where a word ends is decided by `splitScriptRuns`, the one place that knows the joiner rules.
 *
 * A hyphenated compound (`eco-tourism`, `Kashin-Beck`, `COVID-19`) gives one word per part (`eco`,
 * `tourism`), so each part finds it, and — from `latinWordCompounds` — its joined form (`ecotour`) over the
 * whole compound, so that `ecotourism` written as one word and `eco-tourism` find each other.
 */
import { stemmer } from 'stemmer';
import { americanSpelling } from './american-spelling.js';
import { normalizeTerm } from './normalize.js';
import { hasHyphen, hyphenParts } from './scripts.js';
import { ENGLISH_STOPWORDS } from './stopwords.js';
import type { Segmenter, Token } from './token.js';

const POSSESSIVE = /['’]s$/u;
/** Soft hyphens, which a word holds where it may break (`splitScriptRuns` keeps the word whole over them). */
const SOFT_HYPHENS = /\u00ad/gu;
const LETTERS = /^[a-z]+$/u;

/**
 * The term of one Latin word as written: normalized, soft hyphens and possessive `'s` dropped, stemmed when it is
 * an English word (all letters). `null` for a stopword.
 * @example latinTerm('Economies') // 'economi'
 * @example latinTerm('G318') // 'g318'
 * @example latinTerm('the') // null
 */
export function latinTerm(surface: string): string | null {
  const word = normalizeTerm(surface).replace(SOFT_HYPHENS, '').replace(POSSESSIVE, '');
  if (word === '' || ENGLISH_STOPWORDS.has(word)) return null;
  return LETTERS.test(word) ? stemmer(americanSpelling(word)) : word;
}

/**
 * The tokens of a Latin run of `splitScriptRuns`, which is one word with its joiners (what the analyzer
 * segments): one token per hyphen-separated part (a stopword part gives none), offsets into `word`.
 * @example latinWordSegmenter('G318') // [{ term: 'g318', start: 0, end: 4 }]
 * @example latinWordSegmenter('eco-tourism').map((t) => t.term) // ['eco', 'tourism']
 */
export const latinWordSegmenter: Segmenter = (word) => {
  const tokens: Token[] = [];
  for (const part of hyphenParts(word)) {
    const term = latinTerm(word.slice(part.start, part.end));
    if (term !== null) tokens.push({ term, start: part.start, end: part.end });
  }
  return tokens;
};

/**
 * The joined form of a hyphenated Latin run of `splitScriptRuns` (one word): its parts written as one word,
 * spanning the whole word; a word without a hyphen gives nothing.
 * @example latinWordCompounds('COVID-19') // [{ term: 'covid19', start: 0, end: 8 }]
 */
export const latinWordCompounds: Segmenter = (word) => {
  if (!hasHyphen(word)) return [];
  const parts = hyphenParts(word);
  if (parts.length < 2) return [];
  const term = latinTerm(parts.map((p) => word.slice(p.start, p.end)).join(''));
  return term === null ? [] : [{ term, start: 0, end: word.length }];
};
