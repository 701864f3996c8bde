/**
 * Spaces in text drawn by a PDF: which characters are written without spaces (CJK), what goes between two
 * lines of one paragraph, and the repair of letter-spaced justified lines (`国 家 市 场 监 督`). Pure
 * functions of text.
 */

/** CJK ideographs, kana, hangul, and the CJK and full-width punctuation Chinese text uses. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2010-\u206f\u00b7\ufe30-\ufe4f]/u;
/** A space between two CJK characters (either may be punctuation). */
const CJK_GAP = /([\p{Script=Han}\u3000-\u303f\uff00-\uffef])[ \u00a0\u3000]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;
/** Lines with at least this many CJK-space-CJK gaps are letter-spaced, not spaced on purpose. */
const LETTER_SPACED_GAPS = 2;

/**
 * Whether a character is written without spaces around it (CJK ideograph or CJK punctuation).
 * @example isCjk('国') // true; isCjk('5') // false
 */
function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/**
 * Remove the spaces a justified line got between its characters. A line with two or more spaces between
 * CJK characters is letter-spaced: every space that touches a CJK character goes, spaces between Latin
 * words stay. Other lines keep their spaces (`信息安全技术 个人信息安全规范`, `增长 5.2%`).
 * @example repairLetterSpacing('2020 年 3 月 ， 国 家 市 场 监督 总 局') // '2020年3月，国家市场监督总局'
 */
export function repairLetterSpacing(line: string): string {
  const gaps = line.match(CJK_GAP)?.length ?? 0;
  if (gaps < LETTER_SPACED_GAPS) return line;
  return line.replace(/[ \u00a0\u3000]+/gu, (space, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + space.length] ?? '';
    return isCjk(before) || isCjk(after) || before === '' || after === '' ? '' : ' ';
  });
}

/**
 * What goes between the end of one line of a paragraph and the start of the next: a space only where two
 * Latin words (or a word and a number) meet; nothing next to a CJK character, inside a number cut at the
 * line end (`6.` + `1%`), or after a hyphen.
 * @example lineSeparator('国家', '统计局') // ''; lineSeparator('economic', 'growth') // ' '; lineSeparator('6.', '1%') // ''
 */
export function lineSeparator(before: string, after: string): string {
  const last = before.at(-1) ?? '';
  const first = after[0] ?? '';
  if (last === '' || first === '' || isCjk(last) || isCjk(first)) return '';
  if (/[-\u2010\u00ad/]/u.test(last)) return '';
  if (/[0-9.,]/u.test(last) && /[0-9%.]/u.test(first) && /[0-9][.,]?$/u.test(before)) return '';
  return /[\p{L}\p{N})\].,;:!?'"%]/u.test(last) && /[\p{L}\p{N}(['"]/u.test(first) ? ' ' : '';
}

/**
 * Join the lines of one paragraph: each trimmed, with `lineSeparator` between them.
 * @example joinPdfLines(['制定修订行政法规3', '0部']) // '制定修订行政法规30部'
 */
export function joinPdfLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    out += out === '' ? line : lineSeparator(out, line) + line;
  }
  return out;
}
