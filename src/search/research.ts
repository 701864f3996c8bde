/**
 * The research desk's engine side: a concordance (every occurrence of a word or phrase, in context) and its
 * trend over the years. The phrase is found exactly as a quoted phrase is (its bigrams, then verified against
 * the match keys), every matching passage is fetched (the total is exact), and its occurrences are counted in
 * its match keys (`concordance.ts`), then counted per year (`trend.ts`).
 */
import { searchedFilters } from './report-scope.js';
import type { YearRange } from './year-range.js';
import { createSearchError } from './errors.js';
import type { BackendFilters, SearchBackend, StoredPassage } from '../index/backend.js';
import { PASSAGE_KINDS, type DocMeta } from '../model.js';
import { phraseKey } from '../text/analyzer.js';
import { pageAtOffset } from './citation.js';
import { linesIn, sortOccurrences, type ConcordanceSort, type Occurrence, type OccurrenceField } from './concordance.js';
import { LETTER_OR_DIGIT } from '../text/scripts.js';
import type { PassageReader } from './passage-reader.js';
import { substringAlternatives } from './plan.js';
import { parseQuery } from './query-parser.js';
import { nothingToSearch } from './nothing-to-search.js';
import { yearSizes, yearTrend, type ReportSizes, type TrendYear, type YearSize } from './trend.js';
import { wordOffsets } from '../text/word-edges.js';

/** What the research functions read from an open engine. */
export interface ResearchSource {
  index: SearchBackend;
  reader: PassageReader;
  docs: ReadonlyMap<string, DocMeta>;
  /** The corpus's reports and characters per year. */
  sizes: ReadonlyMap<number, YearSize>;
  /** Each report's characters by passage kind, for the sizes of the reports a trend's filters admit. */
  reportSizes: ReportSizes;
  /** The report of the passage at a position. */
  docAt: (index: number) => string | undefined;
  /** Recent occurrence lists, for paging and re-sorting without searching again (embedded indexes only). */
  recent?: RecentLists;
}

/** An engine's recent occurrence lists, by phrase and filters (most recent last). */
export type RecentLists = Map<string, Found>;

/** A phrase's matching passages (by position) and its occurrences in document order. */
interface Found {
  key: string;
  /** The match key of a passage's text or English text. */
  keyOf: (index: number, field: OccurrenceField) => string;
  occurrences: Occurrence[];
  /** Passages holding at least one occurrence. */
  passages: number;
}

/** How many occurrence lists an engine keeps for paging and re-sorting. */
export const RECENT_LISTS = 8;

export interface ConcordanceOptions {
  /** Characters of context on each side (default 30). */
  context?: number;
  limit?: number;
  offset?: number;
  sort?: ConcordanceSort;
  doc?: string;
  year?: number;
  /** A range of years; with `year`, the query's own year or range no longer counts. */
  years?: YearRange;
  kind?: BackendFilters['kind'];
  /** A region's reports (`region:` of a query), replacing the query's region. */
  region?: string;
}

/**
 * One occurrence in context. `paragraph` and `page` are null where the report does not number them; `page` and
 * `pageEnd` are the page the occurrence is on (both the same) where its passage knows where its pages break,
 * else the pages of its passage (as a search hit cites it).
 */
export interface ConcordanceLine {
  left: string;
  match: string;
  right: string;
  docId: string;
  year: number | null;
  passageId: string;
  paragraph: number | null;
  page: number | null;
  pageEnd: number | null;
  /** `textEn` when the occurrence is in a passage's parallel English. */
  field: OccurrenceField;
}

export interface ConcordanceResponse {
  query: string;
  /** The phrase looked for, as its match key (normalized, whitespace removed). */
  key: string;
  /** Every occurrence (exact). */
  total: number;
  /** Passages holding at least one. */
  passages: number;
  sort: ConcordanceSort;
  lines: ConcordanceLine[];
  tookMs: number;
}

/** One phrase's trend: every year of the corpus, and what fell in undated reports. */
export interface TrendSeries {
  q: string;
  key: string;
  total: number;
  years: TrendYear[];
  undated: { occurrences: number; passages: number };
}


/** The research view a query is for, named in the message of a query it cannot follow. */
export type ResearchView = 'concordance' | 'trend';

