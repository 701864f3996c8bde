/**
 * Where a text may be cut for an excerpt: after a sentence or clause mark, after a line break, and never
 * inside a surrogate pair. Positions are UTF-16 offsets *between* characters.
 */

/**
 * Marks after which a CJK excerpt may start or end: 。！？；，、．： (read as code units: a text's character
 * at an index, as a string, is a new string each time, and a snippet asks about a few dozen of them).
 */
function isCjkMark(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0xff0c || c === 0x3001 || c === 0xff0e || c === 0xff1a;
}

/** Marks after which a Latin excerpt may start or end, when followed by whitespace (so `12.3` and `1,000` stay whole): . ! ? ; , */
function isLatinMark(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x2c;
}

/**
 * True for the code unit of a space, tab, line break, ideographic space or no-break space (NaN, past the
 * text, is none).
 * @example isSpaceUnit(0x3000) // true
 */
export function isSpaceUnit(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0;
}

/**
 * True when `pos` is a clause boundary of `text`: the start, the end, or just after a sentence or clause mark
 * or a line break.
 *
 * @example
 * isClauseBoundary('一是稳增长，二是保民生。', 5) // → true (just after `，`)
 * isClauseBoundary('增长12.3%', 5)               // → false
 */
export function isClauseBoundary(text: string, pos: number): boolean {
  if (pos <= 0 || pos >= text.length) return true;
  const before = text.charCodeAt(pos - 1);
  if (before === 0x0a || before === 0x0d || isCjkMark(before)) return true;
  return isLatinMark(before) && isSpaceUnit(text.charCodeAt(pos));
}

/**
 * True when `pos` falls between the two halves of a surrogate pair.
 *
 * @example
 * splitsSurrogatePair('a😀b', 2) // → true
 */
export function splitsSurrogatePair(text: string, pos: number): boolean {
  if (pos <= 0 || pos >= text.length) return false;
  const hi = text.charCodeAt(pos - 1);
  const lo = text.charCodeAt(pos);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/**
 * The clause boundary in `[lo, hi]` nearest to `target` (ties: the earlier one), or null when there is none.
 *
 * @example
 * nearestClauseBoundary('一是稳增长，二是保民生。', 4, 0, 8) // → 5
 */
export function nearestClauseBoundary(text: string, target: number, lo: number, hi: number): number | null {
  const from = Math.max(0, lo);
  const to = Math.min(text.length, hi);
  for (let d = 0; target - d >= from || target + d <= to; d++) {
    const before = target - d;
    if (before >= from && before <= to && isClauseBoundary(text, before)) return before;
    const after = target + d;
    if (d > 0 && after >= from && after <= to && isClauseBoundary(text, after)) return after;
  }
  return null;
}

/** True for the code unit of an ASCII letter or digit or a Latin-1/Latin Extended letter (NaN, past the text, is none). */
function isWordUnit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
}

/**
 * Moves a cut position off a surrogate pair and out of a Latin word or number (by at most `reach` code units,
 * towards `direction`: -1 earlier, +1 later); CJK text may be cut anywhere.
 *
 * @example
 * safeCut('the energy plan', 6, 1, 10) // → 10 (after `energy`)
 */
export function safeCut(text: string, pos: number, direction: -1 | 1, reach: number): number {
  const start = Math.min(Math.max(pos, 0), text.length);
  let p = start;
  for (let n = 0; n < reach && p > 0 && p < text.length && isWordUnit(text.charCodeAt(p - 1)) && isWordUnit(text.charCodeAt(p)); n++) {
    p += direction;
  }
  if (p > 0 && p < text.length && isWordUnit(text.charCodeAt(p - 1)) && isWordUnit(text.charCodeAt(p))) p = start;
  if (splitsSurrogatePair(text, p)) p += direction;
  return Math.min(Math.max(p, 0), text.length);
}
