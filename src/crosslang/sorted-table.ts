/**
 * A read-only string table stored as sorted text lines (`key<TAB>value value …`), searched in place by
 * binary search. Loading is reading the text and finding line starts — no per-entry parsing — which keeps
 * the CC-CEDICT reverse index (~85,000 keys) cheap to open from its cache file.
 */

/** Lines of a sorted table: key, tab, values separated by single spaces. */
export type TableLines = string;

/**
 * Serialize key → values as sorted table text (keys sorted by UTF-16 code units, as `lookup` compares).
 * @example serializeTable(new Map([['b', ['乙']], ['a', ['甲', '丙']]])) // 'a\t甲 丙\nb\t乙'
 */
export function serializeTable(table: Map<string, string[]>): TableLines {
  const keys = [...table.keys()].filter((k) => k !== '' && !/[\t\n]/.test(k)).sort(compare);
  return keys.map((k) => `${k}\t${(table.get(k) ?? []).join(' ')}`).join('\n');
}

/**
 * UTF-16 code-unit order, the same on every machine and locale.
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

/**
 * Open sorted table text for binary-search lookups (the text must come from `serializeTable`).
 * @example openSortedTable('a\t甲 丙\nb\t乙').get('a') // ['甲', '丙']
 */
export function openSortedTable(text: TableLines): SortedTable {
  const starts: number[] = [];
  if (text.length > 0) starts.push(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const TAB = 9;
  const NEWLINE = 10;
  /** `compare` of line n's key with `key`, read in place (no string is made for a line passed over). */
  const compareAt = (n: number, key: string): number => {
    let i = starts[n] ?? 0;
    for (let k = 0; ; k++, i++) {
      const a = i < text.length ? text.charCodeAt(i) : NEWLINE;
      const lineEnded = a === TAB || a === NEWLINE;
      if (lineEnded || k === key.length) return lineEnded && k === key.length ? 0 : lineEnded ? -1 : 1;
      const b = key.charCodeAt(k);
      if (a !== b) return a < b ? -1 : 1;
    }
  };
  /** The values of line n, split. */
  const valuesAt = (n: number): string[] => {
    const start = starts[n] ?? 0;
    const next = starts[n + 1];
    const end = next === undefined ? text.length : next - 1;
    const tab = text.indexOf('\t', start);
    return tab === -1 || tab >= end - 1 ? [] : text.slice(tab + 1, end).split(' ');
  };
  return {
    size: starts.length,
    get(key: string): string[] {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const c = compareAt(mid, key);
        if (c === 0) return valuesAt(mid);
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
      }
      return [];
    },
  };
}
