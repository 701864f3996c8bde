// The concordance view: every occurrence of the query in context, one line each, the keyword in an aligned
// middle column; sortable by the words before or after it or by year; more lines on demand; a CSV download of
// all of them. Every text goes in as a text node.
import { getJson } from './api.js';
import { docLabel } from './chart.js';
import { el, replace } from './dom.js';
import { num, t, textLang } from './i18n.js';

const SORTS = ['corpus', 'left', 'right', 'year'];
const PAGE = 100;
const CONTEXT = 30;

/** The address of the concordance as CSV (all lines, in the chosen order). */
export function concordanceCsvUrl(q, sort, filters = {}) {
  const p = new URLSearchParams({ q, format: 'csv' });
  if (sort && sort !== 'corpus') p.set('sort', sort);
  for (const key of ['doc', 'year', 'kind']) if (filters[key]) p.set(key, filters[key]);
  return `/api/concordance?${p}`;
}

/**
 * Creates the view in `container`. `show(state)` loads the concordance of `state.q` (with its filters);
 * `hide()` empties it.
 * @example const kwic = createConcordanceView(node, { docs: () => docsMap }); kwic.show({ q: '乡村振兴' });
 */
export function createConcordanceView(container, { docs }) {
  let state = null;
  let sort = 'corpus';
  let lines = [];
  let total = 0;
  let controller = null;
  let failure = null;

  async function load(append) {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    const params = { q: state.q, sort, context: CONTEXT, limit: PAGE, offset: append ? lines.length : 0, doc: state.doc, year: state.year, kind: state.kind };
    container.setAttribute('aria-busy', 'true');
    try {
      const answer = await getJson('concordance', params, signal);
      lines = append ? [...lines, ...answer.lines] : answer.lines;
      total = answer.total;
      failure = null;
    } catch (error) {
      if (error.name === 'AbortError') return;
      failure = error;
      lines = [];
      total = 0;
    } finally {
      if (!signal.aborted) container.removeAttribute('aria-busy');
    }
    render();
  }

  function render() {
    if (failure) {
      replace(container, el('p', { class: 'kwic-message', role: 'alert' }, `${t('kwicUnavailable')} ${failure.message}`));
      return;
    }
    const select = el(
      'select',
      { id: 'kwic-sort', onchange: (e) => { sort = e.target.value; void load(false); } },
      SORTS.map((s) => el('option', { value: s, selected: s === sort }, t(`kwicSort_${s}`))),
    );
    const bar = el(
      'div',
      { class: 'kwic-bar' },
      el('span', { class: 'kwic-count' }, t('kwicCount', { total: num(total), shown: num(lines.length) })),
      el('span', { class: 'filter' }, el('label', { for: 'kwic-sort' }, t('kwicSortLabel')), select),
      total > 0 ? el('a', { class: 'action kwic-csv', href: concordanceCsvUrl(state.q, sort, state), download: true }, t('kwicCsv')) : null,
    );
    const rows = lines.map((line) => {
      const doc = docs().get(line.docId);
      const where = `${docLabel(docs(), line.docId)}${line.paragraph !== null ? ` · ${t('paragraphN', { n: line.paragraph })}` : ''}`;
      const lang = line.field === 'textEn' ? 'en' : 'zh-CN';
      return el(
        'tr',
        {},
        el('td', { class: 'kwic-left', lang }, el('span', {}, line.left)),
        el('td', { class: 'kwic-match', lang }, el('a', { href: `/p/${encodeURIComponent(line.passageId)}`, 'data-nav': true }, line.match)),
        el('td', { class: 'kwic-right', lang }, el('span', {}, line.right)),
        el('td', { class: 'kwic-source', title: where, lang: textLang(where) }, line.year === null ? '—' : String(line.year), el('span', { class: 'visually-hidden' }, ` ${doc ? where : line.docId}`)),
      );
    });
    const table = lines.length === 0
      ? el('p', { class: 'kwic-message' }, t('kwicNone', { q: state.q }))
      : el(
          'table',
          { class: 'kwic' },
          el('caption', { class: 'visually-hidden' }, t('kwicCaption', { q: state.q })),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'kwic-left' }, t('kwicLeft')), el('th', { scope: 'col', class: 'kwic-match' }, t('kwicKeyword')), el('th', { scope: 'col', class: 'kwic-right' }, t('kwicRight')), el('th', { scope: 'col', class: 'kwic-source' }, t('filterYear')))),
          el('tbody', {}, rows),
        );
    const more = lines.length < total ? el('button', { type: 'button', class: 'action kwic-more', onclick: () => void load(true) }, t('kwicMore', { n: num(Math.min(PAGE, total - lines.length)) })) : null;
    replace(container, bar, table, more);
  }

  return {
    show(next) {
      container.hidden = false;
      const same = state && ['q', 'doc', 'year', 'kind'].every((k) => state[k] === next[k]);
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
