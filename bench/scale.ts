/**
 * One scale of the benchmark, in its own process (so its peak memory is its own):
 *   node --expose-gc --import tsx bench/scale.ts '<ScaleJob as JSON>'
 * ingest → index on disk → in-process queries, scan, exactness → HTTP load → cold start → peers → other
 * backends (`--backend sphinx`: bench/backend-sphinx.ts, in its own process, on this index's passages).
 * Writes a ScaleReport as JSON to `job.out`.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { chunkDocument } from '../src/chunk/chunk.js';
import { readCorpus } from '../src/ingest/corpus.js';
import { buildIndex, type CorpusData } from '../src/index/build.js';
import { corpusFilesFingerprint } from '../src/index/fingerprint.js';
import { manifestFor } from '../src/index/open-index.js';
import { openIndex } from '../src/runtime/build-index.js';
import { writeIndex } from '../src/index/store.js';
import type { Passage, SourceDoc } from '../src/model.js';
import { openEngine } from '../src/runtime/open-engine.js';
import { PassageKeys } from '../src/index/passage-keys.js';
import type { Engine } from '../src/search/types.js';
import { DICTIONARY_CACHE_FILE } from '../src/crosslang/dictionary.js';
import { createCrossLang } from '../src/crosslang/expand.js';
import { createApp } from '../src/server/app.js';
import { analyze, analyzeWords, loadChineseSegmenter, phraseKey } from '../src/text/analyzer.js';
import type { SphinxJob, SphinxOutcome } from './backend-sphinx.js';
import type { LoadConfig, LoadResult, SequentialResult } from './http-load.js';
import { DEFAULT_SAMPLING, latencyOver, sample, sampleAsync, type SamplingOptions } from './measure.js';
import { exactSet, matchKey, qualityOf, scanCount, type PhraseQuality } from './exactness.js';
import { PEERS } from './peers.js';
import { latencyByCategory, phraseIndexes, retrieval } from './query-latency.js';
import { collectGarbage, httpGet, peakRssMb, procMemoryMb, runTsx, startServer, stopServer, usedMemory } from './processes.js';
import { loadQueries, peerText, phraseOf, type BenchQuery } from './queries.js';
import { corpusDirsOf, scaleSpec, syntheticCorpus, textLength } from './scales.js';
import { runNode } from './spawn-node.js';
import { mb, median, ratio, round, timed, timedAsync, type Latency } from './stats.js';

/** The most frequent content word of the reports (8,000+ passages at the real scale): the worst case of a word query. */
const FREQUENT_WORD = '发展';

export interface ScaleJob {
  scale: string;
  repoRoot: string;
  workDir: string;
  out: string;
  sampling: SamplingOptions;
  http: { connections: number; seconds: number } | null;
  coldStart: boolean;
  peers: string[];
  /** Backends measured beside the embedded one (`sphinx`); absent or ['embedded']: none. */
  backends?: string[];
}

export type { PhraseQuality } from './exactness.js';

export interface PeerReport extends PhraseQuality {
  name: string;
  buildMs: number;
  memoryMb: number;
  latency: Latency;
}

