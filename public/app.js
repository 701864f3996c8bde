// @ts-check
// The page's entry point: one app for the search (`/`) and the reader (`/p/<id>`). The URL is the state:
// internal links navigate with history.pushState, back/forward re-render from the URL.
import { applyStatic, lang, setLang, t } from './js/i18n.js';
import { foldOnNarrowScreens } from './js/outline-fold.js';
import { createReaderView } from './js/reader.js';
import { createSearchView } from './js/search-view.js';
import { readSearchState, readerId } from './js/state.js';

const search = createSearchView({ navigate });
const reader = createReaderView();
const langButton = switchInPlace(/** @type {HTMLElement} */ (document.getElementById('lang-switch')));
foldOnNarrowScreens(/** @type {HTMLDetailsElement | null} */ (document.getElementById('outline-fold')));

/**
 * Goes to `url` inside the app. While typing, one history entry is kept up to date instead of one per
 * keystroke.
 * @param {string} url
 * @param {{ typing?: boolean }} [options]
 */
function navigate(url, { typing = false } = {}) {
  const target = new URL(url, location.origin);
  if (target.origin !== location.origin) {
    location.assign(target.href);
    return;
  }
  if (readerId(location.pathname) === null && readerId(target.pathname) !== null) {
    sessionStorage.setItem('lastSearch', location.pathname + location.search);
  }
  const same = target.pathname + target.search === location.pathname + location.search;
  if (!same) {
    if (typing && history.state && history.state.typing) history.replaceState({ typing }, '', target);
    else history.pushState({ typing }, '', target);
  }
  render();
  if (!typing && readerId(target.pathname) === null) window.scrollTo({ top: 0 });
}

/**
 * The window title of the search at the current address, as the server writes it: the query, then the
 * site's name (`乡村振兴 · 政府工作报告检索`); the name alone before any search. Tabs, history and bookmarks
 * then tell searches apart.
 */
function searchTitle() {
  const { q } = readSearchState(location);
  return q ? `${q} · ${t('pageTitle')}` : t('pageTitle');
}

function render() {
  const id = readerId(location.pathname);
  if (id !== null) {
    search.hide();
    reader.show(id);
  } else {
    reader.hide();
    document.title = searchTitle();
    search.show(readSearchState(location));
  }
}

function relabel() {
  applyStatic();
  langButton.textContent = t('switchTo');
  langButton.setAttribute('aria-label', t('switchLabel'));
  langButton.setAttribute('lang', lang() === 'zh' ? 'en' : 'zh-CN');
  if (readerId(location.pathname) === null) document.title = searchTitle();
}

document.addEventListener('click', (e) => {
  const a = e.target instanceof Element ? e.target.closest('a[data-nav]') : null;
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(a.getAttribute('href') ?? '/');
});

document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.target;
  const field = ['INPUT', 'TEXTAREA', 'SELECT'];
  if (target instanceof HTMLElement && (target.isContentEditable || field.includes(target.tagName))) return;
  e.preventDefault();
  if (readerId(location.pathname) !== null) navigate(sessionStorage.getItem('lastSearch') || '/');
  search.focus();
});

/**
 * The language switch as a button. A page the server rendered has a link to itself in the other language
 * there (for readers without the script); the script switches in place, so the link, whose address would go
 * stale, becomes the static page's button again.
 * @param {HTMLElement} element
 * @returns {HTMLElement}
 */
function switchInPlace(element) {
  if (!(element instanceof HTMLAnchorElement)) return element;
  const button = document.createElement('button');
  button.type = 'button';
  button.id = element.id;
  button.className = element.className;
  element.replaceWith(button);
  return button;
}

langButton.addEventListener('click', () => {
  setLang(lang() === 'zh' ? 'en' : 'zh');
  relabel();
  search.relabel();
  reader.relabel();
});

window.addEventListener('popstate', render);

relabel();
render();
