// Types of the page's scripts, checked with // @ts-check and JSDoc (tsconfig.public.json). The API's answers
// are the server's own types, so a change there shows up here.
import type { DocMeta } from '../../src/model.js';
import type { ConcordanceResponse, TrendSeries } from '../../src/search/research.js';
import type { TrendYear } from '../../src/search/trend.js';
import type { SearchResponse } from '../../src/search/types.js';
import type { SearchState as RenderedSearchState } from '../../src/server/render/search-page.js';

export type { DocMeta, PassageKind } from '../../src/model.js';
import type { RegionGroup } from '../../src/search/region-groups.js';
export type { RegionGroup };
export type { ConcordanceLine, ConcordanceResponse, TrendSeries } from '../../src/search/research.js';
export type { TrendYear } from '../../src/search/trend.js';
export type {
  AlsoWritten,
  Citation,
  DidYouMean,
  Expansion,
  Facets,
  PassageView,
  QueryConcept,
  SearchHit,
  SearchResponse,
} from '../../src/search/types.js';

/** The answer of /api/trend: the first phrase's years, and every phrase's series. */
export interface TrendAnswer {
  total: number;
  years: TrendYear[];
  series: TrendSeries[];
}

/** What each /api/<path> the search page asks for answers. */
export interface ApiAnswers {
  search: SearchResponse;
  suggest: { suggestions: string[] };
  documents: { documents: DocMeta[]; regions: RegionGroup[] };
  trend: TrendAnswer;
  concordance: ConcordanceResponse;
}

/** A query parameter's value(s); empty ones are left out. */
export type ParamValue = string | number | null | undefined | Array<string | number>;

/** A search filter: the report, the year, the passage kind or the region (written in the query only). */
export type FilterKey = 'doc' | 'year' | 'kind' | 'region';

/** The search shown, as its URL says (state.js): the address the server renders, plus the page's views. */
export interface SearchState extends RenderedSearchState {
  /** `kwic` for the concordance, '' for the passages. */
  view: '' | 'kwic';
  /** Phrases the trend compares the query with. */
  vs: string[];
}
