/**
 * Script detection: cuts a text into runs of one script, the first step of the analyzer. Characters
 * are classified by their normalized form (so full-width `Ｇ３１８` is Latin, `㍻` is Han).
 *
 * - Latin letters and digits form one run with the joiners between them: `5G`, `G318`, `R&D`,
 *   `6.8`, `3%`, `COVID-19`, `e-commerce`, `China's` (a hyphen between two numbers, as in `2021-2025`,
 *   is not a joiner).
 * - A Han run continues across whitespace between two Han characters unless that whitespace holds a
 *   tab (a table cell border), so a line wrapped inside a word stays one run, even when the PDF
 *   extraction put a blank line there (`民族团结进\n\n步`), as exact phrase matching does.
 * - Combining marks belong to the run of the character they follow.
 */
import { isIgnorableCodePoint, normalizeCodePoint } from './normalize.js';

/** A letter or a digit of any script: a text without one has nothing to search for. */
export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The kinds of run. `punct` also holds symbols, emoji and control characters. */
export type Script = 'han' | 'latin' | 'tibetan' | 'other' | 'punct' | 'space';

/** A run of one script: `text.slice(start, end)`, UTF-16 offsets. */
export interface ScriptRun {
  script: Script;
  start: number;
  end: number;
}

// Classes of single code points; LETTER and DIGIT both make Latin runs.
const SPACE = 1;
const PUNCT = 2;
const HAN = 3;
const TIBETAN = 4;
const LETTER = 5;
const DIGIT = 6;
const OTHER = 7;
const MARK = 8;

const SCRIPT_OF_CLASS: readonly Script[] = ['punct', 'space', 'punct', 'han', 'tibetan', 'latin', 'latin', 'other', 'other'];

const IS_HAN = /^\p{Script=Han}/u;
const IS_TIBETAN = /^\p{Script=Tibetan}/u;
const IS_MARK = /^\p{M}/u;
const IS_LATIN_LETTER = /^(?=\p{Script=Latin})\p{L}/u;
const IS_DIGIT = /^\p{Nd}/u;
const IS_LETTER_OR_NUMBER = /^[\p{L}\p{N}]/u;
const LEADING_SPACE = /^[\s\p{Default_Ignorable_Code_Point}]+/u;

const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function computeClass(codePoint: number): number {
  if (isIgnorableCodePoint(codePoint)) return SPACE;
  const raw = String.fromCodePoint(codePoint);
  // Tibetan punctuation (tsheg, shad) stays in the Tibetan run: the Tibetan segmenter splits at it.
  if (IS_TIBETAN.test(raw)) return TIBETAN;
  const form = normalizeCodePoint(codePoint).replace(LEADING_SPACE, '') || raw;
  if (IS_HAN.test(form)) return HAN;
  if (IS_TIBETAN.test(form)) return TIBETAN;
  if (IS_MARK.test(form)) return MARK;
  if (IS_LATIN_LETTER.test(form)) return LETTER;
  if (IS_DIGIT.test(form)) return DIGIT;
  if (IS_LETTER_OR_NUMBER.test(form)) return OTHER;
  return PUNCT;
}

function classOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    let cls = bmpClasses[codePoint];
    if (cls === 0) {
      cls = computeClass(codePoint);
      bmpClasses[codePoint] = cls;
    }
    return cls;
  }
  let cls = astralClasses.get(codePoint);
  if (cls === undefined) {
    cls = computeClass(codePoint);
    astralClasses.set(codePoint, cls);
  }
  return cls;
}

/**
 * True when the code point is a Han character as `splitScriptRuns` classes it: `\p{Script=Han}` of its
 * normalized form (so 〇 and 々 too). A lone surrogate is not.
 * @example isHanCodePoint('〇'.codePointAt(0) ?? 0) // true
 * @example isHanCodePoint(0x41) // false ('A')
 */
export function isHanCodePoint(codePoint: number): boolean {
  return classOf(codePoint) === HAN;
}

/** U+00AD, where a word may be hyphenated at a line's end; invisible elsewhere. */
const SOFT_HYPHEN = 0xad;

/** The hyphens that join the parts of a compound (`eco-tourism`), by normalized form. */
const HYPHENS: ReadonlySet<string> = new Set(['-', '‐']);

/** How a punctuation character may join Latin neighbours: by its normalized form. */
function joinsLatin(joiner: string, before: number, after: number): boolean {
  const alnumBefore = before === LETTER || before === DIGIT;
  const alnumAfter = after === LETTER || after === DIGIT;
  if (HYPHENS.has(joiner)) return alnumBefore && alnumAfter && (before === LETTER || after === LETTER);
  switch (joiner) {
    case '%':
    case '‰':
      return before === DIGIT;
    case '.':
    case '_':
      return alnumBefore && alnumAfter;
    case '&':
    case "'":
    case '’':
      return before === LETTER && after === LETTER;
    default:
      return false;
  }
}

/**
 * The parts of one Latin word between its hyphens, as ranges of `word` (a hyphen is any character that
 * normalizes to `-` or `‐`: `－`, `‑` too). A word without a hyphen is one part; empty parts are left out.
 * @example hyphenParts('eco-tourism') // [{ start: 0, end: 3 }, { start: 4, end: 11 }]
 */