export interface ScaleReport {
  scale: string;
  /** Text size relative to the shipped corpus. */
  factor: number;
  corpus: { documents: number; passages: number; chars: number; warnings: number };
  ingest: {
    readMs: number | null;
    chunkMs: number;
    segmenterLoadMs: number;
    segmentMs: number;
    buildMs: number;
    writeMs: number;
    /** Building the cross-language dictionary cache in the index folder (once per folder, corpus-independent). */
    dictionaryCacheMs: number;
    charsPerSecond: number;
    segmentationShare: number;
  };
  buildVsSegmentation: number | null;
  index: { bytes: number; mb: number; files: Record<string, number> };
  openMs: number;
  rss: { buildPeakMb: number; servePeakMb: number };
  /** `firstAsk`: each query's first time in the process (the warm-up pass; absent in reports made before it). */
  queries: { firstMs: number; all: Latency; firstAsk?: Latency; phrases: Latency; byCategory: Record<string, Latency>; queries: number };
  /**
   * The engine on the most frequent word of the reports (the query that matches most passages, so the one
   * whose cost grows with the corpus): its latency and total. Absent in runs made before it was measured.
   */
  frequent?: { q: string; total: number; latency: Latency };
  /** Parse, plan and index only (what the index is responsible for): no snippets, highlights or citations. */
  retrieval: { all: Latency; phrases: Latency };
  /** The brute-force floor, and the engine's phrase p50 (full search, and retrieval alone) against it. */
  scan: { phrases: Latency; ratio: number | null; retrievalRatio: number | null };
  exactness: PhraseQuality & { totalsMatchScan: number; mismatches: string[] };
  /**
   * `search`: /api/search as served, answer cache on (the queries are cycled, so after the first pass every answer
   * is a cache hit); `searchUncached`: the same app with the cache off, every request searched (absent in runs
   * made before the cache); `searchUncachedBrowser`: the same with a browser's Accept-Encoding, so the answers are
   * compressed (absent in earlier runs); `bare`: the ceiling.
   */
  http: {
    search: LoadResult;
    searchUncached?: LoadResult;
    searchUncachedBrowser?: LoadResult;
    browserVsHealth?: number | null;
    bare: LoadResult;
    ratio: number | null;
    uncachedRatio?: number | null;
    /** `/api/health` through the same app (its middleware, validation and JSON), and uncached search against it. */
    health?: LoadResult;
    uncachedVsHealth?: number | null;
    /**
     * One request at a time, uncached search and `/api/health` alternating in rounds: their latencies and the
     * ratios of search to health at p50 and p99 (absent in earlier runs).
     */
    sequential?: { search: SequentialResult; health: SequentialResult; p50Ratio: number | null; p99Ratio: number | null; browser?: SequentialResult };
  } | null;
  /**
   * `readyMinusSegmenterMs`: the median of the starts' cold start minus the segmenter load measured alone in a
   * separate process; `readyMinusOwnSegmenterMs`: the median over the starts of each one's cold start minus the
   * segmenter load that start logged (absent in runs made before the server logged it). jieba's load varies
   * ±0.4 s between processes, so only the second isolates the rest of the start.
   */
  coldStart: {
    readyMs: number;
    segmenterLoadMs: number;
    readyMinusSegmenterMs: number;
    ownSegmenterMs?: number | null;
    readyMinusOwnSegmenterMs?: number | null;
    firstSearchMs: number;
    servingPeakRssMb: number | null;
    /**
     * Mean bytes of a first page of answers over the queries: as answered by default (hits without the whole
     * text's highlights) and with `fields=text` (what every answer held before; absent in earlier runs).
     */
    answerBytes?: { light: number; full: number };
  } | null;
  peers: PeerReport[];
  /** The same passages and queries on a Sphinx cluster (`--backend sphinx`); absent when not asked for. */
  sphinx?: SphinxOutcome;
  notes: string[];
}

const log = (line: string): void => {
  process.stderr.write(`  ${line}\n`);
};

/** The documents of a scale and how long reading them took (null for synthetic copies of read text). */
async function loadDocs(job: ScaleJob): Promise<{ docs: SourceDoc[]; readMs: number | null; warnings: number; factor: number; corpusDirs: string[] | null }> {
  const spec = scaleSpec(job.scale, job.repoRoot);
  const { shipped } = corpusDirsOf(job.repoRoot);
  const read = await timedAsync(() => readCorpus(spec.dirs));
  const base = spec.dirs.length === 1 && spec.dirs[0] === shipped ? read.value.docs : (await readCorpus([shipped])).docs;
  const oneX = textLength(base);
  if (spec.kind === 'dirs') {
    const docs = read.value.docs;
    return { docs, readMs: read.ms, warnings: read.value.warnings.length, factor: round(textLength(docs) / oneX, 1), corpusDirs: spec.dirs };
  }
  const docs = syntheticCorpus(read.value.docs, spec.factor * oneX);
  return { docs, readMs: null, warnings: read.value.warnings.length, factor: round(textLength(docs) / oneX, 1), corpusDirs: null };
}

/** Runs the analyzer over what the index build analyzes (passage texts, English texts): the build's floor. */
function segmentAll(passages: readonly Passage[]): number {
  let n = 0;
  for (const p of passages) {
    n += analyze(p.text).bigrams.length;
    if (p.textEn) n += analyzeWords(p.textEn).length;
  }
  return n;
}

