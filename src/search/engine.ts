/**
 * The search engine over a backend: parse → plan → backend → verify → rank → snippets, highlights and
 * citations. It is handed its parts (the backend, a passage reader, the expander, the suggester) by the
 * composition root (`runtime/open-engine.ts`); it imports no concrete backend and reads no setting.
 *
 * @example
 *   const engine = await openEngine();   // runtime/open-engine.ts
 *   const { total, hits } = await engine.search('"乡村振兴" year:2024', { limit: 5 });
 */
import type { BackendHit, BackendNode, SearchBackend, StoredPassage } from '../index/backend.js';
import { passageId } from '../chunk/chunk.js';
import type { CrossLang } from '../crosslang/expand.js';
import type { DocMeta, Passage } from '../model.js';
import { normalizeTerm } from '../text/analyzer.js';
import { CitationMemo, citedWork, permalink, type CitationOptions } from './citation.js';
import { createSearchError } from './errors.js';
import { findArticleTitle, findDateline } from './dateline.js';
import { searchByDate } from './date-order.js';
import { HighlightMemo } from './highlight.js';
import type { PassageReader } from './passage-reader.js';
import { planQuery, readEnglish, type HighlightPlan, type QueryPlan } from './plan.js';
import { CorpusEvidence } from './corpus-evidence.js';
import type { Suggester, Suggestion } from './did-you-mean.js';
import { closeness } from './proximity.js';
import { conceptScorer } from './concept-scores.js';
import { newestYear, passagePrior } from '../index/prior.js';
import { FEEDBACK, feedbackRerank } from './feedback.js';
import { chooseSenses } from './senses.js';
import { parseQuery } from './query-parser.js';
import { nothingToSearch } from './nothing-to-search.js';
import { PlanCache, type Planned } from './plan-cache.js';
import { concordance, trend, type ConcordanceOptions, type ConcordanceResponse, type RecentLists, type ResearchSource, type TrendSeries } from './research.js';
import { reportSizes, yearSizes, type ReportSizes, type YearSize } from './trend.js';
import { makeSnippet } from './snippet.js';
import { conceptsIn } from './match-concepts.js';
import { foldSameText } from './fold.js';
import { deepFrozen } from '../text/deep-frozen.js';
import { remembered } from '../text/remembered.js';
import type { AlsoWritten, Citation, DidYouMean, Engine, PassageView, QueryConcept, SameTextHit, SearchHit, SearchOptions, SearchResponse } from './types.js';
import { numbersWrittenOtherwise } from './number-forms.js';
import { namesNoRegion, searchedFilters } from './report-scope.js';
import { regionsOf, type RegionEntry } from './region-groups.js';
import { regionWord } from './region-words.js';

const DEFAULT_LIMIT = 10;
/** English queries: how many of the backend's best hits are reranked by proximity, and how much it counts. */
const RERANK_WINDOW = 50;
const PROXIMITY_WEIGHT = 0.5;
/** … and how much more when two of them are said side by side, as one phrase (`closeness`). */
const JUXTAPOSITION_WEIGHT = 4;
/** How much the feedback words of the first retrieval's best passages (`feedback.ts`) raise a score, at most. */
const FEEDBACK_WEIGHT = 1.5;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

const MAX_LIMIT = 100;
/** Plans kept by query text (a plan is a few kB; an English one with its senses, tens). */
const MAX_PLANS = 500;

/** The median of some numbers (0 for none). */
function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
/** How much of a document's opening text is searched for its dateline and article title. */
const OPENING_CHARS = 6000;
/** "Did you mean" is proposed below this many results, from at most this many candidates tried, keeping three. */
const FEW_RESULTS = 3;
const SUGGESTIONS_TRIED = 8;
const SUGGESTIONS_KEPT = 3;

