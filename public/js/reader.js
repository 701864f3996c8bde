// The reader (`/p/<id>`): the whole report with its outline, paragraph numbers in the margin and page
// breaks, the chosen passage highlighted and scrolled into view, previous/next, copying a citation or a link,
// and a search within the report that lists its matches and marks their terms in the text. When the server has
// rendered the same report in the same language (`/p/<id>` works without a script), its text is kept as it is.
import { getJson } from './api.js';
import { citationStyle, citationStyleSelect, copyWithConfirmation, publicLink } from './clipboard.js';
import { DOC_SEARCH_LIMIT, docSearchForm, docSearchResults, passageMarks, rangesIn } from './doc-search.js';
import { el, replace } from './dom.js';
import { citationLinks } from './export-links.js';
import { lang, t, textLang } from './i18n.js';
import { marked } from './marks.js';

const NO_MARKS = { text: [], en: [] };

function permalink(id) {
  return el('a', { class: 'pilcrow', href: `/p/${encodeURIComponent(id)}`, 'data-nav': true, 'aria-label': t('permalink') }, '¶');
}

/**
 * One passage as an element whose id is the passage id. The paragraph number a reader counts goes in the
 * margin (drawn from `data-paragraph`, so it is not part of the text), on the first piece of a paragraph only.
 * `marks`: ranges of the text (`text`) and of its translation (`en`) to wrap in <mark>.
 */
function renderPassage(p, numbered, marks = NO_MARKS) {
  const attrs = { id: p.id, class: `passage ${p.kind}`, tabindex: '-1', 'data-ordinal': p.ordinal };
  if (numbered) attrs['data-paragraph'] = p.paragraph;
  if (p.page !== undefined) attrs['data-page'] = pageAttr(p);
  if (p.kind === 'heading') {
    const level = Math.min(4, Math.max(2, p.sectionPath.length + 1));
    return el(`h${level}`, attrs, marked(p.text, marks.text), ' ', permalink(p.id));
  }
  if (p.kind === 'table') {
    // Every cell kept, empty ones too, so numbers stay under their column; a line without cells (the
    // caption, a note) spans the table. Each cell is marked with the ranges that fall in it.
    let offset = 0;
    const lines = p.text.split('\n').map((line) =>
      line.split('\t').map((cell) => {
        const at = offset;
        offset += cell.length + 1;
        return marked(cell, rangesIn(marks.text, at, at + cell.length));
      }),
    );
    const widest = Math.max(...lines.map((cells) => cells.length));
    const rows = lines.map((cells) =>
      el('tr', {}, cells.length === 1 && widest > 1 ? el('td', { colspan: widest, class: 'caption' }, cells[0]) : cells.map((cell) => el('td', {}, cell))),
    );
    return el('div', attrs, el('div', { class: 'table-wrap' }, el('table', {}, el('tbody', {}, rows))), permalink(p.id));
  }
  if (p.textEn) {
    return el('div', { ...attrs, class: `${attrs.class} parallel` }, el('p', { lang: 'zh-CN' }, withPageMarks(p, marks.text)), el('p', { lang: 'en' }, marked(p.textEn, marks.en), ' ', permalink(p.id)));
  }
  return el('p', attrs, withPageMarks(p, marks.text), ' ', permalink(p.id));
}

/**
 * A passage's text, its ranges marked, with the number of each page that begins inside it where it begins
 * (`pageBreaks`: a paragraph that runs over a page break).
 */
function withPageMarks(p, ranges) {
  if (!p.pageBreaks) return marked(p.text, ranges);
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [offset, page] of p.pageBreaks) {
    fragment.append(marked(p.text.slice(at, offset), rangesIn(ranges, at, offset)), pageMark(page));
    at = offset;
  }
  fragment.append(marked(p.text.slice(at), rangesIn(ranges, at, p.text.length)));
  return fragment;
}

/** Where a page begins inside a paragraph: its number, set apart from the text. */
function pageMark(page) {
  return el('span', { class: 'page-mark', role: 'separator', 'data-page-start': page }, t('pageN', { n: page }));
}

/** A page break before a passage: a rule with the number of the page that starts. */
function pageBreak(page) {
  return el('div', { class: 'page-break', role: 'separator', 'data-page-start': page }, el('span', {}, t('pageN', { n: page })));
}

/**
 * The passages as elements, with a page break wherever a passage begins on a later page than the one before
 * it ended on (a paged source only), and margin numbers on the first piece of each paragraph.
 */
function withPageBreaks(passages, marks) {
  const nodes = [];
  let lastPage;
  let lastParagraph = null;
  for (const p of passages) {
    if (p.page !== undefined) {
      if (lastPage === undefined || p.page > lastPage) nodes.push(pageBreak(p.page));
      lastPage = p.pageEnd ?? p.page;
    }
    const numbered = typeof p.paragraph === 'number' && p.paragraph !== lastParagraph;
    if (typeof p.paragraph === 'number') lastParagraph = p.paragraph;
    nodes.push(renderPassage(p, numbered, marks.get(p.id)));
  }
  return nodes;
}

