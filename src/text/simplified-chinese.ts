/**
 * Traditional → simplified Chinese, one character at a time, so that a converted text has exactly as
 * many characters as its source and offsets stay mappable. Phrase-level conversions (乾隆 stays 乾隆 in
 * OpenCC's phrase mode) are given up on purpose: the index and the query go through the same
 * character map, so they always agree.
 */
import { Converter } from 'opencc-js/t2cn';

type Convert = (text: string) => string;

let convert: Convert | null = null;
const cache = new Map<string, string>();

/** OpenCC's converter from standard traditional (`t`, not `tw`: `tw` turns simplified 著 into 着). */
function converter(): Convert {
  const ready = convert ?? Converter({ from: 't', to: 'cn' });
  convert = ready;
  return ready;
}

/**
 * The simplified form of one character (one code point); any character without a single-character
 * simplified form is returned unchanged.
 * @example toSimplifiedChar('鄉') // '乡'
 */
export function toSimplifiedChar(char: string): string {
  const cached = cache.get(char);
  if (cached !== undefined) return cached;
  const converted = converter()(char);
  const result = [...converted].length === 1 ? converted : char;
  cache.set(char, result);
  return result;
}