/** What an engine is made of; the composition root (`runtime/open-engine.ts`) assembles it. */
export interface EngineParts {
  /** The reports, and every passage in document order (what the engine lays out; a cluster's may be text-less). */
  docs: DocMeta[];
  passages: readonly Passage[];
  /** Where the passages shown are read: memory, or the backend that holds the text. */
  reader: PassageReader;
  backend: SearchBackend;
  manifest: { builtAt: string; formatVersion: number; analyzer: string };
  /** The site root cited for online passages (an absolute http(s) URL, else none). */
  baseUrl: string | undefined;
  crossLang: CrossLang;
  suggester: Suggester;
  /** The corpus vocabulary's test for compound translations (`compounds.ts`); absent on a cluster. */
  wordsBeginning?: (prefix: string) => readonly string[];
  /** How many passages hold a word of the index (for feedback, `feedback.ts`); absent on a cluster. */
  wordCount?: (term: string) => number;
}

/**
 * The engine over its parts.
 * @example const engine = createEngine({ docs, passages, reader: memoryReader(passages), backend, manifest, baseUrl: undefined, crossLang, suggester })
 */
export function createEngine(parts: EngineParts): Engine {
  const { docs, passages, reader, backend, manifest, crossLang, suggester, wordsBeginning, wordCount } = parts;
  return new SearchEngine(new PassageLayout(docs, passages), reader, backend, manifest, { baseUrl: citationBaseUrl(parts.baseUrl), crossLang, suggester, wordsBeginning, wordCount });
}

/** An absolute http(s) URL to cite passages under, or undefined (a relative or malformed value is ignored). */
export function citationBaseUrl(value: string | undefined): string | undefined {
  if (!value || !/^https?:\/\/[^\s/]+/i.test(value)) return undefined;
  return value.replace(/\/+$/, '');
}

/** The documents, and the positions of each one's passages (document order; a passage's ordinal is its place). */
/** The reader's address of a passage. */
const passageUrl = (id: string): string => `/p/${id}`;

/** A search's options for its total alone, under the same filters: a proposal's, which builds no hits and proposes nothing. */
const countOnly = (options: SearchOptions): SearchOptions => ({ ...options, sort: 'relevance', fields: [], limit: 1, offset: 0, suggest: false, refuseEmpty: false });

/** An English word of three letters or more that nothing translates: perhaps misspelled (`enrgy`). */
const mayBeMisspelled = (concept: QueryConcept): boolean => concept.status === 'untranslated' && /^\p{Script=Latin}{3,}$/u.test(concept.en);

class PassageLayout {
  readonly docs = new Map<string, DocMeta>();
  readonly spans = new Map<string, { first: number; last: number }>();
  /** What each document's citations take from its opening text: the dateline and the article's title. */
  readonly citeParts = new Map<string, { subtitle?: string; article?: string }>();
  readonly count: number;
  /** Characters of each report by passage kind, and reports and characters per year, for trends (counted once). */
  readonly reportSizes: ReportSizes;
  readonly sizes: Map<number, YearSize>;
  /** The report of the passage at each position. */
  readonly docIds: string[];
  /** The reports' regions, each once, named in Chinese (`region-groups.ts`). */
  readonly regions: RegionEntry[];
  /** Each passage's static ranking factor (its kind's weight and its report's recency, `index/prior.ts`). */
  readonly priors: Float64Array;
  /** The passages' mean length in characters (0 when the passages came without text, as a cluster's may). */
  readonly averageLength: number;

  constructor(
    readonly docList: DocMeta[],
    passages: readonly Passage[],
  ) {
    for (const doc of docList) this.docs.set(doc.id, doc);
    passages.forEach((p, i) => {
      const span = this.spans.get(p.docId);
      if (span) span.last = i;
      else this.spans.set(p.docId, { first: i, last: i });
    });
    this.count = passages.length;
    this.reportSizes = reportSizes(passages);
    this.sizes = yearSizes(docList, this.reportSizes);
    this.docIds = passages.map((p) => p.docId);
    this.regions = regionsOf(docList);
    const newest = newestYear(docList.map((d) => d.year));
    this.priors = Float64Array.from(passages, (p) => passagePrior(p.kind, this.docs.get(p.docId)?.year ?? null, newest));
    let characters = 0;
    for (const p of passages) characters += p.text.length;
    this.averageLength = passages.length > 0 ? characters / passages.length : 0;
    for (const [docId, span] of this.spans) {
      let opening = '';
      for (let i = span.first; i <= span.last && opening.length < OPENING_CHARS; i++) opening += `${passages[i].text}\n`;
      this.citeParts.set(docId, { subtitle: findDateline(opening) ?? undefined, article: findArticleTitle(opening) ?? undefined });
    }
  }

