// @ts-check
// What the "Searched for" line shows, as plain data: one chip per English concept of the answer (its words,
// its status, the Chinese terms searched for it with their sources, the note to show, and the query without
// its words), then the first feedback words. One module for the page's script (concepts.js draws the chips)
// and the server's rendered search page (src/server/render/concepts.ts), so both show the same chips and a
// drop removes the same words. Pure string work (no DOM): Node imports this file.
import { conceptSpans, removeSpan } from './query-edit.js';

/** @typedef {import('./types.js').QueryConcept} QueryConcept */
/** @typedef {QueryConcept['status']} ConceptStatus */
/**
 * One chip: `terms` keep only known sources (null otherwise); `note` is the i18n key of the chip's note (none
 * for a translated concept with terms); `without` is the query with the concept's words taken out, or null
 * when they are not found among the query's unquoted, positive words (the chip then offers no drop).
 * @typedef {{ en: string, status: ConceptStatus, terms: Array<{ zh: string, source: string | null }>,
 *   note: 'notTranslated' | 'ignored' | null, without: string | null }} ConceptChip
 */

/** @type {ReadonlySet<string>} */
const STATUSES = new Set(['translated', 'untranslated', 'ignored']);
/** @type {ReadonlySet<string>} */
const SOURCES = new Set(['glossary', 'learned', 'dictionary', 'synonym', 'number', 'unit', 'pinyin', 'compound']);

/** Feedback words shown at most. */
export const FEEDBACK_SHOWN = 8;

/**
 * The status of a concept as the line shows it: an unknown one reads as untranslated.
 * @param {unknown} status
 * @returns {ConceptStatus}
 */
function statusOf(status) {
  return typeof status === 'string' && STATUSES.has(status) ? /** @type {ConceptStatus} */ (status) : 'untranslated';
}

/**
 * The chips of an answer's concepts (those with words, in query order) for the query `query`; none when the
 * answer has no concepts.
 * @example conceptChips([{ en: 'tourism', status: 'translated', terms: [{ zh: '旅游', source: 'glossary', weight: 1 }] }], 'tourism yak')[0].without // 'yak'
 * @param {QueryConcept[] | undefined} concepts
 * @param {string} query
 * @returns {ConceptChip[]}
 */
export function conceptChips(concepts, query) {
  const list = Array.isArray(concepts) ? concepts.filter((c) => c && typeof c.en === 'string' && c.en) : [];
  const spans = conceptSpans(query, list);
  return list.map((concept, i) => {
    const status = statusOf(concept.status);
    const terms = status === 'ignored' ? [] : (Array.isArray(concept.terms) ? concept.terms : []).filter((term) => term && typeof term.zh === 'string' && term.zh);
    const span = spans[i] ?? null;
    return {
      en: concept.en,
      status,
      terms: terms.map((term) => ({ zh: term.zh, source: SOURCES.has(term.source) ? term.source : null })),
      note: status === 'ignored' ? 'ignored' : status === 'translated' && terms.length > 0 ? null : 'notTranslated',
      without: span ? removeSpan(query, span) : null,
    };
  });
}

/**
 * The feedback words the line shows: the first `FEEDBACK_SHOWN` non-empty ones.
 * @example feedbackWords(['牧民', '', '就业']) // ['牧民', '就业']
 * @param {unknown} feedback
 * @returns {string[]}
 */
export function feedbackWords(feedback) {
  return (Array.isArray(feedback) ? feedback : []).filter((w) => typeof w === 'string' && w).slice(0, FEEDBACK_SHOWN);
}
