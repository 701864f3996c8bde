// The search page: the box (search as you type), filters with counts, the chart, the results with marked
// matches, pagination, and a helpful message when nothing matched.
import { documentsById, getJson } from './api.js';
import { docLabel, renderChart, trendFigure } from './chart.js';
import { createConcordanceView } from './concordance.js';
import { citationStyle, citationStyleSelect, copyWithConfirmation, publicLink } from './clipboard.js';
import { coveredWords, createConceptsView } from './concepts.js';
import { didYouMeanNotice } from './did-you-mean.js';
import { el, replace } from './dom.js';
import { lang, num, t, textLang } from './i18n.js';
import { excerpt, marked } from './marks.js';
import { lexQuery } from './query-edit.js';
import { activeFilters, hasActiveFilters, withFilter, withoutFilters, withoutQueryFilters } from './query-filters.js';
import { PAGE_SIZE, hasFilters, hasQuotes, pageCount, searchUrl, withoutQuotes } from './state.js';
import { attachSuggest } from './suggest.js';

const KINDS = ['paragraph', 'heading', 'table', 'toc', 'front'];
const EXAMPLES = ['"高质量发展"', '乡村振兴', 'tourism', '脫貧攻堅', '青稞 -藏', 'clean energy'];
const TYPING_DELAY_MS = 250;

/** True when a trend can follow the query: no OR and no exclusion, which the trend API refuses. */
function trendable(q) {
  return !lexQuery(q).some((token) => token.kind === 'or' || token.negated);
}

/**
 * Creates the search view over the elements of index.html. `navigate(url, { typing })` changes the URL
 * (the app then calls `show`).
 */
