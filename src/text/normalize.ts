/**
 * Normalization of terms and of text for exact matching. Lossless steps run before lossy ones:
 * NFKC (full-width → half-width, compatibility forms), then case folding, then the typographic apostrophe and
 * quotation marks as the typed ones, the circles typed for zero as the numeral zero, then traditional → simplified Chinese. Everything works one code point at a time, with a cache, so that every
 * character of a normalized text can be traced back to the original character it came from.
 *
 * Known limit: a letter written as base + combining accent (`e` + U+0301) and the same letter
 * precomposed (`é`) normalize differently, because composition would need a look at the neighbours.
 */
import { toSimplifiedChar } from '../simplified-chinese.js';

/** A normalized text and, for each of its code units, the range of the original it came from. */
export interface MatchText {
  /** Normalized text, with all whitespace and invisible characters removed. */
  text: string;
  /** `text[i]` came from `original.slice(starts[i], ends[i])`. */
  starts: Int32Array;
  ends: Int32Array;
}

/** Whitespace (incl. U+3000, NBSP, \r, \n) and invisible characters (zero-width, BOM, soft hyphen, variation selectors…). */
const IGNORABLE = /^[\s\p{Default_Ignorable_Code_Point}]$/u;
const IGNORABLE_ALL = /[\s\p{Default_Ignorable_Code_Point}]/gu;
const HAN = /^\p{Script=Han}$/u;
const HAS_HAN = /\p{Script=Han}/u;

const termForms = new Map<number, string>();
const matchForms = new Map<number, string>();

/**
 * The typographic apostrophe (U+2019, what a phone keyboard or a typeset English report writes: `people’s`), which
 * NFKC keeps, as the typed one: a reader cannot tell them apart, so a phrase typed either way finds the other.
 */
const TYPOGRAPHIC_APOSTROPHE = /\u2019/gu;

/**
 * The circles a word processor offers for the Chinese numeral zero 〇 (U+3007): ○ (U+25CB) and ◯ (U+25EF). Reports
 * typed in Word write years with them (`一九八○年`, `二○二四年`), and a reader cannot tell them from 〇: the
 * reports under `../shared/corpora` hold 180 ○, every one inside a number. As 〇, a year typed either way finds both.
 */
const CIRCLES_FOR_ZERO = /[\u25cb\u25ef]/gu;

/**
 * Quotation marks, which a reader cannot tell apart in meaning, as the typed ones: curly double quotes (“ ” „ ‟),
 * the corner brackets that traditional texts quote with (「 」 『 』) and the double prime quotes (〝 〞 〟) as `"`;
 * curly single quotes (‘ ‚ ‛) as `'`. A report writes `西藏“十四五”规划`; typed on a Latin keyboard, `西藏"十四五"规划`,
 * or in traditional characters `西藏「十四五」規劃`, found nothing.
 */
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u300c\u300d\u300e\u300f\u301d\u301e\u301f]/gu;
const SINGLE_QUOTES = /[\u2018\u201a\u201b]/gu;

/** NFKC, lower case, NFKC again (lower-casing can leave a non-NFKC string), `’` as `'`, quotation marks as `"` and `'`, ○ and ◯ as 〇, simplified Han. */
function normalizeOnce(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  if (out !== text) out = out.normalize('NFKC');
  out = out.replace(TYPOGRAPHIC_APOSTROPHE, "'").replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(CIRCLES_FOR_ZERO, '\u3007');
  if (!HAS_HAN.test(out)) return out;
  let simplified = '';
  for (const char of out) simplified += HAN.test(char) ? toSimplifiedChar(char) : char;
  return simplified;
}

/**
 * The normalized form of one code point (cached). Repeated until stable, so that normalizing twice
 * changes nothing.
 * @example normalizeCodePoint(0xff21) // 'a' (full-width Ａ)
 */
export function normalizeCodePoint(codePoint: number): string {
  const cached = termForms.get(codePoint);
  if (cached !== undefined) return cached;
  let form = String.fromCodePoint(codePoint);
  for (let round = 0; round < 4; round++) {
    const next = normalizeOnce(form);
    if (next === form) break;
    form = next;
  }
  termForms.set(codePoint, form);
  return form;
}

