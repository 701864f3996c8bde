/**
 * Analyzer terms as plain ASCII tokens, so that Sphinx's tokenizer (charset_table `0..9, a..z`) can
 * neither split, fold nor drop anything the analyzer produced: the index and the query agree by
 * construction, whatever script the term is in.
 *
 * A token is a field marker (`w` words, `b` bigrams, `h` heading, `e` English) followed by the term's
 * code points, each encoded on its own (a prefix-free code, so the encoding of a term's first k code
 * points is a prefix of the term's token, and nothing else is):
 *   - `0`-`9` and `a`-`x` stand for themselves (English words and numbers stay readable);
 *   - any other code point below 36³ (all of the CJK block, punctuation, `y`, `z`) is `y` + 3 base-36 digits;
 *   - above that (supplementary planes) it is `z` + 4 base-36 digits (its first digit is at most `n`).
 * Sphinx cuts tokens at 42 characters (checked: longer ones are truncated, so two long words sharing
 * their first 41 characters would collide), so a term whose token would be longer is indexed twice:
 * marker + `zz` + a 64-bit hash of the term (`zz` cannot start a clear encoding) for exact lookups, and
 * a head token (another marker + the clear encoding cut at a code point boundary) for prefix lookups.
 * Prefix lookups are Sphinx wildcards over both (`b<code>* | c<code>*`, dict = keywords): exact by
 * construction, because the code is prefix-free. The engine uses them for one-character bigram lookups.
 */
import { createHash } from 'node:crypto';
import type { IndexField } from '../backend.js';

/** The longest token Sphinx keeps whole. */
export const MAX_TOKEN_LENGTH = 42;

const MARKERS: Record<IndexField, string> = { words: 'w', bigrams: 'b', heading: 'h', en: 'e' };
/** Markers of the head tokens of long terms (prefix lookups only). */
const HEAD_MARKERS: Record<IndexField, string> = { words: 'i', bigrams: 'c', heading: 'g', en: 'f' };
const SHORT_LIMIT = 36 ** 3;
const HASHED = 'zz';
const codeCache = new Map<number, string>();

function encodeCodePoint(codePoint: number): string {
  let code = codeCache.get(codePoint);
  if (code === undefined) {
    if ((codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0x61 && codePoint <= 0x78)) code = String.fromCharCode(codePoint);
    else if (codePoint < SHORT_LIMIT) code = `y${codePoint.toString(36).padStart(3, '0')}`;
    else code = `z${codePoint.toString(36).padStart(4, '0')}`;
    codeCache.set(codePoint, code);
  }
  return code;
}

/**
 * The clear encoding of a text, code point by code point (no marker, no length limit).
 * @example encodeText('5g') // '5g'
 * @example encodeText('西藏') // 'yr5ryqfj'
 */
export function encodeText(text: string): string {
  let out = '';
  for (const char of text) out += encodeCodePoint(char.codePointAt(0) ?? 0);
  return out;
}

/**
 * Decodes a clear encoding back to text (the inverse of `encodeText`); null when it is not one.
 * @example decodeText('yr5ryqfj') // '西藏'
 */
export function decodeText(code: string): string | null {
  let out = '';
  for (let i = 0; i < code.length; ) {
    const c = code[i] ?? '';
    const width = c === 'y' ? 3 : c === 'z' ? 4 : 0;
    if (width === 0) {
      if (!/[0-9a-x]/.test(c)) return null;
      out += c;
      i += 1;
      continue;
    }
    const digits = code.slice(i + 1, i + 1 + width);
    if (digits.length !== width || !/^[0-9a-z]+$/.test(digits)) return null;
    const codePoint = parseInt(digits, 36);
    if (codePoint > 0x10ffff || (width === 4 && codePoint < SHORT_LIMIT)) return null;
    out += String.fromCodePoint(codePoint);
    i += 1 + width;
  }
  return out;
}

const hashOf = (field: IndexField, term: string): string => {
  const digest = createHash('sha256').update(`${field}\0${term}`).digest();
  return digest.readBigUInt64BE(0).toString(36).padStart(13, '0');
};

/** The clear encoding of the longest head of `term` that fits a token after a one-letter marker. */
function clearHead(term: string): string {
  let out = '';
  for (const char of term) {
    const code = encodeCodePoint(char.codePointAt(0) ?? 0);
    if (1 + out.length + code.length > MAX_TOKEN_LENGTH) break;
    out += code;
  }
  return out;
}

/**
 * The tokens of a term in a field: one clear token, or for a term too long for that, its hash token
 * (for exact lookups) and its head token (for prefix lookups; never matched by an exact lookup).
 * @example termTokens('bigrams', '西藏') // ['byr5ryqfj']
 * @example termTokens('en', 'water') // ['ewater']
 */
export function termTokens(field: IndexField, term: string): string[] {
  const clear = encodeText(term);
  if (1 + clear.length <= MAX_TOKEN_LENGTH) return [MARKERS[field] + clear];
  return [MARKERS[field] + HASHED + hashOf(field, term), HEAD_MARKERS[field] + clearHead(term)];
}

/**
 * The token an exact lookup of `term` in `field` searches for.
 * @example termToken('words', '5g') // 'w5g'
 */
export function termToken(field: IndexField, term: string): string {
  return termTokens(field, term)[0] ?? '';
}

/** The longest clear prefix encoding that a head token is sure to contain (a head keeps ≥ 37 of 41). */
const MAX_PREFIX_CODE = MAX_TOKEN_LENGTH - 1 - 4;

/**
 * The Sphinx expression that finds every term of `field` starting with `prefix` (clear tokens and the
 * heads of long terms), or null when the prefix is empty or too long to look up this way.
 * @example prefixExpression('bigrams', '藏') // '(byqfj* | cyqfj*)'
 */
export function prefixExpression(field: IndexField, prefix: string): string | null {
  const clear = encodeText(prefix);
  if (clear.length === 0 || clear.length > MAX_PREFIX_CODE) return null;
  return `(${MARKERS[field]}${clear}* | ${HEAD_MARKERS[field]}${clear}*)`;
}

/**
 * A field value for Sphinx: the tokens of the terms, space separated, in order (frequencies kept).
 * @example fieldText('words', ['5g', '基站']) // 'w5g wy…y…'
 */
export function fieldText(field: IndexField, terms: readonly string[]): string {
  let out = '';
  for (const term of terms) {
    for (const token of termTokens(field, term)) out += out ? ` ${token}` : token;
  }
  return out;
}
