/**
 * The Sphinx backend on one scale of the benchmark, in its own process (so its memory is its own):
 *   node --expose-gc --import tsx bench/backend-sphinx.ts '<SphinxJob as JSON>'
 * bench/scale.ts runs it with `--backend sphinx`, on the index it has just built, so the passages are the
 * very ones of the embedded run. It starts a throwaway cluster (2 shards + aggregator, scripts/sphinx/cluster.sh
 * on free loopback ports, through the tests' helper), loads the passages, runs bench/queries.json through
 * the full `engine.search` and through retrieval alone, checks every quoted phrase against a scan and every
 * total against the embedded backend, reads memory and disk per node, starts a server on the cluster
 * (`SEARCH_BACKEND=sphinx`) to read Node's memory serving, and always stops the cluster.
 * Writes a SphinxOutcome as JSON to `job.out`: measured, skipped (no searchd) or failed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openIndex } from '../src/runtime/build-index.js';
import { openSphinxBackend, sphinxEnv, type SphinxBackend } from '../src/index/sphinx/index.js';
import type { Passage } from '../src/model.js';
import { openEngine } from '../src/runtime/open-engine.js';
import { createCrossLang, type CrossLang } from '../src/crosslang/expand.js';
import { planQuery } from '../src/search/plan.js';
import { parseQuery } from '../src/search/query-parser.js';
import type { Engine } from '../src/search/types.js';
import { loadChineseSegmenter, phraseKey } from '../src/text/analyzer.js';
import { startTestCluster, type TestCluster } from '../scripts/sphinx/throwaway-cluster.js';
import { latencyOver, sampleAsync, type SamplingOptions } from './measure.js';
import { collectGarbage, httpGet, peakRssMb, procMemoryMb, startServer, stopServer } from './processes.js';
import { loadQueries, phraseOf, type BenchQuery } from './queries.js';
import { exactSet, matchKey, qualityOf, type PhraseQuality } from './exactness.js';
import { latencyByCategory, phraseIndexes, retrieval } from './query-latency.js';
import { mb, round, timedAsync, type Latency } from './stats.js';

export interface SphinxJob {
  scale: string;
  repoRoot: string;
  /** The corpus folders and index folder the scale built (the engine opens them, as the server would). */
  corpusDirs: string[];
  indexDir: string;
  out: string;
  sampling: SamplingOptions;
  /** The embedded engine's total for each query of bench/queries.json, in order. */
  embeddedTotals: number[];
}

/** Memory and disk of one searchd node. */
export interface NodeFootprint {
  node: string;
  pid: number | null;
  rssMb: number | null;
  /** Its work folder: RT data, binlog, logs. */
  diskMb: number | null;
}

export interface SphinxReport {
  cluster: { version: string; shards: number; batchSize: number };
  /** Analysis in Node plus INSERTs to every shard, flush included. */
  load: { ms: number; passagesPerSecond: number; charsPerSecond: number; perShard: number[]; vocabulary: number };
  queries: { all: Latency; phrases: Latency; byCategory: Record<string, Latency>; queries: number; partial: number };
  /** Parse, plan and the backend only (no snippets, highlights or citations). */
  retrieval: { all: Latency; phrases: Latency };
  exactness: PhraseQuality & { totalsMatchScan: number; mismatches: string[] };
  totalsMatchEmbedded: { same: number; of: number; differing: string[] };
  /**
   * `nodeRssMb`/`nodePeakRssMb`: this bench process, which also holds the corpus for the scan oracle.
   * `server`: a server process on the cluster (`SEARCH_BACKEND=sphinx`), after the queries over HTTP.
   */
  memory: {
    nodes: NodeFootprint[];
    nodeRssMb: number | null;
    nodePeakRssMb: number | null;
    server: { rssMb: number | null; peakRssMb: number | null; readyMs: number } | null;
  };
}

export type SphinxOutcome = ({ status: 'measured' } & SphinxReport) | { status: 'skipped'; reason: string } | { status: 'failed'; reason: string };

const log = (line: string): void => {
  process.stderr.write(`  ${line}\n`);
};

/** The first line of `searchd --help` (its version), or null when there is no searchd on the PATH. */
function searchdVersion(): string | null {
  const run = spawnSync('searchd', ['--help'], { encoding: 'utf8' });
  if (run.error) return null;
  return run.stdout.split('\n')[0]?.trim() || 'searchd (unknown version)';
}

