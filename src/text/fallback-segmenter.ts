/**
 * The fallback segmenter, for letters of any other script (Cyrillic, Greek, Arabic, kana, Hangul,
 * Thai…): the platform's Unicode word segmentation (`Intl.Segmenter`, word granularity, locale-neutral
 * `und` so the result does not depend on the machine's locale). Word-like segments only, normalized.
 */
import { normalizeTerm } from './normalize.js';
import type { Segmenter, Token } from './token.js';

const words = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * Words of a run of another script, with offsets into `run`.
 * @example fallbackSegmenter('Привет, мир') // [{ term: 'привет', start: 0, end: 6 }, { term: 'мир', start: 8, end: 11 }]
 */
export const fallbackSegmenter: Segmenter = (run) => {
  const tokens: Token[] = [];
  for (const segment of words.segment(run)) {
    if (segment.isWordLike !== true) continue;
    const term = normalizeTerm(segment.segment);
    if (term !== '') tokens.push({ term, start: segment.index, end: segment.index + segment.segment.length });
  }
  return tokens;
};