/**
 * True for whitespace and invisible characters (U+3000, \r, \n, U+200B–U+200D, U+FEFF, soft hyphen,
 * variation selectors…), which exact matching ignores.
 * @example isIgnorableCodePoint(0x3000) // true
 */
export function isIgnorableCodePoint(codePoint: number): boolean {
  return IGNORABLE.test(String.fromCodePoint(codePoint));
}

/** The form a code point takes in match text: its normalized form without any ignorable character. */
function matchFormOf(codePoint: number): string {
  const cached = matchForms.get(codePoint);
  if (cached !== undefined) return cached;
  const form = isIgnorableCodePoint(codePoint) ? '' : normalizeCodePoint(codePoint).replace(IGNORABLE_ALL, '');
  matchForms.set(codePoint, form);
  return form;
}

/** Fast path for the BMP: 0 = not seen yet, 1 = the match form is the character itself, 2 = it differs. */
const BMP_UNSEEN = 0;
const BMP_SAME = 1;
const bmpKinds = new Uint8Array(0x10000);

function bmpKindOf(unit: number): number {
  const kind = bmpKinds[unit];
  if (kind !== BMP_UNSEEN) return kind;
  const computed = matchFormOf(unit) === String.fromCharCode(unit) ? BMP_SAME : 2;
  bmpKinds[unit] = computed;
  return computed;
}

/** Code units of the match form of each BMP character that is no surrogate (at most 18, NFKC's longest), 255 until first asked. */
const bmpLengths = new Uint8Array(0x10000).fill(255);

/** The length of a BMP character's match form (`matchFormOf(unit).length`), kept. */
function bmpFormLength(unit: number): number {
  const length = bmpLengths[unit] as number;
  if (length !== 255) return length;
  const computed = matchFormOf(unit).length;
  bmpLengths[unit] = computed;
  return computed;
}

/**
 * Normalizes a term: NFKC, lower case, traditional → simplified Chinese, code point by code point.
 * @example normalizeTerm('鄉村振興') // '乡村振兴'
 * @example normalizeTerm('ＧＤＰ') // 'gdp'
 */
export function normalizeTerm(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i) ?? 0;
    out += normalizeCodePoint(codePoint);
    i += codePoint > 0xffff ? 2 : 1;
  }
  return out;
}

/** The largest working space kept between calls, in code units (a longer text gets its own). */
const WORKSPACE_KEPT = 1 << 16;
let kept = { starts: new Int32Array(256), ends: new Int32Array(256) };

/**
 * Working arrays of at least `size` for `normalizeForMatch`, reused from call to call: the answer is copied out
 * of them, and a typed array of more than a few dozen bytes costs more to make than the normalizing of a short
 * text (a query's) does.
 */
function workspace(size: number): { starts: Int32Array; ends: Int32Array } {
  if (size <= kept.starts.length) return kept;
  const made = { starts: new Int32Array(size), ends: new Int32Array(size) };
  if (size <= WORKSPACE_KEPT) kept = made;
  return made;
}

/**
 * Normalizes a text for exact phrase matching and maps every normalized code unit back to the
 * original: `text[i]` came from `original.slice(starts[i], ends[i])`. All whitespace and invisible
 * characters are removed. A character whose normalized form has several code units maps all of them
 * to its own range; ranges never split a surrogate pair.
 * @example normalizeForMatch('民族团结进\n步').text // '民族团结进步'
 * @example normalizeForMatch('Ａ Ｂ').starts // Int32Array [0, 2]
 */
export function normalizeForMatch(original: string): MatchText {
  const length = original.length;
  let { starts, ends } = workspace(length + 16);
  // The text is built as `matchKeyOf` builds it (the same loop without offsets): a change here goes there too.
  let text = '';
  let k = 0;
  /** Start of the current stretch of characters that are their own match form (copied in one slice). */
  let same = 0;
  for (let i = 0; i < length; ) {
    const unit = original.charCodeAt(i);
    if ((unit < 0xd800 || unit > 0xdfff) && bmpKindOf(unit) === BMP_SAME) {
      starts[k] = i;
      ends[k] = i + 1;
      k++;
      i++;
      continue;
    }
    if (same < i) text += original.slice(same, i);
    const codePoint = original.codePointAt(i) ?? unit;
    const width = codePoint > 0xffff ? 2 : 1;
    const form = matchFormOf(codePoint);
    // Keep room for this form plus one code unit for every code unit still to come.
    if (k + form.length + (length - i) > starts.length) {
      const capacity = starts.length * 2 + form.length;
      const grownStarts = new Int32Array(capacity);
      const grownEnds = new Int32Array(capacity);
      grownStarts.set(starts);
      grownEnds.set(ends);
      starts = grownStarts;
      ends = grownEnds;
    }
    for (let j = 0; j < form.length; j++) {
      starts[k] = i;
      ends[k] = i + width;
      k++;
    }
    text += form;
    i += width;
    same = i;
  }
  if (same < length) text += original.slice(same);
  return { text, starts: starts.slice(0, k), ends: ends.slice(0, k) };
}

