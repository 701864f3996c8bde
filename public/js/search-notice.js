// @ts-check
// What the page says above the results: the introduction with example searches, the cross-language
// expansions searched as well, "did you mean", and the help when nothing matched or the page is past the end.
import { coveredWords } from './concepts.js';
import { corpusFacts } from './corpus-facts.js';
import { alsoWrittenNotice, asRegionNotice, didYouMeanNotice } from './did-you-mean.js';
import { el } from './dom.js';
import { num, t, textLang } from './i18n.js';
import { navLink } from './nav-link.js';
import { pastLastPage } from './pager.js';
import { looserQueries } from './looser-queries.js';
import { activeFilters, hasActiveFilters, withoutFilters } from './query-filters.js';
import { searchUrl } from './search-url.js';

/** @typedef {import('./types.js').SearchResponse} SearchResponse */
/** @typedef {import('./types.js').SearchState} SearchState */
/** @typedef {import('./types.js').DocMeta} DocMeta */
/** @typedef {import('./types.js').RegionGroup} RegionGroup */

const EXAMPLES = ['"高质量发展"', '乡村振兴', 'tourism', '脫貧攻堅', '青稞 -藏', 'clean energy'];

/**
 * `items` joined by `separator`.
 * @param {Array<Node | string>} items
 * @param {string} separator
 */
function joined(items, separator) {
  return items.map((item, i) => [i ? separator : '', item]);
}

/**
 * The introduction shown before any search: what to type, with example searches.
 * @example replace(notice, introNotice())
 */
export function introNotice() {
  const examples = EXAMPLES.map((q) => navLink(searchUrl({ q }), q, { lang: textLang(q) }));
  return el('p', { class: 'intro' }, t('intro'), ' ', joined(examples, ' · '));
}

/**
 * The line that says what the search covers, with a link to the library of reports.
 * @example corpusSummary(docs, regions) // <p class="corpus-summary">检索范围：171 份报告（1954–2025 年），来自 33 个地区。报告库</p>
 * @param {ReadonlyArray<Pick<DocMeta, 'year'>>} docs
 * @param {ReadonlyArray<Pick<RegionGroup, 'value'>>} regions
 */
export function corpusSummary(docs, regions) {
  const facts = corpusFacts(docs, regions);
  const { from, to } = facts;
  const years = from === null || to === null ? '' : from === to ? t('corpusYear', { year: from }) : t('corpusYears', { from, to });
  const text = t(facts.regions > 1 ? 'corpusSummary' : 'corpusSummaryOneRegion', { n: num(facts.reports), years, regions: num(facts.regions) });
  return el('p', { class: 'corpus-summary' }, text, ' ', el('a', { href: '/reports' }, t('reportsTitle')));
}

/**
 * The expansions not already shown as concepts ("also searched: tourism → 旅游"), or null.
 * @param {SearchResponse} response
 */
function expansionsNotice(response) {
  const covered = coveredWords(response.concepts);
  const shown = response.expansions.filter((x) => !covered.has(x.from.toLowerCase()));
  if (shown.length === 0) return null;
  const pair = (/** @type {{ from: string, to: string }} */ x) =>
    el(
      'span',
      { class: 'expansion' },
      el('span', { lang: textLang(x.from) }, x.from),
      ' → ',
      el('span', { lang: textLang(x.to) }, x.to),
    );
  return el('p', { class: 'expansions' }, t('alsoSearched'), ' ', joined(shown.map(pair), t('listSeparator')));
}

/**
 * The help when nothing matched: the engine's notice, and looser searches to try (without quotes, any of the
 * words, without filters), else what to change; null when something matched.
 * @param {SearchResponse} response
 * @param {SearchState} state
 */
function noResultsNotice(response, state) {
  if (response.total > 0) return null;
  const tries = looserQueries(state.q).map(({ key, q }) => navLink(searchUrl({ ...state, q, page: 1 }), t(key, { q })));
  if (hasActiveFilters(state)) {
    tries.push(navLink(searchUrl({ ...withoutFilters(state), view: '', vs: [] }), t('withoutFilters')));
  }
  const nothing = response.noticeCode === 'NOTHING_TO_SEARCH';
  const engineNotice = nothing
    ? t('nothingToSearch')
    : response.noticeCode === 'UNKNOWN_REGION'
      ? t('unknownRegion', { region: activeFilters(state).region })
      : response.notice;
  return el(
    'div',
    { class: 'no-results' },
    el('p', {}, t('noResults', { q: state.q })),
    engineNotice ? el('p', { class: 'engine-notice' }, engineNotice) : null,
    tries.length ? el('p', {}, t('tryInstead'), ' ', joined(tries, ' · ')) : nothing ? null : el('p', {}, t('noResultsHint')),
  );
}

/**
 * Everything said above the results of `response` for `state`.
 * @example replace(notice, searchNotices(response, state))
 * @param {SearchResponse} response
 * @param {SearchState} state
 */
export function searchNotices(response, state) {
  return [
    expansionsNotice(response),
    didYouMeanNotice(response.didYouMean, (q) => searchUrl({ ...state, q, page: 1 })),
    alsoWrittenNotice(response.alsoWritten, (q) => searchUrl({ ...state, q, page: 1 })),
    asRegionNotice(response.asRegion, (q) => searchUrl({ ...state, q, page: 1 })),
    pastLastPage(state, response.total, response.hits.length),
    noResultsNotice(response, state),
  ];
}
