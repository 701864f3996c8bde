/**
 * Passages in, index out: runs the analyzer over every passage once and fills MiniSearch, the vocabulary
 * for completions, and the serialized files of an index generation.
 */
import MiniSearch from 'minisearch';
import type { DocMeta, Passage } from '../model.js';
import { analyze } from '../text/analyzer.js';
import { passageFacts } from './backend.js';
import { MiniSearchBackend } from './minisearch-backend.js';
import { MINISEARCH_OPTIONS, joinTerms, type IndexedDoc } from './schema.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

/** Documents and their passages, in corpus order. */
export interface CorpusData {
  docs: DocMeta[];
  passages: Passage[];
}

/** A built, searchable corpus. */
export interface BuiltIndex {
  data: CorpusData;
  backend: MiniSearchBackend;
  /** The files of an index generation (name → content). */
  files: Record<string, string>;
}

const CORPUS_FILE = 'corpus.json';
const MINISEARCH_FILE = 'minisearch.json';
const VOCABULARY_FILE = 'vocabulary.json';
export const INDEX_FILES = [CORPUS_FILE, MINISEARCH_FILE, VOCABULARY_FILE] as const;

const termsOf = (text: string): string[] => analyze(text).words.map((t) => t.term);

/** Analyzes one passage into the fields of the index. `headingTerms` caches section titles. */
function toIndexedDoc(passage: Passage, index: number, headingTerms: Map<string, string[]>): IndexedDoc {
  const analyzed = analyze(passage.text);
  const heading = passage.sectionPath[passage.sectionPath.length - 1] ?? '';
  let headingWords = headingTerms.get(heading);
  if (!headingWords) {
    headingWords = termsOf(heading);
    headingTerms.set(heading, headingWords);
  }
  return {
    id: index,
    words: joinTerms(analyzed.words.map((t) => t.term)),
    bigrams: joinTerms(analyzed.bigrams.map((t) => t.term)),
    heading: joinTerms(headingWords),
    en: passage.textEn ? joinTerms(termsOf(passage.textEn)) : '',
  };
}

/**
 * Builds the index of a corpus.
 * @example const built = buildIndex({ docs, passages }); built.backend.size() === passages.length
 */
export function buildIndex(data: CorpusData, onProgress?: (done: number, total: number) => void): BuiltIndex {
  const years = new Map(data.docs.map((d) => [d.id, d.year]));
  const miniSearch = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
  const headingTerms = new Map<string, string[]>();
  const wordLists: string[][] = [];
  const step = Math.max(1, Math.floor(data.passages.length / 20));
  data.passages.forEach((passage, index) => {
    const doc = toIndexedDoc(passage, index, headingTerms);
    wordLists.push(doc.words ? doc.words.split('\u0001') : []);
    miniSearch.add(doc);
    if (onProgress && (index % step === 0 || index === data.passages.length - 1)) onProgress(index + 1, data.passages.length);
  });
  const vocabulary = buildVocabulary(wordLists);
  const facts = passageFacts(data.passages, (id) => years.get(id) ?? null);
  return {
    data,
    backend: new MiniSearchBackend(miniSearch, facts, vocabulary),
    files: {
      [CORPUS_FILE]: JSON.stringify(data),
      [MINISEARCH_FILE]: JSON.stringify(miniSearch),
      [VOCABULARY_FILE]: JSON.stringify(vocabulary),
    },
  };
}

/** Rebuilds the in-memory backend from the files of a saved generation. */
export function loadIndex(files: Record<(typeof INDEX_FILES)[number], string>): Omit<BuiltIndex, 'files'> {
  const data = JSON.parse(files[CORPUS_FILE]) as CorpusData;
  const vocabulary = JSON.parse(files[VOCABULARY_FILE]) as Vocabulary;
  const years = new Map(data.docs.map((d) => [d.id, d.year]));
  const facts = passageFacts(data.passages, (id) => years.get(id) ?? null);
  return { data, backend: MiniSearchBackend.fromJSON(files[MINISEARCH_FILE], facts, vocabulary) };
}