/** Every hit position of an engine query (all pages). */
async function allPositions(engine: Engine, q: string, position: Map<string, number>): Promise<{ total: number; returned: Set<number> }> {
  const returned = new Set<number>();
  let total = 0;
  for (let offset = 0; ; offset += 100) {
    const res = await engine.search(q, { limit: 100, offset });
    total = res.total;
    for (const h of res.hits) returned.add(position.get(h.id) ?? -1);
    if (res.hits.length < 100) break;
  }
  return { total, returned };
}

/** Samples of parse + plan + backend search (first page of 10) for each query, from a freshly opened index. */
async function measureRetrieval(indexDir: string, corpusDirs: string[], queries: readonly BenchQuery[], sampling: SamplingOptions): Promise<number[][]> {
  const opened = await openIndex({ corpusDirs, indexDir });
  if (opened.built) throw new Error('BENCH_WRONG_INDEX: openIndex rebuilt instead of loading');
  const keys = new PassageKeys(opened.data.passages, opened.keys);
  const samples = sample(queries, retrieval(keys, (query) => opened.backend.search(query), createCrossLang({ cacheDir: indexDir })), sampling);
  opened.backend.close();
  return samples;
}

/** What a current browser sends: its answers come compressed. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

async function measureHttp(engine: Engine, job: ScaleJob, queries: readonly BenchQuery[]): Promise<ScaleReport['http']> {
  if (!job.http) return null;
  const outer = express();
  // The ceiling: a bare Express endpoint on the same server and process as the API.
  outer.get('/bench/bare', (_req, res) => {
    res.json({ ok: true });
  });
  // The same API with the answer cache off, so that every request is searched.
  outer.use('/uncached', createApp(engine, { searchCacheBytes: 0 }));
  outer.use(createApp(engine));
  const server = outer.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const seconds = job.http.seconds;
    const uncachedPaths = queries.map((q) => `/uncached/api/search?q=${encodeURIComponent(q.q)}`);
    const config: LoadConfig = {
      url,
      targets: [
        { name: 'search', paths: queries.map((q) => `/api/search?q=${encodeURIComponent(q.q)}`) },
        { name: 'searchUncached', paths: uncachedPaths },
        { name: 'searchUncachedBrowser', paths: uncachedPaths, headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING } },
        { name: 'bare', paths: ['/bench/bare'] },
        { name: 'health', paths: ['/uncached/api/health'] },
      ],
      connections: job.http.connections,
      seconds,
      roundSeconds: Math.min(2, seconds),
      sequentialSeconds: seconds,
      sequentialTargets: ['searchUncached', 'searchUncachedBrowser', 'health'],
    };
    const out = await runTsx('bench/http-load.ts', [JSON.stringify(config)], { cwd: job.repoRoot, timeoutMs: 8 * seconds * 1000 + 60_000 });
    const results = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, LoadResult> & { sequential: Record<string, SequentialResult> };
    const { search, bare, searchUncached, searchUncachedBrowser, health } = results as Record<string, LoadResult>;
    const one = { search: results.sequential.searchUncached as SequentialResult, health: results.sequential.health as SequentialResult, browser: results.sequential.searchUncachedBrowser };
    return {
      search,
      searchUncached,
      searchUncachedBrowser,
      browserVsHealth: ratio(searchUncachedBrowser.requestsPerSecond, health.requestsPerSecond),
      bare,
      health,
      ratio: ratio(search.requestsPerSecond, bare.requestsPerSecond),
      uncachedRatio: ratio(searchUncached.requestsPerSecond, bare.requestsPerSecond),
      uncachedVsHealth: ratio(searchUncached.requestsPerSecond, health.requestsPerSecond),
      sequential: { ...one, p50Ratio: ratio(one.search.p50Ms, one.health.p50Ms), p99Ratio: ratio(one.search.p99Ms, one.health.p99Ms) },
    };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const COLD_STARTS = 3;

/**
 * Starts the server COLD_STARTS times on the saved index, each time next to a fresh measurement of the
 * segmenter's own load (the part of a start the target allows on top of 1.5 s), and takes medians; the last
 * start then answers every query once over HTTP, for the first-search time and the serving peak RSS.
 */
