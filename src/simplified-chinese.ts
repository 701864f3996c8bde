/**
 * Traditional → simplified Chinese, one character at a time, so that a converted text has exactly as
 * many characters as its source and offsets stay mappable. Phrase-level conversions (乾隆 stays 乾隆 in
 * OpenCC's phrase mode) are given up on purpose: the index and the query go through the same
 * character map, so they always agree.
 *
 * Shared by two stages, so it sits above them: `text/` folds terms and match keys with it, `ingest/` reads a
 * report's metadata (title, dateline, speaker, place) through it, whichever script the report is in.
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

const HAN = /\p{Script=Han}/u;
const HAN_CHAR = /^\p{Script=Han}$/u;

/**
 * A text with each Han character in its simplified form and everything else as it is, of the same length
 * (UTF-16 code units) as the text: an offset into the result is the same offset into the text, so a pattern
 * written in simplified characters can find its place in either script, and the words at that place are
 * read from the text as it is written. A character whose simplified form has another length stays as it is.
 * @example foldToSimplified('政府工作報告') // '政府工作报告'
 * @example foldToSimplified('二〇二五年 縣長') // '二〇二五年 县长'
 */
export function foldToSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  let out = '';
  for (const char of text) {
    if (!HAN_CHAR.test(char)) {
      out += char;
      continue;
    }
    const simplified = toSimplifiedChar(char);
    out += simplified.length === char.length ? simplified : char;
  }
  return out;
}
