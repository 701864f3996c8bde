/**
 * HTML character references in a query: a reader who pastes from a page's source, or a tool that escapes
 * its input twice, sends `R&amp;D` or `&quot;乡村振兴&quot;`; the reports hold `R&D` and `"乡村振兴"`. Only
 * the references a reader meets in practice are read (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`,
 * in any case, and `&#38;` / `&#x26;` for a Unicode scalar value); any other `&` stays as written.
 */

/** The named references read, by lower-case name. */
const NAMED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00A0'],
]);

/** Longest reference body read between `&` and `;` (`#x10FFFF` is 8). */
const MAX_BODY = 8;

/** The character a reference body (`amp`, `#38`, `#x26`) stands for, or null. */
function referenced(body: string): string | null {
  if (!body.startsWith('#')) return NAMED.get(body.toLowerCase()) ?? null;
  const hex = body[1] === 'x' || body[1] === 'X';
  const digits = body.slice(hex ? 2 : 1);
  if (digits.length === 0) return null;
  let n = 0;
  for (const d of digits) {
    const v = hex ? parseInt(d, 16) : d >= '0' && d <= '9' ? Number(d) : NaN;
    if (Number.isNaN(v)) return null;
    n = n * (hex ? 16 : 10) + v;
  }
  // A scalar value: not 0, not a surrogate, not past U+10FFFF.
  if (n === 0 || (n >= 0xd800 && n <= 0xdfff) || n > 0x10ffff) return null;
  return String.fromCodePoint(n);
}

/**
 * The text with its character references read; linear, never throws.
 * @example decodeCharacterReferences('R&amp;D &#x4E61;') // 'R&D 乡'
 */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    if (amp === -1) break;
    const semi = text.indexOf(';', amp + 1);
    const body = semi === -1 || semi - amp - 1 > MAX_BODY ? null : text.slice(amp + 1, semi);
    const ch = body === null ? null : referenced(body);
    out += text.slice(i, amp) + (ch ?? '&');
    i = ch === null ? amp + 1 : semi + 1;
  }
  return out + text.slice(i);
}