async function measureColdStart(job: ScaleJob, env: { INDEX_DIR: string; CORPUS_DIR: string }, queries: readonly BenchQuery[], passages: number): Promise<ScaleReport['coldStart']> {
  if (!job.coldStart) return null;
  const ready: number[] = [];
  const segmenter: number[] = [];
  const own: number[] = [];
  for (let run = 0; run < COLD_STARTS; run++) {
    segmenter.push(Number((await runTsx('bench/segmenter-load.ts', [], { cwd: job.repoRoot, timeoutMs: 120_000 })).trim()));
    const t0 = performance.now();
    const server = await startServer(job.repoRoot, env, 600_000);
    try {
      ready.push(server.readyMs);
      if (server.segmenterMs !== null) own.push(server.segmenterMs);
      const health = JSON.parse(server.health) as { passages?: number };
      if (health.passages !== passages) throw new Error(`BENCH_WRONG_INDEX: the server serves ${health.passages} passages, the bench built ${passages}`);
      if (run < COLD_STARTS - 1) continue;
      const first = await httpGet(`${server.url}/api/search?q=${encodeURIComponent(queries[0]?.q ?? '西藏')}`, 120_000);
      const firstSearchMs = performance.now() - t0;
      if (first.status !== 200) throw new Error(`BENCH_SEARCH_FAILED: first search answered ${first.status}`);
      const bytes = { light: 0, full: 0 };
      for (const q of queries) {
        const url = `${server.url}/api/search?q=${encodeURIComponent(q.q)}`;
        bytes.light += Buffer.byteLength((await httpGet(url, 60_000)).body);
        bytes.full += Buffer.byteLength((await httpGet(`${url}&fields=text`, 60_000)).body);
      }
      return {
        readyMs: round(median(ready), 0),
        segmenterLoadMs: round(median(segmenter), 0),
        readyMinusSegmenterMs: round(median(ready) - median(segmenter), 0),
        ownSegmenterMs: own.length === ready.length ? round(median(own), 0) : null,
        readyMinusOwnSegmenterMs: own.length === ready.length ? round(median(ready.map((r, i) => r - (own[i] ?? 0))), 0) : null,
        firstSearchMs: round(firstSearchMs, 0),
        servingPeakRssMb: server.child.pid ? procMemoryMb(server.child.pid, 'VmHWM') : null,
        answerBytes: { light: round(bytes.light / Math.max(1, queries.length), 0), full: round(bytes.full / Math.max(1, queries.length), 0) },
      };
    } finally {
      await stopServer(server.child);
    }
  }
  return null;
}

function measurePeers(job: ScaleJob, passages: readonly Passage[], queries: readonly BenchQuery[], keys: readonly string[]): PeerReport[] {
  const reports: PeerReport[] = [];
  const texts = passages.map((p) => (p.textEn ? `${p.text}\n${p.textEn}` : p.text));
  const asked = queries.map((q) => peerText(q.q));
  for (const name of job.peers) {
    const build = PEERS[name];
    if (!build) throw new Error(`BENCH_BAD_ARGUMENT: unknown peer ${name}`);
    log(`peer ${name}: building over ${texts.length} passages`);
    const before = usedMemory();
    const built = timed(() => build(texts));
    const memoryMb = mb(usedMemory() - before);
    const samples = sample(asked, (text) => built.value.search(text), job.sampling);
    const phrases = queries.flatMap((q) => {
      const phrase = phraseOf(q.q);
      return phrase ? [{ returned: new Set(built.value.search(phrase)), exact: exactSet(passages, keys, phraseKey(phrase)) }] : [];
    });
    reports.push({ name, buildMs: round(built.ms, 0), memoryMb, latency: latencyOver(samples), ...qualityOf(phrases) });
    collectGarbage();
  }
  return reports;
}

/**
 * Runs bench/backend-sphinx.ts in its own process on this scale's index (so on the very same passages),
 * after noting the embedded total of every query for it to compare with.
 */
async function measureSphinx(job: ScaleJob, engine: Engine, queries: readonly BenchQuery[], target: { indexDir: string; corpusDirs: string[] }): Promise<SphinxOutcome> {
  const embeddedTotals: number[] = [];
  for (const q of queries) embeddedTotals.push((await engine.search(q.q)).total);
  const out = path.join(job.workDir, 'sphinx.json');
  const sphinxJob: SphinxJob = { scale: job.scale, repoRoot: job.repoRoot, ...target, out, sampling: job.sampling ?? DEFAULT_SAMPLING, embeddedTotals };
  try {
    await runNode(['--expose-gc', '--max-old-space-size=20000', '--import', 'tsx', 'bench/backend-sphinx.ts', JSON.stringify(sphinxJob)], job.repoRoot);
    return JSON.parse(readFileSync(out, 'utf8')) as SphinxOutcome;
  } catch (e) {
    return { status: 'failed', reason: e instanceof Error ? e.message : String(e) };
  }
}

