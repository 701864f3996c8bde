// @ts-check
// Copying to the clipboard with a visible confirmation: the Clipboard API when the page may use it, else a
// hidden textarea and execCommand('copy'), else a box with the text selected for the reader to copy.
import { el, replace } from './dom.js';
import { t } from './i18n.js';

let hideTimer = 0;

/**
 * Shows a short confirmation in the toast area (announced by screen readers); with `manualText`, a box with
 * that text selected for the reader to copy.
 * @example toast('Link copied')
 * @param {string} message
 * @param {string} [manualText]
 */
export function toast(message, manualText) {
  const box = document.getElementById('toast');
  if (!box) return;
  clearTimeout(hideTimer);
  if (manualText === undefined) {
    replace(box, el('span', {}, message));
    hideTimer = window.setTimeout(() => box.classList.remove('visible'), 2500);
  } else {
    const field = el('textarea', { readonly: true, rows: 3, 'aria-label': message });
    field.value = manualText;
    const hide = () => box.classList.remove('visible');
    const close = el('button', { type: 'button', class: 'toast-close', onclick: hide }, '×');
    replace(box, el('span', {}, message), field, close);
    setTimeout(() => field.select(), 0);
  }
  box.classList.add('visible');
}

/**
 * Copies `text`; false when no way of copying worked.
 * @param {string} text
 */
async function writeText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission denied or no focus: try the old way.
    }
  }
  const area = el('textarea', { readonly: true, class: 'offscreen', 'aria-hidden': 'true', tabindex: '-1' });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/**
 * Copies `text` and confirms with `doneMessage`; when copying is impossible, shows the text to copy by hand.
 * @example await copyWithConfirmation(citation, t('citationCopied'))
 * @param {string} text
 * @param {string} doneMessage
 */
export async function copyWithConfirmation(text, doneMessage) {
  if (await writeText(text)) toast(doneMessage);
  else toast(t('copyFailed'), text);
}

const STYLE_KEY = 'citationStyle';

/**
 * The chosen citation style, `zh` (GB/T 7714) or `en`; defaults to the interface language.
 * @example hit.citation[citationStyle(lang())]
 * @param {'zh' | 'en'} fallback
 * @returns {'zh' | 'en'}
 */
export function citationStyle(fallback) {
  try {
    const saved = localStorage.getItem(STYLE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // No storage: use the default.
  }
  return fallback;
}

/**
 * Remembers the citation style.
 * @example setCitationStyle('en')
 * @param {string} style
 */
export function setCitationStyle(style) {
  try {
    localStorage.setItem(STYLE_KEY, style);
  } catch {
    // No storage: the choice lasts for this page.
  }
}

/**
 * A labelled select for the citation style; calls `onChange(style)`.
 * @example toolbar.append(citationStyleSelect(citationStyle(lang()), () => {}))
 * @param {'zh' | 'en'} current
 * @param {(style: string) => void} onChange
 */
export function citationStyleSelect(current, onChange) {
  const id = `cite-style-${Math.random().toString(36).slice(2, 8)}`;
  const choose = (/** @type {Event} */ e) => {
    const { value } = /** @type {HTMLSelectElement} */ (e.target);
    setCitationStyle(value);
    onChange(value);
  };
  const select = el(
    'select',
    { id, class: 'cite-style', onchange: choose },
    el('option', { value: 'zh', selected: current === 'zh' }, t('styleZh')),
    el('option', { value: 'en', selected: current === 'en' }, t('styleEn')),
  );
  return el('span', { class: 'cite-style-field' }, el('label', { for: id }, t('citationStyle')), ' ', select);
}

/**
 * The address to share for a passage: the public permalink the server gives when the site has one (its
 * BASE_URL), else the passage's path on the page's own origin; never a loopback address the server sees.
 * @example publicLink(undefined, '/p/x-p0001') // 'https://reports.example.org/p/x-p0001' on that site
 * @param {string | undefined} publicUrl
 * @param {string} path
 */
export function publicLink(publicUrl, path) {
  return publicUrl || new URL(path, location.origin).href;
}
