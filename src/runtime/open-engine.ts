/**
 * The composition root of the search engine: settings → the saved index (built by ingest + chunk when
 * needed) → the backend the settings choose → the cross-language expander and the suggester → the engine.
 * The only place that knows the concrete backends; `search/` gets them through the `SearchBackend` seam.
 *
 * @example
 *   const engine = await openEngine(engineOptionsOf(configFromEnv(process.env)));
 *   const { total, hits } = await engine.search('"乡村振兴" year:2024', { limit: 5 });
 */
import type { BackendChoice, Config } from '../config.js';
import { combineLexicons, corpusLexicon } from '../crosslang/corpus-lexicon.js';
import { loadDictionary, type Dictionary } from '../crosslang/dictionary.js';
import { createCrossLang, type CrossLang } from '../crosslang/expand.js';
import { lazyDictionaryVouch } from '../crosslang/lexicon-vouch.js';
import { loadLexicon } from '../crosslang/lexicon.js';
import { DEFAULT_LEXICON_PATH } from '../crosslang/paths.js';
import type { SearchBackend } from '../index/backend.js';
import { factsOf, type CorpusData } from '../index/build.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_DIR } from '../paths.js';
import { corpusVocabulary } from '../search/corpus-vocabulary.js';
import { createSuggester } from '../search/did-you-mean.js';
import { createEngine } from '../search/engine.js';
import { backendReader, memoryReader } from '../search/passage-reader.js';
import type { Engine } from '../search/types.js';
import { openChineseDictionary } from '../text/analyzer.js';
import { ChecksumThread } from '../index/checksum-thread.js';
import { vocabularyCount, wordsBeginning } from '../index/vocabulary.js';
import { openCorpus, openIndex, type IndexPlace } from './build-index.js';
import { dictionaryNeedsBuilding } from './dictionary-cache-check.js';
import type { OpenedCorpus } from '../index/open-index.js';

export interface EngineOptions {
  /** Corpus folders; default the bundled `corpus/` (the entry points pass `CORPUS_DIR`, `src/config.ts`). */
  corpusDirs?: readonly string[];
  /** Where the index lives; default `index/`. */
  indexDir?: string;
  /** Base URL for citations of online passages (`[R/OL]`); an absolute http(s) URL, else none. */
  baseUrl?: string;
  /** Files larger than this are skipped with a warning (ingest's default, 64 MiB, when unset). */
  maxFileBytes?: number;
  /** Rebuild even when the saved index is current. */
  rebuild?: boolean;
  /**
   * Which backend answers queries: the embedded postings index (default), the MiniSearch reference, or a
   * Sphinx/Manticore cluster (see docs/scale-out.md).
   */
  backend?: BackendChoice;
  /** The cross-language expander; default: the shipped glossary and learned lexicon, the dictionary cached in the index folder. */
  crossLang?: CrossLang;
  /** The learned lexicon the default expander reads (default `data/lexicon.tsv`; null: none). */
  lexiconPath?: string | null;
  log?: (line: string) => void;
}

/**
 * The engine options a configuration names.
 * @example await openEngine({ ...engineOptionsOf(configFromEnv(process.env)), log: console.log })
 */
export function engineOptionsOf(config: Readonly<Config>): EngineOptions {
  const { corpusDirs, indexDir, baseUrl, maxFileBytes, backend } = config;
  return { corpusDirs, indexDir, baseUrl, maxFileBytes, backend };
}

/** Words of the vocabulary a compound translation's prefix is judged by (`search/compounds.ts`). */
const WORDS_BEGINNING = 32;

/**
 * Opens the engine: loads the saved index when it matches the corpus and analyzer, builds it otherwise.
 * @example const engine = await openEngine({ corpusDirs: ['corpus'], indexDir: '/tmp/idx' })
 */
export async function openEngine(options: EngineOptions = {}): Promise<Engine> {
  // One second thread for every checksum of the start: the index's files and the cross-language dictionary's.
  const thread = new ChecksumThread().start();
  const place = {
    corpusDirs: options.corpusDirs ?? [DEFAULT_CORPUS_DIR],
    indexDir: options.indexDir ?? DEFAULT_INDEX_DIR,
    force: options.rebuild,
    maxFileBytes: options.maxFileBytes,
    log: options.log,
    thread,
  };
  try {
    return await openEngineAt(options, place);
  } finally {
    thread.close();
  }
}

