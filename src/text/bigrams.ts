/**
 * Character bigrams, the recall net under the words: over the match text (normalized, whitespace
 * removed), runs of letters, digits and marks of any script are broken at punctuation and symbols;
 * every adjacent pair of characters (code points) in a run is a token, and the last character of each
 * run is also a one-character token. So any query substring of two or more characters within a run has
 * all its bigrams indexed, and a lone character X is found by a prefix search for X.
 */
import { normalizeForMatch, type MatchText } from './normalize.js';
import type { Token } from './token.js';

const RUN_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const bmpRunChars = new Uint8Array(0x10000);
const astralRunChars = new Map<number, boolean>();

function isRunChar(codePoint: number): boolean {
  if (codePoint < 0x10000) {
    let known = bmpRunChars[codePoint];
    if (known === 0) {
      known = RUN_CHAR.test(String.fromCharCode(codePoint)) ? 1 : 2;
      bmpRunChars[codePoint] = known;
    }
    return known === 1;
  }
  let known = astralRunChars.get(codePoint);
  if (known === undefined) {
    known = RUN_CHAR.test(String.fromCodePoint(codePoint));
    astralRunChars.set(codePoint, known);
  }
  return known;
}

/**
 * Bigram tokens of a text, in order, with offsets into the original text (a bigram may span the
 * whitespace the match text removed).
 * @example bigramTokens('西藏 G318').map((t) => t.term) // ['西藏', '藏g', 'g3', '31', '18', '8']
 * @example bigramTokens('6.8级').map((t) => t.term) // ['6', '8级', '级']
 */
export function bigramTokens(text: string): Token[] {
  return bigramTokensOfMatch(normalizeForMatch(text));
}

/**
 * `bigramTokens` of the text whose match text is given (`normalizeForMatch(text)`), for a caller that already
 * made it: the same tokens, without normalizing the text again.
 * @example bigramTokensOfMatch(normalizeForMatch('西藏')).map((t) => t.term) // ['西藏', '藏']
 */
export function bigramTokensOfMatch({ text: match, starts, ends }: MatchText): Token[] {
  const tokens: Token[] = [];
  /** Index in `match` of the previous character of the current run, or -1 outside a run. */
  let previous = -1;
  for (let i = 0; i < match.length; ) {
    const codePoint = match.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    if (isRunChar(codePoint)) {
      if (previous >= 0) tokens.push({ term: match.slice(previous, i + width), start: starts[previous], end: ends[i + width - 1] });
      previous = i;
    } else if (previous >= 0) {
      tokens.push(lone(match, previous, starts, ends));
      previous = -1;
    }
    i += width;
  }
  if (previous >= 0) tokens.push(lone(match, previous, starts, ends));
  return tokens;
}

/** The one-character token of the character at `index` of the match text. */
function lone(match: string, index: number, starts: Int32Array, ends: Int32Array): Token {
  const width = (match.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  return { term: match.slice(index, index + width), start: starts[index], end: ends[index + width - 1] };
}
