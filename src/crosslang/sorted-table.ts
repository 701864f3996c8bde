/**
 * A read-only string table stored as sorted text lines (`key<TAB>value value …`), searched in place by
 * binary search over its UTF-8 bytes. Loading is reading the bytes and finding line starts — no decoding of
 * the whole text, no per-entry parsing — which keeps the CC-CEDICT reverse index (~325,000 keys, 11 MB) cheap
 * to open from its cache file: only the values of a key found are decoded.
 */

/** Lines of a sorted table: key, tab, values separated by single spaces. */
export type TableLines = string;

/** A lone UTF-16 surrogate, which UTF-8 cannot hold: a key with one is left out of a table. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/**
 * Serialize key → values as sorted table text, keys in the order of their UTF-8 bytes (code-point order, as
 * `get` compares). Keys that are empty, hold a tab or a line break, or a lone surrogate are left out.
 * @example serializeTable(new Map([['b', ['乙']], ['a', ['甲', '丙']]])) // 'a\t甲 丙\nb\t乙'
 */
export function serializeTable(table: Map<string, string[]>): TableLines {
  const keys = [...table.keys()]
    .filter((k) => k !== '' && !/[\t\n]/.test(k) && !LONE_SURROGATE.test(k))
    .map((k) => ({ k, bytes: Buffer.from(k, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  return keys.map(({ k }) => `${k}\t${(table.get(k) ?? []).join(' ')}`).join('\n');
}

/**
 * UTF-16 code-unit order, the same on every machine and locale (for the tables of other modules; a sorted
 * table itself is in byte order).
 * @example ['b', 'a'].sort(compare) // ['a', 'b']
 */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted table opened for lookups. */
export interface SortedTable {
  readonly size: number;
  /** The values of a key, or [] when absent. */
  get(key: string): string[];
}

const TAB = 9;
const NEWLINE = 10;

/**
 * Open sorted table text, as a string or as its UTF-8 bytes, for binary-search lookups (it must come from
 * `serializeTable`).
 * @example openSortedTable('a\t甲 丙\nb\t乙').get('a') // ['甲', '丙']
 */
export function openSortedTable(source: TableLines | Uint8Array): SortedTable {
  const bytes = typeof source === 'string' ? Buffer.from(source, 'utf8') : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  const starts: number[] = [];
  if (bytes.length > 0) starts.push(0);
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) starts.push(i + 1);
  const endOf = (n: number): number => {
    const next = starts[n + 1];
    return next === undefined ? bytes.length : next - 1;
  };
  /** Byte order of line n's key against `key`'s bytes, read in place. */
  const compareAt = (n: number, key: Uint8Array): number => {
    const end = endOf(n);
    let i = starts[n] ?? 0;
    for (let k = 0; ; k++, i++) {
      const a = i < end ? (bytes[i] as number) : NEWLINE;
      const lineEnded = a === TAB || a === NEWLINE;
      if (lineEnded || k === key.length) return lineEnded && k === key.length ? 0 : lineEnded ? -1 : 1;
      const b = key[k] as number;
      if (a !== b) return a < b ? -1 : 1;
    }
  };
  /** The values of line n, decoded and split. */
  const valuesAt = (n: number): string[] => {
    const end = endOf(n);
    const tab = bytes.indexOf(TAB, starts[n] ?? 0);
    return tab === -1 || tab >= end - 1 ? [] : bytes.toString('utf8', tab + 1, end).split(' ');
  };
  return {
    size: starts.length,
    get(key: string): string[] {
      const probe = Buffer.from(key, 'utf8');
      let lo = 0;
      let hi = starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const c = compareAt(mid, probe);
        if (c === 0) return valuesAt(mid);
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
      }
      return [];
    },
  };
}