export function createSearchView({ navigate }) {
  const view = document.getElementById('search-view');
  const form = document.getElementById('search-form');
  const input = document.getElementById('q');
  const status = document.getElementById('status');
  const notice = document.getElementById('notice');
  const results = document.getElementById('results');
  const pager = document.getElementById('pager');
  const filters = document.getElementById('filters');
  const chart = document.getElementById('chart');
  const toolbar = document.getElementById('results-toolbar');

  let state = { q: '', doc: '', year: '', kind: '', page: 1, view: '', vs: [] };
  let response = null;
  let trend = null; // the trend series of the query and the phrases compared with it, or null
  let allFacets = null; // facets of the query without filters, for the filter lists and the chart
  let docs = new Map();
  let controller = null;
  let typingTimer = 0;
  let composing = false;

  const concepts = createConceptsView(document.getElementById('concepts'), {
    onRemove: (q) => go({ ...state, q, page: 1 }),
    onEmpty: () => input.focus(),
  });
  const kwic = createConcordanceView(document.getElementById('concordance'), { docs: () => docs });
  const suggest = attachSuggest(input, document.getElementById('suggestions'), (q) => go({ ...state, q, page: 1 }));

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
    if (!composing && !e.isComposing) onTyped();
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
    typingTimer = setTimeout(() => {
      const q = input.value.trim();
      if (q !== state.q) go({ ...state, q, page: 1 }, true);
    }, TYPING_DELAY_MS);
  }

  /** Shows the search for `next` (a state read from the URL). */
  async function show(next) {
    view.hidden = false;
    const sameQuery = withoutQueryFilters(next.q) === withoutQueryFilters(state.q);
    state = next;
    if (document.activeElement !== input || input.value.trim() !== state.q) input.value = state.q;
    if (!sameQuery) allFacets = null;
    if (!state.q) {
      controller?.abort();
      response = null;
      renderIntro();
      return;
    }
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    results.setAttribute('aria-busy', 'true');
    status.textContent = t('loading');
    try {
      const params = { q: state.q, limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE, doc: state.doc, year: state.year, kind: state.kind, lang: lang() };
      const [found, facets, documents, trendAnswer] = await Promise.all([
        getJson('search', params, signal),
        allFacets ?? unfilteredFacets(signal),
        documentsById(),
        // A query a trend cannot follow (OR, exclusions) keeps the chart of passages per year.
        trendable(state.q) ? getJson('trend', { q: [state.q, ...state.vs] }, signal).catch((error) => (error.name === 'AbortError' ? Promise.reject(error) : null)) : null,
      ]);
      response = found;
      trend = trendAnswer && trendAnswer.total > 0 ? trendAnswer.series : null;
      allFacets = facets ?? found.facets; // without filters, the search's own facets are the full ones
      docs = documents;
      render();
    } catch (error) {
      if (error.name === 'AbortError') return;
      response = null;
      renderError(error);
    } finally {
      if (!signal.aborted) results.removeAttribute('aria-busy');
    }
  }

  /**
   * Facets of the query without any filter (the URL's or the query's own), for the filter lists and the chart;
   * null when the search itself has none.
   */
  function unfilteredFacets(signal) {
    const q = withoutQueryFilters(state.q);
    if (!hasFilters(state) && q === state.q.trim()) return null;
    if (!q) return null;
    return getJson('search', { q, limit: 1 }, signal).then((r) => r.facets);
  }

  function renderIntro() {
    replace(status);
    concepts.clear();
    replace(notice, el('p', { class: 'intro' }, t('intro'), ' ', EXAMPLES.map((q, i) => [i ? ' · ' : '', link(searchUrl({ q }), q, { lang: textLang(q) })])));
    for (const node of [results, pager, filters, chart, toolbar]) replace(node);
    kwic.hide();
    chart.hidden = true;
    filters.hidden = true;
  }

  function renderError(error) {
    replace(status, el('span', { class: 'error', role: 'alert' }, `${t('errorPrefix')} ${error.messageIn ? error.messageIn(lang()) : error.message}`));
    for (const node of [results, pager, notice, toolbar]) replace(node);
    concepts.clear();
  }

  function render() {
    if (!response) return;
    const { total, hits, tookMs } = response;
    const from = total === 0 ? 0 : (state.page - 1) * PAGE_SIZE + 1;
    const to = (state.page - 1) * PAGE_SIZE + hits.length;
    replace(
      status,
      el('span', { class: 'count' }, total > 0 && hits.length > 0 ? t('range', { from: num(from), to: num(to), total: num(total) }) : t('count', { total: num(total) })),
      el('span', { class: 'took' }, ` · ${t('took', { ms: num(Math.round(tookMs)) })}`),
    );
    concepts.render(response.concepts, state.q);
    renderNotice();
    renderFilters();
    const onPick = (key, value) => go(withFilter(state, key, value));
    const active = activeFilters(state);
    const trendShown = trend ? trendFigure(trend, { activeYear: active.year, onPick, compared: state.vs, onCompare: (vs) => go({ ...state, vs }) }) : null;
    renderChart(chart, { facets: allFacets ?? response.facets, docs, state: active, onPick, trend: trendShown });
    replace(toolbar, total > 0 ? [viewSwitch(), state.view === 'kwic' ? null : citationStyleSelect(citationStyle(lang()), () => {})] : null);
    if (state.view === 'kwic' && total > 0) {
      for (const node of [results, pager]) replace(node);
      kwic.show(state);
      return;
    }
    kwic.hide();
    replace(results, hits.map(renderHit));
    renderPager(total);
  }

  /** Links between the passages and the concordance of the same search. */
  function viewSwitch() {
    const tab = (view, label) =>
      state.view === view ? el('span', { class: 'view-tab current', 'aria-current': 'page' }, label) : link(searchUrl({ ...state, view, page: 1 }), label, { class: 'view-tab' });
    return el('nav', { class: 'view-switch', 'aria-label': t('viewLabel') }, tab('', t('viewPassages')), tab('kwic', t('viewKwic')));
  }

  function renderNotice() {
    const parts = [];
    const covered = coveredWords(response.concepts);
    const expansions = response.expansions.filter((x) => !covered.has(x.from.toLowerCase()));
    if (expansions.length > 0) {
      parts.push(el('p', { class: 'expansions' }, t('alsoSearched'), ' ', expansions.map((x, i) => [i ? t('listSeparator') : '', el('span', { class: 'expansion' }, el('span', { lang: textLang(x.from) }, x.from), ' → ', el('span', { lang: textLang(x.to) }, x.to))])));
    }
    parts.push(didYouMeanNotice(response.didYouMean, (q) => searchUrl({ ...state, q, page: 1 })));
    if (response.total > 0 && response.hits.length === 0) parts.push(pastLastPage(response.total));
    if (response.total === 0) {
      const tries = [];
      if (hasQuotes(state.q) && withoutQuotes(state.q)) tries.push(link(searchUrl({ ...state, q: withoutQuotes(state.q), page: 1 }), t('withoutQuotes', { q: withoutQuotes(state.q) })));
      if (hasActiveFilters(state)) tries.push(link(searchUrl(withoutFilters({ ...state, view: '', vs: [] })), t('withoutFilters')));
      parts.push(
        el(
          'div',
          { class: 'no-results' },
          el('p', {}, t('noResults', { q: state.q })),
          response.notice ? el('p', { class: 'engine-notice' }, response.noticeCode === 'NOTHING_TO_SEARCH' ? t('nothingToSearch') : response.notice) : null,
          tries.length ? el('p', {}, t('tryInstead'), ' ', tries.map((a, i) => [i ? ' · ' : '', a])) : null,
        ),
      );
    }
    replace(notice, parts);
  }

  /** The message for a page number past the last page of results, with a link back to the last one. */
  function pastLastPage(total) {
    const last = pageCount(total);
    return el(
      'div',
      { class: 'no-results past-end' },
      el('p', {}, t('pastLastPage', { page: num(state.page), last: num(last) })),
      el('p', {}, link(searchUrl({ ...state, page: last }), t('toLastPage', { last: num(last) }))),
    );
  }

  function renderFilters() {
    const facets = allFacets ?? response.facets;
    const active = activeFilters(state);
    const select = (key, label, entries) => {
      const id = `filter-${key}`;
      const options = entries.map(([value, text, count]) => el('option', { value, selected: active[key] === value }, count === undefined ? text : `${text} (${num(count)})`));
      if (active[key] && !entries.some(([value]) => value === active[key])) options.push(el('option', { value: active[key], selected: true }, active[key]));
      return el(
        'span',
        { class: 'filter' },
        el('label', { for: id }, label),
        el('select', { id, name: key, onchange: (e) => go(withFilter(state, key, e.target.value)) }, el('option', { value: '' }, t('all')), options),
      );
    };
    const docEntries = Object.entries(facets.doc || {})
      .sort((a, b) => (docs.get(b[0])?.year ?? 0) - (docs.get(a[0])?.year ?? 0) || a[0].localeCompare(b[0]))
      .map(([id, n]) => [id, docLabel(docs, id), n]);
    const yearEntries = Object.entries(facets.year || {}).sort((a, b) => Number(b[0]) - Number(a[0])).map(([y, n]) => [y, y, n]);
    const kindEntries = KINDS.filter((k) => facets.kind && facets.kind[k]).map((k) => [k, t(`kind_${k}`), facets.kind[k]]);
    filters.hidden = false;
    replace(
      filters,
      select('doc', t('filterDoc'), docEntries),
      select('year', t('filterYear'), yearEntries),
      select('kind', t('filterKind'), kindEntries),
      hasActiveFilters(state) ? el('button', { type: 'button', class: 'link-button', onclick: () => go(withoutFilters(state)) }, t('clearFilters')) : null,
    );
  }

  function renderHit(hit, index) {
    const titleId = `hit-title-${index}`;
    const title = lang() === 'en' && hit.docTitleEn ? hit.docTitleEn : hit.docTitle;
    const otherTitle = lang() === 'en' ? hit.docTitle : hit.docTitleEn;
    const parallel = typeof hit.textEn === 'string' && hit.textEn.length > 0;
    const zhFromSnippet = hit.textHighlights.length > 0 || !parallel;
    const zh = zhFromSnippet ? { text: hit.snippet, ranges: hit.highlights } : excerpt(hit.text, hit.textHighlights, 160);
    const body = parallel
      ? el(
          'div',
          { class: 'parallel' },
          el('p', { class: 'snippet', lang: 'zh-CN' }, el('span', { class: 'visually-hidden' }, `${t('original')}: `), marked(zh.text, zh.ranges)),
          (() => {
            const en = excerpt(hit.textEn, hit.textEnHighlights || [], 360);
            return el('p', { class: 'snippet snippet-en', lang: 'en' }, el('span', { class: 'visually-hidden' }, `${t('translation')}: `), marked(en.text, en.ranges));
          })(),
        )
      : el('p', { class: 'snippet' }, marked(hit.snippet, hit.highlights));
    const permalink = publicLink(hit.publicUrl, hit.url);
    return el(
      'li',
      { class: 'hit' },
      el(
        'div',
        { class: 'hit-head' },
        el('a', { id: titleId, class: 'hit-title', href: hit.url, 'data-nav': true, lang: textLang(title), title }, title),
        hit.year ? el('span', { class: 'badge' }, String(hit.year)) : null,
        hit.kind !== 'paragraph' ? el('span', { class: 'badge kind' }, t(`kind_${hit.kind}`)) : null,
      ),
      el(
        'div',
        { class: 'hit-meta' },
        otherTitle && otherTitle !== title ? el('span', { class: 'hit-subtitle', lang: textLang(otherTitle), title: otherTitle }, otherTitle) : null,
        hit.sectionPath.length ? el('span', { class: 'crumbs', lang: 'zh-CN', title: hit.sectionPath.join(' › ') }, hit.sectionPath.join(' › ')) : null,
      ),
      body,
      hit.expansions && hit.expansions.length ? el('p', { class: 'hit-expansions' }, `${t('matchedVia')} ${hit.expansions.join(t('listSeparator'))}`) : null,
      el(
        'div',
        { class: 'hit-actions' },
        el('a', { href: hit.url, 'data-nav': true, class: 'action', 'aria-describedby': titleId }, t('readInContext')),
        el('button', { type: 'button', class: 'action', 'aria-describedby': titleId, onclick: () => copyWithConfirmation(hit.citation[citationStyle(lang())], t('citationCopied')) }, t('copyCitation')),
        el('button', { type: 'button', class: 'action', 'aria-describedby': titleId, onclick: () => copyWithConfirmation(permalink, t('linkCopied')) }, t('copyLink')),
      ),
    );
  }

  function renderPager(total) {
    const pages = pageCount(total);
    if (pages <= 1) {
      replace(pager);
      return;
    }
    const page = Math.min(state.page, pages);
    const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages));
    const numbers = [...wanted].sort((a, b) => a - b);
    const items = [];
    if (page > 1) items.push(link(searchUrl({ ...state, page: page - 1 }), t('prevPage'), { rel: 'prev' }));
    numbers.forEach((n, i) => {
      if (i > 0 && n - numbers[i - 1] > 1) items.push(el('span', { class: 'gap' }, '…'));
      items.push(n === page ? el('span', { class: 'current', 'aria-current': 'page' }, num(n)) : link(searchUrl({ ...state, page: n }), num(n), { 'aria-label': t('pageN', { n }) }));
    });
    if (page < pages) items.push(link(searchUrl({ ...state, page: page + 1 }), t('nextPage'), { rel: 'next' }));
    replace(pager, items);
  }

  function link(href, text, attrs = {}) {
    return el('a', { href, 'data-nav': true, ...attrs }, text);
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
