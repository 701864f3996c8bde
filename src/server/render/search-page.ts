/**
 * The first page of a search (`/?q=…`) as HTML, in the containers `public/js/search-view.js` fills (the
 * script redraws them when it runs): the count, the English concepts searched for (`concepts.ts`), the hits
 * with their matches in `<mark>`, the filters as a plain GET form with counts, the downloads of the results (CSV
 * and citations), the pager, and a message with suggestions when nothing matched.
 */
import type { DocMeta } from '../../model.js';
import { PASSAGE_KINDS } from '../../model.js';
import type { Facets, SearchHit, SearchResponse } from '../../search/types.js';
import type { Translate, UiLang } from './catalogue.js';
import { h, join, marked, textLang, type Child, type Markup } from './markup.js';
import { docTitle, passageHref } from './reader-page.js';
import { MAX_OFFSET } from '../api.js';
import { looserQueries } from '../../../public/js/looser-queries.js';
import { activeFilters, hasActiveFilters, rangeEntry, regionChoice, regionEntries, withoutQueryFilters } from '../../../public/js/query-filters.js';
import { regionGroups } from '../../search/region-groups.js';
import { docLabels, labelLine, placeFirst } from '../../../public/js/doc-labels.js';
import { searchUrl } from '../../../public/js/search-url.js';
import { resultDownloads } from '../../../public/js/result-downloads.js';
import { conceptsMarkup } from './concepts.js';
import { nothingToSearch } from '../../search/nothing-to-search.js';
import { parseQuery } from '../../search/query-parser.js';

/** Hits a page shows (the script's PAGE_SIZE). */
export const PAGE_SIZE = 10;
/** The last page the pager offers: the API takes offsets up to MAX_OFFSET. */
export const MAX_PAGE = Math.floor(MAX_OFFSET / PAGE_SIZE) + 1;

/** A search as its address states it (the page's own state, `public/js/types.d.ts`, adds its views). */
export interface SearchState {
  q: string;
  doc: string;
  year: string;
  kind: string;
  page: number;
  /** `newest` or `oldest` first by the report's date, '' for relevance. */
  sort: '' | 'newest' | 'oldest';
  /** The interface language the address asks for (`?lang=`), kept in every link; absent when none. */
  lang?: UiLang;
}

/** What a rendered search page needs. */
export interface SearchData {
  state: SearchState;
  response: SearchResponse;
  /** The facets each filter list counts: the search's under the other filters in force (`listFacets`). */
  facets: Facets;
  /** The facets the Region list counts: the search's without its region. */
  regionFacets: Facets;
  documents: readonly DocMeta[];
  lang: UiLang;
  tr: Translate;
}

/**
 * The state without any filter, neither the address's nor one typed in the query (`year:2024`), on page 1:
 * where "clear filters" leads, as on the script's page (a query of filters alone is kept).
 */
const unfiltered = (state: SearchState): SearchState => ({ ...state, q: withoutQueryFilters(state.q) || state.q, doc: '', year: '', kind: '', page: 1 });

