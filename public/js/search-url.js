// @ts-check
// The address of a search (`/?q=…&doc=…&year=…&kind=…&sort=…&page=…`, `view=kwic` and `vs=…` for the page's
// views, `lang=…` when the address named a language): one function for the page's script and the server's rendered search page
// (src/server/render/search-page.ts imports it), so a link the server writes is the one the script would.
// Pure string work (no DOM): Node imports this file.
import { FILTER_KEYS } from './query-filters.js';

/** @typedef {import('./types.js').SearchState} SearchState */

/**
 * The URL (path and query) of a search state; empty values are left out.
 * @example searchUrl({ q: '光伏', year: '2024', page: 1 }) // '/?q=%E5%85%89%E4%BC%8F&year=2024'
 * @param {Partial<SearchState>} state
 * @returns {string}
 */
export function searchUrl(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const key of FILTER_KEYS) {
    const value = state[key];
    if (value) p.set(key, value);
  }
  if (state.sort) p.set('sort', state.sort);
  if (state.page && state.page > 1) p.set('page', String(state.page));
  if (state.view === 'kwic') p.set('view', 'kwic');
  for (const phrase of state.vs ?? []) p.append('vs', phrase);
  // The language an address asked for stays in its links (a page without its script has no other memory).
  if (state.lang === 'zh' || state.lang === 'en') p.set('lang', state.lang);
  const qs = p.toString();
  return qs ? `/?${qs}` : '/';
}
