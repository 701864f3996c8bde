// @ts-check
// The page's state lives in the URL: `/?q=…&doc=…&year=…&kind=…&sort=…&page=…` for a search (`view=kwic` for its
// concordance, `vs=…` for up to three phrases its trend is compared with), `/p/<id>` for the reader.
// Back/forward and shared links therefore restore exactly what was shown.
import { queryOfAddress } from './query-filters.js';
import { sortOf } from './sort-control.js';

/** @typedef {import('./types.js').SearchState} SearchState */

export const PAGE_SIZE = 10;
/** Phrases a trend is compared with, besides the query's own. */
export const MAX_COMPARED = 3;

/**
 * The search state of a URL.
 * @example readSearchState(new URL('http://x/?q=光伏&page=2')).page // 2
 * @param {{ search: string }} url
 * @returns {SearchState}
 */
export function readSearchState(url) {
  const p = new URLSearchParams(url.search);
  const page = Number.parseInt(p.get('page') || '1', 10);
  return {
    q: queryOfAddress(p.get('q') || '', p.get('region') || ''),
    doc: p.get('doc') || '',
    year: p.get('year') || '',
    kind: p.get('kind') || '',
    page: Number.isFinite(page) && page > 0 ? Math.min(page, MAX_PAGE) : 1,
    view: p.get('view') === 'kwic' ? 'kwic' : '',
    sort: sortOf(p),
    vs: [...new Set(p.getAll('vs').map((v) => v.trim()).filter(Boolean))].slice(0, MAX_COMPARED),
  };
}

/** Highest `offset` the search API accepts (its MAX_OFFSET): pages past it cannot be asked for. */
const MAX_OFFSET = 10_000;
/** The last page that can be asked for (the server's rendered pager stops at the same page). */
const MAX_PAGE = Math.floor(MAX_OFFSET / PAGE_SIZE) + 1;

/**
 * How many pages of PAGE_SIZE results there are for `total` (at least 1), as far as the API can page.
 * @example pageCount(21) // 3
 * @param {number} total
 */
export function pageCount(total) {
  return Math.max(1, Math.min(Math.ceil(total / PAGE_SIZE), MAX_PAGE));
}

/**
 * The passage id of a reader URL path, or null.
 * @example readerId('/p/xizang-2024-p0042') // 'xizang-2024-p0042'
 * @param {string} pathname
 */
export function readerId(pathname) {
  const match = /^\/p\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
