/**
 * A range of years, as a filter: `year:2013-2022` in a query, `year=2013-2022` in an address. The reports of
 * those years (each report has one year) are the reports searched (`report-scope.ts`). Pure.
 */

/** The years from `from` to `to`, both included (`from` ≤ `to`). */
export interface YearRange {
  from: number;
  to: number;
}

/** The first and last year a filter may name (the API's limits for one year). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/** Two years with a dash, a tilde, two dots, 至 or 到 between them. */
const RANGE = /^([0-9０-９]{4})\s*(?:-|–|—|－|~|～|\.\.|至|到)\s*([0-9０-９]{4})$/u;

/** Digits, ASCII or full-width, as a number. */
const numberOf = (digits: string): number => Number(digits.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30)));

/**
 * The range a value writes (`2013-2022`, `2013–2022`, `2013..2022`, `2013至2022`, either way round), or null when it
 * writes none or a year outside FIRST_YEAR–LAST_YEAR.
 * @example readYearRange('2013-2022') // { from: 2013, to: 2022 }
 * @example readYearRange('2022..2013') // { from: 2013, to: 2022 }
 * @example readYearRange('2024') // null
 */
export function readYearRange(value: string): YearRange | null {
  const m = RANGE.exec(value.trim());
  if (!m) return null;
  const [a, b] = [numberOf(m[1] as string), numberOf(m[2] as string)];
  const [from, to] = a <= b ? [a, b] : [b, a];
  return from >= FIRST_YEAR && to <= LAST_YEAR ? { from, to } : null;
}
