/**
 * The library API: open an index (built on first use) and search it. Needs no server.
 *
 * @example
 *   const engine = await openEngine();
 *   const { total, hits } = await engine.search('"乡村振兴" year:2024', { limit: 5 });
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { passageFacts, type BackendHit, type BackendNode, type SearchBackend, type StoredPassage } from '../index/backend.js';
import { sphinxConfigFromEnv } from '../index/sphinx/config.js';
import type { SphinxConfig } from '../index/sphinx/types.js';
import type { CorpusData } from '../index/build.js';
import { openCorpus, openIndex, type OpenIndexOptions } from '../index/open-index.js';
import { passageId } from '../chunk/chunk.js';
import { combineLexicons, corpusLexicon } from '../crosslang/corpus-lexicon.js';
import { createCrossLang, type CrossLang, type LearnedLexicon } from '../crosslang/expand.js';
import { loadLexicon } from '../crosslang/lexicon.js';
import { DEFAULT_LEXICON_PATH } from '../crosslang/paths.js';
import { createIngestError } from '../ingest/errors.js';
import type { DocMeta, Passage } from '../model.js';
import { normalizeTerm, openChineseDictionary } from '../text/analyzer.js';
import { CitationMemo, permalink } from './citation.js';
import { findArticleTitle, findDateline } from './dateline.js';
import { searchByDate } from './date-order.js';
import { matchRanges } from './highlight.js';
import { backendReader, memoryReader, type PassageReader } from './passage-reader.js';
import { planQuery, readEnglish, type HighlightPlan } from './plan.js';
import { CorpusEvidence } from './corpus-evidence.js';
import { corpusVocabulary } from './corpus-vocabulary.js';
import { beginsWord } from '../index/vocabulary.js';
import { createSuggester, type Suggester } from './did-you-mean.js';
import { sentenceProximity } from './proximity.js';
import { chooseSenses } from './senses.js';
import { parseQuery } from './query-parser.js';
import { concordance, trend, type ConcordanceOptions, type ConcordanceResponse, type RecentLists, type ResearchSource, type TrendSeries } from './research.js';
import { yearSizes, type YearSize } from './trend.js';
import { makeSnippet } from './snippet.js';
import type { Citation, DidYouMean, Engine, PassageView, SearchHit, SearchOptions, SearchResponse } from './types.js';

/** The repository root (where `corpus/` and `index/` live by default). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface EngineOptions {
  /** Corpus folders; default `CORPUS_DIR` (separated by `:`) or `corpus/`. */
  corpusDirs?: string[];
  /** Where the index lives; default `INDEX_DIR` or `index/`. */
  indexDir?: string;
  /** Base URL for citations of online passages (`[R/OL]`); default `BASE_URL`. */
  baseUrl?: string;
  /** Rebuild even when the saved index is current. */
  rebuild?: boolean;
  /**
   * Which backend answers queries: the embedded postings index (default), the MiniSearch reference
   * (`INDEX_BACKEND=minisearch`), or a Sphinx/Manticore cluster (`SEARCH_BACKEND=sphinx`, see docs/scale-out.md).
   */
  backend?: 'postings' | 'minisearch' | { sphinx: SphinxConfig };
  /** The cross-language expander; default: the shipped glossary and learned lexicon, the dictionary cached in the index folder. */
  crossLang?: CrossLang;
  /** The learned lexicon the default expander reads (default `data/lexicon.tsv`; null: none). */
  lexiconPath?: string | null;
  log?: (line: string) => void;
}

const DEFAULT_LIMIT = 10;
/** English queries: how many of the backend's best hits are reranked by proximity, and how much it counts. */
const RERANK_WINDOW = 50;
const PROXIMITY_WEIGHT = 0.5;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const MAX_LIMIT = 100;
/** How much of a document's opening text is searched for its dateline and article title. */
const OPENING_CHARS = 6000;
/** "Did you mean" is proposed below this many results, from at most this many candidates tried, keeping three. */
const FEW_RESULTS = 3;
const SUGGESTIONS_TRIED = 8;
const SUGGESTIONS_KEPT = 3;

/** Corpus folders from the environment, or the bundled corpus. */
export function defaultCorpusDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = (env.CORPUS_DIR ?? '').split(path.delimiter).map((d) => d.trim()).filter(Boolean);
  return fromEnv.length > 0 ? fromEnv.map((d) => path.resolve(d)) : [path.join(REPO_ROOT, 'corpus')];
}

/**
 * Opens the engine: loads the saved index when it matches the corpus and analyzer, builds it otherwise.
 * @example const engine = await openEngine({ corpusDirs: ['corpus'], indexDir: '/tmp/idx' })
 */