function hitMarkup(hit: SearchHit, index: number, d: SearchData, docs: ReadonlyMap<string, DocMeta>): Markup {
  const { lang, tr } = d;
  const titleOf = (ref: Pick<SearchHit, 'docTitle' | 'docTitleEn'>): string => docTitle({ title: ref.docTitle, titleEn: ref.docTitleEn }, lang);
  const title = titleOf(hit);
  const other = lang === 'en' ? hit.docTitle : hit.docTitleEn;
  const asked = d.state.lang;
  const href = passageHref(hit.id, asked);
  const doc = docs.get(hit.docId);
  const place = doc ? placeFirst(doc, lang) : '';
  const body = hit.textEn
    ? h(
        'div',
        { class: 'parallel' },
        h('p', { class: 'snippet', lang: 'zh-CN' }, marked(hit.snippet, hit.highlights)),
        h('p', { class: 'snippet snippet-en', lang: 'en' }, marked(hit.textEn, hit.textEnHighlights ?? [])),
      )
    : h('p', { class: 'snippet', lang: textLang(hit.snippet) }, marked(hit.snippet, hit.highlights));
  const same = (hit.sameText ?? []).map((ref, i): Child => {
    const where = titleOf(ref);
    const text = ref.paragraph === null ? where : `${where}${tr(lang, 'listSeparator')}${tr(lang, 'paragraphN', { n: ref.paragraph })}`;
    return [i > 0 ? tr(lang, 'listSeparator') : '', h('a', { href: passageHref(ref.id, asked), 'data-nav': true, lang: textLang(where) }, text)];
  });
  return h(
    'li',
    { class: 'hit' },
    h(
      'div',
      { class: 'hit-head' },
      h('a', { id: `hit-title-${index}`, class: 'hit-title', href, 'data-nav': true, lang: textLang(title), title }, place ? [h('span', { class: 'hit-place' }, place), ` · ${title}`] : title),
      hit.year ? h('span', { class: 'badge' }, String(hit.year)) : null,
      hit.kind !== 'paragraph' ? h('span', { class: 'badge kind' }, tr(lang, `kind_${hit.kind}`)) : null,
    ),
    other && other !== title ? h('div', { class: 'hit-subtitle', lang: textLang(other) }, other) : null,
    hit.sectionPath.length ? h('div', { class: 'crumbs', lang: textLang(hit.sectionPath.join('')) }, hit.sectionPath.join(' › ')) : null,
    body,
    same.length > 0 ? h('p', { class: 'same-text' }, `${tr(lang, 'sameTextIn')} `, same) : null,
    h('div', { class: 'hit-actions' }, h('a', { href, 'data-nav': true, class: 'action', 'aria-describedby': `hit-title-${index}` }, tr(lang, 'readInContext'))),
  );
}

function statusMarkup(d: SearchData): Markup {
  const { response, state, lang, tr } = d;
  const fmt = (n: number): string => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  const from = (state.page - 1) * PAGE_SIZE + 1;
  // The page's range counts the passages folded into a hit of the same text.
  const folded = response.folded ?? 0;
  const to = (state.page - 1) * PAGE_SIZE + response.hits.length + folded;
  const range = tr(lang, 'range', { from: fmt(from), to: fmt(to), total: fmt(response.total) }) + (folded > 0 ? tr(lang, 'foldedNote', { n: fmt(folded) }) : '');
  const count = response.total > 0 && response.hits.length > 0 ? range : tr(lang, 'count', { total: fmt(response.total) });
  return h('span', { class: 'count' }, count);
}

function pagerMarkup(d: SearchData): Markup {
  const { state, lang, tr } = d;
  const pages = Math.min(Math.ceil(d.response.total / PAGE_SIZE), MAX_PAGE);
  if (pages <= 1) return join([]);
  const page = Math.min(state.page, pages);
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const to = (n: number, text: string, attrs: Record<string, string> = {}): Markup => h('a', { href: searchUrl({ ...state, page: n }), 'data-nav': true, ...attrs }, text);
  const items: Child[] = [page > 1 ? to(page - 1, tr(lang, 'prevPage'), { rel: 'prev' }) : null];
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1] > 1) items.push(h('span', { class: 'gap' }, '…'));
    items.push(n === page ? h('span', { class: 'current', 'aria-current': 'page' }, String(n)) : to(n, String(n), { 'aria-label': tr(lang, 'pageN', { n }) }));
  });
  items.push(page < pages ? to(page + 1, tr(lang, 'nextPage'), { rel: 'next' }) : null);
  return join(items);
}

/**
 * The filters as a GET form: the query kept in a hidden field without the filters typed in it, a select per
 * filter with its counts showing the filter in force (the address's, else the query's, as the engine reads
 * them), so that what the form sends is what the lists show and "All" clears a filter typed in the query.
 */
