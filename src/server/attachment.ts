/**
 * The `Content-Disposition` of a download (RFC 6266): an ASCII `filename` for old clients and the whole name in
 * UTF-8 as `filename*`. A file that holds one range of a longer list says its rows in both names
 * (`search-乡村振兴-1001-2000.csv`), so that the files of one list never share a name.
 */

/** The rows of a list one file holds, counted from 1; null when the file holds the whole list. */
export type FileRows = { from: number; to: number } | null;

/**
 * The rows of a list of `total` that the file asked with `offset` and `limit` holds: up to the last of the list;
 * a range past its end, as asked (the file is empty). Null when the file holds the whole list.
 * @example fileRows(1000, 1000, 7827) // { from: 1001, to: 2000 }
 * @example fileRows(7000, 1000, 7827) // { from: 7001, to: 7827 }
 * @example fileRows(0, 1000, 250) // null
 */
export function fileRows(offset: number, limit: number, total: number): FileRows {
  if (offset === 0 && total <= limit) return null;
  const last = Math.min(total, offset + limit);
  return { from: offset + 1, to: last > offset ? last : offset + limit };
}

/**
 * The header of a download named `name` (its ASCII stand-in `ascii`), with the rows it holds when it is a range.
 * @example attachment('concordance', 'concordance-乡村振兴', 'csv', { from: 10001, to: 20000 }) // `attachment; filename="concordance-10001-20000.csv"; filename*=UTF-8''concordance-%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4-10001-20000.csv`
 */
export function attachment(ascii: string, name: string, extension: string, rows: FileRows): string {
  const range = rows ? `-${rows.from}-${rows.to}` : '';
  return `attachment; filename="${ascii}${range}.${extension}"; filename*=UTF-8''${extValue(`${name}${range}.${extension}`)}`;
}

/**
 * A name as RFC 8187's ext-value holds it: UTF-8 percent-encoded, every character but its attr-chars escaped.
 * encodeURIComponent leaves ' ( ) * as they are, which attr-char does not allow (a bare ' ends the charset part):
 * a concordance of （一） (its key `(一)`) or people's named its file out of the grammar.
 * @example extValue("concordance-people's.csv") // 'concordance-people%27s.csv'
 */
function extValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
