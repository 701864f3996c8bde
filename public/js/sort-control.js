// The order of the results: by relevance (the default), newest first or oldest first, by the report's date.
// Kept in the URL (`sort=newest|oldest`) like the filters, and sent to /api/search as `sort`.
import { el } from './dom.js';
import { t } from './i18n.js';

export const SORTS = ['relevance', 'newest', 'oldest'];

/**
 * The sort of a URL's parameters: 'newest', 'oldest', or '' for relevance (anything else).
 * @example sortOf(new URLSearchParams('sort=newest')) // 'newest'
 */
export function sortOf(params) {
  const value = params.get('sort');
  return value === 'newest' || value === 'oldest' ? value : '';
}

/**
 * A labelled select of the orders; `onPick(sort)` gets '' for relevance.
 * @example toolbar.append(sortSelect(state.sort, (sort) => go({ ...state, sort, page: 1 })))
 */
export function sortSelect(current, onPick) {
  const options = SORTS.map((s) => el('option', { value: s === 'relevance' ? '' : s, selected: (current || '') === (s === 'relevance' ? '' : s) }, t(`sort_${s}`)));
  return el(
    'span',
    { class: 'filter sort-control' },
    el('label', { for: 'results-sort' }, t('sortLabel')),
    el('select', { id: 'results-sort', name: 'sort', onchange: (e) => onPick(e.target.value) }, options),
  );
}