const VIEW_NAMES: Record<ResearchView, { en: string; zh: string }> = {
  concordance: { en: 'A concordance', zh: '语境索引' },
  trend: { en: 'A trend', zh: '趋势分析' },
};

/**
 * The phrase and filters of a concordance (or trend) query: its words (quoted or not) joined as one phrase, and any
 * `year:`, `doc:`, `kind:` filters. Throws `RESEARCH_QUERY_INVALID` (`errors.ts`) for OR, exclusions and proximity operators, `QUERY_EMPTY` for nothing to look for.
 * @example phraseOf('"乡村振兴" year:2024') // { phrase: '乡村振兴', filters: { year: 2024 } }
 */
export function phraseOf(q: string, view: ResearchView = 'concordance'): { phrase: string; key: string; filters: BackendFilters; years?: YearRange; region?: string } {
  const parsed = parseQuery(q);
  // A proximity unit (`A NEAR/5 B`, `A /s B`) is two phrases: joined as one, its operator became text to look for.
  if (parsed.exclude.length > 0 || parsed.groups.some((g) => g.length > 1 || g[0]?.kind === 'near')) {
    const name = VIEW_NAMES[view];
    throw createSearchError('RESEARCH_QUERY_INVALID', {
      en: `${name.en} looks for one word or phrase: remove OR, -exclusions and proximity operators (/s, /p, NEAR/n).`,
      zh: `${name.zh}只查一个词或短语：请去掉 OR、“-”排除项和邻近运算符（/s、/p、NEAR/n）。`,
    });
  }
  const phrase = parsed.groups.map((g) => g[0]?.text ?? '').join(' ');
  const key = phraseKey(phrase);
  // Nothing to look for: said as the search says it (`nothing-to-search.ts`).
  if (!LETTER_OR_DIGIT.test(key)) throw createSearchError('QUERY_EMPTY', nothingToSearch(parsed));
  const kind = PASSAGE_KINDS.find((k) => k === parsed.filters.kind);
  const { years, region } = parsed.filters;
  return { phrase, key, filters: { doc: parsed.filters.doc, year: parsed.filters.year, kind }, ...(years ? { years } : {}), ...(region !== undefined ? { region } : {}) };
}

/** Every passage holding the phrase and every occurrence in them, in document order (a copy of a recent list). */
async function occurrencesOf(source: ResearchSource, phrase: string, key: string, filters: BackendFilters): Promise<Found> {
  const { recent } = source;
  const id = JSON.stringify([key, filters.doc, filters.year, filters.kind, filters.docs]);
  let found = recent?.get(id);
  if (!found) {
    found = await searchOccurrences(source, phrase, filters);
    if (recent) {
      recent.set(id, found);
      for (const old of recent.keys()) if (recent.size > RECENT_LISTS) recent.delete(old);
    }
  } else if (recent) {
    recent.delete(id);
    recent.set(id, found);
  }
  return { ...found, occurrences: [...found.occurrences] };
}

/** Searches the index for every passage holding the phrase, and counts its occurrences in them. */
async function searchOccurrences(source: ResearchSource, phrase: string, filters: BackendFilters): Promise<Found> {
  const { keys } = source.reader;
  const planned = substringAlternatives(phrase);
  // The phrase's key (`phraseKey`); none only for a phrase without letters or digits, which `phraseOf` refuses.
  const key = planned.keys[0] ?? '';
  // Every match is wanted, in document order: nothing to rank, so the alternatives carry no ranking terms.
  const alternatives = planned.alternatives.map((a) => ({ ...a, rank: undefined }));
  const result = await source.index.search({ groups: [alternatives], exclude: [], filters, offset: 0, limit: Math.max(1, source.index.size()) });
  const positions = result.hits.map((h) => h.index).sort((a, b) => a - b);
  // The embedded index's keys are at hand; a cluster's are read with the passages that hold them.
  const stored = keys ? null : new Map((await source.reader.at(positions)).map((s) => [s.index, s]));
  const keyOf: Found['keyOf'] = keys
    ? (index, field) => (field === 'text' ? keys.text(index) : keys.textEn(index))
    : (index, field) => (field === 'text' ? stored?.get(index)?.key : stored?.get(index)?.keyEn) ?? '';
  // The texts themselves, for a key with a Latin or digit edge, found only at the edges of words (`word-edges.ts`).
  const originalOf = (index: number, field: OccurrenceField): string =>
    keys ? (field === 'text' ? keys.original(index) : keys.originalEn(index)) : ((field === 'text' ? stored?.get(index)?.passage.text : stored?.get(index)?.passage.textEn) ?? '');
  const occurrences: Occurrence[] = [];
  let passages = 0;
  for (const index of positions) {
    const before = occurrences.length;
    for (const field of ['text', 'textEn'] as const) {
      for (const at of wordOffsets(originalOf(index, field), keyOf(index, field), key)) occurrences.push({ index, field, at });
    }
    if (occurrences.length > before) passages++;
  }
  return { key, keyOf, occurrences, passages };
}

