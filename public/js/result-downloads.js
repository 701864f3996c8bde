// @ts-check
// The downloads of a list: a search's results as CSV and as citations for reference managers (RIS, BibTeX,
// CSL-JSON: /api/search?…&format=…), the concordance's lines as CSV. One link when one file holds the list,
// else a folded list of files by range (1–1,000 of 7,827, …), so that no file is taken for the whole list.
// Pure: the element builder and the strings are given, so the script's toolbar (export-links.js, with `el`)
// and the page the server renders without JavaScript (src/server/render/search-page.ts, with `h`) draw the
// same links.
import { csvRanges } from './csv-ranges.js';

/** Results one file holds (the API's largest `limit` of a download). */
export const RESULT_FILE_ROWS = 1000;
/** The highest `offset` /api/search takes: no results file starts past it. */
export const MAX_SEARCH_OFFSET = 10000;
/** The formats a list of results is cited in, with their labels. */
export const CITATION_FORMATS = /** @type {const} */ ([
  ['ris', 'RIS'],
  ['bibtex', 'BibTeX'],
  ['csl-json', 'CSL-JSON'],
]);

/** @typedef {{ q: string, doc?: string, year?: string, kind?: string, sort?: string }} DownloadState */
/** @typedef {'a' | 'details' | 'summary' | 'span'} DownloadTag */
/**
 * What draws the links: an element builder (`el` or `h`), the page's strings in its language, its numbers.
 * @template T
 * @typedef {{
 *   make: (tag: DownloadTag, attrs: Record<string, string | boolean | null>, ...children: Array<T | string | null | Array<T | string | null>>) => T,
 *   text: (key: string, vars?: Record<string, string | number>) => string,
 *   num: (n: number) => string,
 * }} Drawing
 */

/**
 * The address of a search's results as a file, from `offset` (1,000 results, in the state's order).
 * @example resultsFileUrl({ q: '乡村振兴', year: '2024', sort: 'newest' }, 'csv', 'zh') // '/api/search?q=…&format=csv&year=2024&sort=newest&lang=zh'
 * @example resultsFileUrl({ q: '发展' }, 'ris', 'en', 2000) // '/api/search?q=…&format=ris&lang=en&offset=2000'
 * @param {DownloadState} state
 * @param {string} format `csv`, `ris`, `bibtex` or `csl-json`
 * @param {string} [language] the language of an error (and of a CSV's citations)
 * @param {number} [offset]
 */
export function resultsFileUrl(state, format, language, offset = 0) {
  const p = new URLSearchParams({ q: state.q, format });
  for (const key of /** @type {const} */ (['doc', 'year', 'kind', 'sort'])) if (state[key]) p.set(key, state[key]);
  if (language) p.set('lang', language);
  if (offset > 0) p.set('offset', String(offset));
  return `/api/search?${p}`;
}

/**
 * A CSV download of `total` rows, `size` a file: one link (`className`, `label`) when one file holds them all,
 * else a folded list of links, one a range of rows (`1–1,000 of 7,827`).
 * @template T
 * @param {Drawing<T>} drawing
 * @param {(offset: number) => string} urlOf the address of the file starting at `offset`
 * @param {{ total: number, size: number, maxOffset?: number, className: string, label: string }} what
 * @returns {T}
 */
export function csvDownloads({ make, text, num }, urlOf, { total, size, maxOffset, className, label }) {
  if (total <= size) return make('a', { class: `action ${className}`, href: urlOf(0), download: true }, label);
  const links = csvRanges(total, size, maxOffset).map(({ offset, from, to }) =>
    make('a', { class: className, href: urlOf(offset), download: true }, text('csvRange', { from: num(from), to: num(to), total: num(total) })),
  );
  return make('details', { class: 'citation-downloads csv-downloads' }, make('summary', { class: 'action' }, label), make('span', { class: 'citation-menu csv-menu' }, links));
}

/**
 * "Export citations ▾" of a search with `total` results: RIS · BibTeX · CSL-JSON of them all, or, past one
 * file's 1,000 results, the three of each range (`1–1,000 of 7,827  RIS · BibTeX · CSL-JSON`).
 * @template T
 * @param {Drawing<T>} drawing
 * @param {DownloadState} state
 * @param {string} language
 * @param {number} total
 * @returns {T}
 */
export function citationDownloads(drawing, state, language, total) {
  const { make, text, num } = drawing;
  const ranges = csvRanges(total, RESULT_FILE_ROWS, MAX_SEARCH_OFFSET);
  const single = ranges.length <= 1;
  /** @type {T[]} */
  const rows = [];
  for (const { offset, from, to } of ranges) {
    const range = text('csvRange', { from: num(from), to: num(to), total: num(total) });
    const links = CITATION_FORMATS.map(([format, label]) =>
      make(
        'a',
        {
          class: `results-citation results-${format}`,
          href: resultsFileUrl(state, format, language, offset),
          download: true,
          title: text('resultsCitationsAs', { format: label, from: num(from), to: num(to), total: num(total) }),
          'aria-label': single ? null : `${label} · ${range}`,
        },
        label,
      ),
    );
    if (single) rows.push(...links);
    else rows.push(make('span', { class: 'citation-range' }, make('span', { class: 'range-label' }, range), links));
  }
  const menu = make('span', { class: single ? 'citation-menu' : 'citation-menu csv-menu' }, rows);
  return make('details', { class: 'citation-downloads results-citations' }, make('summary', { class: 'action' }, text('resultsCitations')), menu);
}

/**
 * The downloads of a search with `total` results: "Download CSV", then "Export citations".
 * @template T
 * @param {Drawing<T>} drawing
 * @param {DownloadState} state
 * @param {string} language
 * @param {number} total
 * @returns {T[]}
 */
export function resultDownloads(drawing, state, language, total) {
  const csv = csvDownloads(drawing, (offset) => resultsFileUrl(state, 'csv', language, offset), {
    total,
    size: RESULT_FILE_ROWS,
    maxOffset: MAX_SEARCH_OFFSET,
    className: 'results-csv',
    label: drawing.text('resultsCsv'),
  });
  return [csv, citationDownloads(drawing, state, language, total)];
}
