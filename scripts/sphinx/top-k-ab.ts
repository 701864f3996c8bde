/**
 * The Sphinx backend's pruned search against its exhaustive search, interleaved in one process on one
 * throwaway cluster, so that a busy machine slows both alike: `bench/queries.json` through retrieval alone
 * (parse, plan, backend; first page of 10), each query timed on both backends in turn (the order alternating
 * by round), after checking that both give the same JSON answer.
 *
 *   npx tsx scripts/sphinx/top-k-ab.ts real 5      # scale (1x, real, 100x…), rounds
 */
import { chunkDocument } from '../../src/chunk/chunk.js';
import { createCrossLang } from '../../src/crosslang/expand.js';
import { openSphinxBackend, type SphinxBackend } from '../../src/index/sphinx/index.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import { planQuery } from '../../src/search/plan.js';
import { parseQuery } from '../../src/search/query-parser.js';
import { loadChineseSegmenter } from '../../src/text/analyzer.js';
import { loadQueries } from '../../bench/queries.js';
import { corpusDirsOf, scaleSpec, syntheticCorpus, textLength } from '../../bench/scales.js';
import { percentile } from '../../bench/stats.js';
import { REPO_ROOT, startTestCluster } from './throwaway-cluster.js';

const [scale = 'real', roundsText = '5'] = process.argv.slice(2);
const rounds = Number(roundsText);
const spec = scaleSpec(scale, REPO_ROOT);
const read = await readCorpus(spec.dirs);
const oneX = textLength((await readCorpus([corpusDirsOf(REPO_ROOT).shipped])).docs);
const docs = spec.kind === 'dirs' ? read.docs : syntheticCorpus(read.docs, spec.factor * oneX);
loadChineseSegmenter();
const data = { docs: docs.map((d) => d.meta), passages: docs.flatMap((d) => chunkDocument(d)) };
const crossLang = createCrossLang();
const queries = loadQueries();

async function answer(backend: SphinxBackend, q: string): Promise<{ ms: number; json: string }> {
  const t0 = performance.now();
  const plan = planQuery(parseQuery(q), {}, { crossLang });
  const result = plan.empty ? null : await backend.search({ ...plan.query, offset: 0, limit: 10 });
  return { ms: performance.now() - t0, json: JSON.stringify(result) };
}

const started = startTestCluster();
if ('skipped' in started) throw new Error(started.skipped);
try {
  console.log(`${scale}: ${data.passages.length} passages; loading the cluster`);
  const pruned = await openSphinxBackend(started.config, data, { force: true });
  const exhaustive = await openSphinxBackend(started.config, data, { exhaustive: true });
  const times = { pruned: queries.map((): number[] => []), exhaustive: queries.map((): number[] => []) };
  for (const [i, { q }] of queries.entries()) {
    const [a, b] = [await answer(pruned, q), await answer(exhaustive, q)];
    if (a.json !== b.json) throw new Error(`the pruned and exhaustive answers to ${q} differ`);
    times.pruned[i]?.push(a.ms);
    times.exhaustive[i]?.push(b.ms);
  }
  for (let round = 1; round < rounds; round++) {
    for (const [i, { q }] of queries.entries()) {
      const order: Array<'pruned' | 'exhaustive'> = round % 2 === 0 ? ['pruned', 'exhaustive'] : ['exhaustive', 'pruned'];
      for (const which of order) times[which][i]?.push((await answer(which === 'pruned' ? pruned : exhaustive, q)).ms);
    }
  }
  const median = (xs: number[] | undefined): number => percentile(xs ?? [], 0.5);
  for (const which of ['exhaustive', 'pruned'] as const) {
    const medians = times[which].map(median);
    const byCategory = [...new Set(queries.map((q) => q.category))].map((c) => `${c} ${percentile(medians.filter((_, i) => queries[i]?.category === c), 0.5).toFixed(1)}`);
    console.log(`${which}: p50 ${percentile(medians, 0.5).toFixed(1)} ms, p99 ${percentile(medians, 0.99).toFixed(1)} ms (medians of ${rounds} rounds per query); ${byCategory.join(', ')}`);
  }
  const slowest = queries.map((q, i) => ({ q: q.q, before: median(times.exhaustive[i]), after: median(times.pruned[i]) })).sort((x, y) => y.before - x.before);
  for (const s of slowest.slice(0, 8)) console.log(`  ${s.q}: ${s.before.toFixed(1)} → ${s.after.toFixed(1)} ms`);
  await pruned.close();
  await exhaustive.close();
} finally {
  started.dispose();
}
