/**
 * The Tibetan segmenter: syllables, split at the tsheg (U+0F0B ་), the shad (U+0F0D །) and any other
 * punctuation, symbol or space. Each syllable is one token, normalized.
 */
import { normalizeTerm } from './normalize.js';
import type { Segmenter, Token } from './token.js';

/** A syllable: letters (incl. subjoined letters and vowel signs, which are marks) and digits. */
const SYLLABLE = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Tibetan syllables of a run, with offsets into `run`.
 * @example tibetanSegmenter('བོད་ཀྱི།') // [{ term: 'བོད', start: 0, end: 3 }, { term: 'ཀྱི', start: 4, end: 7 }]
 */
export const tibetanSegmenter: Segmenter = (run) => {
  const tokens: Token[] = [];
  for (const match of run.matchAll(SYLLABLE)) {
    const start = match.index ?? 0;
    tokens.push({ term: normalizeTerm(match[0]), start, end: start + match[0].length });
  }
  return tokens;
};
