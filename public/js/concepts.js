// @ts-check
// The "Searched for" line: one chip per English concept of the query, in query order, with the Chinese
// terms searched for it and where each came from, what could not be translated, and what was ignored.
// Each chip's remove button takes exactly its words out of the query and searches again. After the chips, the
// Chinese words that reordered the best hits (feedback), which never decide what matches. What the line holds
// comes from concept-chips.js, which the server's rendered page shares.
import { conceptChips, feedbackWords } from './concept-chips.js';
import { el, replace } from './dom.js';
import { t, textLang } from './i18n.js';

/** @typedef {import('./types.js').QueryConcept} QueryConcept */
/** @typedef {import('./concept-chips.js').ConceptChip} ConceptChip */

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
   * One concept's chip, with a button that searches for the query without its words.
   * @param {ConceptChip} chip
   * @param {number} index
   */
  function chipItem(chip, index) {
    const label = t('removeConcept', { en: chip.en });
    const arrow = el('span', { class: 'concept-arrow', 'aria-hidden': 'true' }, '→');
    const removeAttrs = { type: 'button', class: 'concept-remove', 'aria-label': label, title: label };
    const { without } = chip;
    return el(
      'li',
      { class: `concept concept-${chip.status}` },
      el('span', { class: 'concept-en', lang: 'en' }, chip.en),
      chip.terms.length > 0 ? [arrow, chip.terms.map(termTag)] : null,
      chip.note ? el('span', { class: 'concept-note' }, t(chip.note)) : null,
      without === null ? null : el('button', { ...removeAttrs, onclick: () => remove(without, index) }, '×'),
    );
  }

  /**
   * @param {string} query the query without the chip's words
   * @param {number} index
   */
  function remove(query, index) {
    pendingFocus = index;
    onRemove(query);
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
      const chips = conceptChips(concepts, query);
      if (chips.length === 0) {
        clear();
        return;
      }
      container.hidden = false;
      replace(
        container,
        el('span', { class: 'concepts-label', id: 'concepts-label' }, t('searchedFor')),
        el('ul', { class: 'concept-list', 'aria-labelledby': 'concepts-label' }, chips.map(chipItem)),
        feedbackLine(feedback),
      );
      restoreFocus();
    },
  };
}

/**
 * "Also ranked by": the first feedback words of the answer, as text, or nothing.
 * @param {string[] | undefined} feedback
 */
function feedbackLine(feedback) {
  const words = feedbackWords(feedback);
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
 * @param {ConceptChip['terms'][number]} term
 */
function termTag({ zh, source }) {
  return el(
    'span',
    { class: 'concept-term' },
    el('span', { lang: textLang(zh) }, zh),
    ' ',
    source ? el('span', { class: `source source-${source}`, title: t(`sourceHint_${source}`) }, t(`source_${source}`)) : null,
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
