/**
 * The "Searched for" line of the rendered search page, as the script's `public/js/concepts.js` draws it and
 * in its classes: one chip per English concept with the Chinese terms searched for it and each one's source,
 * a note on words not translated or ignored, and a plain link that searches the query without the concept
 * (the script's × button, as a link that works with no script); then the first feedback words. What the line
 * holds comes from `public/js/concept-chips.js`, shared with the script.
 */
import type { SearchResponse } from '../../search/types.js';
import type { Translate, UiLang } from './catalogue.js';
import { h, join, textLang, type Markup } from './markup.js';
import type { SearchState } from './search-page.js';
import { conceptChips, feedbackWords, type ConceptChip } from '../../../public/js/concept-chips.js';
import { searchUrl } from '../../../public/js/search-url.js';

/** What the line is drawn from: the search shown, its answer, and the page's language. */
export interface ConceptsData {
  state: SearchState;
  response: Pick<SearchResponse, 'concepts' | 'feedback'>;
  lang: UiLang;
  tr: Translate;
}

function termMarkup({ zh, source }: ConceptChip['terms'][number], lang: UiLang, tr: Translate): Markup {
  return h(
    'span',
    { class: 'concept-term' },
    h('span', { lang: textLang(zh) }, zh),
    ' ',
    source ? h('span', { class: `source source-${source}`, title: tr(lang, `sourceHint_${source}`) }, tr(lang, `source_${source}`)) : null,
  );
}

function chipMarkup(chip: ConceptChip, d: ConceptsData): Markup {
  const { lang, tr } = d;
  const label = tr(lang, 'removeConcept', { en: chip.en });
  const drop = chip.without === null ? null : h('a', { class: 'concept-remove', href: searchUrl({ ...d.state, q: chip.without, page: 1 }), 'data-nav': true, 'aria-label': label, title: label }, '×');
  return h(
    'li',
    { class: `concept concept-${chip.status}` },
    h('span', { class: 'concept-en', lang: 'en' }, chip.en),
    chip.terms.length > 0 ? [h('span', { class: 'concept-arrow', 'aria-hidden': 'true' }, '→'), chip.terms.map((term) => termMarkup(term, lang, tr))] : null,
    chip.note ? h('span', { class: 'concept-note' }, tr(lang, chip.note)) : null,
    drop,
  );
}

function feedbackMarkup(feedback: unknown, lang: UiLang, tr: Translate): Markup | null {
  const words = feedbackWords(feedback);
  if (words.length === 0) return null;
  const items = words.map((w, i) => [i > 0 ? tr(lang, 'listSeparator') : null, h('span', { class: 'feedback-word', lang: textLang(w) }, w)]);
  return h('p', { class: 'concepts-feedback', title: tr(lang, 'rankedByHint') }, tr(lang, 'rankedBy'), ' ', items);
}

/**
 * The inside of the page's `#concepts` container for an answer, or null when the answer has no concepts
 * (a Chinese query, a quoted phrase): the container then stays hidden.
 * @example conceptsMarkup({ state, response: { concepts: [{ en: 'tourism', status: 'translated', terms: [] }] }, lang: 'en', tr })?.html // '<span class="concepts-label" …'
 */
export function conceptsMarkup(d: ConceptsData): Markup | null {
  const chips = conceptChips(d.response.concepts, d.state.q);
  if (chips.length === 0) return null;
  const { lang, tr } = d;
  return join([
    h('span', { class: 'concepts-label', id: 'concepts-label' }, tr(lang, 'searchedFor')),
    h('ul', { class: 'concept-list', 'aria-labelledby': 'concepts-label' }, chips.map((chip) => chipMarkup(chip, d))),
    feedbackMarkup(d.response.feedback, lang, tr),
  ]);
}
