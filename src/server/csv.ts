/**
 * CSV as RFC 4180 writes it (CRLF line ends, a field quoted when it holds a comma, a quote or a line break,
 * quotes doubled), guarded against formula injection: a cell that a spreadsheet would read as a formula
 * (starting with = + - @, or a tab or carriage return) is prefixed with an apostrophe.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell, escaped and guarded.
 * @example csvCell('=1+1') // "'=1+1"
 * @example csvCell('a,"b"') // '"a,""b"""'
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document: a header row and the rows, each line ended by CRLF, with a UTF-8 byte order mark so
 * that spreadsheet programs read Chinese correctly.
 * @example toCsv(['a', 'b'], [['1', '=2']]) // '\uFEFFa,b\r\n1,\'=2\r\n'
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
