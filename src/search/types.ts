import type { SenseSource } from '../crosslang/expand.js';
import type { DocMeta, Passage, PassageKind } from '../model.js';
import type { SortOrder } from './date-order.js';
import type { ConcordanceOptions, ConcordanceResponse, TrendSeries } from './research.js';
import type { CitedWork } from './citation.js';
import type { NumberForm } from './number-forms.js';
import type { YearRange } from './year-range.js';

/** Options of one search request (the API's query parameters, validated). */
export interface SearchOptions {
  limit?: number; // 1..100, default 10
  offset?: number; // >= 0, default 0
  doc?: string; // restrict to one document id
  year?: number; // restrict to one year
  /** Restrict to the reports of a range of years; with `year`, the query's own year or range no longer counts. */
  years?: YearRange;
  kind?: PassageKind; // restrict to one passage kind
  /** Restrict to a region's reports, named as `region:` names it (`广东`, `Tibet`); replaces the query's region. */
  region?: string;
  lang?: 'zh' | 'en'; // language of the interface asking (affects nothing but citations order)
  suggest?: boolean; // propose `didYouMean` when the query finds little (default true)
  /** `relevance` (default), or by the report's date, `newest` or `oldest` first (`date-order.ts`). */
  sort?: SortOrder;
  /**
   * What each hit carries beyond its snippet: `['text']` adds the highlights of the whole passage
   * (`textHighlights`, `textEnHighlights`); `[]` leaves them out (the HTTP API's default, `fields=text` asks).
   * Default `['text']`.
   */
  fields?: readonly HitField[];
  /**
   * Fold the page's hits of the same text into the best-placed one (`sameText`), so that a report held twice
   * is not read twice: the page then holds fewer hits, `folded` says how many. Totals and facets stay the
   * passages'. Default false (the HTTP API's too; the search page asks for it).
   */
  fold?: boolean;
  /**
   * A query with nothing to look for (operators, exclusions or filters alone) throws `QUERY_EMPTY` saying why
   * (`nothing-to-search.ts`), as the HTTP API wants; else (the default) it answers no hits and a `notice`.
   */
  refuseEmpty?: boolean;
}

/** Optional parts of a hit: `text`, the highlights of the passage's whole text (and of its translation). */
export type HitField = 'text';

/** A query the engine proposes instead of one that found little, and how much it finds. */
export interface DidYouMean {
  query: string;
  /**
   * A filter the query language does not have read as its value (`place:西藏` → `西藏`), pinyin written as Chinese,
   * a Chinese near miss from the corpus's words, a Chinese phrase's words apart (each required anywhere in the
   * passage), or an English spelling.
   */
  reason: 'region-filter' | 'not-a-filter' | 'pinyin' | 'chinese-near-miss' | 'chinese-words' | 'spelling';
  /** Passages it finds (under the same filters). */
  total: number;
}

/** Ready citations for a passage. */
export interface Citation {
  /** GB/T 7714-2015 style, Chinese. */
  zh: string;
  /** English: author, title, year, section, paragraph. */
  en: string;
}

/** One result. Offsets are UTF-16 code units. */
export interface SearchHit {
  id: string;
  docId: string;
  docTitle: string;
  docTitleEn: string;
  year: number | null;
  sectionPath: string[];
  kind: PassageKind;
  /** The paragraph's number as a reader counts it (null for headings, contents, front matter, tables). */
  paragraph: number | null;
  /** For a paged source: the page where the passage begins and ends (printed number, else file page). */
  page?: number;
  pageEnd?: number;
  text: string;
  textEn?: string;
  /** ~120 characters around the densest cluster of matches, with `…` where cut. */
  snippet: string;
  /** [start, end) ranges into `snippet`. */
  highlights: Array<[number, number]>;
  /**
   * [start, end) ranges into `text`: every match, up to `MAX_HIGHLIGHTS` (1,000, `highlight.ts`). A
   * pathological passage with more matches gets the first ones only; `snippet` is cut around those. Present
   * when `fields` holds `text` (the library's default; the HTTP API's `fields=text`).
   */
  textHighlights?: Array<[number, number]>;
  /** [start, end) ranges into `textEn`, when present; capped like `textHighlights`. Both only with `fields` `text`. */
  textEnHighlights?: Array<[number, number]>;
  score: number;
  /** Permalink path, `/p/<id>`. */
  url: string;
  /** The permalink's public address, under `BASE_URL`, when the site has one. */
  publicUrl?: string;
  citation: Citation;
  /** The cross-language expansions that matched this passage. */
  expansions?: string[];
  /** With `fold`: the passages of the same text this page folded into this hit, in rank order. */
  sameText?: SameTextHit[];
}

/** A passage of the same text as a hit, folded into it: where else it stands. */
export type SameTextHit = Pick<SearchHit, 'id' | 'docId' | 'docTitle' | 'docTitleEn' | 'year' | 'paragraph' | 'url'>;

