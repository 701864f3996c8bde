// @ts-check
// The filters a search has: the URL's (`year=…`) and the query's own (`year:2024` typed in the box). The page
// shows one set, read the way the server reads them (src/search/query-parser.ts; a URL filter wins over the
// query's, as in the engine), and a filter chosen on the page changes the query's text when the query holds
// that filter, so the box and the filter lists always agree. Pure string functions: Node tests import this.
import { isSeparator, lexQuery, removeSpan, unquoted } from './query-edit.js';

/** @typedef {import('./types.js').FilterKey} FilterKey */
/** @typedef {import('./types.js').SearchState} SearchState */
/** @typedef {import('./types.js').Facets} Facets */
/** @typedef {import('./types.js').RegionGroup} RegionGroup */

/** The filters an address holds beside its query (`?doc=…&year=…&kind=…`); a region is written in the query alone. */
export const FILTER_KEYS = /** @type {const} */ (['doc', 'year', 'kind']);
/** Every filter a list is shown for: the address's and the region. */
const LIST_KEYS = /** @type {const} */ ([...FILTER_KEYS, 'region']);

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
 * The regions holding any of the passages counted, each named in the page's language, with the passages of its
 * reports: in Chinese in the server's order (the nation, the provinces in their official order, other places), in
 * English the nation first and the others alphabetically.
 * @example regionEntries({ doc: { a: 3, b: 2 } }, [{ value: '广东省', zh: '广东省', en: 'Guangdong Province', docs: ['a', 'b'] }], 'en') // [['广东省', 'Guangdong Province', 5]]
 * @param {Pick<Facets, 'doc'>} facets
 * @param {RegionGroup[]} regions
 * @param {'zh' | 'en'} language
 * @returns {Array<[value: string, text: string, count: number]>}
 */
export function regionEntries(facets, regions, language) {
  const counts = facets.doc || {};
  return regionsInOrder(regions, language)
    .map((r) => /** @type {[string, string, number]} */ ([r.value, language === 'en' ? r.en : r.zh, r.docs.reduce((sum, id) => sum + (counts[id] ?? 0), 0)]))
    .filter(([, , n]) => n > 0);
}

/**
 * The entry of the Region list a `region:` filter selects: the region whose value it is, or else the one region
 * whose value or name holds it (`region:西藏` selects 西藏自治区, `region:tibet` too, as the server reads it); the
 * value as written when it names none or several.
 * @example regionChoice([{ value: '西藏自治区', zh: '西藏自治区', en: 'Xizang (Tibet) Autonomous Region' }], 'Tibet') // '西藏自治区'
 * @param {ReadonlyArray<{ value: string, zh: string, en: string }>} regions
 * @param {string} written
 */
export function regionChoice(regions, written) {
  const fold = (/** @type {string} */ s) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const want = fold(written);
  if (want === '' || regions.some((r) => r.value === written)) return written;
  const holding = regions.filter((r) => [r.value, r.zh, r.en].some((name) => fold(name).includes(want)));
  return holding.length === 1 ? /** @type {{ value: string }} */ (holding[0]).value : written;
}

/**
 * The regions in the order a list shows them in `language`: as given in Chinese (the nation, the provinces in
 * their official order, other places), in English the nation first and the others by their English names.
 * @example regionsInOrder([{ value: '全国', en: 'National' }, { value: '北京市', en: 'Beijing Municipality' }, { value: '安徽省', en: 'Anhui Province' }], 'en').map((r) => r.value) // ['全国', '安徽省', '北京市']
 * @template {{ value: string, en: string }} R
 * @param {readonly R[]} regions
 * @param {'zh' | 'en'} language
 * @returns {R[]}
 */
