// Types of the page's scripts (checked with // @ts-check and JSDoc): the API's answers come from the server's
// own types, so a change there shows up here.
export type { DocMeta, PassageKind } from '../../src/model.js';
export type { Facets, SearchHit, SearchResponse, PassageView, DidYouMean, QueryConcept, Expansion } from '../../src/search/types.js';

/** A search filter: the report, the year or the passage kind. */
export type FilterKey = 'doc' | 'year' | 'kind';

/** The search shown, as its URL says (state.js). */
export interface SearchState {
  q: string;
  doc: string;
  year: string;
  kind: string;
  page: number;
  /** `kwic` for the concordance, '' for the passages. */
  view: '' | 'kwic';
  /** Phrases the trend compares the query with. */
  vs: string[];
}
