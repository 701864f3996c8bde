/**
 * The index stage wired to the pipeline before it: open (or build) the saved index, or only its corpus,
 * reading the reports with `readAndChunk` when a build is needed.
 */
import * as saved from '../index/open-index.js';
import type { OpenedCorpus, OpenedIndex, OpenIndexOptions } from '../index/open-index.js';
import { readAndChunk } from './read-corpus.js';

/** Where the index is and what to build it from; the corpus is read by ingest + chunk unless `source` says otherwise. */
export type IndexPlace = Omit<OpenIndexOptions, 'source'> & Partial<Pick<OpenIndexOptions, 'source'>>;

const withSource = (place: IndexPlace): OpenIndexOptions => ({ ...place, source: place.source ?? readAndChunk });

/**
 * Opens the index of the corpus: loads it when current, builds it from the reports otherwise.
 * @example const { backend, data } = await openIndex({ corpusDirs: ['corpus'], indexDir: 'index' })
 */
export function openIndex(place: IndexPlace): Promise<OpenedIndex> {
  return saved.openIndex(withSource(place));
}

/**
 * Opens only the corpus of the index (for a backend that holds its own index), building the index when needed.
 * @example const { data } = await openCorpus({ corpusDirs: ['corpus'], indexDir: 'index' })
 */
export function openCorpus(place: IndexPlace): Promise<OpenedCorpus> {
  return saved.openCorpus(withSource(place));
}

/**
 * Reads the reports and builds the index again, even when the saved one is current (`npm run ingest`).
 * @example const { data, warnings } = await rebuildIndex({ corpusDirs: ['corpus'], indexDir: 'index' })
 */
export function rebuildIndex(place: IndexPlace): Promise<OpenedIndex> {
  return saved.openIndex(withSource({ ...place, force: true }));
}