/**
 * `normalizeForMatch(original).text` alone: the match key without the map back to the original, so nothing is
 * allocated for offsets (a text that is its own key is returned as it is).
 * @example matchKeyOf('民族團結 進步') // '民族团结进步'
 */
export function matchKeyOf(original: string): string {
  // `normalizeForMatch`'s loop without the offsets, kept alike (tests/text/analysis-shortcuts.test.ts checks it).
  let text = '';
  /** Start of the current stretch of characters that are their own match form (copied in one slice). */
  let same = 0;
  for (let i = 0; i < original.length; ) {
    const unit = original.charCodeAt(i);
    if ((unit < 0xd800 || unit > 0xdfff) && bmpKindOf(unit) === BMP_SAME) {
      i++;
      continue;
    }
    if (same < i) text += original.slice(same, i);
    const codePoint = original.codePointAt(i) ?? unit;
    text += matchFormOf(codePoint);
    i += codePoint > 0xffff ? 2 : 1;
    same = i;
  }
  return same === 0 ? original : text + original.slice(same);
}

/**
 * Where each code unit of a text's match key came from, asked one unit at a time: `[start, end)` of `original`
 * for the key's unit `unit` (`normalizeForMatch`'s `starts[unit]`, `ends[unit]`), undefined past the key's end.
 * The walk goes on from the last unit asked, so asking in ascending order reads the text once, up to the last
 * unit asked (an earlier unit starts the walk again).
 * @example keyWalker('民族 团结')(2) // [3, 4]
 */
export function keyWalker(original: string): (unit: number) => readonly [number, number] | undefined {
  /** The walk is at `original[at]`, whose match form begins at the key's unit `begins`. */
  let at = 0;
  let begins = 0;
  return (unit) => {
    // Locals in the loop, the walk's place kept between questions.
    let i = unit < begins ? 0 : at;
    let k = unit < begins ? 0 : begins;
    const length = original.length;
    while (i < length) {
      const code = original.charCodeAt(i);
      let width = 1;
      let form: number;
      if (code < 0xd800 || code > 0xdfff) form = bmpFormLength(code);
      else {
        const codePoint = original.codePointAt(i) ?? code;
        width = codePoint > 0xffff ? 2 : 1;
        form = matchFormOf(codePoint).length;
      }
      if (unit < k + form) {
        at = i;
        begins = k;
        return [i, i + width];
      }
      k += form;
      i += width;
    }
    at = i;
    begins = k;
    return undefined;
  };
}

/**
 * Where spans of a text's match key came from, without building the whole map: for each `[start, end)` of
 * `normalizeForMatch(original).text`, the range `[starts[start], ends[end - 1]]` of `original`. One walk that
 * only counts code units (the key itself is not rebuilt), for a caller that already holds the key.
 * @example originalRanges('民族团结进\n步', [[4, 6]]) // [[4, 7]]
 */
export function originalRanges(original: string, spans: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const wanted = new Set<number>();
  for (const [start, end] of spans) {
    if (end > start) {
      wanted.add(start);
      wanted.add(end - 1);
    }
  }
  // Asked in ascending order, the walk reads the text once, up to the last unit wanted.
  const walk = keyWalker(original);
  const from = new Map<number, readonly [number, number]>();
  for (const unit of [...wanted].sort((x, y) => x - y)) {
    const range = walk(unit);
    if (range) from.set(unit, range);
  }
  const ranges: Array<[number, number]> = [];
  for (const [start, end] of spans) {
    const first = from.get(start);
    const last = from.get(end - 1);
    if (end > start && first && last) ranges.push([first[0], last[1]]);
  }
  return ranges;
}