const DEFAULT_CONTEXT = 30;
const DEFAULT_LIMIT = 100;

/**
 * The concordance of a word or phrase: one line per occurrence, sorted, a page of them.
 * @example await concordance(source, '乡村振兴', { sort: 'left', limit: 20 }) // { total, lines: [...] }
 */
export async function concordance(source: ResearchSource, q: string, options: ConcordanceOptions = {}): Promise<ConcordanceResponse> {
  const t0 = performance.now();
  const parsed = phraseOf(q);
  const merged = searchedFilters(options, parsed, source.docs.values());
  const { key, keyOf, occurrences, passages } = await occurrencesOf(source, parsed.phrase, parsed.key, merged);
  const sort = options.sort ?? 'corpus';
  const yearOf = (o: Occurrence): number | null => source.docs.get(source.docAt(o.index) ?? '')?.year ?? null;
  sortOccurrences(occurrences, sort, { keyOf: (o) => keyOf(o.index, o.field), yearOf, length: key.length });
  const offset = Math.max(0, options.offset ?? 0);
  const page = occurrences.slice(offset, offset + Math.max(1, options.limit ?? DEFAULT_LIMIT));
  const context = options.context ?? DEFAULT_CONTEXT;
  const stored = new Map((await source.reader.at([...new Set(page.map((o) => o.index))])).map((s) => [s.index, s]));
  const lines = page.map((o) => {
    const { passage } = stored.get(o.index) as StoredPassage;
    const text = (o.field === 'text' ? passage.text : passage.textEn) ?? '';
    const [cut] = linesIn(text, [o.at], key.length, context);
    // An occurrence in a passage over a page break is cited by its own page; one in its English, by the passage's.
    const own = o.field === 'text' && passage.pageBreaks && cut ? pageAtOffset(passage, cut.start) : undefined;
    return {
      left: cut?.left ?? '',
      match: cut?.match ?? '',
      right: cut?.right ?? '',
      docId: passage.docId,
      year: source.docs.get(passage.docId)?.year ?? null,
      passageId: passage.id,
      paragraph: passage.paragraph ?? null,
      page: own ?? passage.page ?? null,
      pageEnd: own ?? (passage.page === undefined ? null : (passage.pageEnd ?? passage.page)),
      field: o.field,
    };
  });
  return { query: q, key, total: occurrences.length, passages, sort, lines, tookMs: Math.round((performance.now() - t0) * 1000) / 1000 };
}

/**
 * The trend of a word or phrase over every year of the corpus.
 * @example (await trend(source, '乡村振兴')).years.map((y) => y.perTenThousand)
 */
export async function trend(source: ResearchSource, q: string): Promise<TrendSeries> {
  const parsed = phraseOf(q, 'trend');
  const filters = searchedFilters({}, parsed, source.docs.values());
  const { key, occurrences } = await occurrencesOf(source, parsed.phrase, parsed.key, filters);
  const perPassage = new Map<number, number>();
  for (const o of occurrences) perPassage.set(o.index, (perPassage.get(o.index) ?? 0) + 1);
  const counts = [...perPassage].map(([index, n]) => ({ year: source.docs.get(source.docAt(index) ?? '')?.year ?? null, occurrences: n }));
  // The rate is over what was searched: the reports and passages the filters admit (a region's, a range of years',
  // one report's, one kind), whose years are the trend's axis.
  const scoped = filters.doc !== undefined || filters.docs !== undefined || filters.year !== undefined || filters.kind !== undefined;
  const sizes = scoped ? yearSizes(source.docs.values(), source.reportSizes, filters) : source.sizes;
  return { q, key, total: occurrences.length, ...yearTrend(counts, sizes) };
}
