// @ts-check
// The HTML character references a query may hold (`R&amp;D`, `&quot;乡村振兴&quot;`, pasted from a page's
// source): which are read, and as what. One table for the server's parser (src/search/character-references.ts)
// and the page's reading of the query box (query-edit.js), so the two never read a query apart.

/** The named references read, by lower-case name. */
const NAMED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00A0'],
]);

/** Longest reference body read between `&` and `;` (`#x10FFFF` is 8). */
export const MAX_REFERENCE_BODY = 8;

/**
 * The character a reference body (`amp`, `#38`, `#x26`, any case) stands for, or null: a named one of the
 * table, or a Unicode scalar value (not 0, not a surrogate, not past U+10FFFF).
 * @example referenced('#x4E61') // '乡'
 * @param {string} body
 * @returns {string | null}
 */
export function referenced(body) {
  if (!body.startsWith('#')) return NAMED.get(body.toLowerCase()) ?? null;
  const hex = body[1] === 'x' || body[1] === 'X';
  const digits = body.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return null;
  const n = parseInt(digits, hex ? 16 : 10);
  if (n === 0 || (n >= 0xd800 && n <= 0xdfff) || n > 0x10ffff) return null;
  return String.fromCodePoint(n);
}