/** `openEngine` with the index's place settled (and its checksum thread started). */
async function openEngineAt(options: EngineOptions, place: IndexPlace & { thread: ChecksumThread }): Promise<Engine> {
  // The index (built when needed: building loads jieba), the Chinese dictionary queries are cut with, and the
  // English→Chinese dictionary (built once and cached in index/).
  const choice = options.backend ?? 'postings';
  // The embedded index starts opening first: its checksums run on the second thread from here on, while this one
  // opens the dictionary below, then reads and decodes the index.
  const indexOpening = typeof choice === 'object' ? null : openIndex(place);
  indexOpening?.catch(() => undefined);
  // Queries are cut by the TypeScript cut over jieba's dictionaries, compiled once and cached in the index folder
  // (tens of milliseconds to open), not by jieba itself (seconds to load): building an index loads jieba.
  const segmenterStart = performance.now();
  openChineseDictionary(place.indexDir);
  options.log?.(`Chinese dictionary opened in ${Math.round(performance.now() - segmenterStart)} ms`);
  const { baseUrl } = options;
  if (typeof choice === 'object') {
    // A cluster holds its own index and the passages' text: Node reads the saved corpus only to check that
    // the cluster holds it (loading it when not), then keeps the documents and where each one's passages
    // lie, and lets the corpus go. Every passage shown is read from the cluster.
    const opened = await openCorpus(place);
    const { crossLang, ready } = openCheckedCrossLang(options, place, opened);
    // Loaded only when a cluster is configured: the MySQL client takes ~0.1 s to load, on every start.
    const { openSphinxBackend } = await import('../index/sphinx/sphinx-backend.js');
    const backend = await openSphinxBackend(choice.sphinx, opened.data, { log: options.log });
    const reader = backendReader({ passagesAt: (indexes) => backend.passagesAt(indexes) });
    // Node holds neither the cluster's vocabulary nor its text: only the glossary's and lexicon's English.
    const suggester = createSuggester(corpusVocabulary({ words: () => null, passages: [], lexiconPath: lexiconPathOf(options) }));
    await ready();
    return createEngine({ ...opened.data, reader, backend, manifest: opened.manifest, baseUrl, crossLang, suggester });
  }
  const opened = await (indexOpening ?? openIndex(place));
  // The cross-language dictionary's cache is checked on the same thread, now that the index's checks are done.
  const { crossLang, ready } = openCheckedCrossLang(options, place, opened);
  const backend = choice === 'minisearch' ? await miniSearchBackend(opened.data) : opened.backend;
  const suggester = createSuggester(corpusVocabulary({ words: () => opened.backend.words(), passages: opened.data.passages, lexiconPath: lexiconPathOf(options) }));
  const corpusWordsBeginning = (prefix: string): string[] => wordsBeginning(opened.backend.words(), prefix, WORDS_BEGINNING);
  await ready();
  return createEngine({
    ...opened.data,
    reader: memoryReader(opened.data.passages, opened.keys),
    backend,
    manifest: opened.manifest,
    baseUrl,
    crossLang,
    suggester,
    wordsBeginning: corpusWordsBeginning,
    wordCount: (term) => vocabularyCount(opened.backend.words(), term),
  });
}

/**
 * The expander the engine plans with: the one given, or the shipped data (with the lexicon learned from the
 * corpus's own parallel passages, when it has some) and the dictionary cached in the index folder. The
 * dictionary is opened once, by whichever needs it first: the first English query, or the corpus lexicon's
 * learning, whose pairs seen once it vouches for as it does the shipped lexicon's.
 */
function openCrossLang(options: EngineOptions, place: IndexPlace, opened: OpenedCorpus): CrossLang {
  if (options.crossLang) return options.crossLang;
  let dictionary: Dictionary | null = null;
  const openDictionary = (): Dictionary => (dictionary ??= loadDictionary({ cacheDir: place.indexDir }));
  const lexiconPath = lexiconPathOf(options);
  const ownCorpus = corpusLexicon(opened.data.passages, opened.manifest.corpus, {
    indexDir: place.indexDir,
    log: options.log,
    learn: { vouch: lazyDictionaryVouch(openDictionary) },
  });
  const lexicon = combineLexicons([lexiconPath === null ? null : loadLexicon(lexiconPath), ownCorpus]);
  return createCrossLang({ cacheDir: place.indexDir, lexicon, dictionary: openDictionary });
}

/**
 * The expander (`openCrossLang`), and when it is `ready`: the dictionary cached in the index folder is checked
 * against its manifest on the index's checksum thread while the start goes on; with none there yet, or one that
 * does not match, the dictionary is built before the start ends (seconds, from CC-CEDICT; a stale cache with a
 * warning naming the file), so that no query waits for that. A matching one is opened by the first query with an
 * English word that needs it (~0.1–0.2 s for the table), so that a start, and a Chinese first query, do not wait.
 */
function openCheckedCrossLang(options: EngineOptions, place: IndexPlace & { thread: ChecksumThread }, opened: OpenedCorpus): { crossLang: CrossLang; ready: () => Promise<void> } {
  const needed = dictionaryNeedsBuilding(place.indexDir, place.thread);
  needed.catch(() => undefined);
  const crossLang = openCrossLang(options, place, opened);
  // Awaited by a start that got this far: a start that failed before never builds the dictionary.
  const ready = async (): Promise<void> => {
    if (await needed) crossLang.dictionary();
  };
  return { crossLang, ready };
}

/** The learned lexicon's file the options name (the shipped one by default), or null for none. */
function lexiconPathOf(options: EngineOptions): string | null {
  return options.lexiconPath === undefined ? DEFAULT_LEXICON_PATH : options.lexiconPath;
}

/** The MiniSearch reference backend over the corpus (loaded only when asked for). */
async function miniSearchBackend(data: CorpusData): Promise<SearchBackend> {
  const { MiniSearchBackend } = await import('../index/minisearch-backend.js');
  return new MiniSearchBackend(data.passages, factsOf(data));
}
