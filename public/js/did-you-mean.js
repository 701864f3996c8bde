// @ts-check
// "Did you mean": when a search found little, the queries the server proposes (pinyin written as Chinese, a
// Chinese near miss, an English spelling), each a link that searches it, with how many passages it finds.
import { el } from './dom.js';
import { num, t, textLang } from './i18n.js';

const REASONS = new Set(['pinyin', 'chinese-near-miss', 'spelling']);

/**
 * The proposals of an answer as a paragraph of links, or null when it has none. `hrefOf(q)` is the URL of
 * the search for `q` (the links carry `data-nav`, so the app follows them without reloading).
 * @example didYouMeanNotice([{ query: '乡村振兴', reason: 'chinese-near-miss', total: 21 }], (q) => `/?q=${q}`)
 * @param {import('./types.js').DidYouMean[] | undefined} proposals
 * @param {(query: string) => string} hrefOf
 */
export function didYouMeanNotice(proposals, hrefOf) {
  /** @type {(p: import('./types.js').DidYouMean) => boolean} */
  const known = (p) => p && typeof p.query === 'string' && REASONS.has(p.reason);
  const shown = (Array.isArray(proposals) ? proposals : []).filter(known);
  if (shown.length === 0) return null;
  return el(
    'p',
    { class: 'did-you-mean' },
    el('span', { class: 'did-you-mean-label' }, t('didYouMean')),
    ' ',
    shown.map((p, i) => [
      i ? t('listSeparator') : '',
      el(
        'a',
        {
          href: hrefOf(p.query),
          'data-nav': true,
          class: 'did-you-mean-query',
          lang: textLang(p.query),
          title: t(`didYouMean_${p.reason}`),
        },
        p.query,
      ),
      el('span', { class: 'did-you-mean-count' }, t('didYouMeanCount', { n: num(Number(p.total) || 0) })),
    ]),
  );
}
