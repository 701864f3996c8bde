/**
 * The printed form of a run: one column per scale, one row per figure; the backends side by side (with
 * `--backend sphinx`); then the peers and the targets.
 */
import type { NodeFootprint, SphinxReport } from './backend-sphinx.js';
import type { ScaleReport } from './scale.js';
import type { Verdict } from './targets.js';

type Cell = string | number | null | undefined;

const show = (c: Cell): string => (c === null || c === undefined || (typeof c === 'number' && Number.isNaN(c)) ? '–' : String(c));

/**
 * Aligns rows of cells into a text table (first column left-aligned, the others right-aligned).
 * @example formatTable([['a', 1], ['bb', 22]]) // 'a    1\nbb  22'
 */
export function formatTable(rows: readonly Cell[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...show(c)].length)));
  return rows
    .map((row) =>
      row
        .map((c, i) => {
          const s = show(c);
          const pad = ' '.repeat((widths[i] ?? 0) - [...s].length);
          return i === 0 ? s + pad : pad + s;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The main table: figures by scale. */
export function scaleTable(reports: readonly ScaleReport[]): string {
  const col = (f: (r: ScaleReport) => Cell): Cell[] => reports.map(f);
  const rows: Cell[][] = [
    ['figure', ...reports.map((r) => r.scale)],
    ['size (× shipped corpus)', ...col((r) => r.factor)],
    ['documents / passages', ...col((r) => `${r.corpus.documents} / ${r.corpus.passages}`)],
    ['characters', ...col((r) => r.corpus.chars)],
    ['ingest: chars/s', ...col((r) => r.ingest.charsPerSecond)],
    ['ingest: share in segmentation', ...col((r) => r.ingest.segmentationShare)],
    ['read / chunk (ms)', ...col((r) => `${r.ingest.readMs ?? '–'} / ${r.ingest.chunkMs}`)],
    ['segmentation alone (ms)', ...col((r) => r.ingest.segmentMs)],
    ['build (ms)', ...col((r) => r.ingest.buildMs)],
    ['build / segmentation', ...col((r) => r.buildVsSegmentation)],
    ['write (ms)', ...col((r) => r.ingest.writeMs)],
    ['index on disk (MB)', ...col((r) => r.index.mb)],
    ['open from disk in-process (ms)', ...col((r) => r.openMs)],
    ['peak RSS build (MB)', ...col((r) => r.rss.buildPeakMb)],
    ['cold start to /api/health (ms)', ...col((r) => r.coldStart?.readyMs)],
    ['  segmenter load in that start (ms)', ...col((r) => r.coldStart?.ownSegmenterMs)],
    ['  segmenter load alone (ms)', ...col((r) => r.coldStart?.segmenterLoadMs)],
    ['  start minus its own segmenter load', ...col((r) => r.coldStart?.readyMinusOwnSegmenterMs)],
    ['  first search answered (ms)', ...col((r) => r.coldStart?.firstSearchMs)],
    ['peak RSS serving (MB)', ...col((r) => r.coldStart?.servingPeakRssMb)],
    ['answer bytes, mean: default', ...col((r) => r.coldStart?.answerBytes?.light)],
    ['  with fields=text (as before)', ...col((r) => r.coldStart?.answerBytes?.full)],
    ['query p50 / p99 (ms), all', ...col((r) => `${r.queries.all.p50} / ${r.queries.all.p99}`)],
    ['  first ask of each query', ...col((r) => (r.queries.firstAsk ? `${r.queries.firstAsk.p50} / ${r.queries.firstAsk.p99}` : null))],
    ...['phrase', 'word', 'multi', 'english', 'traditional', 'filter'].map((c): Cell[] => [
      `  ${c}`,
      ...col((r) => `${r.queries.byCategory[c]?.p50 ?? '–'} / ${r.queries.byCategory[c]?.p99 ?? '–'}`),
    ]),
    ['  most frequent word (total)', ...col((r) => (r.frequent ? `${r.frequent.latency.p50} / ${r.frequent.latency.p99} (${r.frequent.q} ${r.frequent.total})` : null))],
    ['retrieval alone p50 / p99 (ms), all', ...col((r) => `${r.retrieval.all.p50} / ${r.retrieval.all.p99}`)],
    ['  phrases', ...col((r) => `${r.retrieval.phrases.p50} / ${r.retrieval.phrases.p99}`)],
    ['scan p50 / p99 (ms), phrases', ...col((r) => `${r.scan.phrases.p50} / ${r.scan.phrases.p99}`)],
    ['phrase p50 / scan p50', ...col((r) => r.scan.ratio)],
    ['  retrieval alone / scan', ...col((r) => r.scan.retrievalRatio)],
    ['exact phrases (of n)', ...col((r) => `${r.exactness.exact}/${r.exactness.phrases}`)],
    ['HTTP search req/s (p50 ms)', ...col((r) => (r.http ? `${Math.round(r.http.search.requestsPerSecond)} (${r.http.search.latencyP50Ms})` : null))],
    ['  answer cache off', ...col((r) => (r.http?.searchUncached ? `${Math.round(r.http.searchUncached.requestsPerSecond)} (${r.http.searchUncached.latencyP50Ms})` : null))],
    ['HTTP bare req/s (p50 ms)', ...col((r) => (r.http ? `${Math.round(r.http.bare.requestsPerSecond)} (${r.http.bare.latencyP50Ms})` : null))],
    ['HTTP search / bare', ...col((r) => r.http?.ratio)],
    ['  answer cache off', ...col((r) => r.http?.uncachedRatio)],
    ['HTTP /api/health req/s (p50 ms)', ...col((r) => (r.http?.health ? `${Math.round(r.http.health.requestsPerSecond)} (${r.http.health.latencyP50Ms})` : null))],
    ['HTTP search, cache off / health', ...col((r) => r.http?.uncachedVsHealth)],
    ['  a browser\'s Accept-Encoding: req/s (bytes) / health', ...col((r) => (r.http?.searchUncachedBrowser ? `${Math.round(r.http.searchUncachedBrowser.requestsPerSecond)} (${r.http.searchUncachedBrowser.bytesPerRequest}) / ${r.http.browserVsHealth}` : null))],
    ['one at a time: search, cache off p50 / p99 (ms)', ...col((r) => (r.http?.sequential ? `${r.http.sequential.search.p50Ms} / ${r.http.sequential.search.p99Ms}` : null))],
    ['  the same, a browser\'s Accept-Encoding', ...col((r) => (r.http?.sequential?.browser ? `${r.http.sequential.browser.p50Ms} / ${r.http.sequential.browser.p99Ms}` : null))],
    ['  /api/health p50 / p99 (ms)', ...col((r) => (r.http?.sequential ? `${r.http.sequential.health.p50Ms} / ${r.http.sequential.health.p99Ms}` : null))],
    ['  search / health at p50, p99', ...col((r) => (r.http?.sequential ? `${r.http.sequential.p50Ratio}, ${r.http.sequential.p99Ratio}` : null))],
  ];
  return formatTable(rows);
}

const CATEGORIES = ['phrase', 'word', 'multi', 'english', 'traditional', 'filter'];
const latency = (l: { p50: number; p99: number } | undefined): string => (l ? `${l.p50} / ${l.p99}` : '–');
const perNode = (nodes: readonly NodeFootprint[], f: (n: NodeFootprint) => number | null): string => nodes.map((n) => `${n.node} ${f(n) ?? '–'}`).join(', ');

/**
 * The embedded and the Sphinx backend side by side, two columns per scale where Sphinx was measured (the
 * same passages and queries); an empty string when it was measured nowhere.
 */
export function backendTable(reports: readonly ScaleReport[]): string {
  const pairs = reports.flatMap((r) => (r.sphinx?.status === 'measured' ? [{ r, s: r.sphinx as SphinxReport }] : []));
  if (pairs.length === 0) return '';
  const row = (label: string, embedded: (r: ScaleReport) => Cell, sphinx: (s: SphinxReport, r: ScaleReport) => Cell): Cell[] => [
    label,
    ...pairs.flatMap(({ r, s }) => [embedded(r), sphinx(s, r)]),
  ];
  const perSecond = (n: number, ms: number): number => Math.round(n / (ms / 1000));
  const rows: Cell[][] = [
    ['figure', ...pairs.flatMap(({ r, s }) => [`${r.scale} embedded`, `${r.scale} sphinx, ${s.cluster.shards} shards`])],
    row('passages', (r) => r.corpus.passages, (_, r) => r.corpus.passages),
    row('build / load, analysis incl. (ms)', (r) => r.ingest.buildMs, (s) => s.load.ms),
    row('  passages/s', (r) => perSecond(r.corpus.passages, r.ingest.buildMs), (s) => s.load.passagesPerSecond),
    row('  characters/s', (r) => perSecond(r.corpus.chars, r.ingest.buildMs), (s) => s.load.charsPerSecond),
    row('query p50 / p99 (ms), all', (r) => latency(r.queries.all), (s) => latency(s.queries.all)),
    ...CATEGORIES.map((c) => row(`  ${c}`, (r) => latency(r.queries.byCategory[c]), (s) => latency(s.queries.byCategory[c]))),
    row('retrieval alone p50 / p99 (ms), all', (r) => latency(r.retrieval.all), (s) => latency(s.retrieval.all)),
    row('  phrases', (r) => latency(r.retrieval.phrases), (s) => latency(s.retrieval.phrases)),
    row('exact phrases (of n)', (r) => `${r.exactness.exact}/${r.exactness.phrases}`, (s) => `${s.exactness.exact}/${s.exactness.phrases}`),
    row('totals = embedded (of n queries)', () => null, (s) => `${s.totalsMatchEmbedded.same}/${s.totalsMatchEmbedded.of}`),
    row('searchd RSS per node (MB)', () => null, (s) => perNode(s.memory.nodes, (n) => n.rssMb)),
    row('disk per node (MB)', (r) => `index ${r.index.mb}`, (s) => perNode(s.memory.nodes, (n) => n.diskMb)),
    row('Node server RSS, peak (MB)', (r) => r.coldStart?.servingPeakRssMb, (s) => s.memory.server?.peakRssMb),
    row('  after the queries (MB)', () => null, (s) => s.memory.server?.rssMb),
    row('bench process RSS, peak / after (MB)', () => null, (s) => `${s.memory.nodePeakRssMb ?? '?'} / ${s.memory.nodeRssMb ?? '?'}`),
  ];
  return formatTable(rows);
}

/** Peers next to the engine, per scale where they ran. */
export function peerTable(reports: readonly ScaleReport[]): string {
  const rows: Cell[][] = [['scale', 'engine', 'build (ms)', 'memory (MB)', 'p50 (ms)', 'p99 (ms)', 'phrase recall', 'precision', 'exact phrases']];
  for (const r of reports) {
    if (r.peers.length === 0) continue;
    const exact = `${r.exactness.exact}/${r.exactness.phrases}`;
    rows.push([r.scale, 'this engine, full search', r.ingest.buildMs, null, r.queries.all.p50, r.queries.all.p99, r.exactness.recall, r.exactness.precision, exact]);
    rows.push([r.scale, 'this engine, retrieval', null, null, r.retrieval.all.p50, r.retrieval.all.p99, r.exactness.recall, r.exactness.precision, exact]);
    for (const p of r.peers) rows.push([r.scale, p.name, p.buildMs, p.memoryMb, p.latency.p50, p.latency.p99, p.recall, p.precision, `${p.exact}/${p.phrases}`]);
  }
  return rows.length > 1 ? formatTable(rows) : '(no peers in this run)';
}

/** The targets with a verdict each. */
export function targetTable(verdicts: readonly Verdict[]): string {
  const rows: Cell[][] = [['scale', 'target', 'value', 'limit', 'verdict']];
  for (const v of verdicts) rows.push([v.scale, v.target, v.value === null ? null : Math.round(v.value * 1000) / 1000, v.limit, v.pass === null ? 'not measured' : v.pass ? 'met' : 'MISSED']);
  return formatTable(rows);
}
