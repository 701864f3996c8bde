/** Shared data for the text tests: the seed reports, the shared corpora, random Unicode. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export { SHARED_ROOT as sharedRoot } from '../shared-data.js';

/** The five seed reports shipped in `corpus/`, by file name. */
export function readSeeds(): Array<{ name: string; text: string }> {
  const dir = path.join(repoRoot, 'corpus');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

/** Characters that have broken text code before: whitespace of all kinds, invisible characters,
 * combining marks, Tibetan, full-width forms, expanding compatibility characters, emoji, lone surrogates. */
const tricky = fc.constantFrom(
  ' ', '\u3000', '\r', '\n', '\t', '\u00a0', '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad', '\ufe0f',
  '\u0301', '\u0308', 'e\u0301', '\u0f0b', '\u0f0d', 'བ', 'ོ', 'ད', 'ྱ', '\u0f73', '༄', '༢',
  'Ａ', 'ｚ', '１', '．', '％', '，', '－', '㍻', '⑴', '①', 'ﬁ', 'İ', 'ẞ', 'Σ', 'ǅ',
  '😀', '👩\u200d👩\u200d👧', '🇨🇳', '\ud83d', '\ude00', '\udc00\ud800',
  '鄉', '團', '〇', '々', '𠀀', '\uf900', '中', '国', '。', '、',
  'a', 'Z', '5', '.', '-', '&', '%', "'", '’', '_', 'é', 'ß', 'Ж', 'ア', '한', 'ส', 'ع', '\u0000',
);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
const anyCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
const grapheme = fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 1 });

/** Random text mixing the tricky characters with any code point, lone surrogates and graphemes. */
export const unicodeText = fc.string({ unit: fc.oneof(tricky, tricky, loneSurrogate, anyCodePoint, grapheme), maxLength: 48 });

/** True when `index` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
