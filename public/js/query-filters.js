// @ts-check
// The filters a search has: the URL's (`year=…`) and the query's own (`year:2024` typed in the box). The page
// shows one set, read the way the server reads them (src/search/query-parser.ts; a URL filter wins over the
// query's, as in the engine), and a filter chosen on the page changes the query's text when the query holds
// that filter, so the box and the filter lists always agree. Pure string functions: Node tests import this.
import { lexQuery, removeSpan } from './query-edit.js';

/** @typedef {import('./types.js').FilterKey} FilterKey */
/** @typedef {import('./types.js').SearchState} SearchState */

/** @type {readonly FilterKey[]} */
export const FILTER_KEYS = ['doc', 'year', 'kind'];

/** The passage kinds a `kind:` filter accepts, in the order the filter list shows them (src/model.ts). */
export const PASSAGE_KINDS = ['paragraph', 'heading', 'table', 'toc', 'front', 'note'];

/** Half-width digits for full-width ones, as the server's parser reads a year. */
function asciiDigits(/** @type {string} */ s) {
  return s.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
}

/** Two years with a dash, a tilde, two dots, 至 or 到 between them. */
const YEAR_RANGE = /^([0-9]{4})\s*(?:-|–|—|－|~|～|\.\.|至|到)\s*([0-9]{4})$/;

/** The first and last year a filter may name (the API's limits for one year). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/**
 * A range of years as the address writes it, earlier year first (`2013-2022`), or null when `value` writes none or
 * a year outside FIRST_YEAR–LAST_YEAR. The server reads ranges with it too (src/search/year-range.ts).
 * @example yearRange('2022–2013') // { from: 2013, to: 2022, value: '2013-2022' }
 * @param {string} value
 * @returns {{ from: number, to: number, value: string } | null}
 */
export function yearRange(value) {
  const m = YEAR_RANGE.exec(asciiDigits(value.trim()));
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const [from, to] = a <= b ? [a, b] : [b, a];
  return from >= FIRST_YEAR && to <= LAST_YEAR ? { from, to, value: `${from}-${to}` } : null;
}

/**
 * The entry of the year list for a range in force (`value`, its label, the passages of its years among the
 * counts), or null when `value` is no range.
 * @example rangeEntry('2019-2021', { 2019: 3, 2020: 2, 2024: 5 }) // ['2019-2021', '2019–2021', 5]
 * @param {string} value
 * @param {Record<string, number>} years
 * @returns {[string, string, number] | null}
 */
export function rangeEntry(value, years) {
  const range = yearRange(value);
  if (!range) return null;
  const n = Object.entries(years).reduce((sum, [y, count]) => (Number(y) >= range.from && Number(y) <= range.to ? sum + count : sum), 0);
  return [value, `${range.from}–${range.to}`, n];
}

/**
 * The filter a query word is, or null (an unknown key or an invalid value makes it a plain word).
 * @param {string} word
 * @returns {{ key: FilterKey, value: string } | null}
 */
function readFilter(word) {
  const colon = word.search(/[:：]/);
  if (colon <= 0 || colon === word.length - 1) return null;
  const key = word.slice(0, colon).toLowerCase();
  const value = word.slice(colon + 1);
  if (key === 'year') {
    const digits = asciiDigits(value);
    const range = yearRange(value);
    return /^[0-9]{4}$/.test(digits) ? { key, value: digits } : range ? { key, value: range.value } : null;
  }
  if (key === 'kind') return PASSAGE_KINDS.includes(value.toLowerCase()) ? { key, value: value.toLowerCase() } : null;
  if (key === 'doc') return { key, value };
  return null;
}

/**
 * The query's positive filter words with their [start, end) in the text.
 * @param {string} q
 * @returns {Array<{ key: FilterKey, value: string, start: number, end: number }>}
 */