/** Bytes of every file under a folder. */
function folderBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile()) total += stat.size;
  }
  return total;
}

/** VmRSS of each node (pid from `cluster.sh status`) and the size of its work folder (from its --config). */
function nodeFootprints(cluster: TestCluster): NodeFootprint[] {
  return cluster
    .run('status')
    .trim()
    .split('\n')
    .map((line) => {
      const node = line.split(/\s+/)[0] ?? '?';
      const pid = Number(/pid=(\d+)/.exec(line)?.[1]) || null;
      if (pid === null) return { node, pid, rssMb: null, diskMb: null };
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const config = args[args.indexOf('--config') + 1];
      return { node, pid, rssMb: procMemoryMb(pid, 'VmRSS'), diskMb: config ? mb(folderBytes(path.dirname(config))) : null };
    });
}

/** Every quoted phrase: the engine's total against the scan, and the backend's full set against the scan's. */
async function checkPhrases(engine: Engine, backend: SphinxBackend, passages: readonly Passage[], queries: readonly BenchQuery[], crossLang: CrossLang) {
  const matchKeys = passages.map(matchKey);
  const mismatches: string[] = [];
  const sets: Array<{ returned: Set<number>; exact: Set<number> }> = [];
  for (const { q } of queries) {
    const phrase = phraseOf(q);
    if (phrase === null) continue;
    const key = phraseKey(phrase);
    const exact = exactSet(passages, matchKeys, key);
    const { total, partial } = await engine.search(q, { limit: 10 });
    if (total !== exact.size || partial) mismatches.push(`${q}: total ${total}${partial ? ' (partial)' : ''}, scan ${exact.size}`);
    const plan = planQuery(parseQuery(q), {}, { crossLang });
    const all = plan.empty ? null : await backend.search({ ...plan.query, offset: 0, limit: Math.max(1, exact.size, total) });
    sets.push({ returned: new Set(all?.hits.map((h) => h.index) ?? []), exact });
  }
  return { ...qualityOf(sets), totalsMatchScan: sets.length - mismatches.length, mismatches };
}

/**
 * Starts the server as `npm start` would with `SEARCH_BACKEND=sphinx` on this cluster (it holds only the
 * documents and their layout; passages come from the cluster), runs every query over HTTP, and reads its memory.
 */
async function serverOnCluster(job: SphinxJob, cluster: TestCluster, queries: readonly BenchQuery[], passages: number): Promise<SphinxReport['memory']['server']> {
  const env = { INDEX_DIR: job.indexDir, CORPUS_DIR: job.corpusDirs.join(path.delimiter), ...sphinxEnv(cluster.config) };
  const server = await startServer(job.repoRoot, env, 600_000);
  try {
    const health = JSON.parse(server.health) as { passages?: number; backend?: string };
    if (health.passages !== passages || health.backend !== 'sphinx') throw new Error(`BENCH_WRONG_INDEX: the server on the cluster serves ${health.passages} passages on ${health.backend}`);
    for (let round = 0; round < 2; round++) {
      for (const q of queries) {
        const res = await httpGet(`${server.url}/api/search?q=${encodeURIComponent(q.q)}`, 60_000);
        if (res.status !== 200) throw new Error(`BENCH_SEARCH_FAILED: the server on the cluster answered ${res.status} to ${q.q}`);
      }
    }
    const pid = server.child.pid;
    return { rssMb: pid ? procMemoryMb(pid, 'VmRSS') : null, peakRssMb: pid ? procMemoryMb(pid, 'VmHWM') : null, readyMs: round(server.readyMs, 0) };
  } finally {
    await stopServer(server.child);
  }
}

