/**
 * A range of years, as a filter: `year:2013-2022` in a query, `year=2013-2022` in an address. The reports of
 * those years (each report has one year) are the reports searched (`report-scope.ts`). Read as the page reads it
 * (`public/js/query-filters.js`), so that the page and the server agree on what a range is. Pure.
 */
import { FIRST_YEAR, LAST_YEAR, yearRange } from '../../public/js/query-filters.js';

export { FIRST_YEAR, LAST_YEAR };

/** The years from `from` to `to`, both included (`from` ≤ `to`). */
export interface YearRange {
  from: number;
  to: number;
}

/**
 * The range a value writes (`2013-2022`, `2013–2022`, `2013..2022`, `2013至2022`, full-width digits, either way
 * round), or null when it writes none or a year outside FIRST_YEAR–LAST_YEAR.
 * @example readYearRange('2013-2022') // { from: 2013, to: 2022 }
 * @example readYearRange('2022..2013') // { from: 2013, to: 2022 }
 * @example readYearRange('2024') // null
 */
export function readYearRange(value: string): YearRange | null {
  const range = yearRange(value);
  return range ? { from: range.from, to: range.to } : null;
}
