/**
 * HTML character references in a query: a reader who pastes from a page's source, or a tool that escapes
 * its input twice, sends `R&amp;D` or `&quot;乡村振兴&quot;`; the reports hold `R&D` and `"乡村振兴"`. Only
 * the references a reader meets in practice are read (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`,
 * in any case, and `&#38;` / `&#x26;` for a Unicode scalar value); any other `&` stays as written. The table
 * is the page's too (public/js/character-references.js), so the page reads the query box as the parser does.
 */
import { MAX_REFERENCE_BODY, referenced } from '../../public/js/character-references.js';

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
    const body = semi === -1 || semi - amp - 1 > MAX_REFERENCE_BODY ? null : text.slice(amp + 1, semi);
    const ch = body === null ? null : referenced(body);
    out += text.slice(i, amp) + (ch ?? '&');
    i = ch === null ? amp + 1 : semi + 1;
  }
  return out + text.slice(i);
}
