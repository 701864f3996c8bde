/**
 * Text kept in Sphinx string attributes, spelled so that it comes back unchanged. Sphinx 2.2 garbles
 * characters beyond the Basic Multilingual Plane (CJK Extension B and later, emoji: four UTF-8 bytes),
 * and reads the escapes the MySQL client writes for NUL and U+001A as the letters `0` and `Z`. Those
 * characters, and the escape character itself, are stored as the escape character followed by six hex
 * digits of the code point (lone surrogates too, which UTF-8 cannot carry); everything else is stored as
 * it is.
 */

/** A private-use character: rare in reports, and escaped itself when it does occur. */
const ESCAPE = '\uE000';
/** NUL, U+001A, the escape, lone surrogates (which UTF-8 cannot carry) and every astral character. */
const NEEDS_ESCAPE = /[\u0000\u001a\uE000\uD800-\uDFFF]|[\u{10000}-\u{10FFFF}]/gu;
const ESCAPED = /\uE000([0-9a-f]{6})/g;

/**
 * The stored spelling of `text`.
 * @example encodeStored('𠀀地') // '\uE000020000地'
 */
export function encodeStored(text: string): string {
  return text.replace(NEEDS_ESCAPE, (char) => ESCAPE + (char.codePointAt(0) ?? 0).toString(16).padStart(6, '0'));
}

/**
 * The text a stored spelling stands for: `decodeStored(encodeStored(s)) === s` for every string.
 * @example decodeStored('\uE000020000地') // '𠀀地'
 */
export function decodeStored(stored: string): string {
  return stored.includes(ESCAPE) ? stored.replace(ESCAPED, (whole, hex: string) => {
        const code = Number.parseInt(hex, 16);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }) : stored;
}
