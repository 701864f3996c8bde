// @ts-check
// The search page: the box (search as you type), then the answer, drawn by one module per concern: the
// notices (search-notice.js), the filter lists (filters-view.js), the chart (chart.js), the toolbar above the
// results (views and exports hook in there), the hits (hit-view.js), the pager (pager.js) and the
// concordance (concordance.js). This file keeps the state, asks the API and calls them in turn.
import { corpusRegions, documentsById, getJson } from './api.js';
import { renderChart, trendFigure } from './chart.js';
import { citationStyle, citationStyleSelect } from './clipboard.js';
import { createConceptsView } from './concepts.js';
import { createConcordanceView } from './concordance.js';
import { resultsDownloadLinks } from './export-links.js';
import { el, replace } from './dom.js';
import { renderFilters } from './filters-view.js';
import { renderHit } from './hit-view.js';
import { lang, num, t } from './i18n.js';
import { navLink } from './nav-link.js';
import { pagerLinks } from './pager.js';
import { isOnePhrase, searchedInTranslation } from './query-edit.js';
import { activeFilters, facetScopes, filterWordsOf, listFacets, withFilter, withoutFilters, withoutQueryFilters } from './query-filters.js';
import { corpusSummary, introNotice, searchNotices } from './search-notice.js';
import { sortSelect } from './sort-control.js';
import { PAGE_SIZE } from './state.js';
import { searchUrl } from './search-url.js';
import { attachSuggest } from './suggest.js';

/** @typedef {import('./types.js').DocMeta} DocMeta */
/** @typedef {import('./types.js').RegionGroup} RegionGroup */
/** @typedef {import('./types.js').Facets} Facets */
/** @typedef {import('./types.js').FilterKey} FilterKey */
/** @typedef {import('./types.js').SearchResponse} SearchResponse */
/** @typedef {import('./types.js').SearchState} SearchState */
/** @typedef {import('./types.js').TrendSeries} TrendSeries */
/** @typedef {import('./types.js').TrendAnswer} TrendAnswer */

const TYPING_DELAY_MS = 250;
/** How many searches' facets are kept for the filter lists (a page, a sort or another filter of the same query). */
const FACET_CACHE = 16;

/**
 * The element of index.html with `id`.
 * @template {HTMLElement} E
 * @param {string} id
 * @param {new () => E} type
 * @returns {E}
 */
function byId(id, type) {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`index.html has no ${type.name} #${id}`);
  return node;
}