function filterWords(q) {
  const found = [];
  for (const token of lexQuery(q)) {
    if (token.kind !== 'term' || token.negated) continue;
    const filter = readFilter(token.text); // as read: year&#58;2024 is year:2024
    if (filter) found.push({ ...filter, start: token.start, end: token.end });
  }
  return found;
}

/**
 * The filters written in the query (the last of a key wins, as in the server's parser); '' when absent.
 * @example queryFilters('乡村振兴 year:2024') // { doc: '', year: '2024', kind: '' }
 * @param {string} q
 * @returns {Record<FilterKey, string>}
 */
export function queryFilters(q) {
  const filters = { doc: '', year: '', kind: '' };
  for (const { key, value } of filterWords(q)) filters[key] = value;
  return filters;
}

/**
 * The query with its `key:` filter set to `value` where the first one stood (or appended), others of the same
 * key removed; an empty `value` removes them all.
 * @example setQueryFilter('乡村振兴 year:2024', 'year', '2023') // '乡村振兴 year:2023'
 * @example setQueryFilter('乡村振兴 year:2024', 'year', '') // '乡村振兴'
 * @param {string} query
 * @param {FilterKey} key
 * @param {string} value
 */
export function setQueryFilter(query, key, value) {
  const q = query.trim();
  const words = filterWords(q).filter((w) => w.key === key);
  const first = words[0];
  if (!first) return value ? `${q.trim()} ${key}:${value}`.trim() : q;
  if (!value) return [...words].reverse().reduce((text, w) => removeSpan(text, [w.start, w.end]), q);
  const rest = words.slice(1).reverse().reduce((text, w) => removeSpan(text, [w.start, w.end]), q);
  return `${rest.slice(0, first.start)}${key}:${value}${rest.slice(first.end)}`;
}

/**
 * The query without any filter words: what the filter lists count over.
 * @example withoutQueryFilters('year:2024 乡村振兴 kind:table') // '乡村振兴'
 * @param {string} query
 */
export function withoutQueryFilters(query) {
  const q = query.trim();
  return [...filterWords(q)].reverse().reduce((text, w) => removeSpan(text, [w.start, w.end]), q);
}

/**
 * The filters in force: the URL's, else the query's (the engine's precedence).
 * @example activeFilters({ q: 'x year:2024', doc: '', year: '', kind: '' }).year // '2024'
 * @param {Pick<SearchState, 'q' | FilterKey>} state
 * @returns {Record<FilterKey, string>}
 */
export function activeFilters(state) {
  const written = queryFilters(state.q);
  return { doc: state.doc || written.doc, year: state.year || written.year, kind: state.kind || written.kind };
}

/**
 * The state with filter `key` set to `value` (or removed, for ''), on page 1: in the query's text when the
 * query holds that filter, else in the URL.
 * @example withFilter({ q: 'x year:2024', doc: '', year: '', kind: '', page: 3 }, 'year', '2023').q // 'x year:2023'
 * @template {SearchState} S
 * @param {S} state
 * @param {FilterKey} key
 * @param {string} value
 * @returns {S}
 */
export function withFilter(state, key, value) {
  if (queryFilters(state.q)[key]) return { ...state, q: setQueryFilter(state.q, key, value), [key]: '', page: 1 };
  return { ...state, [key]: value, page: 1 };
}

/**
 * The state with no filter, neither in the URL nor in the query's text.
 * @example withoutFilters({ q: 'x year:2024', doc: 'a', year: '', kind: '', page: 2 }) // { q: 'x', doc: '', … }
 * @template {SearchState} S
 * @param {S} state
 * @returns {S}
 */
export function withoutFilters(state) {
  return { ...state, q: withoutQueryFilters(state.q), doc: '', year: '', kind: '', page: 1 };
}

/**
 * True when any filter is in force, from the URL or the query.
 * @param {Pick<SearchState, 'q' | FilterKey>} state
 */
export function hasActiveFilters(state) {
  const active = activeFilters(state);
  return FILTER_KEYS.some((key) => active[key] !== '');
}