function filtersMarkup(d: SearchData, byId: ReadonlyMap<string, DocMeta>): Markup {
  const { state, facets, lang, tr } = d;
  const active = activeFilters(state);
  const regions = regionGroups(d.documents);
  // A region typed as part of its name (`region:西藏`) selects its entry (西藏自治区), as the script's list does.
  const chosen = { ...active, region: regionChoice(regions, active.region) };
  const select = (key: 'region' | 'doc' | 'year' | 'kind', label: string, entries: Array<[string, string, number]>): Markup => {
    const options = entries.map(([value, text, n]) => h('option', { value, selected: chosen[key] === value }, `${text} (${n})`));
    // A filter in force that no entry lists stays selected, so that applying others keeps it.
    if (chosen[key] && !entries.some(([value]) => value === chosen[key])) options.push(h('option', { value: chosen[key], selected: true }, chosen[key]));
    return h(
      'span',
      { class: 'filter' },
      h('label', { for: `filter-${key}` }, label),
      h('select', { id: `filter-${key}`, name: key }, h('option', { value: '' }, tr(lang, 'all')), options),
    );
  };
  // Every report's label, so that two reports that would read the same say their source files (`doc-labels.js`).
  const labels = docLabels(d.documents, lang);
  const docLabel = (id: string): string => {
    const label = labels.get(id);
    return label ? labelLine(label) : id;
  };
  const docs = Object.entries(facets.doc).sort((a, b) => (byId.get(b[0])?.year ?? 0) - (byId.get(a[0])?.year ?? 0) || a[0].localeCompare(b[0]));
  const years = Object.entries(facets.year).sort((a, b) => Number(b[0]) - Number(a[0]));
  // A range of years in force (`year:2013-2022`) is an option of its own, first, as the script's lists show it.
  const range = rangeEntry(active.year, facets.year);
  const kinds = PASSAGE_KINDS.filter((k) => facets.kind[k]);
  // The Region list, when the corpus's reports come from more than one region or a region is in force; the form
  // sends it as `region=…`, which the address's reader writes into the query (`queryOfAddress`).
  const places = regionEntries(d.regionFacets, regions, lang);
  return h(
    'form',
    { class: 'filter-form', action: '/', method: 'get' },
    h('input', { type: 'hidden', name: 'q', value: unfiltered(state).q }),
    state.sort ? h('input', { type: 'hidden', name: 'sort', value: state.sort }) : null,
    state.lang ? h('input', { type: 'hidden', name: 'lang', value: state.lang }) : null,
    regions.length > 1 || active.region ? select('region', tr(lang, 'filterRegion'), places) : null,
    select('doc', tr(lang, 'filterDoc'), docs.map(([id, n]) => [id, docLabel(id), n])),
    select('year', tr(lang, 'filterYear'), [...(range ? [range] : []), ...years.map(([y, n]): [string, string, number] => [y, y, n])]),
    select('kind', tr(lang, 'filterKind'), kinds.map((k) => [k, tr(lang, `kind_${k}`), facets.kind[k]])),
    h('button', { type: 'submit', class: 'action' }, tr(lang, 'applyFilters')),
    hasActiveFilters(state) ? h('a', { class: 'link-button', href: searchUrl(unfiltered(state)) }, tr(lang, 'clearFilters')) : null,
  );
}