/** One cross-language expansion the engine searched for. */
export interface Expansion {
  /** The query word, e.g. `clean energy`. */
  from: string;
  /** What it searched for as well, e.g. `清洁能源`. */
  to: string;
  /** `glossary`, `learned` (from parallel reports) or `dictionary`. */
  source: string;
}

/** One concept of an English query: a word or a multiword unit, and what was searched for it. */
export interface QueryConcept {
  /** The words as written in the query, e.g. `tax cuts`. */
  en: string;
  /**
   * `translated`: searched in English and as the Chinese `terms`; `untranslated`: no translation known (or
   * none the corpus holds), searched in English only; `ignored`: a stop word or filler, not required
   * ("help", "how to").
   */
  status: 'translated' | 'untranslated' | 'ignored';
  /** Chinese terms searched for it, best first, with where each came from and its weight (0–1). */
  terms: Array<{ zh: string; source: SenseSource; weight: number }>;
}

export interface Facets {
  doc: Record<string, number>;
  year: Record<string, number>;
  kind: Record<string, number>;
}

export interface SearchResponse {
  query: string;
  total: number;
  tookMs: number;
  expansions: Expansion[];
  /** How the query's English words were read, in query order (present when it has English words outside quotes). */
  concepts?: QueryConcept[];
  /**
   * The Chinese words, strongest first, that reordered an English query's best 50 hits: the words most
   * over-represented in its best 10 passages (pseudo-relevance feedback). They never decide what matches.
   */
  feedback?: string[];
  /** With `fold`: how many of the page's passages were folded into a hit of the same text. */
  folded?: number;
  facets: Facets;
  hits: SearchHit[];
  /** Set when the query text was parsed into nothing searchable (e.g. only punctuation), or names no region of the reports. */
  notice?: string;
  /** The notice's code, for a page to say it in its own language (`NOTHING_TO_SEARCH`, `UNKNOWN_REGION`). */
  noticeCode?: 'NOTHING_TO_SEARCH' | 'UNKNOWN_REGION';
  /** Set when part of a distributed index did not answer: the results are incomplete. */
  partial?: boolean;
  /** Which nodes did not answer, and what the backend said. */
  warnings?: string[];
  /** When the query found little (fewer than 3 passages): up to three queries that find more, best first. */
  didYouMean?: DidYouMean[];
  /**
   * When the query writes a date or a percentage (`2035年`, `二〇三五年`, `3月5日`, `百分之十`) and the same query with
   * them written the other way finds passages: that query and its total (`number-forms.ts`). Exact matching keeps the
   * two forms apart. Not for English queries, which read numbers as numbers.
   */
  alsoWritten?: AlsoWritten;
  /**
   * The query with its word that names a region of the reports as that region's filter (`广东 制造业` →
   * `制造业 region:广东省`), when that finds more: a report seldom names its own region (`region-words.ts`).
   */
  asRegion?: { query: string; region: string; total: number };
}

/** The query with its dates and percentages written the other way, and what it finds. */
export interface AlsoWritten {
  query: string;
  /** `in-chinese-numerals`: written in Chinese numerals (二〇三五年, 百分之十); `in-digits`: in Arabic digits (2035年, 10%). */
  reason: NumberForm;
  /** Passages it finds (under the same filters). */
  total: number;
}

/** A passage with its place in the document, for the reader and permalinks. */
export interface PassageView {
  passage: Passage;
  doc: DocMeta;
  prevId: string | null;
  nextId: string | null;
  citation: Citation;
  /** The work the citation cites: the report, or the article a gazette issue or a newspaper prints it as. */
  work?: CitedWork;
  url: string;
  /** The permalink's public address, under `BASE_URL`, when the site has one. */
  publicUrl?: string;
}

/** What the server needs from the search core. Built by `openEngine()` in `src/runtime/open-engine.ts`. */
export interface Engine {
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  suggest(prefix: string, limit?: number): Promise<string[]>;
  /** Every occurrence of a word or phrase in context, sorted, a page of them (`research.ts`). */
  concordance(q: string, options?: ConcordanceOptions): Promise<ConcordanceResponse>;
  /** A word or phrase's occurrences per year of the corpus, every year listed (`research.ts`). */
  trend(q: string): Promise<TrendSeries>;
  passage(id: string): Promise<PassageView | null>;
  documents(): DocMeta[];
  document(id: string): Promise<{ doc: DocMeta; passages: Passage[] } | null>;
  stats(): { documents: number; passages: number; builtAt: string; indexVersion: string };
  /** The backend in use and the state of its nodes. */
  backend(): Promise<{ name: string; nodes: Array<{ name: string; role: string; address?: string; state: 'up' | 'down'; message?: string }> }>;
  /** True when the same request always gets the same answer while this engine is open (its backend is `stable`). */
  readonly stableAnswers: boolean;
  /**
   * What the engine would otherwise read or build for its first users, as steps a server runs while it waits
   * for requests (`server/warm-up.ts`): the cross-language dictionary and synonyms (the first English query's),
   * then the suggestion vocabularies (the first query with few results'); a few hundred ms at the real scale.
   */
  warmUp(): Array<() => void>;
  close(): Promise<void>;
}
