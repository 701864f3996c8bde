/**
 * The one place that says what the index holds: its fields, how each is tokenized, and their boosts.
 * Index and query both go through `analyze()` (src/text/analyzer.ts) before anything reaches MiniSearch,
 * so MiniSearch itself only splits pre-analyzed term lists and never normalizes.
 */
import type { Options } from 'minisearch';
import type { IndexField } from './backend.js';

/** Bumped whenever the layout of the saved index changes. */
export const INDEX_FORMAT_VERSION = 3;

/** Separates pre-analyzed terms inside a field value. Never produced by the analyzer. */
export const TERM_SEPARATOR = '\u0001';

export const INDEX_FIELDS: IndexField[] = ['words', 'bigrams', 'heading', 'en'];

/** A passage as MiniSearch sees it: its position plus one joined term list per field. */
export type IndexedDoc = { id: number } & Record<IndexField, string>;

/** Relative weights of the fields in ranking. Headings count most; bigrams are for recall. */
export const FIELD_BOOSTS: Record<IndexField, number> = { words: 2, bigrams: 1, heading: 3, en: 1.5 };

const splitTerms = (text: string): string[] => (text ? text.split(TERM_SEPARATOR) : []);
const keepTerm = (term: string): string => term;

/** MiniSearch options; the same object must be used to build and to load. */
export const MINISEARCH_OPTIONS: Options<IndexedDoc> = {
  idField: 'id',
  fields: INDEX_FIELDS,
  storeFields: [],
  tokenize: splitTerms,
  processTerm: keepTerm,
  searchOptions: { tokenize: (text: string) => [text], processTerm: keepTerm, boost: FIELD_BOOSTS },
};

/** Joins analyzed terms into a field value. */
export function joinTerms(terms: Iterable<string>): string {
  return Array.from(terms).join(TERM_SEPARATOR);
}