/** True for an aborted request (a newer search replaced it). */
function isAbort(/** @type {unknown} */ error) {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * Creates the search view over the elements of index.html. `navigate(url, { typing })` changes the URL
 * (the app then calls `show`).
 * @example const search = createSearchView({ navigate }); search.show(readSearchState(location));
 * @param {{ navigate: (url: string, options: { typing: boolean }) => void }} options
 */
export function createSearchView({ navigate }) {
  const view = byId('search-view', HTMLElement);
  const form = byId('search-form', HTMLFormElement);
  const input = byId('q', HTMLInputElement);
  const status = byId('status', HTMLElement);
  const notice = byId('notice', HTMLElement);
  const results = byId('results', HTMLElement);
  const pager = byId('pager', HTMLElement);
  const filters = byId('filters', HTMLElement);
  const chart = byId('chart', HTMLElement);
  const toolbar = byId('results-toolbar', HTMLElement);

  /** @type {SearchState} */
  let state = { q: '', doc: '', year: '', kind: '', page: 1, view: '', sort: '', vs: [] };
  /** @type {SearchResponse | null} */
  let response = null;
  /** @type {TrendSeries[] | null} the trend of the query and the phrases compared with it */
  let trend = null;
  /** @type {Partial<Record<FilterKey, Facets>>} the facets of the search without each filter in force (`facetScopes`) */
  let withoutFilter = {};
  /** @type {Map<string, Facets>} facets fetched for the query shown, by their search's parameters (the last few) */
  const facetCache = new Map();
  /** @type {Map<string, DocMeta>} */
  let docs = new Map();
  /** @type {RegionGroup[]} the reports' regions, for the Region list */
  let regions = [];
  /** @type {AbortController | null} */
  let controller = null;
  let typingTimer = 0;
  let composing = false;

  const concepts = createConceptsView(byId('concepts', HTMLElement), {
    onRemove: (/** @type {string} */ q) => go({ ...state, q, page: 1 }),
    onEmpty: () => input.focus(),
  });
  const kwic = createConcordanceView(byId('concordance', HTMLElement), { docs: () => docs });
  const suggest = attachSuggest(input, byId('suggestions', HTMLElement), (q) => go({ ...state, q, page: 1 }));

  /** @param {SearchState} next */
  function go(next, typing = false) {
    navigate(searchUrl(next), { typing });
  }

  input.addEventListener('compositionstart', () => {
    composing = true;
  });
  input.addEventListener('compositionend', () => {
    composing = false;
    onTyped();
  });
  input.addEventListener('input', (e) => {
    if (!composing && !(/** @type {InputEvent} */ (e).isComposing)) onTyped();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typingTimer);
    suggest.close();
    go({ ...state, q: input.value.trim(), page: 1 });
  });

  function onTyped() {
    suggest.refresh(input.value);
    clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => {
      const q = input.value.trim();
      if (q !== state.q) go({ ...state, q, page: 1 }, true);
    }, TYPING_DELAY_MS);
  }

  /**
   * Shows the search for `next` (a state read from the URL).
   * @param {SearchState} next
   */
  async function show(next) {
    view.hidden = false;
    // Facets are kept for the pages, sorts and filters of one query: another query, or the same one later, asks again.
    if (withoutQueryFilters(next.q) !== withoutQueryFilters(state.q)) facetCache.clear();
    state = next;
    if (document.activeElement !== input || input.value.trim() !== state.q) input.value = state.q;
    controller?.abort();
    if (!state.q) {
      response = null;
      renderIntro();
      return;
    }
    controller = new AbortController();
    const { signal } = controller;
    results.setAttribute('aria-busy', 'true');
    status.textContent = t('loading');
    try {
      const [found, scoped, documents, regionList, trendAnswer] = await Promise.all([
        getJson('search', searchParams(), signal),
        facetsWithoutFilters(signal),
        documentsById(),
        corpusRegions(),
        trendOf(signal),
      ]);
      response = found;
      trend = trendAnswer && trendAnswer.total > 0 ? trendAnswer.series : null;
      withoutFilter = scoped;
      docs = documents;
      regions = regionList;
      render();
    } catch (error) {
      if (isAbort(error)) return;
      response = null;
      renderError(error);
    } finally {
      if (!signal.aborted) results.removeAttribute('aria-busy');
    }
  }

  /**
   * The trend of the query and the phrases compared with it; null for a query a trend cannot follow (OR,
   * exclusions, /s, /p, NEAR/n: the trend API refuses them), which keeps the chart of passages per year. A
   * compared phrase a trend cannot follow (from a link made by hand) is left out, not the whole trend.
   * @param {AbortSignal} signal
   * @returns {Promise<TrendAnswer | null> | null}
   */
  function trendOf(signal) {
    // A trend counts the phrase as written; an English query is searched through its Chinese translations, so its
    // trend would count its English alone (9 occurrences of `rural revitalization` beside 149 passages found): the
    // chart shows the passages found per year instead. A quoted English phrase is searched as written, and has one.
    if (!isOnePhrase(state.q) || searchedInTranslation(state.q)) return null;
    // A phrase compared is counted under the query's own filters (`region:西藏`): every line over the same reports.
    const scope = filterWordsOf(state.q);
    const compared = comparedPhrases().map((phrase) => (scope ? `${phrase} ${scope}` : phrase));
    const asked = getJson('trend', { q: [state.q, ...compared] }, signal);
    return asked.catch((error) => (isAbort(error) ? Promise.reject(error) : null));
  }

  /**
   * The parameters of /api/search for the page shown. `fields=text`: a parallel passage shows excerpts of its
   * whole text and translation, marked (`renderHit`). `fold=1`: a report held twice is not read twice.
   */
  function searchParams() {
    const { q, doc, year, kind, sort } = state;
    return { q, doc, year, kind, sort, limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE, lang: lang(), fields: 'text', fold: '1' };
  }

  /**
   * The facets of the search without each filter in force (the URL's or the query's own), for that filter's list
   * and chart (`facetScopes`): none without filters; kept for the next page or another sort of the same search.
   * @param {AbortSignal} signal
   * @returns {Promise<Partial<Record<FilterKey, Facets>>>}
   */
  async function facetsWithoutFilters(signal) {
    const scopes = facetScopes(state).filter((scope) => withoutQueryFilters(scope.state.q) !== '');
    const answers = await Promise.all(
      scopes.map(async ({ key, state: scope }) => {
        const params = { q: scope.q, doc: scope.doc, year: scope.year, kind: scope.kind, limit: 1 };
        const id = JSON.stringify(params);
        let facets = facetCache.get(id);
        if (!facets) {
          facets = (await getJson('search', params, signal)).facets;
          facetCache.set(id, facets);
          for (const old of facetCache.keys()) if (facetCache.size > FACET_CACHE) facetCache.delete(old);
        }
        return /** @type {[FilterKey, Facets]} */ ([key, facets]);
      }),
    );
    return Object.fromEntries(answers);
  }

  function renderIntro() {
    replace(status);
    concepts.clear();
    const intro = introNotice();
    replace(notice, intro);
    // What the search covers, once the reports' list is at hand: under this introduction, if it is still shown.
    Promise.all([documentsById(), corpusRegions()])
      .then(([documents, regionList]) => {
        if (intro.isConnected) intro.after(corpusSummary([...documents.values()], regionList));
      })
      .catch(() => {}); // without the list the introduction stands alone
    for (const node of [results, pager, filters, chart, toolbar]) replace(node);
    kwic.hide();
    chart.hidden = true;
    filters.hidden = true;
  }

  /** @param {unknown} error */
  function renderError(error) {
    const text = error instanceof Error && 'messageIn' in error && typeof error.messageIn === 'function'
      ? error.messageIn(lang())
      : String(error instanceof Error ? error.message : error);
    replace(status, el('span', { class: 'error', role: 'alert' }, `${t('errorPrefix')} ${text}`));
    for (const node of [results, pager, notice, toolbar]) replace(node);
    concepts.clear();
  }

  /** @param {SearchResponse} answer */
  function renderStatus({ total, hits, tookMs, folded = 0 }) {
    const from = (state.page - 1) * PAGE_SIZE + 1;
    // The page's range counts the passages folded into a hit of the same text.
    const to = (state.page - 1) * PAGE_SIZE + hits.length + folded;
    const count = hits.length > 0
      ? t('range', { from: num(from), to: num(to), total: num(total) }) + (folded > 0 ? t('foldedNote', { n: num(folded) }) : '')
      : t('count', { total: num(total) });
    const took = ` · ${t('took', { ms: num(Math.round(tookMs)) })}`;
    replace(status, el('span', { class: 'count' }, count), el('span', { class: 'took' }, took));
  }

  /** Applies filter `key` (in the query's text when it holds that filter, else in the URL). */
  const pickFilter = (/** @type {FilterKey} */ key, /** @type {string} */ value) => go(withFilter(state, key, value));

  /** The phrases the URL compares the trend with, those a trend can follow. */
  function comparedPhrases() {
    return state.vs.filter(isOnePhrase);
  }

  function render() {
    if (!response) return;
    // Each list counts the search without its own filter; the chart's years and reports likewise.
    const { lists: facets, region } = listFacets(response.facets, withoutFilter);
    renderStatus(response);
    concepts.render(response.concepts, state.q, response.feedback);
    replace(notice, searchNotices(response, state));
    renderFilters(filters, { facets, regionFacets: region, docs, regions, state, onPick: pickFilter, onClear: () => go(withoutFilters(state)) });
    const active = activeFilters(state);
    const onCompare = (/** @type {string[]} */ vs) => go({ ...state, vs });
    const trendOptions = { activeYear: active.year, onPick: pickFilter, compared: comparedPhrases(), onCompare };
    const trendShown = trend ? trendFigure(trend, trendOptions) : null;
    renderChart(chart, { facets, docs, state: active, onPick: pickFilter, trend: trendShown });
    replace(toolbar, response.total > 0 ? toolbarItems() : null);
    if (state.view === 'kwic' && response.total > 0) {
      for (const node of [results, pager]) replace(node);
      kwic.show(state);
      return;
    }
    kwic.hide();
    replace(results, response.hits.map((hit, index) => renderHit(hit, index, docs.get(hit.docId))));
    replace(pager, pagerLinks(state, response.total));
  }

  /** What the toolbar above the results holds: the views of the search, then the controls of the one shown. */
  function toolbarItems() {
    if (state.view === 'kwic') return [viewSwitch()];
    const sort = sortSelect(state.sort, (/** @type {SearchState['sort']} */ picked) => go({ ...state, sort: picked, page: 1 }));
    return [viewSwitch(), citationStyleSelect(citationStyle(lang()), () => {}), sort, ...resultsDownloadLinks(state, lang(), response ? response.total : 0)];
  }

  /** Links between the passages and the concordance of the same search. */
  function viewSwitch() {
    const tab = (/** @type {SearchState['view']} */ name, /** @type {string} */ label) =>
      state.view === name
        ? el('span', { class: 'view-tab current', 'aria-current': 'page' }, label)
        : navLink(searchUrl({ ...state, view: name, page: 1 }), label, { class: 'view-tab' });
    const label = t('viewLabel');
    const tabs = [tab('', t('viewPassages')), tab('kwic', t('viewKwic'))];
    return el('nav', { class: 'view-switch', 'aria-label': label }, tabs);
  }

  return {
    show,
    hide() {
      view.hidden = true;
      kwic.hide();
      suggest.close();
    },
    /** Redraws in the current language without searching again. */
    relabel() {
      if (response) render();
      else if (!state.q) renderIntro();
      kwic.relabel();
    },
    focus() {
      input.focus();
      input.select();
    },
  };
}
