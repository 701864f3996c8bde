/**
 * Passages in, index out: runs the analyzer over every passage once, collects each field's postings and
 * the passages' match keys, and serializes a generation (the corpus as JSON, the rest as one binary file).
 */
import type { DocMeta, Passage } from '../model.js';
import { analyze, loadChineseSegmenter, wordFieldTerms, wordFieldTokens } from '../text/analyzer.js';
import { passageFacts, type IndexField, type PassageFacts } from './backend.js';
import { verifierOver } from './checks.js';
import { PassageKeys } from './passage-keys.js';
import { PostingsBackend } from './postings-backend.js';
import { matchKeysOf, type MatchKeys } from './match-keys.js';
import { decodePostings, encodePostings, type PostingsIndex } from './postings-file.js';
import { FieldPostingsBuilder } from './postings.js';
import { CORPUS_FILE, INDEX_FIELDS, POSTINGS_FILE } from './schema.js';
import { IndexStoreError } from './store.js';

/** Documents and their passages, in corpus order. */
export interface CorpusData {
  docs: DocMeta[];
  passages: Passage[];
}

/** The data files of an index generation (name → content). */
export type IndexFiles = Record<string, string | Uint8Array>;

/** A built, searchable corpus. */
export interface BuiltIndex {
  data: CorpusData;
  backend: PostingsBackend;
  /** The match keys of `data.passages`, in the same order (what phrases are verified against). */
  keys: MatchKeys;
  files: IndexFiles;
}

/**
 * Analyzes every passage into the fields of the index.
 * @example indexPassages(passages).fields.bigrams.terms.includes('西藏') // true
 */
export function indexPassages(passages: readonly Passage[], onProgress?: (done: number, total: number) => void): PostingsIndex {
  const builders = Object.fromEntries(INDEX_FIELDS.map((f) => [f, new FieldPostingsBuilder()])) as Record<IndexField, FieldPostingsBuilder>;
  const headingTerms = new Map<string, string[]>();
  const step = Math.max(1, Math.floor(passages.length / 20));
  passages.forEach((passage, i) => {
    const analyzed = analyze(passage.text);
    builders.words.add(i, wordFieldTokens(analyzed).map((t) => t.term));
    builders.bigrams.add(i, analyzed.bigrams.map((t) => t.term));
    const heading = passage.sectionPath[passage.sectionPath.length - 1] ?? '';
    let headingWords = headingTerms.get(heading);
    if (!headingWords) {
      headingWords = wordFieldTerms(heading);
      headingTerms.set(heading, headingWords);
    }
    builders.heading.add(i, headingWords);
    builders.en.add(i, passage.textEn ? wordFieldTerms(passage.textEn) : []);
    if (onProgress && (i % step === 0 || i === passages.length - 1)) onProgress(i + 1, passages.length);
  });
  const fields = Object.fromEntries(INDEX_FIELDS.map((f) => [f, builders[f].finish(passages.length)])) as PostingsIndex['fields'];
  return { passages: passages.length, fields, keys: matchKeysOf(passages) };
}

/**
 * The per-passage facts (document, year, kind) a backend filters and counts facets by.
 * @example factsOf(data)[0].docId === data.passages[0].docId // true
 */
export function factsOf(data: CorpusData): PassageFacts[] {
  const years = new Map(data.docs.map((d) => [d.id, d.year]));
  return passageFacts(data.passages, (id) => years.get(id) ?? null);
}

/** The backend over an index of `data`, verifying over the keys the index holds for its passages. */
function backendOf(data: CorpusData, index: PostingsIndex): PostingsBackend {
  return new PostingsBackend(index, factsOf(data), verifierOver(new PassageKeys(data.passages, index.keys)));
}

/**
 * Builds the index of a corpus.
 * @example const built = buildIndex({ docs, passages }); built.backend.size() === passages.length
 */
export function buildIndex(data: CorpusData, onProgress?: (done: number, total: number) => void): BuiltIndex {
  // jieba itself for a build: it cuts twice as fast as the TypeScript cut a server uses (the same words), which
  // pays for its load over a corpus.
  loadChineseSegmenter();
  const index = indexPassages(data.passages, onProgress);
  return {
    data,
    backend: backendOf(data, index),
    keys: index.keys,
    // UTF-16: decoding it at start-up is a copy, where UTF-8 Chinese took 0.1 s at 30× the shipped corpus.
    files: { [CORPUS_FILE]: Buffer.from(JSON.stringify(data), 'utf16le'), [POSTINGS_FILE]: encodePostings(index) },
  };
}

/**
 * Rebuilds the in-memory backend from the files of a saved generation (INDEX_CORRUPT when they do not fit).
 * @example loadIndex({ 'corpus.json': jsonInUtf16, 'postings.bin': bytes }).backend.size()
 */
export function loadIndex(files: { [CORPUS_FILE]: Uint8Array; [POSTINGS_FILE]: Uint8Array }): Omit<BuiltIndex, 'files'> {
  const data = loadCorpusData(files[CORPUS_FILE]);
  const index = decodePostings(files[POSTINGS_FILE], INDEX_FIELDS);
  if (index.passages !== data.passages.length) {
    throw new IndexStoreError('INDEX_CORRUPT', `${POSTINGS_FILE} covers ${index.passages} passages, ${CORPUS_FILE} has ${data.passages.length}`);
  }
  return { data, backend: backendOf(data, index), keys: index.keys };
}

/**
 * The documents and passages of a saved generation's corpus file (INDEX_CORRUPT when it is not one).
 * @example loadCorpusData(bytesOfCorpusJson).passages.length
 */
export function loadCorpusData(corpus: Uint8Array): CorpusData {
  try {
    return JSON.parse(Buffer.from(corpus.buffer, corpus.byteOffset, corpus.byteLength).toString('utf16le')) as CorpusData;
  } catch (error) {
    throw new IndexStoreError('INDEX_CORRUPT', `${CORPUS_FILE} is not the corpus: ${(error as Error).message}`);
  }
}
