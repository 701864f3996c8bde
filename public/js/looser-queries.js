// @ts-check
// What to try when a search found nothing: looser queries, each with the interface string that names it.
// Pure (no DOM), for the script's page (search-notice.js) and the page the server renders
// (src/server/render/search-page.ts), so that both propose the same.
import { anyOfTheWords } from './query-edit.js';

const QUOTE = /["＂“”「」『』]/;
const QUOTES = /["＂“”「」『』]/g;

/**
 * True when the query has quotation marks.
 * @example hasQuotes('"绿色发展"') // true
 * @param {string} q
 */
export function hasQuotes(q) {
  return QUOTE.test(q);
}

/**
 * The query without quotation marks (a looser search to suggest when a phrase found nothing).
 * @example withoutQuotes('"绿色 发展"') // '绿色 发展'
 * @param {string} q
 */
export function withoutQuotes(q) {
  return q.replace(QUOTES, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The looser queries to propose for `q`, which found nothing: without its quotes, else any of its words;
 * `key` names the string of i18n.js that offers it (its `{q}` the query).
 * @example looserQueries('量子 乡村振兴') // [{ key: 'anyOfTheWords', q: '量子 OR 乡村振兴' }]
 * @param {string} q
 * @returns {Array<{ key: 'withoutQuotes' | 'anyOfTheWords', q: string }>}
 */
export function looserQueries(q) {
  const loose = withoutQuotes(q);
  if (hasQuotes(q) && loose) return [{ key: 'withoutQuotes', q: loose }];
  const any = anyOfTheWords(q);
  return any ? [{ key: 'anyOfTheWords', q: any }] : [];
}
