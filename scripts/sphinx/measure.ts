/**
 * Measures the Sphinx backend beside the embedded one on the same passages, for docs/scale-out.md:
 * load (insert) throughput, query latency p50/p99 over bench/queries.json, memory (RSS) per node, disk per
 * node, and that both answer every query with the same total.
 *
 *   scripts/sphinx/cluster.sh start && eval "$(scripts/sphinx/cluster.sh env)"
 *   npx tsx scripts/sphinx/measure.ts [--scale 1x|real] [--rounds 5]
 *
 * `1x` is corpus/; `real` adds every report under ../shared/corpora. The cluster is reloaded (forced).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkDocument } from '../../src/chunk/chunk.js';
import type { BackendQuery } from '../../src/index/backend.js';
import { buildIndex, type CorpusData } from '../../src/index/build.js';
import { openSphinxBackend, sphinxConfigFromEnv } from '../../src/index/sphinx/index.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import { PassageKeys } from '../../src/search/passage-keys.js';
import { planQuery } from '../../src/search/plan.js';
import { parseQuery } from '../../src/search/query-parser.js';
import { loadChineseSegmenter } from '../../src/text/analyzer.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const scale = arg('scale', 'real');
const rounds = Number(arg('rounds', '5'));
const dirs = scale === 'real' ? [path.join(ROOT, 'corpus'), path.resolve(ROOT, '../shared/corpora')] : [path.join(ROOT, 'corpus')];

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const ms = (x: number): string => x.toFixed(1);

/** VmRSS and data size of each node of the local cluster, from cluster.sh status and its work folder. */
function nodeFootprints(): Array<{ node: string; rssMb: string; diskMb: string }> {
  const script = path.join(ROOT, 'scripts/sphinx/cluster.sh');
  const status = execFileSync('bash', [script, 'status'], { encoding: 'utf8' });
  const workDir = process.env.SPHINX_WORK_DIR ?? path.join(process.env.TMPDIR ?? '/tmp', `gov-search-sphinx-${process.env.SPHINX_BASE_PORT ?? '19306'}`);
  return status
    .trim()
    .split('\n')
    .map((line) => {
      const [node = '?'] = line.split(/\s+/);
      const pid = /pid=(\d+)/.exec(line)?.[1];
      const rss = pid ? /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] : undefined;
      const disk = execFileSync('du', ['-sk', path.join(workDir, node)], { encoding: 'utf8' }).split('\t')[0];
      return { node, rssMb: rss ? mb(Number(rss) * 1024) : '?', diskMb: disk ? mb(Number(disk) * 1024) : '?' };
    });
}

const config = sphinxConfigFromEnv(process.env);
if (!config) throw new Error('set SEARCH_BACKEND=sphinx and the addresses: eval "$(scripts/sphinx/cluster.sh env)"');

loadChineseSegmenter(); // not timed: both backends share the analyzer
let t = performance.now();
const { docs } = await readCorpus(dirs);
const data: CorpusData = { docs: docs.map((d) => d.meta), passages: docs.flatMap((d) => chunkDocument(d)) };
const chars = data.passages.reduce((n, p) => n + p.text.length + (p.textEn?.length ?? 0), 0);
console.log(`scale ${scale}: ${data.docs.length} documents, ${data.passages.length} passages, ${(chars / 1e6).toFixed(1)} M characters (read in ${ms(performance.now() - t)} ms)`);

const rss0 = process.memoryUsage().rss;
t = performance.now();
const embedded = buildIndex(data).backend;
const embeddedBuild = performance.now() - t;
const embeddedRss = process.memoryUsage().rss - rss0;
console.log(`embedded: built in ${ms(embeddedBuild)} ms (${Math.round(data.passages.length / (embeddedBuild / 1000))} passages/s), process RSS grew ${mb(embeddedRss)} MB`);

t = performance.now();
const sphinx = await openSphinxBackend(config, data, { force: true, log: (line) => console.log(line) });
const sphinxLoad = performance.now() - t;
console.log(`sphinx: loaded in ${ms(sphinxLoad)} ms (${Math.round(data.passages.length / (sphinxLoad / 1000))} passages/s incl. analysis), per shard ${sphinx.load.perShard.join(' / ')}, vocabulary ${sphinx.load.vocabulary}`);

const keys = new PassageKeys(data.passages);
const queries = (JSON.parse(readFileSync(path.join(ROOT, 'bench/queries.json'), 'utf8')) as { queries: Array<{ q: string }> }).queries.map((e) => e.q);
const plans: BackendQuery[] = queries.map((q) => ({ ...planQuery(parseQuery(q), keys).query, offset: 0, limit: 10 }));
for (const p of plans) {
  embedded.search(p);
  await sphinx.search(p); // warm both
}
const timesEmbedded: number[] = [];
const timesSphinx: number[] = [];
let mismatches = 0;
for (let round = 0; round < rounds; round++) {
  for (const [i, p] of plans.entries()) {
    t = performance.now();
    const a = embedded.search(p);
    timesEmbedded.push(performance.now() - t);
    t = performance.now();
    const b = await sphinx.search(p);
    timesSphinx.push(performance.now() - t);
    if (round === 0 && (a.total !== b.total || b.partial)) {
      mismatches++;
      console.log(`  differs: ${queries[i]} embedded ${a.total}, sphinx ${b.total}${b.partial ? ' (partial)' : ''}`);
    }
  }
}
timesEmbedded.sort((a, b) => a - b);
timesSphinx.sort((a, b) => a - b);
console.log(`queries: ${queries.length} × ${rounds} rounds, first page of 10, totals differing: ${mismatches}`);
console.log(`  embedded p50 ${ms(quantile(timesEmbedded, 0.5))} ms, p99 ${ms(quantile(timesEmbedded, 0.99))} ms`);
console.log(`  sphinx   p50 ${ms(quantile(timesSphinx, 0.5))} ms, p99 ${ms(quantile(timesSphinx, 0.99))} ms`);
for (const n of nodeFootprints()) console.log(`  node ${n.node}: RSS ${n.rssMb} MB, disk ${n.diskMb} MB`);
console.log(`  this Node process (passages, keys, embedded index): RSS ${mb(process.memoryUsage().rss)} MB`);
await sphinx.close();