export function hyphenParts(word: string): Array<{ start: number; end: number }> {
  const parts: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i < word.length; ) {
    const codePoint = word.codePointAt(i) ?? 0;
    const next = i + (codePoint > 0xffff ? 2 : 1);
    if (HYPHENS.has(normalizeCodePoint(codePoint))) {
      if (i > start) parts.push({ start, end: i });
      start = next;
    }
    i = next;
  }
  if (word.length > start) parts.push({ start, end: word.length });
  return parts;
}

/**
 * True when `word` holds a hyphen (a character that normalizes to `-` or `‐`): exactly when `hyphenParts` may cut
 * it in more than one part.
 * @example hasHyphen('eco-tourism') // true
 * @example hasHyphen('tourism') // false
 */
export function hasHyphen(word: string): boolean {
  for (let i = 0; i < word.length; ) {
    const codePoint = word.codePointAt(i) ?? 0;
    if (HYPHENS.has(normalizeCodePoint(codePoint))) return true;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return false;
}

/**
 * How many code points `text` has (`[...text].length`, a lone surrogate counting as one), without making an array.
 * @example codePointCount('𠀀藏') // 2
 */
export function codePointCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return count;
}

/** Whether whitespace between two Han characters keeps them in one run: unless it holds a tab. */
function bridgesHan(space: string): boolean {
  return !space.includes('\t');
}

/**
 * Cuts a text into runs of one script; the runs cover the text, in order, without gaps.
 * @example splitScriptRuns('5G基站') // [{ script: 'latin', start: 0, end: 2 }, { script: 'han', start: 2, end: 4 }]
 */
export function splitScriptRuns(text: string): ScriptRun[] {
  const single = singleScript(text);
  return single === null ? runsOfClasses(text) : [{ script: single, start: 0, end: text.length }];
}

/**
 * The script of a non-empty text whose characters are all of one class that neither joins nor bridges (all Han,
 * all Latin letters and digits, all space, …: a query's word), which is then one run; else null.
 */
function singleScript(text: string): Script | null {
  let first = 0;
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i) ?? 0;
    const own = classOf(codePoint);
    const cls = own === DIGIT ? LETTER : own;
    if (cls === MARK || cls === PUNCT || (first !== 0 && cls !== first)) return null;
    first = cls;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return first === 0 ? null : (SCRIPT_OF_CLASS[first] ?? null);
}

/** `splitScriptRuns` the long way: each character's class, marks and joiners settled, Han bridged. */
function runsOfClasses(text: string): ScriptRun[] {
  const length = text.length;
  const classes: number[] = [];
  const positions: number[] = [];
  for (let i = 0; i < length; ) {
    const codePoint = text.codePointAt(i) ?? 0;
    positions.push(i);
    classes.push(classOf(codePoint));
    i += codePoint > 0xffff ? 2 : 1;
  }
  positions.push(length);
  const count = classes.length;

  // A combining mark belongs to the run of the character before it.
  for (let j = 0; j < count; j++) {
    if (classes[j] !== MARK) continue;
    const before = j > 0 ? classes[j - 1] : PUNCT;
    classes[j] = before === HAN || before === TIBETAN || before === LETTER || before === DIGIT || before === OTHER ? before : OTHER;
  }

  // Joiners between Latin letters and digits become part of the Latin run (decided on the classes
  // before any joining, so `1..2` stays cut).
  const joined = classes.slice();
  for (let j = 0; j < count; j++) {
    // A soft hyphen between letters is a place the word may break (`sust\u00ADained`): the word goes on over it,
    // as its match key does, which drops it.
    if (classes[j] === SPACE && text.charCodeAt(positions[j]) === SOFT_HYPHEN && classes[j - 1] === LETTER && classes[j + 1] === LETTER) {
      joined[j] = LETTER;
      continue;
    }
    if (classes[j] !== PUNCT) continue;
    const before = j > 0 ? classes[j - 1] : PUNCT;
    const after = j + 1 < count ? classes[j + 1] : PUNCT;
    if (before !== DIGIT && before !== LETTER) continue;
    const joiner = normalizeCodePoint(text.codePointAt(positions[j]) ?? 0);
    if (joinsLatin(joiner, before, after)) joined[j] = before;
  }

  const runs: ScriptRun[] = [];
  for (let j = 0; j < count; j++) {
    const script = SCRIPT_OF_CLASS[joined[j]];
    const last = runs[runs.length - 1];
    if (last !== undefined && last.script === script) last.end = positions[j + 1];
    else runs.push({ script, start: positions[j], end: positions[j + 1] });
  }
  return bridgeHanRuns(text, runs);
}

/** Merges `han, space, han` into one Han run when the space qualifies. */
function bridgeHanRuns(text: string, runs: ScriptRun[]): ScriptRun[] {
  const merged: ScriptRun[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    const last = merged[merged.length - 1];
    const next = runs[r + 1];
    if (
      run.script === 'space' &&
      last?.script === 'han' &&
      next?.script === 'han' &&
      bridgesHan(text.slice(run.start, run.end))
    ) {
      last.end = next.end;
      r++;
      continue;
    }
    merged.push(run);
  }
  return merged;
}
