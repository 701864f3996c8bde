// Links that download what the page shows: the current results as CSV (/api/search?…&format=csv, up to 1,000
// rows in the chosen order), and a passage's citation as RIS, BibTeX or CSL-JSON for reference managers
// (/api/passages/<id>/citation?format=…).
import { el } from './dom.js';
import { t } from './i18n.js';

const CITATION_FORMATS = [
  ['ris', 'RIS'],
  ['bibtex', 'BibTeX'],
  ['csl-json', 'CSL-JSON'],
];

/**
 * The address of the results of a search state as CSV (every result up to 1,000, in the state's order).
 * @example resultsCsvUrl({ q: '乡村振兴', year: '2024', sort: 'newest' }, 'zh') // '/api/search?q=…&format=csv&year=2024&sort=newest&lang=zh'
 */
export function resultsCsvUrl(state, language) {
  const p = new URLSearchParams({ q: state.q, format: 'csv' });
  for (const key of ['doc', 'year', 'kind', 'sort']) if (state[key]) p.set(key, state[key]);
  if (language) p.set('lang', language);
  return `/api/search?${p}`;
}

/** The "Download CSV" link of a search state. */
export function resultsCsvLink(state, language) {
  return el('a', { class: 'action results-csv', href: resultsCsvUrl(state, language), download: true }, t('resultsCsv'));
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
