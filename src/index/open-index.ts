/**
 * Loads the saved index when it matches the corpus and the analyzer, or builds and saves a new one.
 * A missing, stale, mismatched or corrupt index is never served: it is reported and rebuilt.
 * What to build from comes in as a `CorpusSource` (the composition root passes ingest + chunk,
 * `runtime/read-corpus.ts`): the index stage does not reach back into the stages before it.
 */
import type { IngestWarning } from '../model.js';
import { analyzerFingerprint } from '../text/analyzer.js';
import { buildIndex, loadCorpusData, loadIndex, type BuiltIndex, type CorpusData } from './build.js';
import { ChecksumThread } from './checksum-thread.js';
import { fingerprintParts } from './fingerprint.js';
import { CORPUS_FILE, INDEX_FORMAT_VERSION, POSTINGS_FILE } from './schema.js';
import { IndexStoreError, readIndexFile, readManifest, writeIndex, type IndexManifest } from './store.js';

/** Reads the corpus folders into documents and passages (with the warnings of what could not be read). */
export type CorpusSource = (
  corpusDirs: readonly string[],
  options: { maxFileBytes?: number; log: (line: string) => void },
) => Promise<{ data: CorpusData; warnings: IngestWarning[] }>;

export interface OpenIndexOptions {
  corpusDirs: readonly string[];
  /** What a build reads the corpus with. */
  source: CorpusSource;
  /** Files larger than this many bytes are skipped with a warning (ingest's default when unset). */
  maxFileBytes?: number;
  indexDir: string;
  /** Build even when the saved index is current. */
  force?: boolean;
  /** The second thread the checksums run on, which the caller closes (default: one of its own, closed once opened). */
  thread?: ChecksumThread;
  log?: (line: string) => void;
}

/** The corpus of the saved index, without its postings (what a cluster backend needs in Node). */
export interface OpenedCorpus {
  data: CorpusData;
  manifest: Omit<IndexManifest, 'files'>;
  /** True when this call built the index. */
  built: boolean;
  warnings: IngestWarning[];
}

export interface OpenedIndex extends OpenedCorpus, Omit<BuiltIndex, 'files'> {}

/** Reads, chunks and indexes the corpus, then saves it as a new generation. */
async function buildAndSave(options: OpenIndexOptions, corpusFingerprint: string): Promise<OpenedIndex> {
  const log = options.log ?? (() => undefined);
  const t0 = performance.now();
  const { data, warnings } = await options.source(options.corpusDirs, { maxFileBytes: options.maxFileBytes, log });
  log(`read ${data.docs.length} documents, ${data.passages.length} passages in ${Math.round(performance.now() - t0)} ms; indexing…`);
  const built = buildIndex(data, (done, total) => log(`  indexed ${done}/${total} passages`));
  const manifest = manifestFor(data, corpusFingerprint);
  await writeIndex(options.indexDir, built.files, manifest);
  log(`index written to ${options.indexDir} in ${Math.round(performance.now() - t0)} ms total`);
  return { data: built.data, backend: built.backend, keys: built.keys, manifest, built: true, warnings };
}

/**
 * The manifest of a new generation built from `data` (all but the files' checksums, which the store adds).
 * @example manifestFor({ docs, passages }, 'sha256:…').formatVersion === INDEX_FORMAT_VERSION
 */
export function manifestFor(data: CorpusData, corpusFingerprint: string): Omit<IndexManifest, 'files'> {
  return {
    formatVersion: INDEX_FORMAT_VERSION,
    analyzer: analyzerFingerprint(),
    corpus: corpusFingerprint,
    builtAt: new Date().toISOString(),
    documents: data.docs.length,
    passages: data.passages.length,
  };
}

/** Why the saved index cannot be served by this code (its format or analyzer), or null when it can. */
function staleness(manifest: IndexManifest): string | null {
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return `index format ${manifest.formatVersion}, need ${INDEX_FORMAT_VERSION}`;
  if (manifest.analyzer !== analyzerFingerprint()) return 'the analyzer or its dictionary changed';
  return null;
}

/**
 * Opens the index for the corpus: loads it when current, builds it otherwise.
 * @example const { backend, data } = await openIndex({ corpusDirs: ['corpus'], indexDir: 'index', source: readAndChunk })
 */
export async function openIndex(options: OpenIndexOptions): Promise<OpenedIndex> {
  return openSaved(options, async (read) => loadIndex({ [CORPUS_FILE]: await read(CORPUS_FILE), [POSTINGS_FILE]: await read(POSTINGS_FILE) }));
}

/**
 * Opens only the corpus of the index (its documents and passages, not its postings): loads it when the
 * saved index is current, builds and saves the whole index otherwise. For a backend that holds its own index.
 * @example const { data } = await openCorpus({ corpusDirs: ['corpus'], indexDir: 'index', source: readAndChunk })
 */
export async function openCorpus(options: OpenIndexOptions): Promise<OpenedCorpus> {
  return openSaved(options, async (read) => ({ data: loadCorpusData(await read(CORPUS_FILE)) }));
}

/**
 * Opens the saved index with `load` when it is current and intact, builds it otherwise. The corpus fingerprint
 * (is the index stale?) and every data file's sha256 (is it intact?) are computed on a second thread while this
 * one reads and decodes; what was decoded is returned only once both agree with the manifest, and a decoding
 * error on a file whose checksum fails is reported as the damage it is.
 */
async function openSaved<T extends { data: CorpusData }>(
  options: OpenIndexOptions,
  load: (read: (file: string) => Promise<Uint8Array>) => Promise<T>,
): Promise<(T & OpenedCorpus) | OpenedIndex> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const thread = options.thread ?? new ChecksumThread().start();
  try {
    const corpus = thread.digest(fingerprintParts(options.corpusDirs)).then((hex) => `sha256:${hex}`);
    corpus.catch(() => undefined);
    if (options.force) return await buildAndSave(options, await corpus);
    try {
      const { generation, manifest } = await readManifest(options.indexDir);
      const why = staleness(manifest);
      if (why) throw new IndexStoreError('INDEX_STALE', why);
      const checks: Array<Promise<void>> = [];
      const read = async (file: string): Promise<Uint8Array> => {
        const { bytes, verified } = readIndexFile(options.indexDir, generation, manifest, file, thread);
        checks.push(verified);
        return bytes;
      };
      const loaded = await load(read).catch(async (error: unknown) => {
        await Promise.all(checks);
        throw error;
      });
      await Promise.all(checks);
      if (manifest.corpus !== (await corpus)) throw new IndexStoreError('INDEX_STALE', 'the corpus changed');
      const { files: _files, ...rest } = manifest;
      log(`index ${generation} opened in ${Math.round(performance.now() - started)} ms: ${loaded.data.passages.length} passages`);
      return { ...loaded, manifest: rest, built: false, warnings: [] };
    } catch (e) {
      if (!(e instanceof IndexStoreError)) throw e;
      log(e.code === 'INDEX_MISSING' ? 'no index yet: building it' : `index not usable (${e.code}: ${e.message}): rebuilding`);
      return await buildAndSave(options, await corpus);
    }
  } finally {
    if (options.thread === undefined) thread.close();
  }
}