  /**
   * Where a passage id points (`<doc id>-p0042`: the doc's first position + 42), or null; the caller
   * checks that the passage there has this id.
   */
  placeOf(id: string): { docId: string; index: number; ordinal: number; count: number } | null {
    const match = /^(.+)-p(\d{1,9})$/.exec(id);
    const docId = match?.[1] ?? '';
    const span = this.spans.get(docId);
    const ordinal = Number(match?.[2]);
    const count = span ? span.last - span.first + 1 : 0;
    if (!span || !(ordinal < count)) return null;
    return { docId, index: span.first + ordinal, ordinal, count };
  }
}

class SearchEngine implements Engine {
  constructor(
    private readonly layout: PassageLayout,
    private readonly reader: PassageReader,
    private readonly index: SearchBackend,
    private readonly manifest: { builtAt: string; formatVersion: number; analyzer: string },
    /** `wordsBeginning`: the corpus vocabulary's words by prefix, for compound translations (`compounds.ts`); none on a cluster. */
    private readonly context: { baseUrl: string | undefined; crossLang: CrossLang; suggester: Suggester; wordsBeginning?: (prefix: string) => readonly string[]; wordCount?: (term: string) => number },
  ) {}

  /** Passage counts for sense selection, kept for the engine's life (the corpus does not change under it). */
  private readonly evidenceCounts = new Map<string, number>();

  /** Plans by query text, kept for the engine's life (`plan-cache.ts`). */
  private readonly plans = new PlanCache(MAX_PLANS);

  /**
   * "Did you mean"'s candidates by query text, kept beside the plans and as many (`remembered`), frozen: they
   * depend on the text and the corpus's vocabulary alone. Only a stable index's are read from here.
   */
  private readonly keptCandidates = remembered((query: string): readonly Suggestion[] => deepFrozen(this.context.suggester.candidates(query)), MAX_PLANS);

  /** Parses and plans a query: its English read, the senses chosen by the corpus. */
  private async planned(query: string): Promise<Planned> {
    const parsed = parseQuery(query);
    const { crossLang } = this.context;
    const read = readEnglish(parsed, crossLang);
    const runs = read.length === 0 ? read : await chooseSenses(read, new CorpusEvidence(this.index, this.evidenceCounts, (word) => this.context.suggester.namesByPinyin(word), this.context.wordsBeginning, (term) => crossLang.dictionary().glosses(term), this.context.wordCount));
    return { parsed, plan: planQuery(parsed, this.reader.keys ?? {}, { crossLang, runs }) };
  }

