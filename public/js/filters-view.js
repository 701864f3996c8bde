// @ts-check
// The filter lists (region, report, year, kind), each option with how many passages it holds: a list counts the
// search under the other filters in force, not its own, so that its other entries can be picked; the one in force
// is selected, whether it came from the URL or from the query's own text.
import { docLabel } from './chart.js';
import { el, replace } from './dom.js';
import { lang, num, t } from './i18n.js';
import { PASSAGE_KINDS, activeFilters, hasActiveFilters, rangeEntry, regionChoice, regionEntries } from './query-filters.js';

/** @typedef {import('./types.js').Facets} Facets */
/** @typedef {import('./types.js').DocMeta} DocMeta */
/** @typedef {import('./types.js').FilterKey} FilterKey */
/** @typedef {import('./types.js').RegionGroup} RegionGroup */
/** @typedef {import('./types.js').SearchState} SearchState */
/** An option of a filter list: its value, its text and how many passages it holds. */
/** @typedef {[value: string, text: string, count: number]} Entry */

/**
 * A labelled select for filter `key`; the filter in force stays listed even when no passage has it.
 * @param {FilterKey} key
 * @param {string} label
 * @param {Entry[]} entries
 * @param {string} active
 * @param {(key: FilterKey, value: string) => void} onPick
 */
function filterSelect(key, label, entries, active, onPick) {
  const id = `filter-${key}`;
  const options = entries.map(([value, text, count]) =>
    el('option', { value, selected: active === value }, `${text} (${num(count)})`),
  );
  if (active && !entries.some(([value]) => value === active)) {
    options.push(el('option', { value: active, selected: true }, active));
  }
  const onchange = (/** @type {Event} */ e) => onPick(key, /** @type {HTMLSelectElement} */ (e.target).value);
  return el(
    'span',
    { class: 'filter' },
    el('label', { for: id }, label),
    el('select', { id, name: key, onchange }, el('option', { value: '' }, t('all')), options),
  );
}

/**
 * The entries of each list: reports newest first, years newest first (a range in force first of all), kinds in
 * the model's order.
 * @param {Facets} facets
 * @param {Map<string, DocMeta>} docs
 * @param {Record<FilterKey, string>} active
 * @returns {Record<Exclude<FilterKey, 'region'>, Entry[]>}
 */
function filterEntries(facets, docs, active) {
  const yearOf = (/** @type {string} */ id) => docs.get(id)?.year ?? 0;
  const doc = Object.entries(facets.doc || {})
    .sort((a, b) => yearOf(b[0]) - yearOf(a[0]) || a[0].localeCompare(b[0]))
    .map(([id, n]) => /** @type {Entry} */ ([id, docLabel(docs, id), n]));
  const years = Object.entries(facets.year || {})
    .sort((a, b) => Number(b[0]) - Number(a[0]))
    .map(([y, n]) => /** @type {Entry} */ ([y, y, n]));
  // A range of years in force (`year:2013-2022`) is an entry of its own, first.
  const range = rangeEntry(active.year, facets.year || {});
  const year = range ? [/** @type {Entry} */ (range), ...years] : years;
  const kind = PASSAGE_KINDS.filter((k) => facets.kind && facets.kind[k])
    .map((k) => /** @type {Entry} */ ([k, t(`kind_${k}`), facets.kind[k]]));
  return { doc, year, kind };
}

/**
 * Draws the filter lists of `state` into `container`, and a button that clears them when any is in force. Each
 * list counts `facets` (the Region list `regionFacets`), which `listFacets` gives. The Region list is drawn when
 * the reports come from more than one region, or a region is in force.
 * @example renderFilters(node, { facets, regionFacets, docs, regions, state, onPick: (key, value) => go(key, value), onClear })
 * @param {HTMLElement} container
 * @param {{ facets: Facets, regionFacets: Facets, docs: Map<string, DocMeta>, regions: RegionGroup[], state: SearchState,
 *   onPick: (key: FilterKey, value: string) => void, onClear: () => void }} options
 */
export function renderFilters(container, { facets, regionFacets, docs, regions, state, onPick, onClear }) {
  const active = activeFilters(state);
  const entries = filterEntries(facets, docs, active);
  const places = regionEntries(regionFacets, regions, lang());
  container.hidden = false;
  replace(
    container,
    regions.length > 1 || active.region ? filterSelect('region', t('filterRegion'), places, regionChoice(regions, active.region), onPick) : null,
    filterSelect('doc', t('filterDoc'), entries.doc, active.doc, onPick),
    filterSelect('year', t('filterYear'), entries.year, active.year, onPick),
    filterSelect('kind', t('filterKind'), entries.kind, active.kind, onPick),
    hasActiveFilters(state)
      ? el('button', { type: 'button', class: 'link-button', onclick: onClear }, t('clearFilters'))
      : null,
  );
}
