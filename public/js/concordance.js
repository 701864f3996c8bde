// @ts-check
// The concordance view: every occurrence of the query in context, one line each, the keyword in an aligned
// middle column; sortable by the words before or after it or by year; more lines on demand; a CSV download of
// all of them (in files of 10,000 lines). Every text goes in as a text node.
import { getJson } from './api.js';
import { docLabel } from './chart.js';
import { el, replace } from './dom.js';
import { csvDownloads } from './export-links.js';
import { num, t, textLang } from './i18n.js';
import { navLink } from './nav-link.js';
import { FILTER_KEYS } from './query-filters.js';

/** @typedef {import('./types.js').ConcordanceLine} ConcordanceLine */
/** @typedef {import('./types.js').DocMeta} DocMeta */
/** @typedef {import('./types.js').FilterKey} FilterKey */
/** @typedef {import('./types.js').SearchState} SearchState */

const SORTS = ['corpus', 'left', 'right', 'year'];
const PAGE = 100;
const CONTEXT = 30;
/** Lines one concordance CSV holds (the API's default and largest `limit`). */
const CONCORDANCE_CSV_LINES = 10000;

/** Widest keyword column, in rem, on a wide screen and on a phone: a longer keyword is cut at its end, as the contexts are at theirs. */
const MAX_KEYWORD_REM = 14;
const MAX_KEYWORD_REM_NARROW = 7;

/**
 * The width of the keyword column for `lines`, in rem: the widest keyword, a wide (CJK, full-width) character
 * counted as 1, another as 0.6, bold and the cell's padding added; at most `max`.
 * @example keywordWidth([{ match: '乡村振兴' }]) // 5.2
 * @param {ReadonlyArray<{ match: string }>} lines
 * @param {number} [max]
 */
export function keywordWidth(lines, max = MAX_KEYWORD_REM) {
  let widest = 0;
  for (const line of lines) {
    let width = 0;
    for (const ch of line.match) width += (ch.codePointAt(0) ?? 0) >= 0x1100 ? 1 : 0.6;
    widest = Math.max(widest, width);
  }
  return Math.min(max, Math.round((widest * 1.1 + 0.8) * 10) / 10);
}

/**
 * The address of the concordance as CSV (all lines, in the chosen order).
 * @example concordanceCsvUrl('乡村振兴', 'right') // '/api/concordance?q=…&format=csv&sort=right'
 * @example concordanceCsvUrl('发展', 'corpus', {}, 10000) // '/api/concordance?q=…&format=csv&offset=10000'
 * @param {string} q
 * @param {string} sort
 * @param {Partial<Record<FilterKey, string>>} [filters]
 * @param {number} [offset] the first line of the file (10,000 lines from it)
 */
export function concordanceCsvUrl(q, sort, filters = {}, offset = 0) {
  const p = new URLSearchParams({ q, format: 'csv' });
  if (sort && sort !== 'corpus') p.set('sort', sort);
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) p.set(key, value);
  }
  if (offset > 0) p.set('offset', String(offset));
  return `/api/concordance?${p}`;
}

/**
 * Creates the view in `container`. `show(state)` loads the concordance of `state.q` (with its filters);
 * `hide()` empties it.
 * @example const kwic = createConcordanceView(node, { docs: () => docsMap }); kwic.show({ q: '乡村振兴' });
 * @param {HTMLElement} container
 * @param {{ docs: () => Map<string, DocMeta> }} options
 */
