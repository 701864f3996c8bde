/**
 * A PDF page whose text layer does not decode to readable text: a font without a map to Unicode gives its glyphs'
 * private codes (U+E000–U+F8FF), replacement characters, control codes, or, where the font's own encoding is read as
 * Latin-1, accented letters where the report has Chinese (`ÕþÍø¹¤×÷±¨¸æ` for 政府工作报告, its GBK bytes). Such text is
 * no part of any report: the reader names the pages (`INGEST_PDF_GARBLED`) so that the user can run OCR on them. Pure.
 */

/**
 * A character that readable Chinese or English text holds few of: private codes, replacement characters, control
 * codes, Latin-1's signs and accented letters, spacing modifiers (ˇ ˛), the Latin ligatures (ﬁ) and the fraction
 * slash, which a font's own encoding read as a standard one gives.
 */
const UNREADABLE = /[\p{Co}\uFFFD\p{Cc}\u00A1-\u00FF\u02B0-\u02FF\uFB00-\uFB06\u2044]/u;
/** Characters that count: letters, digits, marks and symbols (not spaces or punctuation), and the unreadable ones. */
const COUNTED = /[\p{L}\p{N}\p{M}\p{S}\p{Co}\p{Cc}\uFFFD\u00A1-\u00FF]/u;
/** A page is garbled when at least this share of its counted characters is unreadable… */
const GARBLED_SHARE = 0.3;
/** …and at least this many of them (a page with a name or two in accented Latin is not). */
const MIN_UNREADABLE = 20;

/**
 * Whether a page's text is mostly characters no report is written in.
 * @example isGarbled('ÕþÍø¹¤×÷±¨¸æ '.repeat(3)) // true
 * @example isGarbled('政府工作报告 Société Générale') // false
 */
export function isGarbled(text: string): boolean {
  let counted = 0;
  let unreadable = 0;
  for (const char of text) {
    if (char === '\t' || char === '\n' || char === '\r') continue;
    if (!COUNTED.test(char)) continue;
    counted++;
    if (UNREADABLE.test(char)) unreadable++;
  }
  return unreadable >= MIN_UNREADABLE && unreadable >= GARBLED_SHARE * counted;
}