function noticeMarkup(d: SearchData): Markup {
  const { response, state, lang, tr } = d;
  // A proposed query: a link that searches it, titled with what it is, and how many passages it finds.
  const proposal = (p: { query: string; total: number }, title: string): Child[] => [
    h('a', { class: 'did-you-mean-query', href: searchUrl({ ...state, q: p.query, page: 1 }), lang: textLang(p.query), title }, p.query),
    tr(lang, 'didYouMeanCount', { n: p.total.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') }),
  ];
  const suggestions = response.didYouMean ?? [];
  const didYouMean = suggestions.length
    ? h(
        'p',
        { class: 'did-you-mean' },
        tr(lang, 'didYouMean'),
        ' ',
        suggestions.map((s, i) => [i ? tr(lang, 'listSeparator') : '', ...proposal(s, tr(lang, `didYouMean_${s.reason}`))]),
      )
    : null;
  // One proposal on a line of its own, after what it is, as the script's page shows it (`did-you-mean.js`).
  const proposalLine = (kind: string, label: string, link: Child[]): Markup => h('p', { class: `did-you-mean ${kind}` }, label, ' ', link);
  const other = response.alsoWritten;
  const alsoWritten = other ? proposalLine('also-written', tr(lang, 'alsoWritten'), proposal(other, tr(lang, `alsoWritten_${other.reason}`))) : null;
  const inRegion = response.asRegion;
  const asRegion = inRegion ? proposalLine('as-region', tr(lang, 'asRegion'), proposal(inRegion, tr(lang, 'asRegionTitle', { region: inRegion.region }))) : null;
  const nothing = response.noticeCode === 'NOTHING_TO_SEARCH';
  const tries = looserQueries(state.q).map(({ key, q }) => h('a', { href: searchUrl({ ...state, q, page: 1 }) }, tr(lang, key, { q })));
  if (hasActiveFilters(state)) tries.push(h('a', { href: searchUrl(unfiltered(state)) }, tr(lang, 'withoutFilters')));
  const none =
    response.total === 0
      ? h(
          'div',
          { class: 'no-results' },
          h('p', {}, tr(lang, 'noResults', { q: state.q })),
          // Why, as the API's 400 says it (`nothing-to-search.ts`).
          nothing ? h('p', { class: 'engine-notice' }, nothingToSearch(parseQuery(response.query))[lang]) : null,
          response.noticeCode === 'UNKNOWN_REGION' ? h('p', { class: 'engine-notice' }, tr(lang, 'unknownRegion', { region: activeFilters(state).region })) : null,
          // What to try, as the script's page proposes it (`search-notice.js`).
          tries.length ? h('p', {}, tr(lang, 'tryInstead'), ' ', tries.map((a, i) => [i ? ' · ' : '', a])) : nothing ? null : h('p', {}, tr(lang, 'noResultsHint')),
        )
      : null;
  return join([didYouMean, alsoWritten, asRegion, none]);
}

/**
 * The downloads above the results, as the script's toolbar draws them (`public/js/result-downloads.js`): "Download
 * CSV" and "Export citations", each a folded list of files by range past 1,000 results. Folded lists are
 * `<details>`, which open without a script.
 */
function toolbarMarkup(d: SearchData): Markup {
  const { lang, tr } = d;
  const drawing = {
    make: h,
    text: (key: string, vars?: Record<string, string | number>): string => tr(lang, key, vars),
    num: (n: number): string => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
  };
  return join(resultDownloads(drawing, d.state, lang, d.response.total));
}

/**
 * The search page's containers, by element id; `concepts` only when the answer has concepts to show.
 * @example searchParts(data).results.html // '<li class="hit">…'
 */
export function searchParts(d: SearchData): Record<string, Markup> {
  const concepts = conceptsMarkup(d);
  // Every report by id, once: the filter lists' order and each hit's region.
  const docs = new Map(d.documents.map((doc) => [doc.id, doc]));
  return {
    status: statusMarkup(d),
    ...(concepts ? { concepts } : {}),
    notice: noticeMarkup(d),
    filters: filtersMarkup(d, docs),
    ...(d.response.total > 0 ? { 'results-toolbar': toolbarMarkup(d) } : {}),
    results: join(d.response.hits.map((hit, i) => hitMarkup(hit, i, d, docs))),
    pager: pagerMarkup(d),
  };
}
