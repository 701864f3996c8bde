/**
 * The reader (`/p/<id>`) as HTML, the same elements `public/js/reader.js` builds (so the script can take the
 * text over as it is): the report's header and facts, a search box scoped to the report, the outline, every
 * passage with its paragraph number and page breaks, the cited passage marked (and focused on load, so the
 * browser scrolls to it without a script), and the position bar with the ready citation.
 */
import type { Passage } from '../../model.js';
import { regionOfReport } from '../../search/region-groups.js';
import type { PassageView } from '../../search/types.js';
import type { Translate, UiLang } from './catalogue.js';
import { h, join, textLang, type Child, type Markup } from './markup.js';

/** A report as the reader shows it. */
export interface ReaderData {
  view: PassageView;
  passages: readonly Passage[];
  lang: UiLang;
  tr: Translate;
  /** The language the address names (`?lang=`), kept in the reader's links and its search; absent when none. */
  asked?: UiLang;
}

/**
 * The reader's address of a passage, with its anchor (a link without a script lands on the passage), in the
 * language `lang` when one is named.
 * @example passageHref('x-p0001') // '/p/x-p0001#x-p0001'
 * @example passageHref('x-p0001', 'en') // '/p/x-p0001?lang=en#x-p0001'
 */
export function passageHref(id: string, lang?: UiLang): string {
  return `/p/${encodeURIComponent(id)}${lang ? `?lang=${lang}` : ''}#${encodeURIComponent(id)}`;
}


function permalink(id: string, d: ReaderData): Markup {
  return h('a', { class: 'pilcrow', href: passageHref(id), 'data-nav': true, 'aria-label': d.tr(d.lang, 'permalink') }, '¶');
}

function passageMarkup(p: Passage, numbered: boolean, current: boolean, d: ReaderData): Markup {
  const attrs = {
    id: p.id,
    // `cited`, not the script's `current`: a test or a script waiting for `.current` waits for the script.
    class: `passage ${p.kind}${p.textEn ? ' parallel' : ''}${current ? ' cited' : ''}`,
    tabindex: '-1',
    'data-ordinal': p.ordinal,
    'data-paragraph': numbered ? (p.paragraph ?? null) : null,
    'data-page': p.page === undefined ? null : (p.pageEnd ?? p.page) > p.page ? `${p.page}–${p.pageEnd}` : p.page,
    'aria-current': current ? 'true' : null,
    autofocus: current,
  };
  if (p.kind === 'heading') {
    const level = Math.min(4, Math.max(2, p.sectionPath.length + 1));
    return h(`h${level}`, attrs, p.text, ' ', permalink(p.id, d));
  }
  if (p.kind === 'table') {
    const lines = p.text.split('\n').map((line) => line.split('\t'));
    let widest = 0;
    for (const cells of lines) widest = Math.max(widest, cells.length);
    const rows = lines.map((cells) =>
      h('tr', {}, cells.length === 1 && widest > 1 ? h('td', { colspan: widest, class: 'caption' }, cells[0]) : cells.map((cell) => h('td', {}, cell))),
    );
    return h('div', attrs, h('div', { class: 'table-wrap' }, h('table', {}, h('tbody', {}, rows))), permalink(p.id, d));
  }
  if (p.textEn) {
    return h('div', attrs, h('p', { lang: 'zh-CN' }, withPageMarks(p, d)), h('p', { lang: 'en' }, p.textEn, ' ', permalink(p.id, d)));
  }
  return h('p', attrs, withPageMarks(p, d), ' ', permalink(p.id, d));
}

/** The passage's text with the number of each page that begins inside it where it begins (`Passage.pageBreaks`). */
function withPageMarks(p: Passage, d: ReaderData): Child[] {
  const out: Child[] = [];
  let at = 0;
  for (const [offset, page] of p.pageBreaks ?? []) {
    out.push(p.text.slice(at, offset), h('span', { class: 'page-mark', role: 'separator', 'data-page-start': page }, d.tr(d.lang, 'pageN', { n: page })));
    at = offset;
  }
  out.push(p.text.slice(at));
  return out;
}

/** The passages with page breaks before each later page, margin numbers on each paragraph's first piece. */
function textMarkup(d: ReaderData): Markup {
  const nodes: Child[] = [];
  let lastPage: number | undefined;
  let lastParagraph: number | null = null;
  for (const p of d.passages) {
    if (p.page !== undefined) {
      if (lastPage === undefined || p.page > lastPage) {
        nodes.push(h('div', { class: 'page-break', role: 'separator', 'data-page-start': p.page }, h('span', {}, d.tr(d.lang, 'pageN', { n: p.page }))));
      }
      lastPage = p.pageEnd ?? p.page;
    }
    const numbered = typeof p.paragraph === 'number' && p.paragraph !== lastParagraph;
    if (typeof p.paragraph === 'number') lastParagraph = p.paragraph;
    nodes.push(passageMarkup(p, numbered, p.id === d.view.passage.id, d));
  }
  return join(nodes);
}