export async function openEngine(options: EngineOptions = {}): Promise<Engine> {
  const choice = options.backend ?? backendFromEnv();
  const where: OpenIndexOptions = {
    corpusDirs: options.corpusDirs ?? defaultCorpusDirs(),
    indexDir: options.indexDir ?? (process.env.INDEX_DIR ? path.resolve(process.env.INDEX_DIR) : path.join(REPO_ROOT, 'index')),
    force: options.rebuild,
    maxFileBytes: maxFileBytesFromEnv(),
    log: options.log,
  };
  // Queries are cut by the TypeScript cut over jieba's dictionaries, compiled once and cached in the index folder
  // (tens of milliseconds to open), not by jieba itself (seconds to load): building an index loads jieba.
  const segmenterStart = performance.now();
  openChineseDictionary(where.indexDir);
  options.log?.(`Chinese dictionary opened in ${Math.round(performance.now() - segmenterStart)} ms`);
  const baseUrl = citationBaseUrl(options.baseUrl ?? process.env.BASE_URL);
  if (typeof choice === 'object') {
    // A cluster holds its own index and the passages' text: Node reads the saved corpus only to check that
    // the cluster holds it (loading it when not), then keeps the documents and where each one's passages
    // lie, and lets the corpus go. Every passage shown is read from the cluster.
    const opened = await openCorpus(where);
    const crossLang = openCrossLang(options, where.indexDir, () => corpusLexicon(opened.data.passages, opened.manifest.corpus, where.indexDir, options.log));
    // Loaded only when a cluster is configured: the MySQL client takes ~0.1 s to load, on every start.
    const { openSphinxBackend } = await import('../index/sphinx/sphinx-backend.js');
    const backend = await openSphinxBackend(choice.sphinx, opened.data, { log: options.log });
    const reader = backendReader({ passagesAt: (indexes) => backend.passagesAt(indexes) });
    // Node holds neither the cluster's vocabulary nor its text: only the glossary's and lexicon's English.
    const suggester = createSuggester(corpusVocabulary({ words: () => null, passages: [], lexiconPath: lexiconPathOf(options) }));
    return new SearchEngine(new PassageLayout(opened.data.docs, opened.data.passages), reader, backend, opened.manifest, { baseUrl, crossLang, suggester });
  }
  const opened = await openIndex(where);
  const crossLang = openCrossLang(options, where.indexDir, () => corpusLexicon(opened.data.passages, opened.manifest.corpus, where.indexDir, options.log));
  const backend = choice === 'minisearch' ? await miniSearchBackend(opened.data) : opened.backend;
  const suggester = createSuggester(corpusVocabulary({ words: () => opened.backend.words(), passages: opened.data.passages, lexiconPath: lexiconPathOf(options) }));
  const beginsCorpusWord = (term: string): boolean => beginsWord(opened.backend.words(), term);
  return new SearchEngine(new PassageLayout(opened.data.docs, opened.data.passages), memoryReader(opened.data.passages), backend, opened.manifest, { baseUrl, crossLang, suggester, beginsWord: beginsCorpusWord });
}

/**
 * The expander the engine plans with: the one given, or the shipped data (with the lexicon learned from the
 * corpus's own parallel passages, when it has some) and the dictionary cached in the index folder. Its dictionary is opened now (built and cached the first time), so that the first English
 * query does not pay for it.
 */
function openCrossLang(options: EngineOptions, indexDir: string, ownCorpus: () => LearnedLexicon | null): CrossLang {
  const lexiconPath = lexiconPathOf(options);
  const lexicon = (): LearnedLexicon | null => combineLexicons([lexiconPath === null ? null : loadLexicon(lexiconPath), ownCorpus()]);
  const crossLang = options.crossLang ?? createCrossLang({ cacheDir: indexDir, lexicon: lexicon() });
  crossLang.dictionary();
  return crossLang;
}

/** The learned lexicon's file the options name (the shipped one by default), or null for none. */
function lexiconPathOf(options: EngineOptions): string | null {
  return options.lexiconPath === undefined ? DEFAULT_LEXICON_PATH : options.lexiconPath;
}

/** The backend named by the environment: `SEARCH_BACKEND=sphinx` (with its nodes), `INDEX_BACKEND=minisearch`. */
export function backendFromEnv(env: NodeJS.ProcessEnv = process.env): EngineOptions['backend'] {
  const sphinx = sphinxConfigFromEnv(env);
  if (sphinx) return { sphinx };
  return (env.INDEX_BACKEND ?? '').trim().toLowerCase() === 'minisearch' ? 'minisearch' : 'postings';
}

/** The MiniSearch reference backend over the corpus (loaded only when asked for). */
async function miniSearchBackend(data: CorpusData): Promise<SearchBackend> {
  const { MiniSearchBackend } = await import('../index/minisearch-backend.js');
  const years = new Map(data.docs.map((d) => [d.id, d.year]));
  return new MiniSearchBackend(data.passages, passageFacts(data.passages, (id) => years.get(id) ?? null));
}

