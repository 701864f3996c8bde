/** The shipped corpus, chunked and indexed once per test process (test helper). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { indexPassages, type CorpusData } from '../../src/index/build.js';
import type { PostingsIndex } from '../../src/index/postings-file.js';
import { readCorpus } from '../../src/ingest/corpus.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let cached: { data: CorpusData; index: PostingsIndex } | null = null;

/** The seeds' documents and passages, and their postings. */
export async function seedIndex(): Promise<{ data: CorpusData; index: PostingsIndex }> {
  if (cached) return cached;
  const { docs } = await readCorpus([path.join(repoRoot, 'corpus')]);
  const passages = docs.flatMap((d) => chunkDocument(d));
  const data = { docs: docs.map((d) => d.meta), passages };
  cached = { data, index: indexPassages(passages) };
  return cached;
}
