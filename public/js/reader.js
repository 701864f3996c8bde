// The reader (`/p/<id>`): the whole report with its outline, paragraph numbers in the margin and page
// breaks, the chosen passage highlighted and scrolled into view, previous/next, and copying a citation or a link.
import { getJson } from './api.js';
import { citationStyle, citationStyleSelect, copyWithConfirmation, publicLink } from './clipboard.js';
import { el, replace } from './dom.js';
import { citationLinks } from './export-links.js';
import { lang, t, textLang } from './i18n.js';

function permalink(id) {
  return el('a', { class: 'pilcrow', href: `/p/${encodeURIComponent(id)}`, 'data-nav': true, 'aria-label': t('permalink') }, '¶');
}

/**
 * One passage as an element whose id is the passage id. The paragraph number a reader counts goes in the
 * margin (drawn from `data-paragraph`, so it is not part of the text), on the first piece of a paragraph only.
 */
function renderPassage(p, numbered) {
  const attrs = { id: p.id, class: `passage ${p.kind}`, tabindex: '-1', 'data-ordinal': p.ordinal };
  if (numbered) attrs['data-paragraph'] = p.paragraph;
  if (p.page !== undefined) attrs['data-page'] = p.pageEnd > p.page ? `${p.page}–${p.pageEnd}` : p.page;
  if (p.kind === 'heading') {
    const level = Math.min(4, Math.max(2, p.sectionPath.length + 1));
    return el(`h${level}`, attrs, p.text, ' ', permalink(p.id));
  }
  if (p.kind === 'table') {
    // Every cell kept, empty ones too, so numbers stay under their column; a line without cells (the
    // caption, a note) spans the table.
    const lines = p.text.split('\n').map((line) => line.split('\t'));
    const widest = Math.max(...lines.map((cells) => cells.length));
    const rows = lines.map((cells) =>
      el('tr', {}, cells.length === 1 && widest > 1 ? el('td', { colspan: widest, class: 'caption' }, cells[0]) : cells.map((cell) => el('td', {}, cell))),
    );
    return el('div', attrs, el('div', { class: 'table-wrap' }, el('table', {}, el('tbody', {}, rows))), permalink(p.id));
  }
  if (p.textEn) {
    return el('div', { ...attrs, class: `${attrs.class} parallel` }, el('p', { lang: 'zh-CN' }, p.text), el('p', { lang: 'en' }, p.textEn, ' ', permalink(p.id)));
  }
  return el('p', attrs, p.text, ' ', permalink(p.id));
}

/** A page break before a passage: a rule with the number of the page that starts. */
function pageBreak(page) {
  return el('div', { class: 'page-break', role: 'separator', 'data-page-start': page }, el('span', {}, t('pageN', { n: page })));
}

/**
 * The passages as elements, with a page break wherever a passage begins on a later page than the one before
 * it ended on (a paged source only), and margin numbers on the first piece of each paragraph.
 */
function withPageBreaks(passages) {
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
    nodes.push(renderPassage(p, numbered));
  }
  return nodes;
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

  async function show(id) {
    view.hidden = false;
    renderBack();
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    replace(message, loaded ? null : t('loadingDoc'));
    try {
      const passageView = await getJson(`passages/${encodeURIComponent(id)}`, {}, signal);
      if (!loaded || loaded.doc.id !== passageView.doc.id) {
        loaded = await getJson(`documents/${encodeURIComponent(passageView.doc.id)}`, {}, signal);
        renderDocument();
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

  function renderDocument() {
    const { doc, passages } = loaded;
    const title = lang() === 'en' && doc.titleEn ? doc.titleEn : doc.title;
    const other = lang() === 'en' ? doc.title : doc.titleEn;
    const facts = [doc.year ? t('year', { year: doc.year }) : null, doc.issuer, doc.date ? t('delivered', { date: doc.date }) : null, doc.region].filter(Boolean);
    replace(
      header,
      el('h1', { lang: textLang(title) }, title),
      other && other !== title ? el('p', { class: 'subtitle', lang: textLang(other) }, other) : null,
      el('p', { class: 'doc-facts' }, facts.join(' · ')),
    );
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
    replace(article, withPageBreaks(passages));
    document.title = `${title} · ${t('pageTitle')}`;
  }

  function highlight() {
    for (const node of article.querySelectorAll('.current')) {
      node.classList.remove('current');
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