async function measure(job: SphinxJob, cluster: TestCluster, version: string): Promise<SphinxReport> {
  const queries = loadQueries();
  const { data, built } = await openIndex({ corpusDirs: job.corpusDirs, indexDir: job.indexDir });
  if (built) throw new Error('BENCH_WRONG_INDEX: openIndex rebuilt instead of loading the scale\'s index');
  loadChineseSegmenter(); // not timed: both backends share the analyzer
  const chars = data.passages.reduce((a, p) => a + p.text.length + (p.textEn?.length ?? 0), 0);

  log(`${job.scale} sphinx: loading ${data.passages.length} passages into ${cluster.config.shards.length} shards`);
  const opened = await timedAsync(() => openSphinxBackend(cluster.config, data, { force: true }));
  const backend = opened.value;
  let engine: Engine | null = null;
  try {
    const seconds = opened.ms / 1000;
    const load = {
      ms: round(opened.ms, 0),
      passagesPerSecond: round(data.passages.length / seconds, 0),
      charsPerSecond: round(chars / seconds, 0),
      perShard: backend.load.perShard,
      vocabulary: backend.load.vocabulary,
    };
    engine = await openEngine({ corpusDirs: job.corpusDirs, indexDir: job.indexDir, backend: { sphinx: cluster.config } });
    const onSphinx = engine;
    if (onSphinx.stats().passages !== data.passages.length) throw new Error('BENCH_WRONG_INDEX: the engine on Sphinx sees another corpus');

    log(`${job.scale} sphinx: querying (engine.search)`);
    let partial = 0;
    const samples = await sampleAsync(queries, async (q) => (partial += (await onSphinx.search(q.q)).partial ? 1 : 0), job.sampling);
    const phraseIdx = phraseIndexes(queries);
    const byCategory = latencyByCategory(samples, queries);

    log(`${job.scale} sphinx: retrieval alone`);
    const retrieve = retrieval({}, (query) => backend.search(query), createCrossLang({ cacheDir: job.indexDir }));
    const retrievalSamples = await sampleAsync(queries, async (q) => retrieve(q), job.sampling);

    log(`${job.scale} sphinx: exactness against the scan and the embedded totals`);
    const exactness = await checkPhrases(onSphinx, backend, data.passages, queries, createCrossLang({ cacheDir: job.indexDir }));
    const differing: string[] = [];
    for (const [i, { q }] of queries.entries()) {
      const total = (await onSphinx.search(q)).total;
      if (total !== job.embeddedTotals[i]) differing.push(`${q}: sphinx ${total}, embedded ${job.embeddedTotals[i] ?? '?'}`);
    }

    log(`${job.scale} sphinx: a server on the cluster, memory after the queries over HTTP`);
    const server = await serverOnCluster(job, cluster, queries, data.passages.length);

    collectGarbage();
    return {
      cluster: { version, shards: cluster.config.shards.length, batchSize: cluster.config.batchSize },
      load,
      queries: { all: latencyOver(samples), phrases: latencyOver(samples, phraseIdx), byCategory, queries: queries.length, partial },
      retrieval: { all: latencyOver(retrievalSamples), phrases: latencyOver(retrievalSamples, phraseIdx) },
      exactness,
      totalsMatchEmbedded: { same: queries.length - differing.length, of: queries.length, differing },
      memory: { nodes: nodeFootprints(cluster), nodeRssMb: procMemoryMb(process.pid, 'VmRSS'), nodePeakRssMb: peakRssMb(), server },
    };
  } finally {
    await engine?.close();
    await backend.close();
  }
}

/** Starts the cluster, measures, and stops the cluster by pid whatever happens (errors and Ctrl-C too). */
async function run(job: SphinxJob): Promise<SphinxOutcome> {
  const version = searchdVersion();
  if (version === null) {
    const how = "run `scripts/sphinx/cluster.sh install` (Debian's sphinxsearch) or install Sphinx 2.2 / Manticore";
    return { status: 'skipped', reason: `searchd is not installed: ${how}, then run the bench again` };
  }
  const started = startTestCluster();
  if ('skipped' in started) return { status: 'skipped', reason: started.skipped.replace(/^Sphinx cluster tests skipped: /, 'the cluster did not start: ') };
  const onSignal = (signal: NodeJS.Signals): void => {
    started.dispose();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return { status: 'measured', ...(await measure(job, started, version)) };
  } finally {
    log(`${job.scale} sphinx: stopping the cluster`);
    started.dispose();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as SphinxJob;
  const outcome = await run(job).catch((e: unknown): SphinxOutcome => ({ status: 'failed', reason: e instanceof Error ? e.message : String(e) }));
  if (outcome.status !== 'measured') log(`${job.scale} sphinx: ${outcome.status}: ${outcome.reason}`);
  writeFileSync(job.out, JSON.stringify(outcome, null, 2));
}

main().catch((e: unknown) => {
  process.stderr.write(`bench sphinx failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
