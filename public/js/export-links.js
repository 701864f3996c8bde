// Links that download what the page shows: the current results as CSV (/api/search?…&format=csv, 1,000 rows
// a file in the chosen order, a list of ranges when there are more), and a passage's citation as RIS, BibTeX
// or CSL-JSON for reference managers (/api/passages/<id>/citation?format=…).
import { el } from './dom.js';
import { csvRanges } from './csv-ranges.js';
import { num, t } from './i18n.js';

const CITATION_FORMATS = [
  ['ris', 'RIS'],
  ['bibtex', 'BibTeX'],
  ['csl-json', 'CSL-JSON'],
];

/** Rows one results CSV holds (the API's largest `limit`). */
export const RESULT_CSV_ROWS = 1000;
/** The highest `offset` /api/search takes: no results file starts past it. */
const MAX_SEARCH_OFFSET = 10000;

/**
 * The address of the results of a search state as CSV (1,000 results from `offset`, in the state's order).
 * @example resultsCsvUrl({ q: '乡村振兴', year: '2024', sort: 'newest' }, 'zh') // '/api/search?q=…&format=csv&year=2024&sort=newest&lang=zh'
 * @example resultsCsvUrl({ q: '发展' }, 'en', 2000) // '/api/search?q=…&format=csv&lang=en&offset=2000'
 * @param {{ q: string, doc?: string, year?: string, kind?: string, sort?: string }} state
 * @param {string} [language]
 * @param {number} [offset]
 */
export function resultsCsvUrl(state, language, offset = 0) {
  const p = new URLSearchParams({ q: state.q, format: 'csv' });
  for (const key of ['doc', 'year', 'kind', 'sort']) if (state[key]) p.set(key, state[key]);
  if (language) p.set('lang', language);
  if (offset > 0) p.set('offset', String(offset));
  return `/api/search?${p}`;
}

/**
 * A CSV download of `total` rows, `size` a file: one link (`className`, `label`) when one file holds them all,
 * else a folded list of links, one a range of rows (`1–1,000 of 7,827`), so that no file is taken for the
 * whole list.
 * @param {(offset: number) => string} urlOf the address of the file starting at `offset`
 * @param {{ total: number, size: number, maxOffset?: number, className: string, label: string }} what
 */
export function csvDownloads(urlOf, { total, size, maxOffset, className, label }) {
  if (total <= size) return el('a', { class: `action ${className}`, href: urlOf(0), download: true }, label);
  const links = csvRanges(total, size, maxOffset).map(({ offset, from, to }) =>
    el('a', { class: className, href: urlOf(offset), download: true }, t('csvRange', { from: num(from), to: num(to), total: num(total) })),
  );
  return el('details', { class: 'citation-downloads csv-downloads' }, el('summary', { class: 'action' }, label), el('span', { class: 'citation-menu csv-menu' }, links));
}

/**
 * The "Download CSV" link of a search state with `total` results (a list of ranges past 1,000).
 * @param {{ q: string, doc?: string, year?: string, kind?: string, sort?: string }} state
 * @param {string} language
 * @param {number} total
 */
export function resultsCsvLink(state, language, total) {
  return csvDownloads((offset) => resultsCsvUrl(state, language, offset), {
    total,
    size: RESULT_CSV_ROWS,
    maxOffset: MAX_SEARCH_OFFSET,
    className: 'results-csv',
    label: t('resultsCsv'),
  });
}

/**
 * The address of a passage's citation in a format.
 * @example citationUrl('xizang-2024-p0042', 'ris') // '/api/passages/xizang-2024-p0042/citation?format=ris'
 */
export function citationUrl(id, format) {
  return `/api/passages/${encodeURIComponent(id)}/citation?format=${format}`;
}

/**
 * "Export citation ▾": a folded list of downloads (RIS · BibTeX · CSL-JSON), so a hit's actions stay on one
 * line; `describedBy` names what is cited (an element id).
 */
export function citationLinks(id, describedBy) {
  return el(
    'details',
    { class: 'citation-downloads' },
    el('summary', { class: 'action', 'aria-describedby': describedBy || null }, t('citationExport')),
    el(
      'span',
      { class: 'citation-menu' },
      CITATION_FORMATS.map(([format, label]) =>
        el('a', { class: `citation-${format}`, href: citationUrl(id, format), download: true, 'aria-describedby': describedBy || null, title: t('citationDownloadAs', { format: label }) }, label),
      ),
    ),
  );
}
