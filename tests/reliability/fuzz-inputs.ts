/**
 * Hostile query text for the fuzz tests: random Unicode with lone surrogates, combining marks, bidi and
 * zero-width characters, control characters, emoji, Tibetan, long runs of one character, nested and
 * unbalanced quotes, and the query language's operators, mixed with real words of the reports.
 */
import fc from 'fast-check';

/** 10,000 generated inputs on CI, fewer on a laptop. */
export const FUZZ_RUNS = process.env.CI ? 10_000 : 2_000;

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
const control = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) => String.fromCharCode(c));
const combining = fc.constantFrom('\u0301', '\u0308', '\u0323', '\u20dd', '\u0f71', '\u093c', '\u0489', '\u3099', '\ufe0f', '\u200d');
const bidi = fc.constantFrom('\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c');
const zeroWidth = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u034f');
const emoji = fc.constantFrom('😀', '👩\u200d👩\u200d👧', '🇨🇳', '🏳️\u200d🌈', '👍🏽', '\u2764\ufe0f', '1\ufe0f\u20e3', '🀄', '𝕏');
const tibetan = fc.constantFrom('བོད་', '༄༅', 'ཀྲ', '\u0f0b', '\u0f0d', '༢༠༢༤', 'ལྷ་ས', 'ྱ', 'ཱ');
const words = fc.constantFrom(
  '西藏', '高质量发展', '乡村振兴', '發展', '民族團結', '清洁能源', '旅游', '2024', '２０２４', '5G', '6.8级', '𠀀', '々', '〇',
  'tourism', 'clean energy', 'poverty', 'alleviation', 'the', 'a', 'Tibet', 'GDP', 'e\u0301', 'ﬁ', 'İ', 'ß', 'Ж', 'ع',
);
const operators = fc.constantFrom(
  '"', '"', '“', '”', '「', '」', '『', '』', '＂', '-', '－', '--', 'OR', 'OR', '|', '｜', '(', ')', '*', '?', ':', '：',
  'year:', 'year:2024', 'year:２０２４', 'year:99999', 'doc:', 'doc:xizang-2024-government-work-report', 'doc:../../etc',
  'kind:table', 'kind:', 'kind:chair', 'AND', 'NOT', '\\', '%', '%00', '&', '=', '+', '#', '<script>', '&lt;', "'", '`',
);
const space = fc.constantFrom(' ', ' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\u2028', '\u2029', '\u205f');
const anyCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
const grapheme = fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 1 });

const single = fc.oneof(loneSurrogate, control, combining, bidi, zeroWidth, emoji, tibetan, words, operators, space, anyCodePoint, grapheme);

/** One character (or short unit) repeated up to 500 times. */
const run = fc.tuple(fc.oneof(single, fc.constantFrom('a', '西', '"', '「', '-', '|', ' ', '\u0301')), fc.integer({ min: 2, max: 500 })).map(([c, n]) => c.repeat(n));

/** Quotes nested up to 30 deep, balanced or not. */
const nested = fc
  .tuple(fc.constantFrom(['「', '」'], ['『', '』'], ['“', '”'], ['"', '"']), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), words)
  .map(([[open, close], depth, closing, w]) => `${(open ?? '').repeat(depth)}${w}${(close ?? '').repeat(closing)}`);

/**
 * A hostile query: up to 30 pieces, cut to at most `maxUnits` UTF-16 code units (a cut may split a
 * surrogate pair: one more lone surrogate).
 */
export function hostileQuery(maxUnits = 600): fc.Arbitrary<string> {
  const piece = fc.oneof({ weight: 6, arbitrary: single }, { weight: 1, arbitrary: run }, { weight: 1, arbitrary: nested });
  return fc.array(piece, { minLength: 0, maxLength: 30 }).map((pieces) => pieces.join('').slice(0, maxUnits));
}

/**
 * Percent-encodes a query value as a browser would, except that a lone surrogate (which has no UTF-8 form)
 * is written as the three bytes it would take (ED A0 80 …), which a strict decoder must refuse; hex digits
 * are upper or lower case at random, and spaces are sometimes `+`.
 * @example encodeQueryValue('高 x', true) // '%e9%ab%98+x'
 */
export function encodeQueryValue(text: string, variant: boolean): string {
  let out = '';
  for (const ch of text) {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else if (ch === ' ' && variant) out += '+';
    else out += encodeURIComponent(ch);
  }
  return variant ? out.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()) : out;
}