export function createConcordanceView(container, { docs }) {
  /** @type {SearchState | null} */
  let state = null;
  let sort = 'corpus';
  /** @type {ConcordanceLine[]} */
  let lines = [];
  let total = 0;
  /** @type {AbortController | null} */
  let controller = null;
  /** @type {Error | null} */
  let failure = null;

  /** @param {boolean} append */
  async function load(append) {
    if (!state) return;
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    const { q, doc, year, kind } = state;
    const params = { q, sort, context: CONTEXT, limit: PAGE, offset: append ? lines.length : 0, doc, year, kind };
    container.setAttribute('aria-busy', 'true');
    try {
      const answer = await getJson('concordance', params, signal);
      lines = append ? [...lines, ...answer.lines] : answer.lines;
      total = answer.total;
      failure = null;
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') return;
      failure = error instanceof Error ? error : new Error(String(error));
      lines = [];
      total = 0;
    } finally {
      if (!signal.aborted) container.removeAttribute('aria-busy');
    }
    render();
  }

  /**
   * The count, the sort select and the CSV link above the lines.
   * @param {SearchState} shown
   */
  function kwicBar(shown) {
    const onchange = (/** @type {Event} */ e) => {
      sort = /** @type {HTMLSelectElement} */ (e.target).value;
      void load(false);
    };
    const options = SORTS.map((s) => el('option', { value: s, selected: s === sort }, t(`kwicSort_${s}`)));
    const select = el('select', { id: 'kwic-sort', onchange }, options);
    // One file holds 10,000 lines at most: a longer concordance downloads in ranges.
    const csv = csvDownloads((offset) => concordanceCsvUrl(shown.q, sort, shown, offset), { total, size: CONCORDANCE_CSV_LINES, className: 'kwic-csv', label: t('kwicCsv') });
    return el(
      'div',
      { class: 'kwic-bar' },
      el('span', { class: 'kwic-count' }, t('kwicCount', { total: num(total), shown: num(lines.length) })),
      el('span', { class: 'filter' }, el('label', { for: 'kwic-sort' }, t('kwicSortLabel')), select),
      total > 0 ? csv : null,
    );
  }

  /**
   * One occurrence: the words before, the keyword (a link to its passage), the words after, the year.
   * @param {ConcordanceLine} line
   */
  function kwicRow(line) {
    const doc = docs().get(line.docId);
    const paragraph = line.paragraph !== null ? ` · ${t('paragraphN', { n: line.paragraph })}` : '';
    const where = `${docLabel(docs(), line.docId)}${paragraph}`;
    const lang = line.field === 'textEn' ? 'en' : 'zh-CN';
    const source = el('span', { class: 'visually-hidden' }, ` ${doc ? where : line.docId}`);
    const year = line.year === null ? '—' : String(line.year);
    return el(
      'tr',
      {},
      el('td', { class: 'kwic-left', lang }, el('span', {}, line.left)),
      el('td', { class: 'kwic-match', lang }, navLink(`/p/${encodeURIComponent(line.passageId)}`, line.match)),
      el('td', { class: 'kwic-right', lang }, el('span', {}, line.right)),
      el('td', { class: 'kwic-source', title: where, lang: textLang(where) }, year, source),
    );
  }

  /**
   * The lines as a table (a message when there are none).
   * @param {SearchState} shown
   */
  function kwicTable(shown) {
    if (lines.length === 0) return el('p', { class: 'kwic-message' }, t('kwicNone', { q: shown.q }));
    const th = (/** @type {string} */ className, /** @type {string} */ key) =>
      el('th', { scope: 'col', class: className }, t(key));
    const head = el(
      'tr',
      {},
      th('kwic-left', 'kwicLeft'),
      th('kwic-match', 'kwicKeyword'),
      th('kwic-right', 'kwicRight'),
      th('kwic-source', 'filterYear'),
    );
    const table = el(
      'table',
      { class: 'kwic' },
      el('caption', { class: 'visually-hidden' }, t('kwicCaption', { q: shown.q })),
      el('thead', {}, head),
      el('tbody', {}, lines.map(kwicRow)),
    );
    // The keyword column is as wide as its widest keyword; the contexts share the rest (styles.css).
    table.style.setProperty('--kwic-match', `${keywordWidth(lines)}rem`);
    table.style.setProperty('--kwic-match-narrow', `${keywordWidth(lines, MAX_KEYWORD_REM_NARROW)}rem`);
    return table;
  }

  function render() {
    if (!state) return;
    if (failure) {
      const message = `${t('kwicUnavailable')} ${failure.message}`;
      replace(container, el('p', { class: 'kwic-message', role: 'alert' }, message));
      return;
    }
    const left = total - lines.length;
    const onclick = () => void load(true);
    const moreText = t('kwicMore', { n: num(Math.min(PAGE, left)) });
    const more = left > 0 ? el('button', { type: 'button', class: 'action kwic-more', onclick }, moreText) : null;
    replace(container, kwicBar(state), kwicTable(state), more);
  }

  return {
    /** @param {SearchState} next */
    show(next) {
      container.hidden = false;
      const before = state;
      const keys = /** @type {const} */ (['q', ...FILTER_KEYS]);
      const same = before !== null && keys.every((k) => before[k] === next[k]);
      state = next;
      if (!same) void load(false);
      else render();
    },
    hide() {
      controller?.abort();
      container.hidden = true;
      state = null;
      replace(container);
    },
    relabel() {
      if (state) render();
    },
  };
}
