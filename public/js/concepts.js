// @ts-check
// The "Searched for" line: one chip per English concept of the query, in query order, with the Chinese
// terms searched for it and where each came from, what could not be translated, and what was ignored.
// Each chip's remove button takes exactly its words out of the query and searches again. After the chips, the
// Chinese words that reordered the best hits (feedback), which never decide what matches.
import { el, replace } from './dom.js';
import { t, textLang } from './i18n.js';
import { conceptSpans, removeSpan } from './query-edit.js';

/** @typedef {import('./types.js').QueryConcept} QueryConcept */
/** @typedef {QueryConcept['terms'][number]} ConceptTerm */
/** @typedef {[number, number]} Span */

const STATUSES = new Set(['translated', 'untranslated', 'ignored']);
const SOURCES = new Set(['glossary', 'learned', 'dictionary', 'synonym', 'number', 'pinyin', 'compound']);

/**
 * The concepts view over `container`. `onRemove(q)` searches for the query without a concept; `onEmpty()`
 * is called when a removal left no concept to move the focus to (the app focuses the search box).
 * @example createConceptsView(document.getElementById('concepts'), { onRemove: search, onEmpty: focusBox })
 * @param {HTMLElement} container
 * @param {{ onRemove: (query: string) => void, onEmpty: () => void }} options
 */
export function createConceptsView(container, { onRemove, onEmpty }) {
  /** @type {number | null} index of the chip just removed: its neighbour gets the focus after the search */
  let pendingFocus = null;

  /**
   * One concept's chip, with a button that removes its words (`span`) from `query`.
   * @param {QueryConcept} concept
   * @param {Span | null} span
   * @param {number} index
   * @param {string} query
   */
  function chip(concept, span, index, query) {
    const status = STATUSES.has(concept.status) ? concept.status : 'untranslated';
    const terms = status === 'ignored' ? [] : (concept.terms || []).filter((term) => term && term.zh);
    const label = t('removeConcept', { en: concept.en });
    const note = status === 'ignored' ? 'ignored' : 'notTranslated';
    const arrow = el('span', { class: 'concept-arrow', 'aria-hidden': 'true' }, '→');
    const removeAttrs = { type: 'button', class: 'concept-remove', 'aria-label': label, title: label };
    const onclick = () => span && remove(query, span, index);
    return el(
      'li',
      { class: `concept concept-${status}` },
      el('span', { class: 'concept-en', lang: 'en' }, concept.en),
      terms.length > 0 ? [arrow, terms.map(termTag)] : null,
      status === 'translated' && terms.length > 0 ? null : el('span', { class: 'concept-note' }, t(note)),
      span ? el('button', { ...removeAttrs, onclick }, '×') : null,
    );
  }

  /**
   * @param {string} query
   * @param {Span} span
   * @param {number} index
   */
  function remove(query, span, index) {
    pendingFocus = index;
    onRemove(removeSpan(query, span));
  }

  function restoreFocus() {
    if (pendingFocus === null) return;
    const buttons = container.querySelectorAll('.concept-remove');
    const target = buttons[Math.min(pendingFocus, buttons.length - 1)];
    pendingFocus = null;
    if (target instanceof HTMLElement) target.focus();
    else onEmpty();
  }

  /** Empties and hides the line. */
  function clear() {
    replace(container);
    container.hidden = true;
    restoreFocus();
  }

  return {
    clear,
    /**
     * Shows the concepts of the answer to `query` (none: the line is hidden), and the words that reordered it.
     * @param {QueryConcept[] | undefined} concepts
     * @param {string} query
     * @param {string[] | undefined} [feedback]
     */
    render(concepts, query, feedback) {
      const list = Array.isArray(concepts) ? concepts.filter((c) => c && typeof c.en === 'string' && c.en) : [];
      if (list.length === 0) {
        clear();
        return;
      }
      const spans = conceptSpans(query, list);
      const chips = list.map((c, i) => chip(c, spans[i] ?? null, i, query));
      container.hidden = false;
      replace(
        container,
        el('span', { class: 'concepts-label', id: 'concepts-label' }, t('searchedFor')),
        el('ul', { class: 'concept-list', 'aria-labelledby': 'concepts-label' }, chips),
        feedbackLine(feedback),
      );
      restoreFocus();
    },
  };
}

/** Feedback words shown at most. */
const FEEDBACK_SHOWN = 8;

/**
 * "Also ranked by": the first feedback words of the answer, as text, or nothing.
 * @param {string[] | undefined} feedback
 */
function feedbackLine(feedback) {
  const words = (Array.isArray(feedback) ? feedback : []).filter((w) => typeof w === 'string' && w).slice(0, FEEDBACK_SHOWN);
  if (words.length === 0) return null;
  return el(
    'p',
    { class: 'concepts-feedback', title: t('rankedByHint') },
    t('rankedBy'),
    ' ',
    words.map((w, i) => [i > 0 ? t('listSeparator') : null, el('span', { class: 'feedback-word', lang: textLang(w) }, w)]),
  );
}

/**
 * One Chinese term with its source tag.
 * @param {ConceptTerm} term
 */
function termTag(term) {
  const source = SOURCES.has(term.source) ? term.source : null;
  return el(
    'span',
    { class: 'concept-term' },
    el('span', { lang: textLang(term.zh) }, term.zh),
    ' ',
    source
      ? el('span', { class: `source source-${source}`, title: t(`sourceHint_${source}`) }, t(`source_${source}`))
      : null,
  );
}

/**
 * The lower-cased English words the concepts cover, to leave their expansions out of the "also searched" line.
 * @example coveredWords([{ en: 'Tax cuts' }]) // Set { 'tax cuts' }
 * @param {Array<{ en: string }> | undefined} concepts
 */
export function coveredWords(concepts) {
  return new Set((Array.isArray(concepts) ? concepts : []).map((c) => String(c && c.en).toLowerCase()));
}