/** The `data-page` attribute of a passage: its page, or its first and last (null for an unpaged source). */
function pageAttr(p) {
  if (p.page === undefined) return null;
  return p.pageEnd > p.page ? `${p.page}–${p.pageEnd}` : String(p.page);
}

/** True when `article` holds exactly these passages, in order, on the same pages. */
function sameText(article, passages) {
  const shown = article.querySelectorAll(':scope > .passage');
  return shown.length === passages.length && passages.every((p, i) => shown[i].id === p.id && shown[i].getAttribute('data-page') === pageAttr(p));
}

/** Creates the reader view over the elements of index.html. */
export function createReaderView() {
  const view = document.getElementById('reader-view');
  const back = document.getElementById('reader-back');
  const header = document.getElementById('reader-header');
  const outline = document.getElementById('outline');
  const article = document.getElementById('reader-text');
  const bar = document.getElementById('reader-bar');
  const message = document.getElementById('reader-message');

  let loaded = null; // { doc, passages } of the report on screen
  let current = null; // the PassageView shown
  let controller = null;
  let found = { q: '', answer: null, error: null }; // the search within the report
  let marks = new Map(); // passage id → ranges marked in it
  let searchController = null;

  async function show(id) {
    view.hidden = false;
    renderBack();
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    replace(message, loaded || article.dataset.doc ? null : t('loadingDoc'));
    try {
      const passageView = await getJson(`passages/${encodeURIComponent(id)}`, {}, signal);
      if (!loaded || loaded.doc.id !== passageView.doc.id) {
        loaded = await getJson(`documents/${encodeURIComponent(passageView.doc.id)}`, {}, signal);
        // The server's rendering of this report in this language is what renderDocument would build: keep it
        // (when its passages and pages are those of the report as the API gives it).
        const rendered = article.dataset.doc === passageView.doc.id && article.dataset.lang === lang() && sameText(article, loaded.passages);
        delete article.dataset.doc;
        delete article.dataset.lang;
        found = { q: '', answer: null, error: null };
        marks = new Map();
        renderDocument({ keepText: rendered });
      }
      current = passageView;
      replace(message);
      highlight();
    } catch (error) {
      if (error.name === 'AbortError') return;
      loaded = null;
      current = null;
      for (const node of [header, outline, article, bar]) replace(node);
      replace(message, el('p', { class: 'error', role: 'alert' }, error.status === 404 ? t('passageNotFound', { id }) : `${t('errorPrefix')} ${error.messageIn ? error.messageIn(lang()) : error.message}`));
    }
  }

  function renderBack() {
    const last = sessionStorage.getItem('lastSearch');
    back.setAttribute('href', last || '/');
    back.textContent = last ? t('backToResults') : t('newSearch');
  }

  function renderDocument({ keepText = false } = {}) {
    const { doc, passages } = loaded;
    const title = lang() === 'en' && doc.titleEn ? doc.titleEn : doc.title;
    const other = lang() === 'en' ? doc.title : doc.titleEn;
    // The region in the page's language, as the server names it (广东省 for `Guangdong Province`); none when not known.
    const region = loaded.region ? loaded.region[lang()] : null;
    const facts = [doc.year ? t('year', { year: doc.year }) : null, doc.issuer, doc.date ? t('delivered', { date: doc.date }) : null, region].filter(Boolean);
    replace(
      header,
      el('h1', { lang: textLang(title) }, title),
      other && other !== title ? el('p', { class: 'subtitle', lang: textLang(other) }, other) : null,
      el('p', { class: 'doc-facts' }, facts.join(' · ')),
      docSearchForm(doc.id, found.q, searchReport),
      el('div', { id: 'doc-search-results', class: 'doc-search-results', role: 'status', 'aria-live': 'polite' }),
    );
    renderFound();
    const headings = passages.filter((p) => p.kind === 'heading');
    replace(
      outline,
      el('h2', { class: 'panel-title' }, t('outline')),
      el(
        'ol',
        {},
        headings.map((h) => el('li', { class: `depth-${Math.min(4, h.sectionPath.length)}` }, el('a', { href: `/p/${encodeURIComponent(h.id)}`, 'data-nav': true, 'data-id': h.id, lang: 'zh-CN' }, h.text))),
      ),
    );
    outline.hidden = headings.length === 0;
    if (!keepText) replace(article, withPageBreaks(passages, marks));
    document.title = `${title} · ${t('pageTitle')}`;
  }

  /** Searches the report on screen for `q` (empty: clears), lists the matches and marks them in the text. */
  async function searchReport(q) {
    searchController?.abort();
    searchController = new AbortController();
    const { signal } = searchController;
    const docId = loaded.doc.id;
    let next = { q, answer: null, error: null };
    if (q) {
      try {
        next.answer = await getJson('search', { q, doc: docId, limit: DOC_SEARCH_LIMIT, lang: lang(), fields: 'text' }, signal);
      } catch (error) {
        if (error.name === 'AbortError') return;
        next = { q, answer: null, error };
      }
    }
    if (!loaded || loaded.doc.id !== docId) return;
    found = next;
    remark(found.answer ? passageMarks(found.answer) : new Map());
    const form = header.querySelector('.doc-search');
    if (form) {
      if (!q) form.elements.q.value = '';
      form.querySelector('.link-button').hidden = !q;
    }
    renderFound();
  }

  /** The matches of the search within the report, or its error. */
  function renderFound() {
    const box = document.getElementById('doc-search-results');
    if (!box) return;
    if (found.error) replace(box, el('p', { class: 'error', role: 'alert' }, `${t('errorPrefix')} ${found.error.messageIn ? found.error.messageIn(lang()) : found.error.message}`));
    else replace(box, found.answer ? docSearchResults(found.answer, found.q) : null);
  }

  /** Redraws the passages whose marks change (only those), keeping which one is current. */
  function remark(next) {
    const changed = new Set([...marks.keys(), ...next.keys()]);
    marks = next;
    for (const p of loaded.passages) {
      if (!changed.has(p.id)) continue;
      const old = document.getElementById(p.id);
      if (!old) continue;
      const node = renderPassage(p, old.hasAttribute('data-paragraph'), marks.get(p.id));
      if (old.classList.contains('current')) {
        node.classList.add('current');
        node.setAttribute('aria-current', 'true');
      }
      old.replaceWith(node);
    }
  }

  function highlight() {
    for (const node of article.querySelectorAll('.current, .cited')) {
      node.classList.remove('current', 'cited');
      node.removeAttribute('aria-current');
    }
    const { passage } = current;
    const node = document.getElementById(passage.id);
    if (node) {
      node.classList.add('current');
      node.setAttribute('aria-current', 'true');
      node.focus({ preventScroll: true });
      // A table, or anything taller than the window, arrives with its start (title, header row) in view.
      const tall = passage.kind === 'table' || node.getBoundingClientRect().height > window.innerHeight * 0.6;
      node.scrollIntoView({ block: tall ? 'start' : 'center', inline: 'nearest' });
      const wrap = node.querySelector('.table-wrap');
      if (wrap) wrap.scrollLeft = 0;
    }
    // The outline marks the section the passage is in: the last heading at or before it.
    const sectionHead = loaded.passages.filter((p) => p.kind === 'heading' && p.ordinal <= passage.ordinal).pop();
    for (const a of outline.querySelectorAll('a')) {
      if (sectionHead && a.dataset.id === sectionHead.id) {
        a.setAttribute('aria-current', 'location');
        // Scroll the outline (not the page) so the current section is visible in it.
        outline.scrollTop = a.offsetTop - outline.clientHeight / 2;
      } else {
        a.removeAttribute('aria-current');
      }
    }
    renderBar();
  }

  /** Where the passage is, as a reader cites it: its paragraph number and pages. */
  function position(passage) {
    const parts = [];
    if (typeof passage.paragraph === 'number') parts.push(t('paragraphN', { n: passage.paragraph }));
    if (passage.page !== undefined) {
      parts.push(passage.pageEnd > passage.page ? t('pagesN', { from: passage.page, to: passage.pageEnd }) : t('pageN', { n: passage.page }));
    }
    return parts.join(' · ');
  }

  function renderBar() {
    const { passage, citation, prevId, nextId, url } = current;
    const nav = (id, text, rel) => (id ? el('a', { href: `/p/${encodeURIComponent(id)}`, 'data-nav': true, rel, class: 'action' }, text) : el('span', { class: 'action disabled', 'aria-disabled': 'true' }, text));
    replace(
      bar,
      nav(prevId, t('prevPassage'), 'prev'),
      el('span', { class: 'position' }, position(passage)),
      nav(nextId, t('nextPassage'), 'next'),
      el('span', { class: 'spacer' }),
      citationStyleSelect(citationStyle(lang()), () => {}),
      el('button', { type: 'button', class: 'action', onclick: () => copyWithConfirmation(citation[citationStyle(lang())], t('citationCopied')) }, t('copyCitation')),
      el('button', { type: 'button', class: 'action', onclick: () => copyWithConfirmation(publicLink(current.publicUrl, url), t('linkCopied')) }, t('copyLink')),
      citationLinks(passage.id),
    );
  }

  return {
    show,
    hide() {
      view.hidden = true;
      controller?.abort();
      searchController?.abort();
    },
    relabel() {
      renderBack();
      if (loaded && current) {
        renderDocument();
        highlight();
      }
    },
  };
}