  search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    return this.run(query, options, true);
  }

  /** The search; without `withHits`, only its total, facets and notices (the hits are neither read nor built). */
  private async run(query: string, options: SearchOptions, withHits: boolean): Promise<SearchResponse> {
    const t0 = performance.now();
    // A cluster may change or lose a shard under the engine: its plans are made afresh each time.
    const { parsed, plan } = this.index.stable ? await this.plans.planOf(query, () => this.planned(query)) : await this.planned(query);
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)));
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const response: SearchResponse = {
      query,
      total: 0,
      tookMs: 0,
      expansions: plan.expansions,
      ...(plan.concepts.length > 0 ? { concepts: plan.concepts } : {}),
      facets: { doc: {}, year: {}, kind: {} },
      hits: [],
    };
    if (plan.empty) {
      if (options.refuseEmpty) throw createSearchError('QUERY_EMPTY', nothingToSearch(parsed));
      response.notice = 'The query has nothing to search for: type a word or a "quoted phrase".';
      response.noticeCode = 'NOTHING_TO_SEARCH';
    } else {
      const filters = searchedFilters(options, { filters: plan.query.filters, years: plan.years, region: plan.region }, this.layout.docList);
      const region = options.region ?? plan.region;
      if (filters.docs?.length === 0 && region !== undefined && namesNoRegion(region, this.layout.docList)) {
        response.notice = `No report is from a region named "${region}": a region is named by its name or part of it (region:广东, region:Tibet).`;
        response.noticeCode = 'UNKNOWN_REGION';
      }
      // An English query's best hits are reranked by how close its concepts stand (`proximity.ts`): the
      // backend's first RERANK_WINDOW, always the same ones, so that pages neither overlap nor skip.
      // Sorted by date, the page is picked by date (`date-order.ts`); within a date, by the backend's score.
      const sort = options.sort ?? 'relevance';
      // Only a query of English concepts alone takes feedback: Chinese words and quoted phrases stay exact.
      // It reranks the same window as proximity, for queries of two concepts or more.
      const counts = plan.query.groups.length === 0 ? this.context.wordCount : undefined;
      const window = withHits && plan.senses.length >= 2 && sort === 'relevance' ? RERANK_WINDOW : 0;
      const wanted = window > 0 ? { offset: 0, limit: Math.max(window, offset + limit) } : { offset, limit };
      const result =
        sort === 'relevance'
          ? await this.index.search({ ...plan.query, filters, ...wanted })
          : await searchByDate(this.index, { ...plan.query, filters, offset, limit }, this.layout.docList, sort);
      if (result.partial) {
        response.partial = true;
        response.warnings = [result.partial.message, ...result.partial.failed.map((n) => `${n} did not answer`)];
      }
      response.total = result.total;
      response.facets = result.facets;
      const reranked = window > 0 ? await this.rerank(result.hits, window, plan, counts) : { hits: result.hits, read: new Map<number, StoredPassage>(), feedback: [] };
      if (reranked.feedback.length > 0) response.feedback = reranked.feedback;
      const page = window > 0 ? reranked.hits.slice(offset, offset + limit) : reranked.hits;
      const unread = withHits ? page.filter((h) => !reranked.read.has(h.index)).map((h) => h.index) : [];
      const wholeText = options.fields?.includes('text') ?? true;
      // Filled in place (no spread of the passages read into a list of pairs first): it is made for every search.
      const stored = new Map(reranked.read);
      if (unread.length > 0) for (const s of await this.reader.at(unread)) stored.set(s.index, s);
      const storedOf = (h: BackendHit): StoredPassage => {
        const found = stored.get(h.index);
        if (!found) throw createSearchError('PASSAGE_MISSING', `The backend found passage ${h.index}, which the passage store does not hold`);
        return found;
      };
      const shown = withHits ? page : [];
      const groups = options.fold ? foldSameText(shown, (h) => storedOf(h).key) : shown.map((hit) => ({ hit, same: [] }));
      response.hits = groups.map(({ hit, same }) => {
        const built = this.toHit(storedOf(hit), hit.score, hit.labels, plan.highlight, wholeText);
        return same.length === 0 ? built : { ...built, sameText: same.map((h) => this.sameTextHit(storedOf(h))) };
      });
      if (options.fold) response.folded = shown.length - groups.length;
    }
    // A word nothing translates may be misspelled (`renewable enrgy`): its spelling is offered however much the rest
    // finds (a word the reports hold is none: the spelling corrects only words their vocabulary lacks).
    const misspelled = plan.concepts.filter(mayBeMisspelled).length;
    if ((response.total < FEW_RESULTS || misspelled > 0) && !plan.empty && options.suggest !== false) {
      const better = await this.didYouMean(query, response.total, misspelled, options);
      if (better.length > 0) response.didYouMean = better;
    }
    // An English query reads its numbers as numbers already (`5%` finds 百分之五): only Chinese is offered its other form.
    if (!plan.empty && plan.concepts.length === 0 && options.suggest !== false) {
      const other = await this.alsoWritten(query, options);
      if (other) response.alsoWritten = other;
    }
    if (!plan.empty && plan.concepts.length === 0 && options.suggest !== false && options.region === undefined) {
      const asRegion = await this.asRegion(query, options, response.total);
      if (asRegion) response.asRegion = asRegion;
    }
    response.tookMs = Math.round((performance.now() - t0) * 1000) / 1000;
    return response;
  }

  /** The query with its word naming a region as that region's filter (`region-words.ts`), when that finds more than `total`. */
  private async asRegion(query: string, options: SearchOptions, total: number): Promise<SearchResponse['asRegion'] | null> {
    const proposal = regionWord(query, this.layout.regions);
    if (!proposal) return null;
    const found = await this.run(proposal.query, countOnly(options), false);
    return found.total > total ? { ...proposal, total: found.total } : null;
  }

  /**
   * Proposals that find more than the query's `total` under the same filters, or that have fewer of its
   * `misspelled` words and find something (`tourism revenue` for `tourisim revenue`, which finds fewer passages
   * than `revenue` alone), best first.
   */
  private async didYouMean(query: string, total: number, misspelled: number, options: SearchOptions): Promise<DidYouMean[]> {
    const kept: DidYouMean[] = [];
    // A cluster's vocabulary may change under the engine (as its plans are, its candidates are made afresh).
    const candidates = this.index.stable ? this.keptCandidates(query) : this.context.suggester.candidates(query);
    for (const candidate of candidates.slice(0, SUGGESTIONS_TRIED)) {
      // Only the total counts: relevance order and no hits, whatever the page asked for. A proposal with nothing to
      // look for (`thea` → the stop word `the`) finds nothing: it is no reason to refuse the query asked.
      const found = await this.run(candidate.query, countOnly(options), false);
      const spelled = found.total > 0 && (found.concepts ?? []).filter(mayBeMisspelled).length < misspelled;
      if (found.total > total || spelled) kept.push({ ...candidate, total: found.total });
      if (kept.length === SUGGESTIONS_KEPT) break;
    }
    return kept;
  }

  /** The query with its dates and percentages written the other way (`number-forms.ts`) and its total, when it finds something. */
  private async alsoWritten(query: string, options: SearchOptions): Promise<AlsoWritten | null> {
    const other = numbersWrittenOtherwise(query);
    if (!other) return null;
    const found = await this.run(other.query, countOnly(options), false);
    return found.total > 0 ? { ...other, total: found.total } : null;
  }

  /**
   * Chinese corpus words whose toneless pinyin is a romanized name, most frequent first (built on first use).
   * @example engine.namesByPinyin("Xiong'an") // ['雄安']
   */
  namesByPinyin(name: string): string[] {
    return this.context.suggester.namesByPinyin(name);
  }

  warmUp(): Array<() => void> {
    const { crossLang, suggester } = this.context;
    return [...(crossLang.loaded() ? [] : [() => crossLang.load()]), ...suggester.warmSteps()];
  }

  /**
   * The first `window` hits reordered by their score raised by the concepts' proximity, then (given the
   * corpus's word `counts`) by the feedback words of the best of them, the rest as they were; ranked by the
   * rounded score, ties by position; with the passages read to weigh them, so the page does not read them again.
   */
  private async rerank(
    hits: BackendHit[],
    window: number,
    plan: Pick<QueryPlan, 'senses'>,
    counts: ((term: string) => number) | undefined,
  ): Promise<{ hits: BackendHit[]; read: Map<number, StoredPassage>; feedback: string[] }> {
    const concepts = plan.senses.map((senses) => senses.map((s) => s.key));
    const read = new Map((await this.reader.at(hits.slice(0, window).map((h) => h.index))).map((s) => [s.index, s]));
    const keyOf = (h: BackendHit): string => read.get(h.index)?.key ?? '';
    const byScore = (a: BackendHit, b: BackendHit): number => b.score - a.score || a.index - b.index;
    const head = await this.weighConcepts(hits.slice(0, window), plan, keyOf);
    let scored = head.map((h) => {
      const close = closeness(keyOf(h), concepts);
      return { ...h, score: h.score * (1 + PROXIMITY_WEIGHT * close.sentence + JUXTAPOSITION_WEIGHT * close.sideBySide) };
    });
    let feedback: string[] = [];
    if (counts) {
      // Feedback reads the best passages after proximity: in their order.
      scored.sort(byScore);
      const corpus = { holders: counts, size: this.layout.count };
      const fed = feedbackRerank(scored, { keyOf, corpus, known: concepts.flat(), settings: FEEDBACK, weight: FEEDBACK_WEIGHT });
      scored = fed.hits;
      feedback = fed.words.map((w) => w.term);
    }
    scored = scored.map((h) => ({ ...h, score: round3(h.score) })).sort(byScore);
    return { hits: [...scored, ...hits.slice(window)], read, feedback };
  }

  /**
   * The hits with each score moved halfway, geometrically, towards its concepts' structured-query score
   * (`concept-scores.ts`: a concept's senses as one term, so that a rare, unlikely sense does not outweigh the
   * usual one), scaled by the hits' median ratio of the two so that a hit the Chinese keys do not hold (found
   * through English words) keeps its score.
   */
  private async weighConcepts(head: BackendHit[], plan: Pick<QueryPlan, 'senses'>, keyOf: (h: BackendHit) => string): Promise<BackendHit[]> {
    const evidence = new CorpusEvidence(this.index, this.evidenceCounts);
    const holders = await Promise.all(plan.senses.map((senses) => Promise.all(senses.map((s) => evidence.holders(s.term)))));
    const concepts = plan.senses.map((senses) => ({ keys: senses.map((s) => s.key), weights: senses.map((s) => s.weight) }));
    const score = conceptScorer(concepts, holders, { size: this.layout.count, averageLength: this.layout.averageLength });
    const ratios = head.map((h) => (h.score > 0 ? (score(keyOf(h)) * (this.layout.priors[h.index] ?? 1)) / h.score : 0));
    const typical = median(ratios.filter((r) => r > 0));
    return typical > 0 ? head.map((h, i) => (ratios[i] > 0 ? { ...h, score: h.score * Math.sqrt(ratios[i] / typical) } : h)) : head;
  }

  async suggest(prefix: string, limit = 8): Promise<string[]> {
    // The last word: everything after the last whitespace (a linear scan, no backtracking regex).
    let cut = prefix.length;
    while (cut > 0 && !/\s/u.test(prefix[cut - 1] ?? '')) cut--;
    const head = prefix.slice(0, cut);
    const word = prefix.slice(cut);
    if (!word) return [];
    const last = normalizeTerm(word);
    return (await this.index.completions('words', last, limit + 1))
      .filter((c) => c.term !== last)
      .slice(0, limit)
      .map((c) => head + c.term);
  }

  async passage(id: string): Promise<PassageView | null> {
    const place = this.layout.placeOf(id);
    if (!place) return null;
    const [found] = await this.reader.at([place.index]);
    const passage = found?.passage;
    const doc = this.layout.docs.get(place.docId);
    if (!passage || passage.id !== id || !doc) return null;
    // The neighbours' ids follow from the ordinal: reading one passage reads one shard.
    return {
      passage,
      doc,
      prevId: place.ordinal > 0 ? passageId(doc.id, place.ordinal - 1) : null,
      nextId: place.ordinal < place.count - 1 ? passageId(doc.id, place.ordinal + 1) : null,
      citation: this.cite(doc, passage),
      work: citedWork(doc, this.layout.citeParts.get(doc.id)),
      url: passageUrl(passage.id),
      ...this.publicUrl(passage),
    };
  }

  concordance(q: string, options?: ConcordanceOptions): Promise<ConcordanceResponse> {
    return concordance(this.research(), q, options);
  }

  trend(q: string): Promise<TrendSeries> {
    return trend(this.research(), q);
  }

  /** Recent concordance lists (a stable backend only: a cluster's answers may change under it). */
  private readonly recentLists: RecentLists = new Map();

  get stableAnswers(): boolean {
    return this.index.stable;
  }

  private research(): ResearchSource {
    const { docs, sizes, reportSizes: sizesOfReports, docIds } = this.layout;
    return { index: this.index, reader: this.reader, docs, sizes, reportSizes: sizesOfReports, docAt: (index) => docIds[index], recent: this.index.stable ? this.recentLists : undefined };
  }

  documents(): DocMeta[] {
    return this.layout.docList;
  }

  async document(id: string): Promise<{ doc: DocMeta; passages: Passage[] } | null> {
    const doc = this.layout.docs.get(id);
    if (!doc) return null;
    const span = this.layout.spans.get(id);
    const positions = span ? Array.from({ length: span.last - span.first + 1 }, (_, i) => span.first + i) : [];
    return { doc, passages: (await this.reader.at(positions)).map((s) => s.passage) };
  }

  async backend(): Promise<{ name: string; nodes: BackendNode[] }> {
    return { name: this.index.name, nodes: await this.index.nodes() };
  }

  async close(): Promise<void> {
    await this.index.close();
  }

  stats(): { documents: number; passages: number; builtAt: string; indexVersion: string } {
    return {
      documents: this.layout.docList.length,
      passages: this.layout.count,
      builtAt: this.manifest.builtAt,
      indexVersion: `${this.manifest.formatVersion}/${this.manifest.analyzer.slice(0, 19)}`,
    };
  }

  /** `{ publicUrl }` when the site has a public address (`BASE_URL`), else nothing. */
  private publicUrl(passage: Passage): { publicUrl?: string } {
    return this.context.baseUrl ? { publicUrl: permalink(this.context.baseUrl, passage) } : {};
  }

  /** The texts of passages shown more than once, prepared for highlighting. */
  private readonly highlights = new HighlightMemo();

  /** The citations of hits and passages shown, made once a day per passage. */
  private readonly citations = new CitationMemo();

  /** What each document's citations are made with (the site's address, its dateline and article title), made once. */
  private readonly citeOptions = new Map<string, CitationOptions>();

  private cite(doc: DocMeta, passage: Passage): Citation {
    let options = this.citeOptions.get(doc.id);
    if (!options) {
      options = { baseUrl: this.context.baseUrl, ...this.layout.citeParts.get(doc.id) };
      this.citeOptions.set(doc.id, options);
    }
    return this.citations.cite(doc, passage, options);
  }

  /** Where a passage folded into a hit of the same text stands. */
  private sameTextHit({ passage }: StoredPassage): SameTextHit {
    const doc = this.layout.docs.get(passage.docId) as DocMeta;
    return { id: passage.id, docId: doc.id, docTitle: doc.title, docTitleEn: doc.titleEn, year: doc.year, paragraph: passage.paragraph ?? null, url: passageUrl(passage.id) };
  }

  /**
   * A result: its snippet around the densest matches, highlighted; with `wholeText`, the highlights of the whole
   * passage (and of its translation) as well. Without it, the translation is searched for matches only when the
   * original has none (its snippet is then cut from the translation).
   */
  private toHit(stored: StoredPassage, score: number, labels: string[], highlight: HighlightPlan, wholeText: boolean): SearchHit {
    const { passage, key, keyEn, index } = stored;
    const doc = this.layout.docs.get(passage.docId) as DocMeta;
    const textHighlights = this.highlights.ranges(index, 'text', passage.text, highlight, key);
    const needEnglish = passage.textEn !== undefined && (wholeText || textHighlights.length === 0);
    const textEnHighlights = needEnglish ? this.highlights.ranges(index, 'textEn', passage.textEn ?? '', highlight, keyEn) : undefined;
    const useEnglish = textHighlights.length === 0 && passage.textEn && (textEnHighlights?.length ?? 0) > 0;
    const shownText = useEnglish ? (passage.textEn ?? '') : passage.text;
    const { snippet, highlights } = makeSnippet(shownText, (useEnglish ? textEnHighlights : textHighlights) ?? [], conceptsIn(shownText, highlight));
    const hit: SearchHit = {
      id: passage.id,
      docId: doc.id,
      docTitle: doc.title,
      docTitleEn: doc.titleEn,
      year: doc.year,
      sectionPath: passage.sectionPath,
      kind: passage.kind,
      paragraph: passage.paragraph ?? null,
      text: passage.text,
      snippet,
      highlights,
    } as SearchHit;
    // Added in the answer's order (no spread of a small object per hit).
    if (wholeText) hit.textHighlights = textHighlights;
    hit.score = score;
    hit.url = passageUrl(passage.id);
    if (this.context.baseUrl) hit.publicUrl = permalink(this.context.baseUrl, passage);
    hit.citation = this.cite(doc, passage);
    if (passage.page !== undefined) {
      hit.page = passage.page;
      hit.pageEnd = passage.pageEnd ?? passage.page;
    }
    if (passage.textEn !== undefined) {
      hit.textEn = passage.textEn;
      if (wholeText) hit.textEnHighlights = textEnHighlights;
    }
    if (labels.length > 0) hit.expansions = labels;
    return hit;
  }
}
