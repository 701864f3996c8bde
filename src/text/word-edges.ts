/**
 * Exact phrases at the edges of words. A match key drops whitespace, so `the AI` and `maintain` both hold `ai`,
 * and `45G` holds `5g`. A key that begins with a letter of a spaced script or a digit occurs only where a word
 * of the text begins: the key's character before it is no such letter or digit, or whitespace stood between
 * the two in the original. Likewise at its end. A number is one word with its decimal point or comma (`5.5`,
 * `1,200`): a key beginning or ending with a digit does not stand where a point or comma joins it to another.
 * Han and Tibetan text, which no space divides into words, is matched anywhere, as before. Pure functions over a
 * text, its match key and the key's map back to it.
 */
import { keyWalker } from './normalize.js';

/** Letters of the scripts that divide words by spaces, and decimal digits. */
const WORD_CHARACTER = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]$/u;

/** Whitespace (removed from a match key) that parts two words; a soft hyphen or a joiner does not. */
const PARTING = /[\s\u200b]/u;

/**
 * True when the key's code unit at `i` is part of a word of a spaced script (a Latin letter, a digit).
 * @example isWordUnit('5g网', 1) // true
 */
export function isWordUnit(key: string, i: number): boolean {
  const unit = key.charCodeAt(i);
  if (unit < 0x80) return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a);
  return unit < 0x3000 && WORD_CHARACTER.test(key.charAt(i));
}

/**
 * True when a key begins or ends inside a word of a spaced script, so that its occurrences are checked at
 * the edges of words (`ai`, `5g网络`); false for a key of Han characters.
 * @example hasWordEdge('ai') // true
 * @example hasWordEdge('乡村振兴') // false
 */
export function hasWordEdge(key: string): boolean {
  return key.length > 0 && (isWordUnit(key, 0) || isWordUnit(key, key.length - 1));
}

/**
 * True when the occurrence of `length` code units at `at` of `matchKey` stands at word edges: where it
 * begins (ends) with a word unit, the unit before (after) it is none, or `parted(i)` says whitespace stood
 * in the original between the key's units `i - 1` and `i`.
 * @example standsApart('theai', 3, 2, (i) => i === 3) // true: "the AI"
 * @example standsApart('maintain', 1, 2, () => false) // false
 */
export function standsApart(matchKey: string, at: number, length: number, parted: (i: number) => boolean): boolean {
  const end = at + length;
  if (at > 0 && isWordUnit(matchKey, at) && isWordUnit(matchKey, at - 1) && !parted(at)) return false;
  if (end < matchKey.length && isWordUnit(matchKey, end - 1) && isWordUnit(matchKey, end) && !parted(end)) return false;
  // A number's point or comma joins its digits into one word: `5%` is not in `5.5%`, nor `200` in `1,200`.
  if (at >= 2 && isDigit(matchKey, at) && isNumberJoiner(matchKey, at - 1) && isDigit(matchKey, at - 2) && !parted(at) && !parted(at - 1)) return false;
  if (end + 1 < matchKey.length && isDigit(matchKey, end - 1) && isNumberJoiner(matchKey, end) && isDigit(matchKey, end + 1) && !parted(end) && !parted(end + 1)) return false;
  return true;
}

/** True when the key's code unit at `i` is a decimal digit (a match key's digits are ASCII: NFKC folds full-width ones). */
function isDigit(key: string, i: number): boolean {
  const unit = key.charCodeAt(i);
  return unit >= 0x30 && unit <= 0x39;
}

/** True when the key's code unit at `i` is a point or a comma, which join digits on both sides into one number. */
function isNumberJoiner(key: string, i: number): boolean {
  const unit = key.charCodeAt(i);
  return unit === 0x2e || unit === 0x2c;
}

/**
 * `parted` for `standsApart` from a key's map back to its original (`normalizeForMatch`'s starts and ends):
 * whitespace among the original characters the key dropped between its units `i - 1` and `i`.
 * @example partedIn(text, normalizeForMatch(text))(3) // true for 'the AI'
 */
export function partedIn(original: string, map: { starts: Int32Array; ends: Int32Array }): (i: number) => boolean {
  return (i) => {
    const from = map.ends[i - 1] ?? 0;
    const to = map.starts[i] ?? 0;
    return to > from && PARTING.test(original.slice(from, to));
  };
}

/**
 * `parted` for `standsApart` without the whole map: the original is walked up to the key's unit `i` asked
 * (`keyWalker`), on from where the last question left it, so a text is not normalized again to check the
 * occurrences of a key whose neighbours are letters, and checking them left to right reads it once.
 * @example partedAlong('the AI')(3) // true
 */
export function partedAlong(original: string): (i: number) => boolean {
  const walk = keyWalker(original);
  return (i) => {
    const from = walk(i - 1)?.[1] ?? 0;
    const to = walk(i)?.[0] ?? 0;
    return to > from && PARTING.test(original.slice(from, to));
  };
}

/**
 * Offsets of the non-overlapping occurrences of `key` in `matchKey` (the match key of `original`), left to
 * right, that stand at word edges; at most `limit`. A key without a word edge is found anywhere, and the
 * original is read only where the key alone cannot tell (a letter or digit on both sides of an edge).
 * @example wordOffsets('the AI will maintain', 'theaiwillmaintain', 'ai') // [3]
 * @example wordOffsets('发展高质量发展', '发展高质量发展', '发展') // [0, 5]
 */
export function wordOffsets(original: string, matchKey: string, key: string, limit = Number.POSITIVE_INFINITY): number[] {
  const out: number[] = [];
  if (!key) return out;
  const edged = hasWordEdge(key);
  const parted = edged ? partedAlong(original) : undefined;
  for (let at = matchKey.indexOf(key); at !== -1 && out.length < limit; ) {
    if (parted && !standsApart(matchKey, at, key.length, parted)) {
      at = matchKey.indexOf(key, at + 1);
      continue;
    }
    out.push(at);
    at = matchKey.indexOf(key, at + key.length);
  }
  return out;
}

/**
 * True when `key` occurs in `matchKey` (the match key of `original`) at word edges: `wordOffsets(…).length > 0`,
 * without reading the original for a key that has no word edge or does not occur.
 * @example occursAsWords('the AI', 'theai', 'ai') // true
 * @example occursAsWords('maintain', 'maintain', 'ai') // false
 */
export function occursAsWords(original: string, matchKey: string, key: string): boolean {
  if (!matchKey.includes(key)) return false;
  return !hasWordEdge(key) || wordOffsets(original, matchKey, key, 1).length > 0;
}
