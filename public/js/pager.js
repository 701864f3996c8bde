// @ts-check
// Paging through results: the page links (first, last, two either side of the current one, gaps as …), and
// the message for a page number past the last page, with a link back to it.
import { el } from './dom.js';
import { navLink } from './nav-link.js';
import { num, t } from './i18n.js';
import { pageCount } from './state.js';
import { searchUrl } from './search-url.js';

/** @typedef {import('./types.js').SearchState} SearchState */

/**
 * The pager's links for `total` results (none when they fit one page).
 * @example replace(pager, pagerLinks({ ...state, page: 2 }, 95))
 * @param {SearchState} state
 * @param {number} total
 * @returns {HTMLElement[]}
 */
export function pagerLinks(state, total) {
  const pages = pageCount(total);
  if (pages <= 1) return [];
  const page = Math.min(state.page, pages);
  const near = [1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages);
  const numbers = [...new Set(near)].sort((a, b) => a - b);
  const to = (/** @type {number} */ n) => searchUrl({ ...state, page: n });
  const items = [];
  if (page > 1) items.push(navLink(to(page - 1), t('prevPage'), { rel: 'prev' }));
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1] > 1) items.push(el('span', { class: 'gap' }, '…'));
    items.push(
      n === page
        ? el('span', { class: 'current', 'aria-current': 'page' }, num(n))
        : navLink(to(n), num(n), { 'aria-label': t('pageN', { n }) }),
    );
  });
  if (page < pages) items.push(navLink(to(page + 1), t('nextPage'), { rel: 'next' }));
  return items;
}

/**
 * The message for a page past the last one of `total` results, with a link to the last page; null when the
 * page is not past the end.
 * @example pastLastPage({ ...state, page: 999 }, 21) // "There is no page 999: the results end on page 3."
 * @param {SearchState} state
 * @param {number} total
 * @param {number} shown hits on the page
 */
export function pastLastPage(state, total, shown) {
  if (total === 0 || shown > 0) return null;
  const last = pageCount(total);
  return el(
    'div',
    { class: 'no-results past-end' },
    el('p', {}, t('pastLastPage', { page: num(state.page), last: num(last) })),
    el('p', {}, navLink(searchUrl({ ...state, page: last }), t('toLastPage', { last: num(last) }))),
  );
}
