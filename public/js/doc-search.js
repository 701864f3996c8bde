// The reader's search within its report: the box (a plain GET form to the search page when no script runs),
// the list of matching passages with their paragraph numbers, and where each passage's terms are to be marked.
import { el } from './dom.js';
import { t, textLang } from './i18n.js';
import { marked } from './marks.js';

/** Passages a search within a report lists (the API's largest page). */
export const DOC_SEARCH_LIMIT = 100;

/**
 * The search box of report `docId`, with `q` in it. `onSearch(q)` runs on submit (an empty `q` clears).
 * @example docSearchForm('xizang-2024-government-work-report', '', (q) => run(q))
 */
export function docSearchForm(docId, q, onSearch) {
  const input = el('input', { id: 'doc-q', name: 'q', type: 'search', value: q, maxlength: 500, placeholder: t('docSearchPlaceholder'), 'aria-label': t('docSearchLabel') });
  return el(
    'form',
    {
      class: 'doc-search',
      role: 'search',
      action: '/',
      method: 'get',
      'aria-label': t('docSearchLabel'),
      onsubmit: (e) => {
        e.preventDefault();
        onSearch(input.value.trim());
      },
    },
    el('input', { type: 'hidden', name: 'doc', value: docId }),
    input,
    el('button', { type: 'submit', class: 'action' }, t('docSearchButton')),
    el('button', { type: 'button', class: 'link-button', hidden: !q, onclick: () => onSearch('') }, t('docSearchClear')),
  );
}

/** Where a match is: its paragraph number, else its kind (a heading, a table). */
function where(hit) {
  return typeof hit.paragraph === 'number' ? t('docSearchMatch', { n: hit.paragraph }) : t(`kind_${hit.kind}`);
}

/**
 * The answer of a search within the report: how many passages match, and each as a link to it in the reader,
 * in the report's order, with its snippet's matches marked.
 * @example docSearchResults({ total: 1, hits: [hit] }, '牦牛')
 */
export function docSearchResults(answer, q) {
  if (answer.total === 0) return el('p', { class: 'no-results' }, t('docSearchNone', { q }));
  const ordinal = (hit) => Number(/-p(\d+)$/.exec(hit.id)?.[1] ?? 0);
  const hits = [...answer.hits].sort((a, b) => ordinal(a) - ordinal(b));
  const count = answer.total > hits.length ? t('docSearchShown', { total: answer.total, shown: hits.length }) : t('docSearchCount', { total: answer.total });
  return [
    el('p', { class: 'count' }, count),
    el(
      'ol',
      {},
      hits.map((hit) =>
        el('li', {}, el('a', { href: hit.url, 'data-nav': true, 'data-id': hit.id }, el('span', { class: 'match-where' }, where(hit)), el('span', { lang: textLang(hit.snippet) }, marked(hit.snippet, hit.highlights)))),
      ),
    ),
  ];
}

/**
 * The ranges to mark in each matching passage, by passage id: `text` into its text, `en` into its translation.
 * @example passageMarks({ hits: [{ id: 'x-p0001', textHighlights: [[0, 2]] }] }).get('x-p0001') // { text: [[0, 2]], en: [] }
 */
export function passageMarks(answer) {
  return new Map(answer.hits.map((hit) => [hit.id, { text: hit.textHighlights || [], en: hit.textEnHighlights || [] }]));
}

/**
 * The ranges of `ranges` that fall in [start, end), shifted to start at 0 there (for one cell of a table).
 * @example rangesIn([[2, 6]], 4, 9) // [[0, 2]]
 */
export function rangesIn(ranges, start, end) {
  return ranges.filter(([s, e]) => e > start && s < end).map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start]);
}
