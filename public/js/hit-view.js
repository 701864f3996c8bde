// @ts-check
// One search hit, compact: the title (cut at its end, whole in its tooltip) with the year, the kind and the
// actions on one line; the other language's title, the section and the cross-language terms that matched on
// the next; then the snippet, beside its translation for a parallel report. Every text goes in as a text node.
import { citationStyle, copyWithConfirmation, publicLink } from './clipboard.js';
import { placeFirst } from './doc-labels.js';
import { el } from './dom.js';
import { citationLinks } from './export-links.js';
import { lang, t, textLang } from './i18n.js';
import { excerpt, marked } from './marks.js';
import { navLink } from './nav-link.js';

/** @typedef {import('./types.js').SearchHit} SearchHit */

/** Characters of a parallel report's Chinese and English text shown when the snippet has no match. */
const ZH_EXCERPT = 160;
const EN_EXCERPT = 360;

/**
 * The hit's snippet, or the Chinese and English excerpts side by side for a parallel report.
 * @param {SearchHit} hit
 */
function hitBody(hit) {
  const parallel = typeof hit.textEn === 'string' && hit.textEn.length > 0;
  // A passage of a report in English is marked so (screen readers, hyphenation, fonts), as a Chinese one is.
  if (!parallel) return el('p', { class: 'snippet', lang: textLang(hit.snippet) }, marked(hit.snippet, hit.highlights));
  // The page asks for `fields=text`, so the whole text's highlights are there.
  const textHighlights = hit.textHighlights ?? [];
  const zh = textHighlights.length > 0
    ? { text: hit.snippet, ranges: hit.highlights }
    : excerpt(hit.text, textHighlights, ZH_EXCERPT);
  const en = excerpt(hit.textEn ?? '', hit.textEnHighlights ?? [], EN_EXCERPT);
  const hidden = (/** @type {string} */ key) => el('span', { class: 'visually-hidden' }, `${t(key)}: `);
  return el(
    'div',
    { class: 'parallel' },
    el('p', { class: 'snippet', lang: 'zh-CN' }, hidden('original'), marked(zh.text, zh.ranges)),
    el('p', { class: 'snippet snippet-en', lang: 'en' }, hidden('translation'), marked(en.text, en.ranges)),
  );
}

/**
 * Read in context, copy the citation, copy the link; each described by the hit's title.
 * @param {SearchHit} hit
 * @param {string} titleId
 */
function hitActions(hit, titleId) {
  const described = { class: 'action', 'aria-describedby': titleId };
  /** @type {(text: () => string, done: string) => () => Promise<void>} */
  const copy = (text, done) => () => copyWithConfirmation(text(), t(done));
  return el(
    'div',
    { class: 'hit-actions' },
    el('a', { href: hit.url, 'data-nav': true, ...described }, t('readInContext')),
    el(
      'button',
      { type: 'button', ...described, onclick: copy(() => hit.citation[citationStyle(lang())], 'citationCopied') },
      t('copyCitation'),
    ),
    el(
      'button',
      { type: 'button', ...described, onclick: copy(() => publicLink(hit.publicUrl, hit.url), 'linkCopied') },
      t('copyLink'),
    ),
    citationLinks(hit.id, titleId),
  );
}

/**
 * A report's title in the page's language (its Chinese one when it has no English).
 * @param {{ docTitle: string, docTitleEn: string }} ref
 */
const titleOf = (ref) => (lang() === 'en' && ref.docTitleEn ? ref.docTitleEn : ref.docTitle);

/**
 * The passages of the same text folded into the hit, as links to where each stands.
 * @param {SearchHit} hit
 */
function sameTextLine(hit) {
  const same = hit.sameText ?? [];
  if (same.length === 0) return null;
  const links = same.map((ref, i) => {
    const title = titleOf(ref);
    const where = ref.paragraph === null ? title : `${title}${t('listSeparator')}${t('paragraphN', { n: ref.paragraph })}`;
    return [i > 0 ? t('listSeparator') : '', navLink(ref.url, where, { lang: textLang(title) })];
  });
  return el('p', { class: 'same-text' }, `${t('sameTextIn')} `, ...links.flat());
}

/**
 * The list item of one hit; `index` makes its title's id; `doc`, its report's metadata, names its region before
 * an English title that names it only at its end (`placeFirst`), where a title cut to its line loses it.
 * @example results.append(renderHit(response.hits[0], 0, docs.get(response.hits[0].docId)))
 * @param {SearchHit} hit
 * @param {number} index
 * @param {{ region?: string | null, titleEn?: string | null }} [doc]
 */
export function renderHit(hit, index, doc) {
  const titleId = `hit-title-${index}`;
  const title = titleOf(hit);
  const otherTitle = lang() === 'en' ? hit.docTitle : hit.docTitleEn;
  const section = hit.sectionPath.join(' › ');
  const via = hit.expansions ?? [];
  const matched = via.length > 0 ? `${t('matchedVia')} ${via.join(t('listSeparator'))}` : '';
  const place = doc ? placeFirst(doc, lang()) : '';
  return el(
    'li',
    { class: 'hit' },
    el(
      'div',
      { class: 'hit-head' },
      navLink(hit.url, place ? [el('span', { class: 'hit-place' }, place), ` · ${title}`] : title, { id: titleId, class: 'hit-title', lang: textLang(title), title }),
      hit.year ? el('span', { class: 'badge' }, String(hit.year)) : null,
      hit.kind !== 'paragraph' ? el('span', { class: 'badge kind' }, t(`kind_${hit.kind}`)) : null,
    ),
    el(
      'div',
      { class: 'hit-meta' },
      otherTitle && otherTitle !== title
        ? el('span', { class: 'hit-subtitle', lang: textLang(otherTitle), title: otherTitle }, otherTitle)
        : null,
      section ? el('span', { class: 'crumbs', lang: textLang(section), title: section }, section) : null,
      matched ? el('span', { class: 'hit-expansions', title: matched }, matched) : null,
    ),
    hitBody(hit),
    sameTextLine(hit),
    hitActions(hit, titleId),
  );
}
