// @ts-check
// "Did you mean": when a search found little, the queries the server proposes (a region written with another key
// as `region:`, a filter the language lacks read as its value, pinyin written as Chinese, a Chinese near miss, a Chinese phrase's words apart, an English
// spelling), each a link that searches it, with how many passages it finds; the query with its dates and
// percentages written the other way (2035年 and 二〇三五年, 10% and 百分之十), when that finds passages; and the query
// with its word that names a region as that region's filter, when that finds more.
import { el } from './dom.js';
import { num, t, textLang } from './i18n.js';

const REASONS = new Set(['region-filter', 'not-a-filter', 'pinyin', 'chinese-near-miss', 'chinese-words', 'spelling']);

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
    shown.map((p, i) => [i ? t('listSeparator') : '', ...proposal(p, hrefOf, t(`didYouMean_${p.reason}`))]),
  );
}

/**
 * A proposed query as a link that searches it (`data-nav`: the app follows it without reloading), titled with
 * what it is, and how many passages it finds.
 * @param {{ query: string, total: number }} p
 * @param {(query: string) => string} hrefOf
 * @param {string} title
 */
function proposal(p, hrefOf, title) {
  return [
    el('a', { href: hrefOf(p.query), 'data-nav': true, class: 'did-you-mean-query', lang: textLang(p.query), title }, p.query),
    el('span', { class: 'did-you-mean-count' }, t('didYouMeanCount', { n: num(Number(p.total) || 0) })),
  ];
}

/**
 * The query with its word that names a region as that region's filter (`制造业 region:广东省` for `广东 制造业`), as a
 * paragraph with its link and count, or null when the answer has none.
 * @example asRegionNotice({ query: '制造业 region:广东省', region: '广东省', total: 120 }, (q) => `/?q=${q}`)
 * @param {{ query: string, region: string, total: number } | undefined} proposed
 * @param {(query: string) => string} hrefOf
 */
export function asRegionNotice(proposed, hrefOf) {
  if (!proposed || typeof proposed.query !== 'string') return null;
  return proposalLine('as-region', t('asRegion'), proposal(proposed, hrefOf, t('asRegionTitle', { region: proposed.region })));
}

/**
 * One proposal on a line of its own, after what it is (`label`).
 * @param {string} kind the line's class besides `did-you-mean`
 * @param {string} label
 * @param {ReturnType<typeof proposal>} link
 */
function proposalLine(kind, label, link) {
  return el('p', { class: `did-you-mean ${kind}` }, el('span', { class: 'did-you-mean-label' }, label), ' ', link);
}

const NUMBER_FORMS = new Set(['in-chinese-numerals', 'in-digits']);

/**
 * The query with its dates and percentages written the other way, as a paragraph with its link and count, or null
 * when the answer has none.
 * @example alsoWrittenNotice({ query: '二〇三五年远景目标', reason: 'in-chinese-numerals', total: 7 }, (q) => `/?q=${q}`)
 * @param {import('./types.js').AlsoWritten | undefined} other
 * @param {(query: string) => string} hrefOf
 */
export function alsoWrittenNotice(other, hrefOf) {
  if (!other || typeof other.query !== 'string' || !NUMBER_FORMS.has(other.reason)) return null;
  return proposalLine('also-written', t('alsoWritten'), proposal(other, hrefOf, t(`alsoWritten_${other.reason}`)));
}