/**
 * `MAX_FILE_BYTES` from the environment: a whole number of bytes above 0, or undefined when unset or empty
 * (the ingest default, 64 MiB). Any other value throws `INGEST_CONFIG_INVALID` naming the variable and the
 * accepted form, so a typo never silently means the default.
 * @example maxFileBytesFromEnv({ MAX_FILE_BYTES: '1048576' }) // 1048576
 */
export function maxFileBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.MAX_FILE_BYTES;
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = /^\s*\d{1,15}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!(value > 0)) {
    throw createIngestError('INGEST_CONFIG_INVALID', `MAX_FILE_BYTES must be a whole number of bytes above 0, e.g. 67108864 for 64 MiB (got "${raw}")`);
  }
  return value;
}

/** An absolute http(s) URL to cite passages under, or undefined (a relative or malformed value is ignored). */
export function citationBaseUrl(value: string | undefined): string | undefined {
  if (!value || !/^https?:\/\/[^\s/]+/i.test(value)) return undefined;
  return value.replace(/\/+$/, '');
}

/** The documents, and the positions of each one's passages (document order; a passage's ordinal is its place). */
class PassageLayout {
  readonly docs = new Map<string, DocMeta>();
  readonly spans = new Map<string, { first: number; last: number }>();
  /** What each document's citations take from its opening text: the dateline and the article's title. */
  readonly citeParts = new Map<string, { subtitle?: string; article?: string }>();
  readonly count: number;
  /** Reports and characters per year, for trends (counted once). */
  readonly sizes: Map<number, YearSize>;
  /** The report of the passage at each position. */
  readonly docIds: string[];

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
    this.sizes = yearSizes(docList, passages);
    this.docIds = passages.map((p) => p.docId);
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
    /** `beginsWord`: the corpus vocabulary's test for compound translations (`compounds.ts`); none on a cluster. */
    private readonly context: { baseUrl: string | undefined; crossLang: CrossLang; suggester: Suggester; beginsWord?: (term: string) => boolean },
  ) {}

  /** Passage counts for sense selection, kept for the engine's life (the corpus does not change under it). */
  private readonly evidenceCounts = new Map<string, number>();

  async search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    const t0 = performance.now();
    const parsed = parseQuery(query);
    const { keys, sink } = this.reader.searchKeys();
    const { crossLang } = this.context;
    const read = readEnglish(parsed, crossLang);
    const runs = read.length === 0 ? read : await chooseSenses(read, new CorpusEvidence(this.index, keys, sink, this.evidenceCounts, (word) => this.context.suggester.namesByPinyin(word), this.context.beginsWord, (term) => crossLang.dictionary().glosses(term)));
    const plan = planQuery(parsed, keys, { crossLang, runs });
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
      response.notice = 'The query has nothing to search for: type a word or a "quoted phrase".';
      response.noticeCode = 'NOTHING_TO_SEARCH';
    } else {
      const filters = {
        doc: options.doc ?? plan.query.filters.doc,
        year: options.year ?? plan.query.filters.year,
        kind: options.kind ?? plan.query.filters.kind,
      };
      // An English query's best hits are reranked by how close its concepts stand (`proximity.ts`): the
      // backend's first RERANK_WINDOW, always the same ones, so that pages neither overlap nor skip.
      // Sorted by date, the page is picked by date (`date-order.ts`); within a date, by the backend's score.
      const sort = options.sort ?? 'relevance';
      const window = plan.proximity.length >= 2 && sort === 'relevance' ? RERANK_WINDOW : 0;
      const wanted = window > 0 ? { offset: 0, limit: Math.max(window, offset + limit) } : { offset, limit };
      const result =
        sort === 'relevance'
          ? await this.index.search({ ...plan.query, filters, ...wanted }, sink)
          : await searchByDate(this.index, { ...plan.query, filters, offset, limit }, this.layout.docList, sort, sink);
      if (result.partial) {
        response.partial = true;
        response.warnings = [result.partial.message, ...result.partial.failed.map((n) => `${n} did not answer`)];
      }
      response.total = result.total;
      response.facets = result.facets;
      const reranked = window > 0 ? await this.rerank(result.hits, window, plan.proximity) : { hits: result.hits, read: new Map<number, StoredPassage>() };
      const page = window > 0 ? reranked.hits.slice(offset, offset + limit) : reranked.hits;
      const unread = page.filter((h) => !reranked.read.has(h.index)).map((h) => h.index);
      const wholeText = options.fields?.includes('text') ?? true;
      const stored = new Map([...reranked.read, ...(unread.length === 0 ? [] : await this.reader.at(unread)).map((s): [number, StoredPassage] => [s.index, s])]);
      response.hits = page.map((h) => {
        const found = stored.get(h.index);
        if (!found) throw new Error(`PASSAGE_MISSING: the backend found passage ${h.index}, which the passage store does not hold`);
        return this.toHit(found, h.score, h.labels, plan.highlight, wholeText);
      });
    }
    if (response.total < FEW_RESULTS && !plan.empty && options.suggest !== false) {
      const better = await this.didYouMean(query, response.total, options);
      if (better.length > 0) response.didYouMean = better;
    }
    response.tookMs = Math.round((performance.now() - t0) * 1000) / 1000;
    return response;
  }

  /** Proposals that find more than the query's `total` under the same filters, best first. */
  private async didYouMean(query: string, total: number, options: SearchOptions): Promise<DidYouMean[]> {
    const kept: DidYouMean[] = [];
    for (const candidate of this.context.suggester.candidates(query).slice(0, SUGGESTIONS_TRIED)) {
      const found = await this.search(candidate.query, { ...options, limit: 1, offset: 0, suggest: false });
      if (found.total > total) kept.push({ ...candidate, total: found.total });
      if (kept.length === SUGGESTIONS_KEPT) break;
    }
    return kept;
  }

  /**
   * Chinese corpus words whose toneless pinyin is a romanized name, most frequent first (built on first use).
   * @example engine.namesByPinyin("Xiong'an") // ['雄安']
   */
  namesByPinyin(name: string): string[] {
    return this.context.suggester.namesByPinyin(name);
  }

  /**
   * The first `window` hits reordered by their score raised by the concepts' proximity, the rest as they
   * were; with the passages read to weigh them, so the page does not read them again.
   */
  private async rerank(hits: BackendHit[], window: number, concepts: string[][]): Promise<{ hits: BackendHit[]; read: Map<number, StoredPassage> }> {
    const head = hits.slice(0, window);
    const read = new Map((await this.reader.at(head.map((h) => h.index))).map((s) => [s.index, s]));
    const scored = head.map((h) => ({ ...h, score: round3(h.score * (1 + PROXIMITY_WEIGHT * sentenceProximity(read.get(h.index)?.key ?? '', concepts))) }));
    scored.sort((a, b) => b.score - a.score || a.index - b.index);
    return { hits: [...scored, ...hits.slice(window)], read };
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
      url: `/p/${passage.id}`,
      ...this.publicUrl(passage),
    };
  }

  concordance(q: string, options?: ConcordanceOptions): Promise<ConcordanceResponse> {
    return concordance(this.research(), q, options);
  }

  trend(q: string): Promise<TrendSeries> {
    return trend(this.research(), q);
  }

  /** Recent concordance lists (an embedded index only: a cluster's answers may change under it). */
  private readonly recentLists: RecentLists = new Map();

  private research(): ResearchSource {
    const embedded = this.index.name === 'postings' || this.index.name === 'minisearch';
    const { docs, sizes, docIds } = this.layout;
    return { index: this.index, reader: this.reader, docs, sizes, docAt: (index) => docIds[index], recent: embedded ? this.recentLists : undefined };
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

  /** The citations of hits and passages shown, made once a day per passage. */
  private readonly citations = new CitationMemo();

  private cite(doc: DocMeta, passage: Passage): Citation {
    return this.citations.cite(doc, passage, { baseUrl: this.context.baseUrl, ...this.layout.citeParts.get(doc.id) });
  }

  /**
   * A result: its snippet around the densest matches, highlighted; with `wholeText`, the highlights of the whole
   * passage (and of its translation) as well. Without it, the translation is searched for matches only when the
   * original has none (its snippet is then cut from the translation).
   */
  private toHit(stored: StoredPassage, score: number, labels: string[], highlight: HighlightPlan, wholeText: boolean): SearchHit {
    const { passage, key, keyEn } = stored;
    const doc = this.layout.docs.get(passage.docId) as DocMeta;
    const textHighlights = matchRanges(passage.text, highlight, key);
    const needEnglish = passage.textEn !== undefined && (wholeText || textHighlights.length === 0);
    const textEnHighlights = needEnglish ? matchRanges(passage.textEn ?? '', highlight, keyEn) : undefined;
    const useEnglish = textHighlights.length === 0 && passage.textEn && (textEnHighlights?.length ?? 0) > 0;
    const { snippet, highlights } = useEnglish
      ? makeSnippet(passage.textEn ?? '', textEnHighlights ?? [])
      : makeSnippet(passage.text, textHighlights);
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
      ...(wholeText ? { textHighlights } : {}),
      score,
      url: `/p/${passage.id}`,
      ...this.publicUrl(passage),
      citation: this.cite(doc, passage),
    };
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