export function regionsInOrder(regions, language) {
  if (language !== 'en') return [...regions];
  const nation = regions.filter((r) => r.value === '全国');
  return [...nation, ...regions.filter((r) => r.value !== '全国').sort((a, b) => a.en.localeCompare(b.en, 'en'))];
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
  if (key === 'region') {
    // A region of several words is quoted (`region:"Inner Mongolia"`).
    const region = unquoted(value);
    return region === '' ? null : { key, value: region };
  }
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
 * @example queryFilters('乡村振兴 year:2024') // { doc: '', year: '2024', kind: '', region: '' }
 * @param {string} q
 * @returns {Record<FilterKey, string>}
 */
export function queryFilters(q) {
  const filters = { doc: '', year: '', kind: '', region: '' };
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
  // A quoted value may have text right after its closing quote (`region:"x"y`): the new value stays apart from it.
  const after = rest.slice(first.end);
  return `${rest.slice(0, first.start)}${key}:${value}${after !== '' && !isSeparator(after.charAt(0)) ? ' ' : ''}${after}`;
}

/**
 * The query of an address, with its `region` parameter (a form without script sends one) written in it as a
 * `region:` filter, which is where the page keeps a region.
 * @example queryOfAddress('乡村振兴', '广东省') // '乡村振兴 region:广东省'
 * @param {string} q
 * @param {string} region
 */
export function queryOfAddress(q, region) {
  return region.trim() === '' ? q : setQueryFilter(q, 'region', region.trim().replace(/\s+/g, ''));
}

/**
 * The query's filter words as written, in order (`region:西藏 year:2013-2022`), '' when it has none: what a phrase
 * compared with it in a trend is counted under, so that both count the same reports.
 * @example filterWordsOf('乡村振兴 region:西藏 kind:table') // 'region:西藏 kind:table'
 * @param {string} q
 */
export function filterWordsOf(q) {
  return filterWords(q).map((w) => q.slice(w.start, w.end)).join(' ');
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
 * The filters in force: the URL's, else the query's (the engine's precedence). A region is the query's alone:
 * the address has no parameter for it.
 * @example activeFilters({ q: 'x year:2024', doc: '', year: '', kind: '' }).year // '2024'
 * @param {Pick<SearchState, 'q' | 'doc' | 'year' | 'kind'>} state
 * @returns {Record<FilterKey, string>}
 */
export function activeFilters(state) {
  const written = queryFilters(state.q);
  return { doc: state.doc || written.doc, year: state.year || written.year, kind: state.kind || written.kind, region: written.region };
}

/**
 * The state with filter `key` set to `value` (or removed, for ''), on page 1: in the query's text when the
 * query holds that filter or the filter is a region (`region:广东省`, which only a query writes), else in the URL.
 * @example withFilter({ q: 'x year:2024', doc: '', year: '', kind: '', page: 3 }, 'year', '2023').q // 'x year:2023'
 * @example withFilter({ q: 'x', doc: '', year: '', kind: '', page: 3 }, 'region', '广东省').q // 'x region:广东省'
 * @template {Pick<SearchState, 'q' | 'doc' | 'year' | 'kind' | 'page'>} S
 * @param {S} state
 * @param {FilterKey} key
 * @param {string} value
 * @returns {S}
 */
export function withFilter(state, key, value) {
  if (key === 'region') return { ...state, q: setQueryFilter(state.q, key, value), page: 1 };
  if (queryFilters(state.q)[key]) return { ...state, q: setQueryFilter(state.q, key, value), [key]: '', page: 1 };
  return { ...state, [key]: value, page: 1 };
}

/**
 * The state with no filter, neither in the URL nor in the query's text.
 * @example withoutFilters({ q: 'x year:2024', doc: 'a', year: '', kind: '', page: 2 }) // { q: 'x', doc: '', … }
 * @template {Pick<SearchState, 'q' | 'doc' | 'year' | 'kind' | 'page'>} S
 * @param {S} state
 * @returns {S}
 */
export function withoutFilters(state) {
  return { ...state, q: withoutQueryFilters(state.q), doc: '', year: '', kind: '', page: 1 };
}

/**
 * The searches whose facets the filter lists count: for each filter in force, the state without it (its list
 * counts what the other filters leave, so that another entry of it can be picked, and the other lists count what
 * it leaves). A list whose filter is not in force counts the search's own facets.
 * @example facetScopes({ q: '乡村振兴 region:西藏', doc: '', year: '2024', kind: '', page: 2 }) // [{ key: 'year', state: { q: '乡村振兴 region:西藏', year: '', … } }, { key: 'region', state: { q: '乡村振兴', year: '2024', … } }]
 * @template {Pick<SearchState, 'q' | 'doc' | 'year' | 'kind' | 'page'>} S
 * @param {S} state
 * @returns {Array<{ key: FilterKey, state: S }>}
 */
export function facetScopes(state) {
  const active = activeFilters(state);
  return LIST_KEYS.filter((key) => active[key] !== '').map((key) => ({ key, state: withFilter(state, key, '') }));
}

/**
 * The facets each filter list counts: a list's own from the search without its filter (`facetScopes`), the
 * others' from the search itself. `region` is the facets the Region list counts (its reports').
 * @example listFacets(found.facets, { year: withoutYear.facets }).lists.year // the years of the search without its year
 * @param {Facets} own
 * @param {Partial<Record<FilterKey, Facets>>} without
 * @returns {{ lists: Facets, region: Facets }}
 */
export function listFacets(own, without) {
  return {
    lists: { doc: (without.doc ?? own).doc, year: (without.year ?? own).year, kind: (without.kind ?? own).kind },
    region: without.region ?? own,
  };
}

/**
 * True when any filter is in force, from the URL or the query.
 * @param {Pick<SearchState, 'q' | 'doc' | 'year' | 'kind'>} state
 */
export function hasActiveFilters(state) {
  const active = activeFilters(state);
  return LIST_KEYS.some((key) => active[key] !== '');
}