/**
 * The report's title in the interface language (the English title for English, when there is one).
 * @example docTitle(doc, 'en') // 'Report on the Work of the Government …'
 */
export function docTitle(doc: Pick<PassageView['doc'], 'title' | 'titleEn'>, lang: UiLang): string {
  return lang === 'en' && doc.titleEn ? doc.titleEn : doc.title;
}

function headerMarkup(d: ReaderData): Markup {
  const { doc } = d.view;
  const title = docTitle(doc, d.lang);
  const other = d.lang === 'en' ? doc.title : doc.titleEn;
  // The region in the page's language (广东省 for `Guangdong Province`), none when it is not known.
  const region = regionOfReport(doc);
  const facts = [doc.year ? d.tr(d.lang, 'year', { year: doc.year }) : null, doc.issuer, doc.date ? d.tr(d.lang, 'delivered', { date: doc.date }) : null, region?.[d.lang]].filter(Boolean);
  return join([
    h('h1', { lang: textLang(title) }, title),
    other && other !== title ? h('p', { class: 'subtitle', lang: textLang(other) }, other) : null,
    h('p', { class: 'doc-facts' }, facts.join(' · ')),
    docSearchForm(doc.id, '', d.lang, d.tr, d.asked),
  ]);
}

/**
 * The search box scoped to one report: without a script it asks the search page for `?q=…&doc=<id>`; the
 * reader's script answers it in place and marks the terms in the text. The language the address named (`asked`) goes along.
 * @example docSearchForm('xizang-2024-government-work-report', '', 'zh', tr)
 */
export function docSearchForm(docId: string, q: string, lang: UiLang, tr: Translate, asked?: UiLang): Markup {
  return h(
    'form',
    { class: 'doc-search', role: 'search', action: '/', method: 'get', 'aria-label': tr(lang, 'docSearchLabel') },
    h('input', { type: 'hidden', name: 'doc', value: docId }),
    asked ? h('input', { type: 'hidden', name: 'lang', value: asked }) : null,
    h('input', { id: 'doc-q', name: 'q', type: 'search', value: q, maxlength: 500, placeholder: tr(lang, 'docSearchPlaceholder'), 'aria-label': tr(lang, 'docSearchLabel') }),
    h('button', { type: 'submit', class: 'action' }, tr(lang, 'docSearchButton')),
  );
}

function outlineMarkup(d: ReaderData): Markup {
  const headings = d.passages.filter((p) => p.kind === 'heading');
  const section = d.passages.filter((p) => p.kind === 'heading' && p.ordinal <= d.view.passage.ordinal).pop();
  return join([
    h('h2', { class: 'panel-title' }, d.tr(d.lang, 'outline')),
    h(
      'ol',
      {},
      headings.map((p) =>
        h('li', { class: `depth-${Math.min(4, p.sectionPath.length)}` }, h('a', { href: passageHref(p.id, d.asked), 'data-nav': true, 'data-id': p.id, lang: 'zh-CN', 'aria-current': p === section ? 'location' : null }, p.text)),
      ),
    ),
  ]);
}

/**
 * Where the passage is, as a reader cites it: `第 25 段 · 第 3 页`.
 * @example position(passage, 'en', tr) // 'Paragraph 25 · Page 3'
 */
export function position(p: Passage, lang: UiLang, tr: Translate): string {
  const parts: string[] = [];
  if (typeof p.paragraph === 'number') parts.push(tr(lang, 'paragraphN', { n: p.paragraph }));
  if (p.page !== undefined) {
    const end = p.pageEnd ?? p.page;
    parts.push(end > p.page ? tr(lang, 'pagesN', { from: p.page, to: end }) : tr(lang, 'pageN', { n: p.page }));
  }
  return parts.join(' · ');
}

function barMarkup(d: ReaderData): Markup {
  const { view, lang, tr } = d;
  const nav = (id: string | null, text: string, rel: string): Markup =>
    id ? h('a', { href: passageHref(id, d.asked), 'data-nav': true, rel, class: 'action' }, text) : h('span', { class: 'action disabled', 'aria-disabled': 'true' }, text);
  const citation = view.citation[lang];
  return join([
    nav(view.prevId, tr(lang, 'prevPassage'), 'prev'),
    h('span', { class: 'position' }, position(view.passage, lang, tr)),
    nav(view.nextId, tr(lang, 'nextPassage'), 'next'),
    h('span', { class: 'spacer' }),
    // Folded (a native <details>, no script), so the sticky bar stays one line until the reader opens it.
    h('details', { class: 'ready-citation' }, h('summary', { class: 'action' }, tr(lang, 'citationLabel')), h('p', { lang: textLang(citation) }, citation)),
  ]);
}

/**
 * The reader's containers, by element id, filled for a passage of its report.
 * @example readerParts({ view, passages, lang: 'zh', tr })['reader-text'].html
 */
export function readerParts(d: ReaderData): Record<string, Markup> {
  return {
    'reader-header': headerMarkup(d),
    'reader-bar': barMarkup(d),
    outline: outlineMarkup(d),
    'reader-text': textMarkup(d),
  };
}