/** Reads, chunks, segments (alone), builds and writes the index of a scale, timing each step. */
async function ingest(job: ScaleJob, indexDir: string, notes: string[]) {
  log(`${job.scale}: reading`);
  const { docs, readMs, warnings, factor, corpusDirs } = await loadDocs(job);
  const segLoad = timed(() => loadChineseSegmenter());
  const chunked = timed(() => docs.flatMap((d) => chunkDocument(d)));
  const passages = chunked.value;
  const chars = passages.reduce((a, p) => a + p.text.length + (p.textEn?.length ?? 0), 0);
  log(`${job.scale}: ${docs.length} documents, ${passages.length} passages, ${chars} characters; segmenting`);
  const seg = timed(() => segmentAll(passages));
  log(`${job.scale}: building the index`);
  const data: CorpusData = { docs: docs.map((d) => d.meta), passages };
  const built = timed(() => buildIndex(data));
  // A synthetic corpus has no folder of its own: its index is tied to a marker folder naming it.
  let serverCorpusDirs = corpusDirs;
  if (!serverCorpusDirs) {
    const marker = path.join(job.workDir, 'synthetic-corpus');
    mkdirSync(marker, { recursive: true });
    writeFileSync(path.join(marker, 'README-synthetic.md'), `synthetic ${job.scale}: ${docs.length} copies of real reports\n`);
    serverCorpusDirs = [marker];
    notes.push('synthetic: copies of the real reports with distinct ids (reading not timed; the vocabulary does not grow with copies)');
  }
  const fingerprint = await corpusFilesFingerprint(serverCorpusDirs);
  const files = built.value.files;
  const written = await timedAsync(() => writeIndex(indexDir, files, manifestFor(data, fingerprint)));
  built.value.backend.close();
  // The English→Chinese dictionary is cached beside the index (INDEX_DIR), independent of the corpus: reuse
  // the checkout's cache when there is one (the dictionary checks it and rebuilds a stale one).
  const cached = path.join(job.repoRoot, 'index', DICTIONARY_CACHE_FILE);
  if (existsSync(cached)) copyFileSync(cached, path.join(indexDir, DICTIONARY_CACHE_FILE));
  const dictionary = timed(() => createCrossLang({ cacheDir: indexDir }).dictionary());
  const bytes = Object.fromEntries(Object.entries(files).map(([name, content]) => [name, Buffer.byteLength(content)]));
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  const ingestMs = (readMs ?? 0) + chunked.ms + built.ms + written.ms;
  return {
    passages,
    serverCorpusDirs,
    factor,
    buildPeakMb: peakRssMb(),
    corpus: { documents: docs.length, passages: passages.length, chars, warnings },
    ingest: {
      readMs: readMs === null ? null : round(readMs, 0),
      chunkMs: round(chunked.ms, 0),
      segmenterLoadMs: round(segLoad.ms, 0),
      segmentMs: round(seg.ms, 0),
      buildMs: round(built.ms, 0),
      writeMs: round(written.ms, 0),
      dictionaryCacheMs: round(dictionary.ms, 0),
      charsPerSecond: round(chars / (ingestMs / 1000), 0),
      segmentationShare: round(seg.ms / ingestMs, 3),
    },
    buildVsSegmentation: ratio(built.ms, seg.ms),
    index: { bytes: total, mb: mb(total), files: bytes },
  };
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as ScaleJob;
  const sampling = job.sampling ?? DEFAULT_SAMPLING;
  const queries = loadQueries();
  const notes: string[] = [];
  rmSync(job.workDir, { recursive: true, force: true });
  mkdirSync(job.workDir, { recursive: true });
  const indexDir = path.join(job.workDir, 'index');
  process.env.INDEX_DIR = indexDir; // where the engine keeps its dictionary cache, as the server will

  const ing = await ingest(job, indexDir, notes);
  const { passages, serverCorpusDirs } = ing;
  collectGarbage();

  // Retrieval alone (parse, plan, index; no snippets or citations), from the index on disk.
  log(`${job.scale}: retrieval alone`);
  const retrieval = await measureRetrieval(indexDir, serverCorpusDirs, queries, sampling);
  collectGarbage();

  // Serve from disk, as the server does, with the build's memory released first.
  log(`${job.scale}: opening the engine from disk`);
  const opened = await timedAsync(() => openEngine({ corpusDirs: serverCorpusDirs ?? [], indexDir }));
  const engine = opened.value;
  if (engine.stats().passages !== passages.length) throw new Error('BENCH_WRONG_INDEX: the engine rebuilt instead of loading');

  log(`${job.scale}: querying in-process`);
  const first = await timedAsync(() => engine.search(queries[0]?.q ?? '西藏'));
  const firstAsks: number[] = [];
  const samples = await sampleAsync(queries, (q) => engine.search(q.q), sampling, firstAsks);
  const phraseIdx = phraseIndexes(queries);
  const byCategory = latencyByCategory(samples, queries);
  const frequentSamples = await sampleAsync([FREQUENT_WORD], (q) => engine.search(q), sampling);
  const frequent = { q: FREQUENT_WORD, total: (await engine.search(FREQUENT_WORD)).total, latency: latencyOver(frequentSamples) };

  log(`${job.scale}: brute-force scan and exactness`);
  const keys = passages.map(matchKey);
  const phraseKeys = phraseIdx.map((i) => phraseKey(phraseOf(queries[i]?.q ?? '') ?? ''));
  const scanSamples = sample(phraseKeys, (key) => scanCount(keys, key), sampling);
  const position = new Map(passages.map((p, i) => [p.id, i]));
  const mismatches: string[] = [];
  const engineSets: Array<{ returned: Set<number>; exact: Set<number> }> = [];
  for (const [n, i] of phraseIdx.entries()) {
    const q = queries[i]?.q ?? '';
    const { total, returned } = await allPositions(engine, q, position);
    const exact = exactSet(passages, keys, phraseKeys[n] ?? '');
    if (total !== exact.size) mismatches.push(`${q}: total ${total}, scan ${exact.size}`);
    engineSets.push({ returned, exact });
  }
  const servePeakMb = peakRssMb();
  const phraseLatency = latencyOver(samples, phraseIdx);
  const scanLatency = latencyOver(scanSamples);

  log(`${job.scale}: HTTP`);
  const http = await measureHttp(engine, job, queries);
  log(`${job.scale}: cold start`);
  const coldStart = await measureColdStart(job, { INDEX_DIR: indexDir, CORPUS_DIR: serverCorpusDirs.join(path.delimiter) }, queries, passages.length);
  const peers = measurePeers(job, passages, queries, keys);
  const sphinx = job.backends?.includes('sphinx') ? await measureSphinx(job, engine, queries, { indexDir, corpusDirs: serverCorpusDirs }) : undefined;

  const report: ScaleReport = {
    scale: job.scale,
    factor: ing.factor,
    corpus: ing.corpus,
    ingest: ing.ingest,
    buildVsSegmentation: ing.buildVsSegmentation,
    index: ing.index,
    openMs: round(opened.ms, 0),
    rss: { buildPeakMb: ing.buildPeakMb, servePeakMb },
    queries: { firstMs: round(first.ms, 1), all: latencyOver(samples), firstAsk: latencyOver([firstAsks]), phrases: phraseLatency, byCategory, queries: queries.length },
    frequent,
    retrieval: { all: latencyOver(retrieval), phrases: latencyOver(retrieval, phraseIdx) },
    scan: {
      phrases: scanLatency,
      ratio: ratio(phraseLatency.p50, scanLatency.p50),
      retrievalRatio: ratio(latencyOver(retrieval, phraseIdx).p50, scanLatency.p50),
    },
    exactness: { ...qualityOf(engineSets), totalsMatchScan: phraseIdx.length - mismatches.length, mismatches },
    http,
    coldStart,
    peers,
    ...(sphinx ? { sphinx } : {}),
    notes,
  };
  writeFileSync(job.out, JSON.stringify(report, null, 2));
  rmSync(job.workDir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  process.stderr.write(`bench scale failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
