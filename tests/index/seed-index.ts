/** The shipped corpus, chunked and indexed once per test process (test helper). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkDocument } from '../../src/chunk/chunk.js';
import type { Verifier } from '../../src/index/backend.js';
import { buildIndex, indexPassages, type BuiltIndex, type CorpusData } from '../../src/index/build.js';
import { verifierOver } from '../../src/index/checks.js';
import { PassageKeys } from '../../src/index/passage-keys.js';
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

/** The seeds built into a backend of their own, with their match keys (a fresh copy of the passages). */
export async function seedBackend(): Promise<{ built: BuiltIndex; keys: PassageKeys }> {
  const { data } = await seedIndex();
  const built = buildIndex({ docs: data.docs, passages: data.passages.slice() });
  return { built, keys: new PassageKeys(built.data.passages, built.keys) };
}

/** The seeds' index with the keys of its passages and a verifier over them (as the backend verifies). */
export async function seedVerified(): Promise<{ data: CorpusData; index: PostingsIndex; keys: PassageKeys; verifier: Verifier }> {
  const { data, index } = await seedIndex();
  const keys = new PassageKeys(data.passages);
  return { data, index, keys, verifier: verifierOver(keys) };
}
