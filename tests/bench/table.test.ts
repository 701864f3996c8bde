import { describe, expect, it } from 'vitest';
import type { SphinxOutcome } from '../../bench/backend-sphinx.js';
import type { ScaleReport } from '../../bench/scale.js';
import { backendTable, scaleTable } from '../../bench/table.js';
import { fakeReport, lat, LOAD } from './fake-report.js';

/** A scale report with the figures the backend table reads. */
function report(scale: string, sphinx?: SphinxOutcome): ScaleReport {
  return fakeReport(scale, {
    corpus: { documents: 5, passages: 1000, chars: 200_000, warnings: 0 },
    ingest: { readMs: 1, chunkMs: 1, segmenterLoadMs: 1, segmentMs: 1, buildMs: 500, writeMs: 1, dictionaryCacheMs: 1, charsPerSecond: 1, segmentationShare: 1 },
    index: { bytes: 2e6, mb: 2, files: {} },
    queries: { firstMs: 1, all: lat(0.3, 3, 10), phrases: lat(0.2, 2, 10), byCategory: { phrase: lat(0.2, 2, 10) }, queries: 73 },
    retrieval: { all: lat(0.1, 1, 10), phrases: lat(0.05, 0.5, 10) },
    exactness: { phrases: 35, exact: 35, recall: 1, precision: 1, totalsMatchScan: 35, mismatches: [] },
    coldStart: { readyMs: 1, segmenterLoadMs: 1, readyMinusSegmenterMs: 1, firstSearchMs: 1, servingPeakRssMb: 410 },
    ...(sphinx ? { sphinx } : {}),
  });
}

const measured: SphinxOutcome = {
  status: 'measured',
  cluster: { version: 'Sphinx 2.2.11', shards: 2, batchSize: 200 },
  load: { ms: 2000, passagesPerSecond: 500, charsPerSecond: 100_000, perShard: [501, 499], vocabulary: 7000 },
  queries: { all: lat(5, 20), phrases: lat(3, 12), byCategory: { phrase: lat(3, 12) }, queries: 73, partial: 0 },
  retrieval: { all: lat(4, 18), phrases: lat(2.5, 11) },
  exactness: { phrases: 35, exact: 34, recall: 0.99, precision: 1, totalsMatchScan: 34, mismatches: ['"茶": total 9, scan 10'] },
  totalsMatchEmbedded: { same: 72, of: 73, differing: ['"茶": sphinx 9, embedded 10'] },
  memory: {
    nodes: [
      { node: 'shard0', pid: 11, rssMb: 18.1, diskMb: 0.7 },
      { node: 'shard1', pid: 12, rssMb: 16.4, diskMb: 0.8 },
      { node: 'agg', pid: 13, rssMb: 10, diskMb: 0 },
    ],
    nodeRssMb: 420,
    nodePeakRssMb: 437.6,
    server: { rssMb: 150.5, peakRssMb: 212, readyMs: 3100 },
  },
};

/** The cells of the row whose label is `label`, split on two or more spaces. */
const cells = (table: string, label: string): string[] =>
  (table.split('\n').find((line) => line.startsWith(label)) ?? '').slice(label.length).trim().split(/\s{2,}/);

describe('the backend table', () => {
  it('is empty when no scale measured Sphinx (skipped, failed or not asked for)', () => {
    expect(backendTable([report('1x')])).toBe('');
    expect(backendTable([report('1x', { status: 'skipped', reason: 'searchd is not installed' })])).toBe('');
    expect(backendTable([report('1x', { status: 'failed', reason: 'boom' })])).toBe('');
  });

  it('puts the embedded and Sphinx figures of a scale side by side, only for scales where Sphinx ran', () => {
    const table = backendTable([report('1x', measured), report('real'), report('100x', measured)]);
    expect(cells(table, 'figure')).toEqual(['1x embedded', '1x sphinx, 2 shards', '100x embedded', '100x sphinx, 2 shards']);
    expect(cells(table, 'build / load, analysis incl. (ms)')).toEqual(['500', '2000', '500', '2000']);
    expect(cells(table, '  passages/s')).toEqual(['2000', '500', '2000', '500']);
    expect(cells(table, '  characters/s')).toEqual(['400000', '100000', '400000', '100000']);
    expect(cells(table, 'query p50 / p99 (ms), all')).toEqual(['0.3 / 3', '5 / 20', '0.3 / 3', '5 / 20']);
    expect(cells(table, '  phrase ')).toEqual(['0.2 / 2', '3 / 12', '0.2 / 2', '3 / 12']);
    expect(cells(table, '  word')).toEqual(['–', '–', '–', '–']);
    expect(cells(table, 'exact phrases (of n)')).toEqual(['35/35', '34/35', '35/35', '34/35']);
    expect(cells(table, 'totals = embedded (of n queries)')).toEqual(['–', '72/73', '–', '72/73']);
    expect(cells(table, 'searchd RSS per node (MB)')).toEqual(['–', 'shard0 18.1, shard1 16.4, agg 10', '–', 'shard0 18.1, shard1 16.4, agg 10']);
    expect(cells(table, 'disk per node (MB)')).toEqual(['index 2', 'shard0 0.7, shard1 0.8, agg 0', 'index 2', 'shard0 0.7, shard1 0.8, agg 0']);
    expect(cells(table, 'Node server RSS, peak (MB)')).toEqual(['410', '212', '410', '212']);
    expect(cells(table, '  after the queries (MB)')).toEqual(['–', '150.5', '–', '150.5']);
    expect(cells(table, 'bench process RSS, peak / after (MB)')).toEqual(['–', '437.6 / 420', '–', '437.6 / 420']);
  });
});

describe('scaleTable, HTTP rows', () => {
  const row = (table: string, label: string): string => (table.split('\n').find((line) => line.startsWith(label)) ?? '').slice(label.length).trim();
  const sequential = (p50Ms: number, p99Ms: number) => ({ requests: 100, p50Ms, p99Ms });

  it("prints what a browser's Accept-Encoding got beside the searches without a coding, and a dash for runs made before", () => {
    const browser = { ...LOAD, requestsPerSecond: 250.4, bytesPerRequest: 6585 };
    const withBrowser = fakeReport('1x', {
      http: {
        search: LOAD, bare: LOAD, ratio: 1, health: { ...LOAD, requestsPerSecond: 1000 }, searchUncached: LOAD, uncachedVsHealth: 0.1,
        searchUncachedBrowser: browser, browserVsHealth: 0.25,
        sequential: { search: sequential(0.9, 9), health: sequential(0.3, 3), p50Ratio: 3, p99Ratio: 3, browser: sequential(1.1, 11) },
      },
    });
    const before = fakeReport('real', { http: { search: LOAD, bare: LOAD, ratio: 1, sequential: { search: sequential(0.9, 9), health: sequential(0.3, 3), p50Ratio: 3, p99Ratio: 3 } } });
    const table = scaleTable([withBrowser, before]);
    expect(row(table, "  a browser's Accept-Encoding: req/s (bytes) / health").split(/\s{2,}/)).toEqual(['250 (6585) / 0.25', '–']);
    expect(row(table, "  the same, a browser's Accept-Encoding").split(/\s{2,}/)).toEqual(['1.1 / 11', '–']);
  });
});
