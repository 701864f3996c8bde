// Links that download what the page shows: the current results as CSV and as citations (RIS, BibTeX, CSL-JSON:
// /api/search?…&format=…, 1,000 results a file in the chosen order, a list of ranges when there are more;
// drawn by result-downloads.js, as the page rendered without JavaScript draws them), and a passage's citation
// as RIS, BibTeX or CSL-JSON for reference managers (/api/passages/<id>/citation?format=…).
import { el } from './dom.js';
import { num, t } from './i18n.js';
import { CITATION_FORMATS, csvDownloads as drawCsvDownloads, resultDownloads } from './result-downloads.js';

/** The page's way of drawing downloads: its elements, its strings and numbers in the interface language. */
const DRAWING = { make: el, text: t, num };

/**
 * A CSV download of `total` rows, `size` a file: one link (`className`, `label`) when one file holds them all,
 * else a folded list of links, one a range of rows (`1–1,000 of 7,827`), so that no file is taken for the
 * whole list.
 * @param {(offset: number) => string} urlOf the address of the file starting at `offset`
 * @param {{ total: number, size: number, maxOffset?: number, className: string, label: string }} what
 */
export function csvDownloads(urlOf, what) {
  return drawCsvDownloads(DRAWING, urlOf, what);
}

/**
 * "Download CSV" and "Export citations" of a search state with `total` results (lists of ranges past 1,000).
 * @param {{ q: string, doc?: string, year?: string, kind?: string, sort?: string }} state
 * @param {string} language
 * @param {number} total
 */
export function resultsDownloadLinks(state, language, total) {
  const links = resultDownloads(DRAWING, state, language, total);
  // Two folded menus side by side: opening one closes the other, whose list would cover it on a toolbar that wraps.
  const menus = links.filter((node) => node instanceof HTMLDetailsElement);
  for (const menu of menus) {
    menu.addEventListener('toggle', () => {
      if (menu.open) for (const other of menus) if (other !== menu) other.open = false;
    });
  }
  return links;
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
